import { connectionRule, eraRule, httpsRule, publicRule, transportRule } from './connection-rules';
import { discoveryRule, ownCredentialsRule, registrationRule, whenSignIn } from './sign-in-rules';
import { DIRECTORY_NAME_LIMIT } from './from-report-tools';
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
 * Claude's custom connectors: claude.ai, Desktop, mobile and Cowork share one hosted runtime that
 * dials the server from Anthropic's cloud. Facts and their sources: docs/client-facts.md.
 */
const client = { id: 'claude', name: 'Claude' } as const;

const SUPPORT: RuleSource = {
  url: 'https://support.claude.com/en/articles/11503834-building-custom-connectors-via-remote-mcp-servers',
  asOf: '2026-12-04',
  provenance: 'documented',
};
const AUTH: RuleSource = {
  url: 'https://claude.com/docs/connectors/building/authentication',
  asOf: '2026-12-04',
  provenance: 'documented',
};
/** An Anthropic engineer's answer; the docs do not mention ports. */
const PORT: RuleSource = {
  url: 'https://github.com/anthropics/claude-ai-mcp/issues/85',
  asOf: '2026-03-28',
  provenance: 'observed',
};
const AUTH_PORT: RuleSource = {
  url: 'https://github.com/anthropics/claude-ai-mcp/issues/750',
  asOf: '2026-08-02',
  provenance: 'observed',
};
const DIRECTORY: RuleSource = {
  url: 'https://github.com/anthropics/claude-plugins-official/blob/main/plugins/mcp-server-dev/skills/build-mcp-app/references/directory-checklist.md',
  asOf: '2026-04-28',
  provenance: 'documented',
};
const APPS: RuleSource = {
  url: 'https://github.com/anthropics/claude-plugins-official/blob/main/plugins/mcp-server-dev/skills/build-mcp-app/SKILL.md',
  asOf: '2026-08-21',
  provenance: 'documented',
};

const port443 = defineRule({
  id: 'claude.port-443',
  summary: 'Claude’s backend connects to MCP servers on port 443 only.',
  source: PORT,
  gate: true,
  evaluate({ url }) {
    if (!url.value) return unknown('The URL could not be read.', url.evidence);
    return url.value.port === 443
      ? ok('The MCP URL uses port 443.', url.evidence)
      : blocked(`The MCP URL uses port ${url.value.port}; Claude never dials it.`, url.evidence);
  },
});

const authServerPort = defineRule({
  id: 'claude.auth-server-port',
  summary: 'The metadata, token and registration URLs Claude’s backend calls are on port 443 too.',
  source: AUTH_PORT,
  gate: true,
  evaluate: (facts) =>
    whenSignIn(facts, ({ endpoints }) => {
      if (!endpoints.value?.length)
        return unknown('The sign-in URLs were not seen.', endpoints.evidence);
      const off = endpoints.value.filter((e) => e.port !== 443);
      if (!off.length) return ok('Every sign-in URL uses port 443.', endpoints.evidence);
      const list = off.map((e) => `${e.role} ${e.url}`).join(', ');
      return blocked(`Not on port 443: ${list}; Claude never calls them.`, endpoints.evidence);
    }),
});

const cimdTokenAuth = defineRule({
  id: 'claude.cimd-token-auth',
  summary:
    'For CIMD, token_endpoint_auth_methods_supported includes "none" (a URL-identified client is public).',
  source: AUTH,
  gate: false,
  evaluate: (facts) =>
    whenSignIn(facts, ({ registration, tokenEndpointAuthMethods: auth }) => {
      if (!registration.value || !auth.value)
        return unknown('The authorization server metadata was not read.', registration.evidence);
      if (!registration.value.cimd)
        return ok('The server does not offer CIMD.', registration.evidence);
      if (auth.value.methods.includes('none'))
        return ok('"none" is accepted at the token endpoint.', auth.evidence);
      const seen = auth.value.declared
        ? auth.value.methods.join(', ')
        : 'absent (client_secret_basic by default)';
      return (registration.value.dcr ? degraded : blocked)(
        `CIMD is offered but token_endpoint_auth_methods_supported is ${seen}; Claude’s CIMD sign-in needs "none"${registration.value.dcr ? ' (DCR remains)' : ''}.`,
        auth.evidence,
      );
    }),
});

const urlCredentials = defineRule({
  id: 'claude.url-credentials',
  summary:
    'Tokens or API keys in the connector URL (?token=, ?apiKey=, ?userToken=) are not supported.',
  source: AUTH,
  gate: false,
  evaluate({ credentials }) {
    const params = credentials.value?.queryParams ?? [];
    return params.length
      ? blocked(
          `The URL carries ${params.map((p) => `?${p}=`).join(', ')}; use OAuth or drop authentication.`,
          credentials.evidence,
        )
      : ok('The URL carries no credentials.', credentials.evidence);
  },
});

const directoryNames = defineRule({
  id: 'claude.directory-tool-names',
  summary: `Connectors Directory: tool names are at most ${DIRECTORY_NAME_LIMIT} characters.`,
  source: DIRECTORY,
  gate: false,
  evaluate(facts) {
    const tools = facts.tools;
    if (!tools.value) return notSeen(facts, 'The tool list', tools.evidence);
    if (!tools.value.longNameCount)
      return ok(`Every tool name is ${DIRECTORY_NAME_LIMIT} characters or fewer.`, tools.evidence);
    const names = tools.value.longNames.map((n) => `${n} (${n.length})`).join(', ');
    return degraded(
      `${tools.value.longNameCount} tool name${tools.value.longNameCount === 1 ? ' is' : 's are'} over ${DIRECTORY_NAME_LIMIT} characters (${names}): a custom connector may work, the directory refuses it.`,
      tools.evidence,
    );
  },
});

const directoryAnnotations = defineRule({
  id: 'claude.directory-annotations',
  summary:
    'Connectors Directory: every tool has a title and the applicable readOnlyHint or destructiveHint.',
  source: DIRECTORY,
  gate: false,
  evaluate(facts) {
    const tools = facts.tools;
    if (!tools.value) return notSeen(facts, 'The tool list', tools.evidence);
    const missing = tools.value.missingAnnotations;
    return missing
      ? degraded(
          `${missing} of ${tools.value.count} tools lack a title or a read-only/destructive hint: the directory refuses them.`,
          tools.evidence,
        )
      : ok('Every tool is annotated.', tools.evidence);
  },
});

const widgets = defineRule({
  id: 'claude.widgets',
  summary:
    'Claude renders MCP Apps widgets (ui.resourceUri, text/html;profile=mcp-app); other hosts’ templates are ignored.',
  source: APPS,
  gate: false,
  evaluate(facts) {
    const w = facts.widgets;
    if (!w.value) return notSeen(facts, 'Whether tools declare widgets', w.evidence);
    if (!w.value.count) return ok('No tool declares a widget.', w.evidence);
    if (w.value.mcpApps)
      return ok('The widgets are declared as MCP Apps, which Claude renders.', w.evidence);
    return degraded(
      'The widgets are Apps SDK templates only: Claude shows the tools’ text results instead.',
      w.evidence,
    );
  },
});

export const CLAUDE = {
  ...client,
  rules: [
    httpsRule({ client, source: SUPPORT }),
    publicRule({ client, source: SUPPORT }),
    port443,
    connectionRule({ client, source: SUPPORT }),
    eraRule({ client, source: SUPPORT, modern: 'unknown' }),
    transportRule({ client, source: SUPPORT, speaks: ['streamable-http', 'sse'] }),
    discoveryRule({ client, source: AUTH }),
    authServerPort,
    registrationRule({
      client,
      source: AUTH,
      uses: ['cimd', 'dcr'],
      byHand: 'users must enter a client ID and secret in the connector’s advanced settings.',
      note: ({ auth }) =>
        auth.registration.value?.dcr && !auth.registration.value.cimd
          ? 'Claude registers a new client on every fresh connection; CIMD avoids that.'
          : null,
    }),
    cimdTokenAuth,
    ownCredentialsRule({
      client,
      source: AUTH,
      instead: 'offer OAuth (DCR or CIMD) or no authentication.',
    }),
    urlCredentials,
    directoryNames,
    directoryAnnotations,
    widgets,
  ],
} satisfies ClientProfile;
