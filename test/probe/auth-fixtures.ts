import { CLIENT_METADATA_PATH, clientMetadataDocument } from '@/lib/oauth-flow/dashboard-client';
import { handleAuthSample, handleProtectedServer } from '@/lib/samples/auth/handler';
import type { ProtectedResourceConfig } from '@/lib/samples/auth/config';
import { serveWeb, type Running } from '../fixtures/servers';

/**
 * The app's OAuth samples as the app serves them — MCP endpoints, well-known metadata, registration
 * and token endpoints, and the dashboard's client ID metadata document — on a loopback port. The
 * samples build their URLs from the configured origin, so it is set to this server's for the test's
 * lifetime.
 */
export async function authSamplesServer(): Promise<Running> {
  const running = await serveWeb((request) => {
    const path = new URL(request.url).pathname;
    // The dashboard's client ID metadata document, which the samples' authorization server reads.
    if (path === CLIENT_METADATA_PATH) return Response.json(clientMetadataDocument());
    const slug = path.match(/^(?:\/\.well-known\/[^/]+)?\/samples\/([^/]+)\//)?.[1];
    return slug ? handleAuthSample(slug, request) : new Response('Not Found', { status: 404 });
  }, '');
  const previous = process.env.MCP_DOCTOR_ORIGIN;
  process.env.MCP_DOCTOR_ORIGIN = running.origin;
  return {
    ...running,
    close: async () => {
      if (previous === undefined) delete process.env.MCP_DOCTOR_ORIGIN;
      else process.env.MCP_DOCTOR_ORIGIN = previous;
      await running.close();
    },
  };
}

type Handler = (request: Request) => Response | Promise<Response>;

/**
 * One protected server with a configuration built for its own origin (path issuers, OIDC-only…);
 * `override` answers some paths differently (a 404 where the server would serve, a 500); `wrap`
 * puts something around the whole server (CORS headers).
 */
export async function protectedServer(
  configure: (origin: string) => ProtectedResourceConfig,
  endpoint: string,
  override: (path: string, request: Request) => Response | null = () => null,
  wrap: (handler: Handler) => Handler = (handler) => handler,
): Promise<Running & { config: ProtectedResourceConfig }> {
  let config: ProtectedResourceConfig | null = null;
  const running = await serveWeb(
    wrap((request) => {
      const replaced = override(new URL(request.url).pathname, request);
      if (replaced) return replaced;
      return config
        ? handleProtectedServer(request, config)
        : new Response('starting', { status: 503 });
    }),
    endpoint,
  );
  config = configure(running.origin);
  const previous = process.env.MCP_DOCTOR_ORIGIN;
  process.env.MCP_DOCTOR_ORIGIN = running.origin;
  return {
    ...running,
    config,
    close: async () => {
      if (previous === undefined) delete process.env.MCP_DOCTOR_ORIGIN;
      else process.env.MCP_DOCTOR_ORIGIN = previous;
      await running.close();
    },
  };
}
