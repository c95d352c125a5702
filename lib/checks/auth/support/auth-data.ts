import { GUARDED_METADATA, guardedMetadata, type GuardedMetadata } from '@/lib/edges/credentials';
import type { FindingItem, Transcript } from '@/lib/report/schema';
import {
  NO_AUTH_REQUIRED,
  type AuthDocument,
  type AuthProbe,
  type DiscoveryAttempt,
} from '@/lib/report/schema-auth';
import { blocked, notApplicable, type Outcome } from '../../define';
import { blockedByHandshake, VERIFY } from '../../shared/blocked';
import { apiKeyAsk } from '../../shared/credentials';
import { edgeAnswer } from '../../shared/edges';
import { exchangeById, statusLine } from '../../shared/exchanges';

export const SPEC = 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization';
export const APPS_AUTH = 'https://developers.openai.com/apps-sdk/build/auth';

/**
 * The auth record when authorization applies, or the skip every auth check gives: "no
 * authentication required" for an open server, the probe's reason when it could not tell. A 401 or
 * 403 that something in front of the server sent (a CDN challenge, a login wall, a gateway), or
 * that asks for an API key rather than OAuth, is not the server's OAuth: the check that names it
 * owns it, and the Auth row waits on it.
 */
export function authApplies(t: Transcript): { auth: AuthProbe } | { skipped: Outcome<never> } {
  const step = t.steps.find((s) => s.id === 'auth');
  if (!t.auth) {
    const why = step?.summary.replace(/^skipped: /, '') ?? 'authorization was not probed';
    return { skipped: blockedByHandshake(t, why) };
  }
  if (!t.auth.required) return { skipped: notApplicable(step?.summary ?? NO_AUTH_REQUIRED) };
  const denial = exchangeById(t, t.auth.challenge?.exchangeId);
  const edge = denial && edgeAnswer(denial);
  if (denial && edge) {
    const owner = edge.signature.kind === 'tunnel' ? 'connection.tunnel' : 'connection.edge';
    return {
      skipped: blocked(
        owner,
        `skipped: the ${statusLine(denial)} came from ${edge.signature.name}, not from the MCP server's OAuth (see ${owner})`,
        VERIFY.connection,
      ),
    };
  }
  if (apiKeyAsk(t)) {
    return {
      skipped: blocked(
        'connection.client-credentials',
        'skipped: the server asks for an API key, not for OAuth (see connection.client-credentials)',
        VERIFY.apiKey,
      ),
    };
  }
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

export interface GuardedAttempt {
  attempt: DiscoveryAttempt;
  guarded: GuardedMetadata;
}

/** The discovery URLs of this kind that answered 401/403, with what answered when it was an edge. */
export function guardedAttempts(
  t: Transcript,
  auth: AuthProbe,
  kind: AuthDocument['kind'],
): GuardedAttempt[] {
  return attemptsOf(auth, kind).flatMap((attempt) => {
    const exchange = exchangeById(t, attempt.exchangeId);
    // An advertised resource_metadata URL may have any path; the others are well-known URLs.
    const known = attempt.form === 'advertised' ? 'protected-resource' : undefined;
    const guarded = exchange && guardedMetadata(exchange, known);
    return guarded ? [{ attempt, guarded }] : [];
  });
}

/**
 * A discovery document answered 401/403: it must be public (RFC 9728 §3, RFC 8414 §3), since a
 * client reads it before it has any token; the finding names the gateway or login wall that
 * guards it when the edge table knows it.
 */
export function guardedFailure(
  guarded: readonly [GuardedAttempt, ...GuardedAttempt[]],
  what: string,
  items: FindingItem[],
): Outcome<'guarded'> {
  const [{ attempt, guarded: first }] = guarded;
  const edge = first.edge;
  const by = edge
    ? `${edge.signature.name} guards it ("${edge.evidence.text}")`
    : 'the server, or something in front of it, guards it';
  return {
    status: 'fail',
    code: 'guarded',
    message: `${attempt.url} answered ${first.evidence.text}: ${what} must be public, since clients read it before they have any token, and ${by}.`,
    fix: edge ? `${GUARDED_METADATA.fix} ${edge.signature.fix}` : GUARDED_METADATA.fix,
    evidence: idsOf(guarded.map((g) => g.attempt)),
    items,
  };
}

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
