import type { Transport } from '@/lib/report/schema';
import type { ClientFacts, Evidence, Handshake } from './facts';
import {
  blocked,
  defineRule,
  degraded,
  ok,
  unknown,
  type ClientRule,
  type RuleOutcome,
  type RuleSource,
} from './rule';

/**
 * Rules several clients share, each built for one client with that client's own source: the same
 * requirement has a different owner (and date) in every vendor's documentation.
 */
export interface RuleTarget {
  client: { id: string; name: string };
  source: RuleSource;
}

const ruleId = (t: RuleTarget, name: string) => `${t.client.id}.${name}` as const;

/** Merges the evidence of several facts. */
export const proof = (...evidence: Evidence[]): Evidence => ({
  check: evidence.find((e) => e.check)?.check,
  exchanges: evidence.flatMap((e) => e.exchanges),
});

const TRANSPORT_NAME: Record<Transport, string> = {
  'streamable-http': 'Streamable HTTP',
  sse: 'the legacy HTTP+SSE transport',
};
export const transportName = (t: Transport) => TRANSPORT_NAME[t];

export const httpsRule = (t: RuleTarget): ClientRule =>
  defineRule({
    id: ruleId(t, 'https'),
    summary: `${t.client.name} connects only to https:// URLs.`,
    source: t.source,
    gate: true,
    evaluate({ url }) {
      if (!url.value) return unknown('The URL could not be read.', url.evidence);
      if (url.value.scheme === 'https') return ok('The URL is https.', url.evidence);
      return blocked(`The URL is plain http; ${t.client.name} needs https.`, url.evidence);
    },
  });

export const publicRule = (t: RuleTarget): ClientRule =>
  defineRule({
    id: ruleId(t, 'public'),
    summary: `${t.client.name} connects from its own cloud: the host must be reachable from the internet.`,
    source: t.source,
    gate: true,
    evaluate({ url, publicAddress }) {
      if (url.value?.loopback) {
        return blocked(
          `${url.value.host} is this machine; ${t.client.name} cannot reach it.`,
          url.evidence,
        );
      }
      if (publicAddress.value === null) {
        return unknown(
          'Whether the host is public was not seen (it did not resolve).',
          publicAddress.evidence,
        );
      }
      return publicAddress.value
        ? ok('The host resolves to public addresses.', publicAddress.evidence)
        : blocked(
            `The host resolves to a private address; ${t.client.name} cannot reach it.`,
            publicAddress.evidence,
          );
    },
  });

const HANDSHAKE_MESSAGE: Record<Handshake, string> = {
  session: 'The URL opened an MCP session.',
  'auth-required': 'The URL answered with an authorization challenge.',
  'modern-only':
    'The URL answered the 2025 handshake with 2026-07-28 errors (see the protocol era).',
  failed: 'The URL did not answer as an MCP server (see the Connection checks).',
};

export const connectionRule = (t: RuleTarget): ClientRule =>
  defineRule({
    id: ruleId(t, 'connection'),
    summary: 'The URL answers an MCP client: a session or an authorization challenge.',
    source: t.source,
    gate: true,
    evaluate({ handshake }) {
      if (!handshake.value)
        return unknown('The run did not reach the MCP handshake.', handshake.evidence);
      const message = HANDSHAKE_MESSAGE[handshake.value];
      return handshake.value === 'failed'
        ? blocked(message, handshake.evidence)
        : ok(message, handshake.evidence);
    },
  });

/** Whether a client speaks 2026-07-28: known yes or no, or not published. */
export type ModernSupport = 'yes' | 'no' | 'unknown';

export const eraRule = (t: RuleTarget & { modern: ModernSupport }): ClientRule =>
  defineRule({
    id: ruleId(t, 'protocol-era'),
    summary:
      t.modern === 'yes'
        ? `${t.client.name} speaks both the 2025 initialize handshake and 2026-07-28.`
        : `${t.client.name} speaks the 2025 initialize handshake${t.modern === 'no' ? ' only' : '; its 2026-07-28 support is not published'}.`,
    source: t.source,
    gate: true,
    evaluate({ era, handshake }) {
      const evidence = proof(era.evidence, handshake.evidence);
      const speaks2025 =
        era.value === 'legacy' || era.value === 'dual' || handshake.value === 'session';
      if (speaks2025) return ok('The server answers the 2025 initialize handshake.', evidence);
      if (era.value === 'modern' || handshake.value === 'modern-only') {
        if (t.modern === 'yes')
          return ok('The server speaks only 2026-07-28, which this client speaks.', evidence);
        if (t.modern === 'no')
          return blocked(`The server speaks only 2026-07-28; ${t.client.name} does not.`, evidence);
        return unknown(
          `The server speaks only 2026-07-28; whether ${t.client.name} does is not published.`,
          evidence,
        );
      }
      if (handshake.value === 'auth-required') {
        return unknown('The protocol era shows after sign-in.', evidence, { afterSignIn: true });
      }
      return unknown('The protocol era was not seen.', evidence);
    },
  });

/** Transports a client speaks; answering only another one blocks it. */
export const transportRule = (t: RuleTarget & { speaks: readonly Transport[] }): ClientRule =>
  defineRule({
    id: ruleId(t, 'transport'),
    summary: `${t.client.name} speaks ${t.speaks.map(transportName).join(' and ')}.`,
    source: t.source,
    gate: false,
    evaluate({ transports }) {
      if (!transports.value?.length) return unknown('No transport answered.', transports.evidence);
      const [shared] = transports.value.filter((x) => t.speaks.includes(x));
      if (shared) return ok(`The server answers ${transportName(shared)}.`, transports.evidence);
      return blocked(
        `The server answers only ${transports.value.map(transportName).join(', ')}, which ${t.client.name} does not speak.`,
        transports.evidence,
      );
    },
  });

/** Runs `judge` when the server asks for sign-in; an open server passes every sign-in rule. */
export function whenSignIn(
  facts: ClientFacts,
  judge: (auth: ClientFacts['auth']) => RuleOutcome,
): RuleOutcome {
  const required = facts.auth.required;
  if (required.value === null)
    return unknown('Whether the server needs sign-in was not seen.', required.evidence);
  if (!required.value) return ok('The server needs no sign-in.', required.evidence);
  return judge(facts.auth);
}

export const discoveryRule = (t: RuleTarget): ClientRule =>
  defineRule({
    id: ruleId(t, 'oauth-discovery'),
    summary:
      'Sign-in starts from protected resource metadata (RFC 9728) and authorization server metadata.',
    source: t.source,
    gate: true,
    evaluate: (facts) =>
      whenSignIn(facts, ({ protectedResource: prm, authorizationServer: asm }) => {
        if (prm.value === false)
          return blocked('No usable protected resource metadata.', prm.evidence);
        if (asm.value === false)
          return blocked('No usable authorization server metadata.', asm.evidence);
        if (prm.value === null || asm.value === null) {
          return unknown('OAuth discovery was not completed.', proof(prm.evidence, asm.evidence));
        }
        return ok('Both metadata documents were found.', proof(prm.evidence, asm.evidence));
      }),
  });

export const pkceRule = (t: RuleTarget): ClientRule =>
  defineRule({
    id: ruleId(t, 'pkce'),
    summary: 'The authorization server advertises PKCE with S256.',
    source: t.source,
    gate: true,
    evaluate: (facts) =>
      whenSignIn(facts, ({ pkceS256 }) => {
        if (pkceS256.value === null)
          return unknown('PKCE support was not seen.', pkceS256.evidence);
        return pkceS256.value
          ? ok('code_challenge_methods_supported includes S256.', pkceS256.evidence)
          : blocked(
              `S256 is not advertised; ${t.client.name} will not sign in.`,
              pkceS256.evidence,
            );
      }),
  });

export type Registration = 'dcr' | 'cimd';
const REGISTRATION_NAME: Record<Registration, string> = {
  dcr: 'dynamic client registration',
  cimd: 'a client ID metadata document',
};

/** The registration ways a client uses on its own; without one it needs a client made by hand. */
export const registrationRule = (
  t: RuleTarget & {
    uses: readonly Registration[];
    byHand: string;
    note?: (facts: ClientFacts) => string | null;
  },
): ClientRule =>
  defineRule({
    id: ruleId(t, 'registration'),
    summary: `${t.client.name} registers itself by ${t.uses.map((u) => REGISTRATION_NAME[u]).join(' or ')}.`,
    source: t.source,
    gate: true,
    evaluate: (facts) =>
      whenSignIn(facts, ({ registration }) => {
        if (!registration.value)
          return unknown('How clients register was not seen.', registration.evidence);
        const offered = t.uses.filter((u) => registration.value?.[u]);
        if (!offered.length) {
          return degraded(`The server offers neither; ${t.byHand}`, registration.evidence);
        }
        const note = t.note?.(facts);
        return ok(
          `The server offers ${offered.map((u) => REGISTRATION_NAME[u]).join(' and ')}.${note ? ` ${note}` : ''}`,
          registration.evidence,
        );
      }),
  });

/**
 * Hosted clients sign in with OAuth or send nothing: a server that only lets the run in with the
 * user's own token or headers refuses them.
 */
export const ownCredentialsRule = (t: RuleTarget & { instead: string }): ClientRule =>
  defineRule({
    id: ruleId(t, 'own-credentials'),
    summary: `${t.client.name} cannot send a pasted bearer token or custom headers.`,
    source: t.source,
    gate: false,
    evaluate({ credentials, auth }) {
      const given = credentials.value;
      if (!given || (!given.bearerToken && !given.headerNames.length)) {
        return ok('The run used no token or headers of its own.', credentials.evidence);
      }
      const what = given.bearerToken
        ? 'your bearer token'
        : `your ${given.headerNames.join(', ')} header`;
      if (auth.required.value === false) {
        return ok(`The server answers without ${what}.`, auth.required.evidence);
      }
      if (auth.required.value === null)
        return unknown(`Whether the server needs ${what} was not seen.`, auth.required.evidence);
      if (auth.protectedResource.value && auth.authorizationServer.value) {
        return ok(
          `${t.client.name} will sign in with OAuth instead of ${what}.`,
          proof(auth.protectedResource.evidence, auth.authorizationServer.evidence),
        );
      }
      return blocked(
        `The server needs ${what}, which ${t.client.name} cannot send; ${t.instead}`,
        proof(credentials.evidence, auth.required.evidence),
      );
    },
  });

/** What lies behind sign-in was not seen when the server asked for it and the run had no token. */
export function notSeen(facts: ClientFacts, what: string, evidence: Evidence): RuleOutcome {
  return facts.handshake.value === 'auth-required'
    ? unknown(`${what} shows after sign-in.`, evidence, { afterSignIn: true })
    : unknown(`${what} was not seen.`, evidence);
}
