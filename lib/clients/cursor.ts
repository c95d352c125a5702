import { connectionRule, eraRule, transportRule } from './connection-rules';
import { discoveryRule, registrationRule, whenSignIn } from './sign-in-rules';
import {
  defineRule,
  degraded,
  ok,
  unknown,
  type ClientProfile,
  type RuleSource,
  proof,
} from './rule';

/** Cursor runs on the user's machine; local servers are within reach. Sources: docs/client-facts.md. */
const client = { id: 'cursor', name: 'Cursor' } as const;

/** A compatibility matrix built from Cursor's docs and its staff's forum answers (verified 2026-07-31). */
const MATRIX: RuleSource = {
  url: 'https://zuplo.com/learn/mcp/compatibility/clients/cursor',
  asOf: '2026-07-31',
  provenance: 'documented',
};
const HEADERS: RuleSource = { ...MATRIX, provenance: 'observed' };
/** GitLab's fix for Cursor asking for every scope the authorization server lists. */
const SCOPES: RuleSource = {
  url: 'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/219146',
  asOf: '2026-12-04',
  provenance: 'observed',
};

const headersIgnored = defineRule({
  id: 'cursor.headers-vs-oauth',
  summary:
    'Cursor ignores configured headers when the server answers OAuth discovery: it signs in instead.',
  source: HEADERS,
  gate: false,
  evaluate({ credentials, auth }) {
    const given = credentials.value;
    if (!given || (!given.bearerToken && !given.headerNames.length)) {
      return ok('The run used no token or headers of its own.', credentials.evidence);
    }
    if (auth.protectedResource.value === null) {
      return unknown(
        'Whether the server answers OAuth discovery was not seen.',
        auth.protectedResource.evidence,
      );
    }
    if (!auth.protectedResource.value)
      return ok('No OAuth discovery: Cursor sends your headers.', auth.protectedResource.evidence);
    return degraded(
      'The server answers OAuth discovery, so Cursor signs in with OAuth and never sends the headers or token you configure.',
      proof(credentials.evidence, auth.protectedResource.evidence),
    );
  },
});

const scopes = defineRule({
  id: 'cursor.scopes',
  summary:
    'With no scopes configured Cursor asks for every scope listed; without a list in the resource metadata it falls back to the authorization server’s.',
  source: SCOPES,
  gate: false,
  evaluate: (facts) =>
    whenSignIn(facts, ({ scopes: s }) => {
      if (!s.value) return unknown('The scope lists were not read.', s.evidence);
      const { challenge, protectedResource: prm, authorizationServer: as } = s.value;
      if (challenge) return ok('The challenge names the scope to ask for.', s.evidence);
      if (prm !== null)
        return ok(
          `Cursor asks for the ${prm} scope${prm === 1 ? '' : 's'} the resource metadata lists.`,
          s.evidence,
        );
      if (as !== null && as > 1) {
        return degraded(
          `No scopes in the challenge or the resource metadata: Cursor asks for all ${as} scopes the authorization server lists (a long consent screen, or a refusal). List scopes_supported in the protected resource metadata.`,
          s.evidence,
        );
      }
      return ok('No scope list asks for more than one scope.', s.evidence);
    }),
});

export const CURSOR = {
  ...client,
  rules: [
    connectionRule({ client, source: MATRIX }),
    eraRule({ client, source: MATRIX, modern: 'unknown' }),
    transportRule({ client, source: MATRIX, speaks: ['streamable-http', 'sse'] }),
    discoveryRule({ client, source: MATRIX }),
    registrationRule({
      client,
      source: MATRIX,
      uses: ['dcr'],
      byHand: 'the user must put a client ID and secret in the auth block of mcp.json.',
    }),
    headersIgnored,
    scopes,
  ],
} satisfies ClientProfile;
