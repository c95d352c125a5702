import { connectionRule, eraRule, transportRule } from './connection-rules';
import { whenSignIn } from './sign-in-rules';
import type { CorsAnswer } from './facts';
import {
  blocked,
  defineRule,
  degraded,
  ok,
  unknown,
  type ClientProfile,
  type RuleSource,
} from './rule';

/**
 * Clients that run in a web page: MCP Inspector's web UI in direct mode, web playgrounds. Every
 * request is cross-origin, so the browser lets the page read only what CORS allows.
 */
const client = { id: 'browser', name: 'Browser-based clients' } as const;

const SDK_CORS: RuleSource = {
  url: 'https://github.com/modelcontextprotocol/typescript-sdk#cors-configuration-for-browser-based-clients',
  asOf: '2026-12-04',
  provenance: 'documented',
};
const WWW_AUTHENTICATE: RuleSource = {
  url: 'https://github.com/twentyhq/twenty/pull/19836',
  asOf: '2026-04-18',
  provenance: 'observed',
};
const METADATA_CORS: RuleSource = {
  url: 'https://github.com/routecraftjs/routecraft/issues/320',
  asOf: '2026-05-18',
  provenance: 'observed',
};
/** MCP Inspector offers both the 2026-07-28 (sessionless) and the legacy protocol. */
const INSPECTOR_ERAS: RuleSource = {
  url: 'https://github.com/obot-platform/obot/issues/7309',
  asOf: '2026-08-24',
  provenance: 'observed',
};

const NOT_RECORDED = 'The run does not send CORS preflights yet';

const exposes = (answer: CorsAnswer, header: string) =>
  answer.exposeHeaders.includes(header) || answer.exposeHeaders.includes('*');

const mcpCors = defineRule({
  id: 'browser.cors-mcp',
  summary: 'The MCP endpoint answers CORS and exposes Mcp-Session-Id.',
  source: SDK_CORS,
  gate: true,
  evaluate({ cors, sessionId }) {
    const answer = cors.value?.mcp;
    if (!cors.value) return unknown(`${NOT_RECORDED}.`, cors.evidence);
    if (!answer) return unknown('The MCP endpoint’s CORS answer was not recorded.', cors.evidence);
    if (!answer.allowOrigin)
      return blocked(
        `${answer.url} sends no Access-Control-Allow-Origin: the browser blocks every answer.`,
        cors.evidence,
      );
    if (sessionId.value && !exposes(answer, 'mcp-session-id')) {
      return blocked(
        'Mcp-Session-Id is not in Access-Control-Expose-Headers: the page cannot read its session and later requests fail.',
        cors.evidence,
      );
    }
    return ok(`CORS allows ${answer.allowOrigin}.`, cors.evidence);
  },
});

const metadataCors = defineRule({
  id: 'browser.cors-metadata',
  summary: 'The OAuth metadata documents answer CORS, so the page can start sign-in.',
  source: METADATA_CORS,
  gate: true,
  evaluate: (facts) =>
    whenSignIn(facts, () => {
      const { cors } = facts;
      if (!cors.value) return unknown(`${NOT_RECORDED}.`, cors.evidence);
      if (!cors.value.metadata.length)
        return unknown('No metadata document’s CORS answer was recorded.', cors.evidence);
      const closed = cors.value.metadata.filter((m) => !m.allowOrigin);
      return closed.length
        ? blocked(
            `No Access-Control-Allow-Origin on ${closed.map((m) => m.url).join(', ')}: the browser cannot read the metadata, so sign-in cannot start.`,
            cors.evidence,
          )
        : ok('The metadata documents answer CORS.', cors.evidence);
    }),
});

const challengeCors = defineRule({
  id: 'browser.expose-www-authenticate',
  summary: 'WWW-Authenticate is exposed, so the page reads resource_metadata from the challenge.',
  source: WWW_AUTHENTICATE,
  gate: false,
  evaluate: (facts) =>
    whenSignIn(facts, () => {
      const answer = facts.cors.value?.mcp;
      if (!answer) return unknown(`${NOT_RECORDED}.`, facts.cors.evidence);
      return exposes(answer, 'www-authenticate')
        ? ok('WWW-Authenticate is exposed.', facts.cors.evidence)
        : degraded(
            'WWW-Authenticate is not exposed: the page falls back to guessing the well-known metadata URLs.',
            facts.cors.evidence,
          );
    }),
});

export const BROWSER = {
  ...client,
  rules: [
    connectionRule({ client, source: SDK_CORS }),
    eraRule({ client, source: INSPECTOR_ERAS, modern: 'yes' }),
    transportRule({ client, source: SDK_CORS, speaks: ['streamable-http', 'sse'] }),
    mcpCors,
    metadataCors,
    challengeCors,
  ],
} satisfies ClientProfile;
