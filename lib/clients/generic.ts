import { connectionRule, eraRule, transportName } from './connection-rules';
import { discoveryRule, pkceRule, registrationRule, whenSignIn } from './sign-in-rules';
import { CHECK } from './report-reading';
import {
  blocked,
  defineRule,
  degraded,
  ok,
  unknown,
  type ClientProfile,
  type RuleSource,
  notSeen,
} from './rule';

/**
 * A client that does exactly what the specifications require, no more: 2025-11-25 with the
 * 2026-07-28 revision beside it. What every other profile adds is a vendor's own deviation.
 */
const client = { id: 'generic', name: 'Spec-only client' } as const;

const spec = (path: string, revision = '2025-11-25'): RuleSource => ({
  url: `https://modelcontextprotocol.io/specification/${revision}/${path}`,
  asOf: revision,
  provenance: 'documented',
});
const AUTHORIZATION = spec('basic/authorization');
const TRANSPORTS = spec('basic/transports');

const transport = defineRule({
  id: 'generic.transport',
  summary: 'Streamable HTTP; the HTTP+SSE transport survives only for backwards compatibility.',
  source: TRANSPORTS,
  gate: false,
  evaluate({ transports }) {
    if (!transports.value?.length) return unknown('No transport answered.', transports.evidence);
    if (transports.value.includes('streamable-http'))
      return ok(`The server answers ${transportName('streamable-http')}.`, transports.evidence);
    return degraded(
      'The server answers only the deprecated HTTP+SSE transport.',
      transports.evidence,
    );
  },
});

const authHttps = defineRule({
  id: 'generic.auth-https',
  summary: 'Authorization server endpoints are served over HTTPS (loopback excepted).',
  source: { ...AUTHORIZATION, url: `${AUTHORIZATION.url}#communication-security` },
  gate: false,
  evaluate: (facts) =>
    whenSignIn(facts, ({ endpoints }) => {
      if (!endpoints.value?.length)
        return unknown('The sign-in URLs were not seen.', endpoints.evidence);
      const plain = endpoints.value.filter((e) => e.scheme !== 'https' && !e.loopback);
      return plain.length
        ? blocked(
            `Plain http sign-in URLs: ${plain.map((e) => e.url).join(', ')}.`,
            endpoints.evidence,
          )
        : ok('Every sign-in URL is https.', endpoints.evidence);
    }),
});

const urlCredentials = defineRule({
  id: 'generic.url-credentials',
  summary: 'Access tokens never travel in the URI query string.',
  source: { ...AUTHORIZATION, url: `${AUTHORIZATION.url}#access-token-usage` },
  gate: false,
  evaluate({ credentials }) {
    const params = credentials.value?.queryParams ?? [];
    return params.length
      ? degraded(
          `The URL carries ${params.map((p) => `?${p}=`).join(', ')}: it leaks into logs, and clients that follow the spec send tokens in the Authorization header.`,
          credentials.evidence,
        )
      : ok('The URL carries no credentials.', credentials.evidence);
  },
});

const toolNames = defineRule({
  id: 'generic.tool-names',
  summary: 'Tool names are 1–128 characters of A-Z a-z 0-9 _ - .',
  source: spec('server/tools#tool-names'),
  gate: false,
  evaluate(facts) {
    const tools = facts.tools;
    if (!tools.value) return notSeen(facts, 'The tool list', tools.evidence);
    const { invalidNameCount: bad, invalidNames } = tools.value;
    return bad
      ? degraded(
          `${bad} tool name${bad === 1 ? '' : 's'} break the spec’s format (${invalidNames.join(', ')}).`,
          { ...tools.evidence, check: CHECK.toolName },
        )
      : ok('Every tool name follows the spec.', tools.evidence);
  },
});

export const GENERIC = {
  ...client,
  rules: [
    connectionRule({ client, source: TRANSPORTS }),
    eraRule({ client, source: spec('changelog', '2026-07-28'), modern: 'yes' }),
    transport,
    discoveryRule({ client, source: AUTHORIZATION }),
    pkceRule({
      client,
      source: { ...AUTHORIZATION, url: `${AUTHORIZATION.url}#authorization-code-protection` },
    }),
    registrationRule({
      client,
      source: { ...AUTHORIZATION, url: `${AUTHORIZATION.url}#client-registration` },
      uses: ['cimd', 'dcr'],
      byHand: 'a client must be registered with the authorization server in advance.',
    }),
    authHttps,
    urlCredentials,
    toolNames,
  ],
} satisfies ClientProfile;
