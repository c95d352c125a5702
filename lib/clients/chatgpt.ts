import { connectionRule, eraRule, httpsRule, publicRule } from './connection-rules';
import {
  discoveryRule,
  ownCredentialsRule,
  pkceRule,
  registrationRule,
  whenSignIn,
} from './sign-in-rules';
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

/** ChatGPT connectors and apps (developer mode). Facts and their sources: docs/client-facts.md. */
const client = { id: 'chatgpt', name: 'ChatGPT' } as const;

const CONNECT: RuleSource = {
  url: 'https://developers.openai.com/apps-sdk/deploy/connect-chatgpt',
  asOf: '2026-12-04',
  provenance: 'documented',
};
const AUTH: RuleSource = {
  url: 'https://developers.openai.com/apps-sdk/build/auth',
  asOf: '2026-12-04',
  provenance: 'documented',
};
const WIDGETS: RuleSource = {
  url: 'https://developers.openai.com/apps-sdk/build/mcp-server',
  asOf: '2026-12-04',
  provenance: 'documented',
};
/** A third-party compatibility matrix that quotes OpenAI's pages (verified 2026-07-31). */
const MATRIX: RuleSource = {
  url: 'https://zuplo.com/learn/mcp/compatibility/clients/chatgpt-connectors',
  asOf: '2026-07-31',
  provenance: 'observed',
};

const transport = defineRule({
  id: 'chatgpt.transport',
  summary:
    'ChatGPT documents Streamable HTTP; SSE-only servers are reported to work but are not documented.',
  source: MATRIX,
  gate: false,
  evaluate({ transports }) {
    if (!transports.value?.length) return unknown('No transport answered.', transports.evidence);
    if (transports.value.includes('streamable-http')) {
      return ok('The server answers Streamable HTTP.', transports.evidence);
    }
    return unknown(
      'The server answers only the legacy SSE transport, which OpenAI does not document for ChatGPT.',
      transports.evidence,
    );
  },
});

const redirectUri = defineRule({
  id: 'chatgpt.redirect-uri',
  summary:
    'Registration accepts ChatGPT’s callback (https://chatgpt.com/connector_platform_oauth_redirect, or a per-connection https://chatgpt.com/connector/oauth/{id}).',
  source: AUTH,
  gate: false,
  evaluate: (facts) =>
    whenSignIn(facts, ({ chatgptRedirect }) => {
      if (chatgptRedirect.value === 'accepted') {
        return ok('Registration accepted ChatGPT’s redirect URI.', chatgptRedirect.evidence);
      }
      if (chatgptRedirect.value === 'rejected') {
        return blocked(
          'Registration rejected ChatGPT’s redirect URI; sign-in cannot finish.',
          chatgptRedirect.evidence,
        );
      }
      return unknown(
        'Not checked: opt in to let MCP Doctor register ChatGPT’s redirect URI.',
        chatgptRedirect.evidence,
      );
    }),
});

const widgets = defineRule({
  id: 'chatgpt.widgets',
  summary: 'ChatGPT renders Apps SDK (text/html+skybridge) and MCP Apps widgets.',
  source: WIDGETS,
  gate: false,
  evaluate(facts) {
    const { widgets: w } = facts;
    if (!w.value) return notSeen(facts, 'Whether tools declare widgets', w.evidence);
    if (!w.value.count) return ok('No tool declares a widget.', w.evidence);
    if (w.value.failingChecks.length) {
      return degraded(
        `${w.value.count} widget${w.value.count === 1 ? '' : 's'} declared, but ${w.value.failingChecks.join(', ')} failed: the widget may not render in ChatGPT.`,
        { ...w.evidence, check: w.value.failingChecks[0] },
      );
    }
    return ok(
      `${w.value.count} widget${w.value.count === 1 ? '' : 's'} ChatGPT can render.`,
      w.evidence,
    );
  },
});

export const CHATGPT = {
  ...client,
  rules: [
    httpsRule({ client, source: CONNECT }),
    publicRule({ client, source: CONNECT }),
    connectionRule({ client, source: CONNECT }),
    eraRule({ client, source: MATRIX, modern: 'unknown' }),
    transport,
    discoveryRule({ client, source: AUTH }),
    pkceRule({ client, source: AUTH }),
    registrationRule({
      client,
      source: AUTH,
      uses: ['cimd', 'dcr'],
      byHand: 'ChatGPT then needs a predefined OAuth client entered in its settings.',
    }),
    redirectUri,
    ownCredentialsRule({
      client,
      source: MATRIX,
      instead: 'offer OAuth sign-in, or let the tools run without credentials.',
    }),
    widgets,
  ],
} satisfies ClientProfile;
