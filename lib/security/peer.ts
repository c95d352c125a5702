import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_HEADER } from './rate-limit';

const KEY = Symbol.for('mcp-doctor.peer-watch');
const holder = globalThis as typeof globalThis & { [KEY]?: true };

/**
 * Puts the address of the socket each request came in on into a request header, for the rate
 * limit's client key. Route handlers and the proxy only see a Web `Request`, and Next fills in
 * X-Forwarded-For from the socket only when the client sent none (base-server.js `??=`), so a
 * client could otherwise name itself. Node publishes `http.server.request.start` before it emits
 * `request` (https://nodejs.org/api/diagnostics_channel.html#http; a built-in channel, marked
 * experimental, there since Node 16.17 and 18.7), so the header is set before Next reads the
 * request, whatever the client sent under that name (e2e/resilience.spec.ts, "a forged
 * X-Forwarded-For buys no new budget", fails if it stops being published).
 */
export function watchPeers(): void {
  if (holder[KEY]) return;
  holder[KEY] = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? '';
  });
}
