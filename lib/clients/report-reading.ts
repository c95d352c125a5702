import { bareHost, isLoopbackHost } from '@/lib/net/address';
import type { CheckResult, ReportWithoutClients as Report } from '@/lib/report/schema';
import type { AuthDocument } from '@/lib/report/schema-auth';
import type { UrlParts } from './facts';

/**
 * The check ids whose results decide client facts, in one place: the checks are the owners of
 * these judgements, and a renamed check only needs its id changed here.
 */
export const CHECK = {
  url: 'connection.url',
  public: 'connection.public',
  initialize: 'connection.initialize',
  protocolEra: 'connection.protocol-era',
  challenge: 'auth.challenge',
  protectedResource: 'auth.protected-resource',
  serverMetadata: 'auth.server-metadata',
  pkce: 'auth.pkce',
  registration: 'auth.registration',
  redirectUri: 'auth.redirect-uri',
  toolName: 'tools.name',
} as const;

export const checkResult = (report: Report, id: string): CheckResult | undefined =>
  report.checks.find((c) => c.id === id);

/** true on pass, false on fail, null when the check skipped, errored or did not run. */
export function checkPassed(report: Report, id: string): boolean | null {
  const status = checkResult(report, id)?.status;
  return status === 'pass' ? true : status === 'fail' ? false : null;
}

/** Scheme, host, effective port and loopback-ness of an http(s) URL; null for anything else. */
export function urlParts(raw: string): UrlParts | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  return {
    scheme,
    host: bareHost(url),
    // WHATWG URL drops the scheme's default port, so an empty port is that default.
    port: url.port ? Number(url.port) : scheme === 'https' ? 443 : 80,
    loopback: isLoopbackHost(url.hostname),
  };
}

/** The document a client would use: the one the SDK accepted (as the auth checks read it). */
export function acceptedDocument(
  report: Report,
  kind: AuthDocument['kind'],
): { doc: AuthDocument; fields: Record<string, unknown> } | null {
  const doc = report.auth?.documents.find((d) => d.kind === kind && d.problems.length === 0);
  const json = doc?.json;
  if (!doc || !json || typeof json !== 'object' || Array.isArray(json)) return null;
  return { doc, fields: json as Record<string, unknown> };
}

export const idsOf = (...ids: (string | null | undefined)[]): string[] =>
  ids.filter((id): id is string => typeof id === 'string');
