import type { EdgeSignature } from './signature-schema';

/**
 * Everything that can answer an MCP client instead of the MCP server, one row per platform or
 * behaviour, each with the marker that identifies it, what it means, a fix that works on that
 * platform, and where the facts come from. identifyEdge (identify.ts) walks the rows in order and
 * the first match wins, so the most specific rows come first: tunnels, dedicated marker headers,
 * login walls, gateways, platform states, and the generic default pages last.
 *
 * Patterns must stay cheap on hostile bodies: literals, alternations and bounded repeats only
 * (no `*`, no `+`, no `{n,}`), checked by signatures.test.ts. To add a platform: add a row, a
 * fixture in lib/edges/fixtures/, and run the table tests.
 */

const AS_OF = '2026-12-04';

// Why the usual fixes do not work for ChatGPT and Claude: they connect from their own servers, with
// OAuth or no authentication, and attach no custom header or cookie of the user's choosing.
const CHATGPT_AUTH_MODES = 'https://help.boomi.com/docs/Atomsphere/Platform/Connect_chatgpt_setup';
const CLAUDE_NO_CUSTOM_HEADERS = 'https://github.com/anthropics/claude-ai-mcp/issues/982';
const OPENAI_EGRESS = 'https://developers.openai.com/api/docs/guides/ip-addresses';
const ANTHROPIC_EGRESS = 'https://platform.claude.com/docs/en/api/ip-addresses';

const CF_CHALLENGE_DOCS =
  'https://developers.cloudflare.com/cloudflare-challenges/challenge-types/challenge-pages/detect-response/';
const CF_5XX_DOCS =
  'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/';
const VERCEL_ERRORS = 'https://vercel.com/docs/errors';
const VERCEL_AGENT_ACCESS = 'https://vercel.com/docs/deployment-protection/automated-agent-access';
const ALB_TROUBLESHOOTING =
  'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html';
const ALB = /^awselb\/2\.0$/i;
const CLOUDFLARE = /^cloudflare$/i;
const LOCALTUNNEL_HOSTS = /(^|\.)(loca\.lt|localtunnel\.me)$/i;

const ngrok = <Name extends string>(
  code: string,
  name: Name,
  meaning: string,
  fix: string,
): EdgeSignature & { id: `ngrok-${Name}`; kind: 'tunnel' } => ({
  id: `ngrok-${name}`,
  name: `ngrok ERR_NGROK_${code}`,
  kind: 'tunnel',
  match: [
    { headers: [{ name: 'ngrok-error-code', pattern: new RegExp(`ERR_NGROK_${code}\\b`) }] },
    { body: [new RegExp(`ERR_NGROK_${code}\\b`)] },
  ],
  meaning,
  fix,
  docs: `https://ngrok.com/docs/errors/err_ngrok_${code}`,
  source: [`https://ngrok.com/docs/errors/err_ngrok_${code}`],
  provenance: 'documented',
  asOf: AS_OF,
});

const TABLE = [
  // ── Tunnels: the tunnel's own error page, with its code ─────────────────────────────────────
  ngrok(
    '3200',
    'endpoint-offline',
    'The ngrok endpoint is offline: no ngrok agent serves this URL any more.',
    'Start the ngrok agent again (ngrok http <port>) and give ChatGPT the URL it prints; a free URL changes on every start.',
  ),
  ngrok(
    '8012',
    'upstream-refused',
    'ngrok is up, but nothing answers on the local port it forwards to.',
    'Start the MCP server on the port ngrok forwards to (the "Forwarding" line of the ngrok output).',
  ),
  ngrok(
    '3004',
    'invalid-upstream-response',
    'The local server sent ngrok an invalid or incomplete HTTP response.',
    'Check the scheme and port ngrok forwards to (ngrok http https://localhost:<port> for a server that speaks TLS).',
  ),
  ngrok(
    '6024',
    'browser-warning',
    'ngrok showed its browser warning page instead of forwarding the request.',
    'Use a paid or verified ngrok domain, or another tunnel: an MCP client cannot click through the warning page.',
  ),
  {
    id: 'ngrok-error',
    name: 'ngrok error page',
    kind: 'tunnel',
    match: [
      { headers: [{ name: 'ngrok-error-code', pattern: /ERR_NGROK_[0-9]{3,5}/ }] },
      { body: [/ERR_NGROK_[0-9]{3,5}/] },
    ],
    meaning: 'ngrok answered with its own error page instead of forwarding to the server.',
    fix: 'Look the quoted ERR_NGROK code up in the ngrok error reference, fix the tunnel, and reconnect.',
    docs: 'https://ngrok.com/docs/errors/',
    source: ['https://ngrok.com/docs/errors/'],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'cloudflare-tunnel-down',
    name: 'Cloudflare Tunnel error 1033',
    kind: 'tunnel',
    match: [
      {
        status: [530, 502],
        headers: [{ name: 'server', pattern: CLOUDFLARE }],
        body: [/\berror(?: code)?:? ?1033\b/i],
        quote: 'body',
      },
      {
        status: [530, 502],
        headers: [{ name: 'cf-ray', pattern: /./ }],
        body: [/\berror(?: code)?:? ?1033\b/i],
        quote: 'body',
      },
    ],
    meaning:
      'The Cloudflare Tunnel for this hostname is not connected: cloudflared is not running.',
    fix: 'Start cloudflared (cloudflared tunnel run <name>) and wait for "Registered tunnel connection" in its log.',
    docs: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1033/',
    source: [
      'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1033/',
    ],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'cloudflare-tunnel-dns',
    name: 'Cloudflare Tunnel error 1016',
    kind: 'tunnel',
    match: [
      {
        status: [530, 502],
        headers: [{ name: 'server', pattern: CLOUDFLARE }],
        body: [/\berror(?: code)?:? ?1016\b/i],
        quote: 'body',
      },
      {
        status: [530, 502],
        headers: [{ name: 'cf-ray', pattern: /./ }],
        body: [/\berror(?: code)?:? ?1016\b/i],
        quote: 'body',
      },
    ],
    meaning:
      "Cloudflare could not resolve the tunnel's origin: the DNS record points at no tunnel.",
    fix: 'Route the hostname to a running tunnel (cloudflared tunnel route dns <name> <hostname>).',
    docs: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1016/',
    source: [
      'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1016/',
    ],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'localtunnel-reminder',
    name: 'localtunnel reminder page',
    kind: 'tunnel',
    match: [{ status: [511], host: LOCALTUNNEL_HOSTS }],
    meaning:
      'localtunnel showed its reminder page (it asks for the tunnel password) instead of forwarding.',
    fix: 'An MCP client cannot pass the localtunnel reminder page; expose the server with ngrok or Cloudflare Tunnel.',
    docs: 'https://github.com/localtunnel/localtunnel',
    source: ['https://github.com/localtunnel/localtunnel'],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'localtunnel-offline',
    name: 'localtunnel without a client',
    kind: 'tunnel',
    match: [{ status: [503], host: LOCALTUNNEL_HOSTS }],
    meaning: 'No localtunnel client is connected for this subdomain.',
    fix: 'Start the tunnel again (npx localtunnel --port <port>) and use the URL it prints.',
    docs: 'https://github.com/localtunnel/localtunnel',
    source: ['https://github.com/localtunnel/localtunnel'],
    provenance: 'observed',
    asOf: AS_OF,
  },

  // ── Challenges: bot protection that wants a browser ──────────────────────────────────────────
  {
    id: 'cloudflare-challenge',
    name: 'Cloudflare bot protection (challenge page)',
    kind: 'bot-protection',
    match: [
      { headers: [{ name: 'cf-mitigated', pattern: /^challenge$/i }] },
      {
        status: [403, 503],
        headers: [{ name: 'server', pattern: CLOUDFLARE }],
        body: [
          /<title>Just a moment\.\.\.<\/title>/i,
          /\/cdn-cgi\/challenge-platform\//,
          /_cf_chl_opt/,
        ],
        quote: 'body',
      },
    ],
    meaning:
      'Cloudflare answered with a challenge page ("Just a moment...") that only a browser running its JavaScript can pass; the MCP server never saw the request.',
    fix: 'ChatGPT and Claude call from their own servers and cannot solve challenges. On the Free plan turn Bot Fight Mode off (no rule can skip it). On paid plans add a WAF custom rule with the Skip action for the MCP and OAuth paths (/mcp, /.well-known/oauth-*, /register, /token) that skips Super Bot Fight Mode, managed rules and rate limiting, or skip only for the published egress ranges of OpenAI (chatgpt-connectors.json) and Anthropic (160.79.104.0/21). Give your own Managed Challenge rules the same exception.',
    docs: 'https://developers.cloudflare.com/waf/custom-rules/skip/',
    source: [
      CF_CHALLENGE_DOCS,
      'https://developers.cloudflare.com/bots/get-started/bot-fight-mode/',
      'https://github.com/NSHipster/sosumi.ai/issues/22',
      'https://github.com/cloudflare/workers-sdk/issues/13862',
      'https://github.com/Waishnav/devspace/issues/295',
      OPENAI_EGRESS,
      ANTHROPIC_EGRESS,
    ],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'vercel-challenge',
    name: 'Vercel Firewall challenge (Security Checkpoint)',
    kind: 'bot-protection',
    match: [{ headers: [{ name: 'x-vercel-mitigated', pattern: /^challenge$/i }] }],
    meaning:
      "Vercel's firewall answered with its Security Checkpoint challenge (Attack Challenge Mode, a challenge rule or bot protection) instead of running the function.",
    fix: 'Turn Attack Challenge Mode off once the attack is over, and exempt the MCP and OAuth paths from challenge rules and managed bot rulesets (a custom rule with the Bypass action); ChatGPT and Claude cannot solve a challenge.',
    docs: 'https://vercel.com/docs/vercel-firewall/vercel-waf/custom-rules',
    source: [
      'https://vercel.com/docs/vercel-firewall',
      'https://vercel.com/docs/vercel-firewall/vercel-waf/custom-rules',
    ],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'aws-waf-challenge',
    name: 'AWS WAF challenge or CAPTCHA',
    kind: 'bot-protection',
    match: [{ headers: [{ name: 'x-amzn-waf-action', pattern: /^(challenge|captcha)$/i }] }],
    meaning:
      'AWS WAF answered with a Challenge or CAPTCHA interstitial, which needs a browser, instead of forwarding the request.',
    fix: 'Scope the Challenge or CAPTCHA rule away from the MCP and OAuth paths (a scope-down statement on the URI path), or allow the published egress ranges of OpenAI and Anthropic with an IP set rule placed before it.',
    docs: 'https://docs.aws.amazon.com/waf/latest/developerguide/waf-captcha-and-challenge-actions.html',
    source: [
      'https://docs.aws.amazon.com/waf/latest/developerguide/waf-captcha-and-challenge-actions.html',
      OPENAI_EGRESS,
      ANTHROPIC_EGRESS,
    ],
    provenance: 'documented',
    asOf: AS_OF,
  },

  // ── Login walls built for people in browsers ────────────────────────────────────────────────
  {
    id: 'cloudflare-access',
    name: 'Cloudflare Access login',
    kind: 'access-login',
    match: [
      { location: /\.cloudflareaccess\.com\/cdn-cgi\/access\/login/i },
      { location: /^\/cdn-cgi\/access\/login/i },
    ],
    meaning:
      'Cloudflare Access redirected the request to its login page; a non-browser client gets a redirect with no token or authorization endpoint to use.',
    fix: 'Turn on Managed OAuth for the Access application so Access acts as the OAuth authorization server MCP clients discover, or add a Bypass policy for the MCP and OAuth paths and let the server run its own OAuth. Service tokens do not help: ChatGPT and Claude cannot send CF-Access-Client-Id and CF-Access-Client-Secret.',
    docs: 'https://developers.cloudflare.com/cloudflare-one/access-controls/applications/http-apps/managed-oauth/',
    source: [
      'https://developers.cloudflare.com/cloudflare-one/access-controls/applications/http-apps/managed-oauth/',
      CLAUDE_NO_CUSTOM_HEADERS,
    ],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'vercel-authentication',
    name: 'Vercel Deployment Protection (Vercel Authentication)',
    kind: 'deployment-protection',
    match: [
      { location: /^https:\/\/vercel\.com\/sso-api\?/i },
      { status: [401, 403], body: [/vercel\.com\/sso-api/i, /"vercel_auth_callback"/] },
    ],
    meaning:
      'Vercel Deployment Protection asked for a Vercel login (a 401 page or a redirect to vercel.com/sso-api) before the function ran.',
    fix: "Connect ChatGPT to the production domain (Standard Protection leaves it public), or exclude this deployment from Vercel Authentication in Settings → Deployment Protection, or make this preview domain public with a Deployment Protection Exception. Protection Bypass for Automation needs the x-vercel-protection-bypass header, which ChatGPT and Claude cannot send; its query-parameter form puts the secret in the connector's URL.",
    docs: VERCEL_AGENT_ACCESS,
    source: [
      VERCEL_AGENT_ACCESS,
      'https://vercel.com/docs/deployment-protection/methods-to-bypass-deployment-protection/protection-bypass-automation',
      CLAUDE_NO_CUSTOM_HEADERS,
      'https://github.com/banataosystems/Pandoras-box/issues/4',
    ],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'vercel-password-protection',
    name: 'Vercel Password Protection',
    kind: 'password-protection',
    match: [{ status: [401, 403], body: [/name="_vercel_password"/] }],
    meaning:
      "Vercel's Password Protection form answered: the deployment wants a shared password first.",
    fix: 'Turn Password Protection off for the environment ChatGPT uses (Settings → Deployment Protection) and protect the MCP endpoint with OAuth instead; an MCP client cannot fill in the form.',
    docs: 'https://vercel.com/docs/deployment-protection/methods-to-protect-deployments/password-protection',
    source: [
      'https://vercel.com/docs/deployment-protection/methods-to-protect-deployments/password-protection',
      VERCEL_AGENT_ACCESS,
    ],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'azure-app-service-auth',
    name: 'Azure App Service authentication',
    kind: 'platform-auth',
    match: [
      { location: /\/\.auth\/login\// },
      {
        status: [401, 403],
        body: [/You do not have permission to view this directory or page/i],
      },
    ],
    meaning:
      'App Service authentication (Easy Auth) turned the request away before the app: it redirects to /.auth/login or answers 401/403 without the Bearer challenge MCP clients need.',
    fix: 'Set unauthenticatedClientAction to AllowAnonymous (or exclude /mcp and /.well-known with excludedPaths) and have the app answer 401 with a WWW-Authenticate Bearer challenge and protected resource metadata; a browser login redirect cannot be followed by an MCP client.',
    docs: 'https://learn.microsoft.com/en-us/azure/app-service/overview-authentication-authorization',
    source: [
      'https://learn.microsoft.com/en-us/azure/app-service/configure-authentication-customize-sign-in-out',
      'https://learn.microsoft.com/en-us/javascript/api/@azure/arm-appservice/unauthenticatedclientactionv2',
    ],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'cloud-run-iam',
    name: 'Google Cloud Run IAM (authentication required)',
    kind: 'platform-auth',
    match: [
      {
        status: [403],
        headers: [{ name: 'server', pattern: /^Google Frontend$/i }],
        body: [/Your client does not have permission to get URL/],
        quote: 'body',
      },
    ],
    meaning:
      'Cloud Run refused the request at its front end: the service requires an IAM identity token, which ChatGPT and Claude do not have.',
    fix: 'Allow public invocation (grant roles/run.invoker to allUsers, or turn the invoker IAM check off) and authenticate users in the app with OAuth; keep the IAM check only for service-to-service callers.',
    docs: 'https://cloud.google.com/run/docs/authenticating/public',
    source: [
      'https://cloud.google.com/run/docs/troubleshooting',
      'https://cloud.google.com/run/docs/authenticating/public',
    ],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'aws-alb-auth',
    name: 'AWS Application Load Balancer authentication',
    kind: 'platform-auth',
    match: [{ status: [401], headers: [{ name: 'server', pattern: ALB }] }],
    meaning:
      "The load balancer's authenticate rule (OIDC or Cognito) refused the request before it reached the server.",
    fix: 'Remove the authenticate action from the listener rule for the MCP and OAuth paths and let the server answer 401 with a Bearer challenge; the ALB login is built for browsers.',
    docs: ALB_TROUBLESHOOTING,
    source: [ALB_TROUBLESHOOTING],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'netlify-basic-auth',
    name: 'Netlify password protection (Basic auth)',
    kind: 'password-protection',
    match: [
      {
        status: [401],
        headers: [
          { name: 'www-authenticate', pattern: /^Basic\b/i },
          { name: 'x-nf-request-id', pattern: /./ },
        ],
      },
    ],
    meaning:
      'Netlify asked for a Basic-Auth user name and password (password protection) before serving.',
    fix: 'Take the MCP endpoint out of Netlify password protection (or its Basic-Auth rule in _headers) and protect it with OAuth; ChatGPT and Claude do not send Basic credentials.',
    docs: 'https://docs.netlify.com/visitor-access/basic-authentication-with-custom-http-headers',
    source: [
      'https://docs.netlify.com/visitor-access/basic-authentication-with-custom-http-headers',
    ],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'basic-auth',
    name: 'HTTP Basic authentication',
    kind: 'password-protection',
    match: [{ status: [401], headers: [{ name: 'www-authenticate', pattern: /^Basic\b/i }] }],
    meaning:
      'Something in front of the server asked for a Basic user name and password (RFC 7617).',
    fix: 'Remove Basic authentication from the MCP endpoint (often a proxy setting) and protect it with OAuth; ChatGPT and Claude do not send Basic credentials.',
    docs: 'https://www.rfc-editor.org/rfc/rfc7617',
    source: ['https://www.rfc-editor.org/rfc/rfc7617', CHATGPT_AUTH_MODES],
    provenance: 'documented',
    asOf: AS_OF,
  },

  // ── API gateways ────────────────────────────────────────────────────────────────────────────
  {
    id: 'aws-api-gateway-missing-token',
    name: 'AWS API Gateway "Missing Authentication Token"',
    kind: 'api-gateway',
    match: [
      { headers: [{ name: 'x-amzn-errortype', pattern: /^MissingAuthenticationTokenException/i }] },
      {
        status: [403],
        headers: [{ name: 'x-amzn-requestid', pattern: /./ }],
        body: [/Missing Authentication Token/],
        quote: 'body',
      },
    ],
    meaning:
      'API Gateway answered itself: no method is deployed for this path and verb, or the method wants IAM-signed requests.',
    fix: 'Deploy the MCP route for every verb clients use (POST, and GET and DELETE for 2025-era sessions) including /.well-known/oauth-protected-resource, redeploy the stage, and do not put IAM authorization on methods an MCP client calls.',
    docs: 'https://repost.aws/knowledge-center/api-gateway-authentication-token-errors',
    source: [
      'https://repost.aws/knowledge-center/api-gateway-authentication-token-errors',
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html',
    ],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'aws-api-gateway-denied',
    name: 'AWS API Gateway authorizer or API key refusal',
    kind: 'api-gateway',
    match: [
      {
        status: [401, 403],
        headers: [
          {
            name: 'x-amzn-errortype',
            pattern: /^(UnauthorizedException|AccessDeniedException|ForbiddenException)/i,
          },
        ],
      },
    ],
    meaning:
      "An API Gateway authorizer, usage-plan API key or resource policy refused the request; the gateway's 401 carries no WWW-Authenticate challenge, so MCP clients cannot start OAuth.",
    fix: 'Leave /.well-known/oauth-protected-resource without an authorizer, add a WWW-Authenticate: Bearer resource_metadata="…" header to the UNAUTHORIZED gateway response, and drop API-key requirements on the MCP route (ChatGPT and Claude cannot send x-api-key).',
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html',
    source: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html',
      CHATGPT_AUTH_MODES,
    ],
    provenance: 'observed',
    asOf: AS_OF,
  },

  // ── Firewalls that block outright ───────────────────────────────────────────────────────────
  {
    id: 'cloudflare-waf-block',
    name: 'Cloudflare firewall block',
    kind: 'waf',
    match: [
      {
        status: [403],
        headers: [{ name: 'server', pattern: CLOUDFLARE }],
        body: [
          /Sorry, you have been blocked/,
          /used Cloudflare to restrict access/,
          /<title>Attention Required! \| Cloudflare<\/title>/,
          /\berror code:? ?10(06|07|08|10|20)\b/i,
        ],
        quote: 'body',
      },
    ],
    meaning:
      'A Cloudflare firewall rule (WAF, IP, country or browser-signature block) blocked the request.',
    fix: 'Find the request in Security → Events by its Ray ID and exempt the MCP and OAuth paths, or the published egress ranges of OpenAI and Anthropic, from the rule that blocked it.',
    docs: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1020/',
    source: [
      'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1020/',
      'https://github.com/OpenHands/OpenHands/issues/4480',
      OPENAI_EGRESS,
      ANTHROPIC_EGRESS,
    ],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'vercel-firewall-deny',
    name: 'Vercel Firewall deny',
    kind: 'waf',
    match: [{ headers: [{ name: 'x-vercel-mitigated', pattern: /^deny$/i }] }],
    meaning:
      'A Vercel Firewall rule (custom rule, IP block or managed ruleset) denied the request.',
    fix: "Find the rule in the project's Firewall tab and exempt the MCP and OAuth paths from it (a custom rule with the Bypass action placed first).",
    docs: 'https://vercel.com/docs/vercel-firewall/vercel-waf/custom-rules',
    source: ['https://vercel.com/docs/vercel-firewall/vercel-waf/custom-rules'],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'aws-waf-block',
    name: 'AWS WAF block',
    kind: 'waf',
    match: [{ status: [403], headers: [{ name: 'server', pattern: ALB }] }],
    meaning: 'AWS WAF on the load balancer blocked the request before it reached the server.',
    fix: "Check the web ACL's sampled requests for the rule that matched and exempt the MCP and OAuth paths (a scope-down statement), or allow the egress ranges of OpenAI and Anthropic with an IP set rule placed first.",
    docs: ALB_TROUBLESHOOTING,
    source: [ALB_TROUBLESHOOTING, OPENAI_EGRESS, ANTHROPIC_EGRESS],
    provenance: 'documented',
    asOf: AS_OF,
  },

  // ── Platform states: asleep, crashed, missing ───────────────────────────────────────────────
  {
    id: 'render-waking',
    name: 'Render free instance that did not wake',
    kind: 'sleeping-host',
    match: [{ headers: [{ name: 'x-render-routing', pattern: /^hibernate-wake-error$/i }] }],
    meaning:
      'The Render free instance was asleep after 15 idle minutes and did not wake in time to answer.',
    fix: 'Move the service to a paid instance type (free web services spin down when idle), or retry once the first request has woken it: a cold start can take a minute, and the connection fails if the client stops waiting first.',
    docs: 'https://render.com/docs/free#spinning-down-on-idle',
    source: ['https://render.com/docs/free#spinning-down-on-idle'],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'render-no-server',
    name: 'Render with no running service',
    kind: 'crashed-host',
    match: [{ headers: [{ name: 'x-render-routing', pattern: /^no-server$/i }] }],
    meaning:
      "Render's router found no running instance for this hostname (suspended, failed deploy, crashed, or a free instance that is asleep).",
    fix: 'Open the service in the Render dashboard: check the latest deploy and its logs, and that the server listens on 0.0.0.0:$PORT.',
    docs: 'https://render.com/docs/free#spinning-down-on-idle',
    source: ['https://render.com/docs/free#spinning-down-on-idle'],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'railway-failed-to-respond',
    name: 'Railway "Application failed to respond"',
    kind: 'crashed-host',
    match: [
      { status: [502, 503, 504], headers: [{ name: 'x-railway-fallback', pattern: /^true$/i }] },
    ],
    meaning:
      "Railway's edge had no healthy instance to route to: the app crashed, is still starting, or listens on another port than the domain targets.",
    fix: "Check the deploy logs, make the server listen on 0.0.0.0:$PORT, and make the domain's target port match the port the app logs.",
    docs: 'https://docs.railway.com/guides/public-networking',
    source: ['https://docs.railway.com/guides/public-networking'],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'railway-not-found',
    name: 'Railway "Application not found"',
    kind: 'default-page',
    match: [{ status: [404], headers: [{ name: 'x-railway-fallback', pattern: /^true$/i }] }],
    meaning:
      "Railway's edge knows no running service for this domain (paused, removed, or the domain is not attached).",
    fix: "Resume or redeploy the service and check that this domain is attached to it in the service's networking settings.",
    docs: 'https://docs.railway.com/guides/public-networking',
    source: ['https://docs.railway.com/guides/public-networking'],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'heroku-application-error',
    name: 'Heroku "Application error"',
    kind: 'crashed-host',
    match: [
      {
        status: [500, 503],
        body: [
          /An error occurred in the application and your page could not be served/,
          /herokucdn\.com\/error-pages\/application-error\.html/,
        ],
      },
    ],
    meaning:
      "Heroku's router answered with its Application error page: the dyno crashed (H10), timed out after 30 s (H12) or is not running.",
    fix: 'Run heroku logs --tail to read the H-code, fix the crash or the slow request, and check that a web dyno is scaled up and binds to $PORT.',
    docs: 'https://devcenter.heroku.com/articles/error-codes',
    source: ['https://devcenter.heroku.com/articles/error-codes'],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'fly-no-machine',
    name: 'Fly.io proxy without a healthy Machine',
    kind: 'crashed-host',
    match: [{ status: [502, 503], headers: [{ name: 'server', pattern: /^Fly\// }] }],
    meaning:
      "Fly's proxy found no healthy Machine to send the request to (stopped, crashed, failing health checks, or still starting).",
    fix: 'Run fly logs and fly status; check internal_port against the port the app listens on, and keep a Machine running (min_machines_running) if cold starts are too slow for ChatGPT.',
    docs: 'https://fly.io/docs/reference/error-codes/',
    source: [
      'https://fly.io/docs/reference/error-codes/',
      'https://fly.io/docs/reference/fly-proxy-autostop-autostart',
    ],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'vercel-function-crashed',
    name: 'Vercel function invocation failed',
    kind: 'crashed-host',
    match: [
      {
        headers: [
          {
            name: 'x-vercel-error',
            pattern:
              /^(FUNCTION_INVOCATION_FAILED|EDGE_FUNCTION_INVOCATION_FAILED|NO_RESPONSE_FROM_FUNCTION|MIDDLEWARE_INVOCATION_FAILED)$/i,
          },
        ],
      },
    ],
    meaning:
      'The Vercel function threw or returned nothing, and Vercel answered with its own error page.',
    fix: 'Open the function logs for this request ID (vercel logs) and fix the exception; a missing environment variable is the usual cause after a first deploy.',
    docs: 'https://vercel.com/docs/errors/FUNCTION_INVOCATION_FAILED',
    source: [VERCEL_ERRORS],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'vercel-function-timeout',
    name: 'Vercel function timeout',
    kind: 'crashed-host',
    match: [
      {
        headers: [
          {
            name: 'x-vercel-error',
            pattern:
              /^(FUNCTION_INVOCATION_TIMEOUT|EDGE_FUNCTION_INVOCATION_TIMEOUT|MIDDLEWARE_INVOCATION_TIMEOUT)$/i,
          },
        ],
      },
    ],
    meaning: 'The Vercel function ran past its maximum duration and Vercel stopped it.',
    fix: 'Raise maxDuration for the MCP route, answer long tool calls with an SSE stream that sends progress, and do not hold a standalone SSE stream open longer than the limit.',
    docs: 'https://vercel.com/docs/errors/FUNCTION_INVOCATION_TIMEOUT',
    source: [VERCEL_ERRORS, 'https://vercel.com/docs/errors/FUNCTION_INVOCATION_TIMEOUT'],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'vercel-deployment-unavailable',
    name: 'Vercel deployment unavailable',
    kind: 'default-page',
    match: [
      {
        headers: [
          {
            name: 'x-vercel-error',
            pattern:
              /^(DEPLOYMENT_NOT_FOUND|DEPLOYMENT_DELETED|DEPLOYMENT_DISABLED|DEPLOYMENT_PAUSED|DEPLOYMENT_BLOCKED)$/i,
          },
        ],
      },
    ],
    meaning:
      'Vercel has no live deployment behind this URL (deleted, paused, disabled or blocked).',
    fix: 'Use the current production URL of the project, or redeploy; a deleted or paused deployment keeps answering this way.',
    docs: VERCEL_ERRORS,
    source: [VERCEL_ERRORS],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'vercel-not-found',
    name: 'Vercel NOT_FOUND (no route for this path)',
    kind: 'default-page',
    match: [{ headers: [{ name: 'x-vercel-error', pattern: /^NOT_FOUND$/i }] }],
    meaning:
      "Vercel's router found nothing at this path in the deployment: the MCP route was not built or lives elsewhere.",
    fix: 'Check the route file path of the MCP handler (for example app/api/mcp/route.ts serves /api/mcp) and the URL given to ChatGPT.',
    docs: VERCEL_ERRORS,
    source: [VERCEL_ERRORS],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'cloudflare-origin-unreachable',
    name: 'Cloudflare cannot reach the origin (521/522/523)',
    kind: 'crashed-host',
    match: [
      {
        status: [521, 522, 523],
        headers: [{ name: 'server', pattern: CLOUDFLARE }],
        quote: 'status',
      },
    ],
    meaning:
      'Cloudflare answered because the origin server refused, timed out on, or could not be routed to the connection.',
    fix: "Check that the origin is up and listening, and that its firewall accepts Cloudflare's IP ranges on the proxied port.",
    docs: CF_5XX_DOCS,
    source: [CF_5XX_DOCS],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'cloudflare-origin-timeout',
    name: 'Cloudflare origin timeout (524)',
    kind: 'default-page',
    match: [{ status: [524], headers: [{ name: 'server', pattern: CLOUDFLARE }], quote: 'status' }],
    meaning:
      "The origin accepted the connection but sent no response within Cloudflare's proxy read timeout (100 s by default).",
    fix: 'Answer long tool calls with an SSE stream that sends something before the timeout, or shorten the work below the timeout.',
    docs: `${CF_5XX_DOCS}error-524/`,
    source: [`${CF_5XX_DOCS}error-524/`],
    provenance: 'documented',
    asOf: AS_OF,
  },

  // ── Generic default pages: proxies and load balancers with no answer from upstream ─────────────
  {
    id: 'aws-alb-error-page',
    name: 'AWS Application Load Balancer error page',
    kind: 'default-page',
    match: [{ status: [502, 503, 504], headers: [{ name: 'server', pattern: ALB }] }],
    meaning:
      'The load balancer answered itself: no healthy target is registered (503), the target failed (502) or it did not answer in time (504).',
    fix: "Check the target group's health: registered targets, the health-check path and port, and the idle timeout for long SSE streams.",
    docs: ALB_TROUBLESHOOTING,
    source: [
      ALB_TROUBLESHOOTING,
      'https://repost.aws/knowledge-center/alb-troubleshoot-503-errors',
    ],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'envoy-upstream-error',
    name: 'Envoy proxy error (upstream unreachable)',
    kind: 'default-page',
    match: [
      {
        status: [502, 503, 504],
        body: [
          /upstream connect error or disconnect\/reset before headers/,
          /no healthy upstream/,
          /upstream request timeout/,
        ],
      },
    ],
    meaning:
      'An Envoy proxy (Istio, Contour, Emissary, a cloud gateway) answered because the service behind it was unreachable, unhealthy or too slow.',
    fix: "Check the upstream service's endpoints and health and the route's timeout (SSE streams need the route timeout off or long).",
    docs: 'https://projectcontour.io/docs/main/troubleshooting/common-errors/',
    source: ['https://projectcontour.io/docs/main/troubleshooting/common-errors/'],
    provenance: 'documented',
    asOf: AS_OF,
  },
  {
    id: 'ingress-nginx-default-backend',
    name: 'Kubernetes ingress default backend',
    kind: 'default-page',
    match: [{ status: [404, 503], body: [/default backend - 404/] }],
    meaning:
      'The ingress controller matched no Ingress rule for this host and path and answered with its default backend.',
    fix: 'Check the Ingress host and path for the MCP endpoint and its ingress class annotation.',
    docs: 'https://github.com/kubernetes/ingress-nginx/blob/main/test/e2e/defaultbackend/default_backend.go',
    source: [
      'https://github.com/kubernetes/ingress-nginx/blob/main/test/e2e/defaultbackend/default_backend.go',
    ],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'nginx-error-page',
    name: 'nginx default error page',
    kind: 'default-page',
    match: [
      {
        status: [404, 500, 502, 503, 504],
        body: [/<center>(nginx|openresty)[^<]{0,40}<\/center>/i],
      },
    ],
    meaning:
      'An nginx reverse proxy answered with its built-in error page: no location for this path (404) or no answer from the upstream (502/504).',
    fix: 'Check the proxy_pass location for the MCP path and that the upstream runs; for SSE add proxy_buffering off and a long proxy_read_timeout.',
    docs: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html',
    source: [
      'https://nginx.org/en/docs/http/ngx_http_proxy_module.html',
      'https://github.com/nginx/nginx/issues/1505',
    ],
    provenance: 'observed',
    asOf: AS_OF,
  },
  {
    id: 'google-frontend-error',
    name: 'Google front end error page',
    kind: 'default-page',
    match: [
      {
        status: [500, 502, 503, 504],
        headers: [{ name: 'server', pattern: /^Google Frontend$/i }],
        body: [/The server encountered a temporary error and could not complete your request/],
        quote: 'body',
      },
    ],
    meaning:
      "Google's front end (Cloud Run, App Engine, a Google load balancer) answered because the service behind it failed or was not ready.",
    fix: 'Read the service logs for the failed request and check the container port, startup probe and request timeout.',
    docs: 'https://cloud.google.com/run/docs/troubleshooting',
    source: ['https://cloud.google.com/run/docs/troubleshooting'],
    provenance: 'observed',
    asOf: AS_OF,
  },
] as const satisfies readonly EdgeSignature[];

type Row = (typeof TABLE)[number];
// Distributes over the rows: one member per row, so narrowing on `kind` narrows the id.
type Known<R extends Row> = R extends Row
  ? EdgeSignature & { id: R['id']; kind: R['kind'] }
  : never;
/** A row of the table with its id and kind as literals. */
export type KnownEdgeSignature = Known<Row>;
export type EdgeSignatureId = Row['id'];
/** The ids of one kind's rows (`EdgeSignatureIdOf<'tunnel'>`), for tables keyed by them. */
export type EdgeSignatureIdOf<Kind extends EdgeSignature['kind']> = Extract<
  KnownEdgeSignature,
  { kind: Kind }
>['id'];

/** The table, in matching order. */
export const SIGNATURES: readonly KnownEdgeSignature[] = TABLE;
