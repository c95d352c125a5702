import { createMcpHandler, originValidationResponse } from '@modelcontextprotocol/server';
import packageJson from '@/package.json' with { type: 'json' };
import { errorResponse } from '@/lib/api/errors';
import { apiAdmission } from '@/lib/security/admission';
import { AdmissionError } from '@/lib/security/errors';
import { gateDecision } from '@/lib/security/token-gate';
import { appOrigin } from '@/lib/samples/origin';
import { createDoctorServer } from './server';
import { storeArchive } from './store-archive';

/** Stands in for the HTTP request when the SDK did not pass one: keyed as an anonymous client. */
const UNKNOWN_CLIENT = new Request('http://mcp-doctor.invalid/mcp');

/**
 * One handler per process (the global survives Next loading this module once per route bundle).
 * Dual-era by default: 2026-07-28 requests are served per request, 2025 `initialize` sessions by
 * the SDK's stateless fallback, where GET and DELETE answer 405 (docs/serving/legacy-clients.md in
 * modelcontextprotocol/typescript-sdk).
 */
const KEY = Symbol.for('mcp-doctor.mcp-handler');
type Handler = ReturnType<typeof createMcpHandler>;

function handler(): Handler {
  const holder = globalThis as { [KEY]?: Handler };
  holder[KEY] ??= createMcpHandler(() =>
    createDoctorServer({
      archive: storeArchive,
      admit: (request) => apiAdmission().admit(request ?? UNKNOWN_CLIENT),
      origin: appOrigin(),
      version: packageJson.version,
    }),
  );
  return holder[KEY];
}

/**
 * MCP 2025-11-25 transports, "Security Warning": servers MUST validate the Origin header of every
 * request and answer 403 when it is present and not allowed, or a page could reach a dashboard on
 * a private network through DNS rebinding. MCP clients (agents, IDEs, ChatGPT's and Claude's
 * connectors) send no Origin; a browser does, and only the dashboard's own pages (MCP_DOCTOR_ORIGIN)
 * are allowed. The Host header is never trusted for this: a rebinding page controls it.
 */
function originRefusal(request: Request): Response | undefined {
  return originValidationResponse(request, [new URL(appOrigin()).hostname]);
}

/**
 * The team token (MCP_DOCTOR_TOKEN), as a bearer token only: the login cookie is not accepted
 * here, so a page the browser runs elsewhere can never ride on a signed-in user's session.
 */
function tokenRefusal(request: Request): Response | undefined {
  const decision = gateDecision({
    configuredToken: process.env.MCP_DOCTOR_TOKEN || undefined,
    pathname: '/mcp',
    authorization: request.headers.get('authorization'),
    cookie: undefined,
  });
  if (decision === 'open' || decision === 'allowed') return undefined;
  const response = errorResponse(
    new AdmissionError(
      'unauthorized',
      'This MCP endpoint requires the dashboard’s team token: send Authorization: Bearer <MCP_DOCTOR_TOKEN>.',
    ),
  );
  // RFC 6750 §3: a 401 says how to authenticate.
  response.headers.set('www-authenticate', 'Bearer realm="mcp-doctor"');
  return response;
}

/** `/mcp`: the Streamable HTTP MCP endpoint, behind its own door (Origin, then the team token). */
export async function serveMcp(request: Request): Promise<Response> {
  return originRefusal(request) ?? tokenRefusal(request) ?? handler().fetch(request);
}
