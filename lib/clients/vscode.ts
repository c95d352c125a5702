import { connectionRule, eraRule, transportRule } from './connection-rules';
import { discoveryRule, registrationRule, whenSignIn } from './sign-in-rules';
import {
  defineRule,
  degraded,
  ok,
  unknown,
  type ClientProfile,
  type RuleSource,
  notSeen,
} from './rule';

/**
 * VS Code's agent (GitHub Copilot chat). It runs on the user's machine, so local and plain-http
 * servers are within its reach. Facts and their sources: docs/client-facts.md.
 */
const client = { id: 'vscode', name: 'VS Code' } as const;

const MCP_DOCS: RuleSource = {
  url: 'https://github.com/microsoft/vscode-docs/blob/main/docs/copilot/chat/mcp-servers.md',
  asOf: '2026-12-04',
  provenance: 'documented',
};
/** VS Code's extension guide: DCR first, then it asks the user for a client ID. */
const AUTH_DOCS: RuleSource = {
  url: 'https://github.com/microsoft/vscode-docs/blob/main/api/extension-guides/ai/mcp.md',
  asOf: '2025-08-01',
  provenance: 'documented',
};
/** The VS Code team's test plan for the 128-tool limit and the virtual tools above it. */
const TOOL_LIMIT: RuleSource = {
  url: 'https://github.com/microsoft/vscode/issues/258360',
  asOf: '2025-07-28',
  provenance: 'observed',
};
/** The redirect URIs VS Code registers, as a user quoted its registration request. */
const REDIRECTS: RuleSource = {
  url: 'https://github.com/microsoft/vscode/issues/278512',
  asOf: '2025-11-20',
  provenance: 'observed',
};

/** A chat request carries at most this many tools; above it VS Code groups them (virtual tools). */
export const VSCODE_TOOL_LIMIT = 128;

export const VSCODE_REDIRECT_URIS = [
  'https://vscode.dev/redirect',
  'https://insiders.vscode.dev/redirect',
  'http://127.0.0.1/',
  'http://127.0.0.1:33418/',
] as const;

const toolCount = defineRule({
  id: 'vscode.tool-count',
  summary: `A chat request carries at most ${VSCODE_TOOL_LIMIT} tools; above that VS Code hides them behind activate_* groups.`,
  source: TOOL_LIMIT,
  gate: false,
  evaluate(facts) {
    const tools = facts.tools;
    if (!tools.value) return notSeen(facts, 'The tool count', tools.evidence);
    const { count, complete } = tools.value;
    const counted = `${count}${complete ? '' : '+'} tool${count === 1 ? '' : 's'}`;
    if (count > VSCODE_TOOL_LIMIT) {
      return degraded(
        `${counted}, over ${VSCODE_TOOL_LIMIT}: VS Code groups them into virtual tools the model must open first, and built-in tools count too.`,
        tools.evidence,
      );
    }
    return ok(
      `${counted}, within VS Code’s ${VSCODE_TOOL_LIMIT} per request (other servers’ tools count too).`,
      tools.evidence,
    );
  },
});

const redirectUris = defineRule({
  id: 'vscode.redirect-uris',
  summary: `Registration accepts VS Code’s redirect URIs: ${VSCODE_REDIRECT_URIS.join(', ')}.`,
  source: REDIRECTS,
  gate: false,
  evaluate: (facts) =>
    whenSignIn(facts, ({ registration }) => {
      if (registration.value && !registration.value.dcr) {
        return ok(
          'No dynamic registration, so no redirect URIs are registered.',
          registration.evidence,
        );
      }
      return unknown(
        'Not checked: the run does not register VS Code’s redirect URIs (an authorization server that refuses http://127.0.0.1 loopback URIs breaks VS Code’s sign-in).',
        registration.evidence,
      );
    }),
});

export const VSCODE = {
  ...client,
  rules: [
    connectionRule({ client, source: MCP_DOCS }),
    eraRule({ client, source: MCP_DOCS, modern: 'unknown' }),
    transportRule({ client, source: MCP_DOCS, speaks: ['streamable-http', 'sse'] }),
    discoveryRule({ client, source: AUTH_DOCS }),
    registrationRule({
      client,
      source: AUTH_DOCS,
      uses: ['dcr'],
      byHand: 'VS Code asks the user for a client ID (and secret) registered by hand.',
    }),
    redirectUris,
    toolCount,
  ],
} satisfies ClientProfile;
