import type { ClientFacts } from './facts';
import {
  blocked,
  defineRule,
  degraded,
  ok,
  proof,
  ruleId,
  unknown,
  type ClientRule,
  type RuleOutcome,
  type RuleTarget,
} from './rule';

/*
 * Sign-in rules several clients share, each built with that client's own source.
 */

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
