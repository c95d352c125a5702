import { handleMcpRequest } from './handler';
import { healthyServer } from './healthy';

/**
 * How long the slow sample takes to answer `initialize`: past the 3 s at which connection.latency
 * warns (ChatGPT gives up on slow servers), well under the probe's 10 s request timeout.
 */
export const SLOW_INITIALIZE_MS = 3_500;

/** The healthy server, answering `initialize` late; every other request is answered at once. */
export async function handleSlow(request: Request): Promise<Response> {
  if (request.method === 'POST' && (await rpcMethod(request)) === 'initialize') {
    await new Promise((resolve) => setTimeout(resolve, SLOW_INITIALIZE_MS));
  }
  return handleMcpRequest(request, healthyServer);
}

/** The JSON-RPC method of a request body, read from a clone so the transport still gets the body. */
async function rpcMethod(request: Request): Promise<string | null> {
  try {
    const message: unknown = await request.clone().json();
    return message &&
      typeof message === 'object' &&
      'method' in message &&
      typeof message.method === 'string'
      ? message.method
      : null;
  } catch {
    return null;
  }
}
