import { connectionRule, eraRule, transportRule } from './connection-rules';
import { whenSignIn } from './sign-in-rules';
import type { ClientFacts, CorsAnswer } from './facts';
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

/** The Fetch standard's CORS protocol, which every browser applies to these requests. */
const FETCH: RuleSource = {
  url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch',
  asOf: '2026-12-04',
  provenance: 'documented',
};

const NOT_RECORDED = 'The run did not send CORS requests (an older run, or the step was skipped)';

const exposes = (answer: CorsAnswer, header: string) =>
  answer.exposeHeaders.includes(header) || answer.exposeHeaders.includes('*');

/** Fetch: `*` stands for every header name but `authorization`, which must be listed. */
const allows = (answer: CorsAnswer, header: string) =>
  answer.allowHeaders.includes(header) ||
  (header !== 'authorization' && answer.allowHeaders.includes('*'));

const at = (answer: CorsAnswer) => ({ exchanges: answer.exchangeId ? [answer.exchangeId] : [] });

const originSaid = (answer: CorsAnswer) =>
  answer.allowOrigin === null
    ? 'no Access-Control-Allow-Origin'
    : `Access-Control-Allow-Origin: ${answer.allowOrigin}`;

/**
 * The request headers a browser client must be allowed to send to this server: a 2025 client's
 * (the session id when the server issues one), or, to a server that speaks only 2026-07-28, the
 * headers that revision requires on every request (`Mcp-Method`, and `Mcp-Name` on calls:
 * https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http).
 */
function needed(facts: ClientFacts): string[] {
  const modern = facts.era.value === 'modern' || facts.handshake.value === 'modern-only';
  return [
    'content-type',
    'mcp-protocol-version',
    ...(modern ? ['mcp-method', 'mcp-name'] : []),
    ...(!modern && facts.sessionId.value ? ['mcp-session-id'] : []),
    ...(facts.auth.required.value ? ['authorization'] : []),
  ];
}

const preflight = defineRule({
  id: 'browser.cors-preflight',
  summary:
    'The preflight (OPTIONS) of the MCP POST answers 2xx, allows the page’s origin and the headers MCP sends.',
  source: FETCH,
  gate: true,
  evaluate(facts) {
    const { cors } = facts;
    if (!cors.value) return unknown(`${NOT_RECORDED}.`, cors.evidence);
    const answer = cors.value.preflight;
    if (!answer || answer.status === null)
      return unknown('The preflight got no answer.', answer ? at(answer) : cors.evidence);
    const { url, status } = answer;
    if (status < 200 || status > 299) {
      return blocked(
        `OPTIONS ${url} answered HTTP ${status}: a browser sends nothing after a preflight that is not 2xx.`,
        at(answer),
      );
    }
    if (!answer.allowsOrigin) {
      return blocked(
        `The preflight answer has ${originSaid(answer)}, which does not admit ${cors.value.origin}.`,
        at(answer),
      );
    }
    const missing = needed(facts).filter((h) => !allows(answer, h));
    if (missing.length) {
      const wildcard =
        missing.includes('authorization') && answer.allowHeaders.includes('*')
          ? ' (`*` does not cover Authorization)'
          : '';
      return blocked(
        `Access-Control-Allow-Headers lacks ${missing.join(', ')}${wildcard}: the browser will not send them.`,
        at(answer),
      );
    }
    return ok(
      `The preflight allows ${cors.value.origin} and ${needed(facts).join(', ')}.`,
      at(answer),
    );
  },
});

const mcpCors = defineRule({
  id: 'browser.cors-mcp',
  summary: 'The MCP endpoint’s answers allow the page’s origin and expose Mcp-Session-Id.',
  source: SDK_CORS,
  gate: true,
  evaluate({ cors, sessionId }) {
    if (!cors.value) return unknown(`${NOT_RECORDED}.`, cors.evidence);
    const answer = cors.value.mcp;
    if (!answer || answer.status === null)
      return unknown('The initialize request with an Origin got no answer.', cors.evidence);
    if (!answer.allowsOrigin) {
      return blocked(
        `POST ${answer.url} answered HTTP ${answer.status} with ${originSaid(answer)}: the browser hides the answer from ${cors.value.origin}.`,
        at(answer),
      );
    }
    if (sessionId.value && !exposes(answer, 'mcp-session-id')) {
      return blocked(
        'Mcp-Session-Id is not in Access-Control-Expose-Headers: the page cannot read its session and later requests fail.',
        at(answer),
      );
    }
    return ok(`The answer allows ${answer.allowOrigin}.`, at(answer));
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
      const read = cors.value.metadata;
      if (!read.length)
        return unknown(
          'No accepted metadata document was requested with an Origin.',
          cors.evidence,
        );
      const evidence = { exchanges: read.flatMap((m) => at(m).exchanges) };
      const closed = read.filter((m) => !m.allowsOrigin);
      return closed.length
        ? blocked(
            `${closed.map((m) => `${m.url} (${originSaid(m)})`).join(', ')}: the browser cannot read the metadata, so sign-in cannot start.`,
            evidence,
          )
        : ok('The metadata documents answer CORS.', evidence);
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
        ? ok('WWW-Authenticate is exposed.', at(answer))
        : degraded(
            'WWW-Authenticate is not exposed: the page falls back to guessing the well-known metadata URLs.',
            at(answer),
          );
    }),
});

export const BROWSER = {
  ...client,
  rules: [
    connectionRule({ client, source: SDK_CORS }),
    eraRule({ client, source: INSPECTOR_ERAS, modern: 'yes' }),
    transportRule({ client, source: SDK_CORS, speaks: ['streamable-http', 'sse'] }),
    preflight,
    mcpCors,
    metadataCors,
    challengeCors,
  ],
} satisfies ClientProfile;
