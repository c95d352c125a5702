import type { Transcript } from '@/lib/report/schema';
import {
  NO_AUTH_REQUIRED,
  type AuthDocument,
  type AuthProbe,
  type DiscoveryAttempt,
} from '@/lib/report/schema-auth';
import { blocked, notApplicable, type Outcome } from '../../define';
import { blockedByHandshake } from '../../shared/blocked';

export const SPEC = 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization';
export const APPS_AUTH = 'https://developers.openai.com/apps-sdk/build/auth';

/**
 * The auth record when authorization applies, or the skip every auth check gives: "no
 * authentication required" for an open server, the probe's reason when it could not tell.
 */
export function authApplies(t: Transcript): { auth: AuthProbe } | { skipped: Outcome<never> } {
  const step = t.steps.find((s) => s.id === 'auth');
  if (!t.auth) {
    const why = step?.summary.replace(/^skipped: /, '') ?? 'authorization was not probed';
    return { skipped: blockedByHandshake(t, why) };
  }
  if (!t.auth.required) return { skipped: notApplicable(step?.summary ?? NO_AUTH_REQUIRED) };
  return { auth: t.auth };
}

/** No metadata document of this kind was accepted: the check that reports why owns the cause. */
export function withoutDocument(kind: AuthDocument['kind'], needed?: string): Outcome<never> {
  const owner = kind === 'protected-resource' ? 'auth.protected-resource' : 'auth.server-metadata';
  const what =
    kind === 'protected-resource' ? 'protected resource metadata' : 'authorization server metadata';
  return blocked(owner, `skipped: ${needed ?? `no ${what} was accepted`} (see ${owner})`);
}

/** The document a client would use: the one the SDK accepted, else the last one it rejected. */
export function documentOf(auth: AuthProbe, kind: AuthDocument['kind']): AuthDocument | undefined {
  const docs = auth.documents.filter((d) => d.kind === kind);
  return docs.find((d) => d.problems.length === 0) ?? docs.at(-1);
}

/** An accepted document's JSON as an object, for reading fields. */
export function fieldsOf(doc: AuthDocument | undefined): Record<string, unknown> | null {
  if (!doc || doc.problems.length > 0) return null;
  const json = doc.json;
  return json && typeof json === 'object' && !Array.isArray(json)
    ? (json as Record<string, unknown>)
    : null;
}

export function attemptsOf(auth: AuthProbe, kind: AuthDocument['kind']): DiscoveryAttempt[] {
  return auth.discovery.filter((a) => a.kind === kind);
}

export const idsOf = (items: readonly { exchangeId: string | null }[]): string[] =>
  items.flatMap((i) => (i.exchangeId ? [i.exchangeId] : []));

/** A timeline row as a finding item: the URL, then what happened to it. */
export function attemptItem(a: DiscoveryAttempt): {
  subject: string;
  detail: string;
  evidence?: string[];
} {
  const status = a.status === null ? '' : `HTTP ${a.status} — `;
  const tag = a.beyondSpec
    ? ' (requested by MCP Doctor only; clients that follow the spec stop before it)'
    : '';
  return {
    subject: a.url,
    detail: `${FORM_LABEL[a.form]}: ${a.outcome === 'not-found' ? '' : status}${a.detail}${tag}`,
    ...(a.exchangeId ? { evidence: [a.exchangeId] } : {}),
  };
}

export const FORM_LABEL: Record<DiscoveryAttempt['form'], string> = {
  advertised: 'advertised in resource_metadata',
  'path-inserted': 'well-known, path inserted',
  root: 'well-known, root',
  'oauth-inserted': 'RFC 8414, path inserted',
  'oidc-inserted': 'OpenID Connect, path inserted',
  'oidc-appended': 'OpenID Connect, path appended',
  oauth: 'RFC 8414',
  oidc: 'OpenID Connect',
};
