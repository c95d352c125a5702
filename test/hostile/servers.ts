import type { LookupAddress } from 'node:dns';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import type { Resolver } from '@/lib/probe/dialer';
import { listen, type Running } from '../fixtures/servers';

/**
 * Small HTTP servers that misbehave on purpose, each on a loopback port. They speak just enough
 * JSON-RPC to get the probe to the point where they turn hostile. Every server counts what it was
 * asked, so a test can tell that a refused target was never reached.
 */
export interface Hostile extends Running {
  /** Requests that reached the server (connections, for the raw TCP servers). */
  hits(): number;
  /** Bytes handed to the socket by the streaming servers (those that write with back-pressure). */
  sent(): number;
  /** The most bytes handed to the socket for any one request. */
  mostSentForOneRequest(): number;
}

/** A JSON-RPC message as the probe sends it. */
export interface Rpc {
  id?: string | number;
  method?: string;
  params?: { cursor?: string } & Record<string, unknown>;
}

type Reply = (message: Rpc, res: ServerResponse, req: IncomingMessage) => void | Promise<void>;

/** Reads a request body as JSON, bounded; a body that is not JSON reads as an empty message. */
async function readRpc(req: IncomingMessage): Promise<Rpc> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > 1024 * 1024) return {};
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Rpc) : {};
  } catch {
    return {};
  }
}

/** Counts requests and bytes around a Node listener, and serves it on loopback. */
async function counted(
  listener: (req: IncomingMessage, res: ServerResponse, count: { sent: number }) => void,
  configure?: (server: http.Server) => void,
): Promise<Hostile> {
  const counts: { sent: number }[] = [];
  const server = http.createServer((req, res) => {
    const count = { sent: 0 };
    counts.push(count);
    listener(req, res, count);
  });
  configure?.(server);
  const running = await listen(server);
  return {
    ...running,
    hits: () => counts.length,
    sent: () => counts.reduce((sum, c) => sum + c.sent, 0),
    mostSentForOneRequest: () => Math.max(0, ...counts.map((c) => c.sent)),
  };
}

/** Any Node listener, counted and served on loopback. */
export const nodeServer = (listener: (req: IncomingMessage, res: ServerResponse) => void) =>
  counted((req, res) => listener(req, res));

/**
 * A hand-written Streamable HTTP endpoint: POST only (GET and DELETE get 405, as stateless servers
 * answer), notifications get 202, and every request with an id is answered by `reply`.
 */
export function rpcServer(reply: Reply): Promise<Hostile> {
  return counted((req, res) => {
    if (req.method !== 'POST') {
      req.resume();
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    void readRpc(req)
      .then(async (message) => {
        if (message.id === undefined) {
          res.writeHead(202).end();
          return;
        }
        await reply(message, res, req);
      })
      .catch(() => res.destroy());
  });
}

export const initializeResult = (id: string | number, result: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0',
  id,
  result: {
    protocolVersion: LATEST_PROTOCOL_VERSION,
    capabilities: { tools: {} },
    serverInfo: { name: 'hostile-fixture', version: '1.0.0' },
    ...result,
  },
});

function json(res: ServerResponse, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  res
    .writeHead(200, { 'content-type': 'application/json', ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * Answers `initialize` properly and `tools/list` with whatever `page` returns (raw JSON text, so a
 * page may hold what the SDK's own server would refuse to send); other methods get -32601.
 */
export function toolsServer(
  page: (cursor: string | undefined) => string,
  initialize: Record<string, unknown> = {},
): Promise<Hostile> {
  return rpcServer((message, res) => {
    const id = message.id ?? 0;
    if (message.method === 'initialize') return json(res, initializeResult(id, initialize));
    if (message.method === 'tools/list') {
      return json(
        res,
        `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${page(message.params?.cursor)}}`,
      );
    }
    json(res, { jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } });
  });
}

/** `initialize` answered with exactly these bytes, status and headers. */
export function initializeAnswer(
  answer: (id: string | number) => {
    status?: number;
    headers?: http.OutgoingHttpHeaders;
    body: string | Buffer;
  },
): Promise<Hostile> {
  return rpcServer((message, res) => {
    const { status = 200, headers = {}, body } = answer(message.id ?? 0);
    res.writeHead(status, headers).end(body);
  });
}

/**
 * Writes `filler` for ever after `head`, with back-pressure (only what the client reads is sent),
 * until the client goes away. `transform` may wrap the response (a gzip stream, for a bomb).
 */
export function endlessServer(options: {
  headers: http.OutgoingHttpHeaders;
  head: (id: string | number) => string;
  filler: Buffer;
  encode?: 'gzip' | 'deflate' | 'br';
}): Promise<Hostile> {
  return counted((req, res, count) => {
    if (req.method !== 'POST') {
      req.resume();
      res.writeHead(405).end();
      return;
    }
    void readRpc(req).then((message) => {
      res.writeHead(200, options.headers);
      const sink: NodeJS.WritableStream = options.encode ? encoder(options.encode) : res;
      if (options.encode) (sink as zlib.Gzip).pipe(res);
      const write = (chunk: Buffer) => {
        count.sent += chunk.byteLength;
        return sink.write(chunk);
      };
      write(Buffer.from(options.head(message.id ?? 0)));
      const pump = () => {
        while (!res.destroyed) {
          if (!write(options.filler)) {
            sink.once('drain', pump);
            return;
          }
        }
      };
      res.on('close', () => (sink as zlib.Gzip).destroy?.());
      pump();
    });
  });
}

function encoder(kind: 'gzip' | 'deflate' | 'br'): zlib.Gzip | zlib.Deflate | zlib.BrotliCompress {
  if (kind === 'gzip') return zlib.createGzip({ level: 1 });
  if (kind === 'deflate') return zlib.createDeflate({ level: 1 });
  return zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
}

/** A TCP server that is not HTTP: `onSocket` does whatever it does with each connection. */
export async function tcpServer(onSocket: (socket: net.Socket) => void): Promise<Hostile> {
  let hits = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    hits++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/mcp`,
    origin,
    hits: () => hits,
    sent: () => 0,
    mostSentForOneRequest: () => 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes a raw HTTP response head (and maybe a body) once the request head has arrived. */
export function rawHttpServer(respond: (socket: net.Socket) => void): Promise<Hostile> {
  return tcpServer((socket) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (!seen.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      respond(socket);
    };
    socket.on('data', onData);
  });
}

/**
 * Names that test URLs use, all resolving to 127.0.0.1; anything else is ENOTFOUND. The probe is
 * given this resolver, so no test ever asks a real DNS server or reaches past loopback.
 */
export const TEST_NAMES = [
  'localhost',
  'hostile.test',
  'metadata.internal.test',
  'other.test',
  'intranet.test',
];

export const testResolver: Resolver = async (hostname): Promise<LookupAddress[]> => {
  if (TEST_NAMES.includes(hostname.toLowerCase())) return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

/** The URL of a loopback server under one of the test names. */
export const named = (running: Running, name: string, path = '/mcp'): string =>
  `${running.origin.replace('127.0.0.1', name)}${path}`;
