import { describe, expect, test } from 'vitest';
import { LIMITS, type Limits } from '@/lib/probe/limits';
import type { Report, StepId } from '@/lib/report/schema';
import {
  endlessServer,
  initializeAnswer,
  initializeResult,
  rawHttpServer,
  rpcServer,
  tcpServer,
  toolsServer,
  type Hostile,
} from './servers';
import { QUICK, crashedChecks, diagnoseHostile, findings, start, stepError } from './support';

/**
 * Servers that misbehave on the wire: at the socket, in the HTTP framing, in the body's encoding,
 * size or type, and in the JSON-RPC carried. Each row names the step that must fail (or succeed),
 * its stable error code, and the finding the report must show; every row also gets the common
 * assertions of `diagnoseHostile` (finished within budget, plain data).
 */
interface WireCase {
  name: string;
  server: () => Promise<Hostile>;
  /** Lowered bounds, only where time is the point. */
  limits?: Partial<Limits>;
  step: StepId;
  /** The step's error code; null when the step must succeed. */
  code: string | null;
  /** `check:code` findings that must be among the report's. */
  finding?: string[];
  /** Extra assertions about what this server makes of the report. */
  more?: (report: Report, server: Hostile) => void;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const MiB = 1024 * 1024;
const filler = Buffer.alloc(64 * 1024, 'a');

/** The JSON-RPC `initialize` answer with its `instructions` left open: the filler runs on inside it. */
const openInstructions = (id: string | number) =>
  JSON.stringify(initializeResult(id, { instructions: '' })).replace(
    /"instructions":""}}$/,
    '"instructions":"',
  );

/**
 * Every byte this server could ever send is bounded by the probe, not by the server: on each
 * request (several steps ask, each reading to the same bound), whatever the server had to give.
 */
const readLittle = (limit: number) => (report: Report, server: Hostile) => {
  expect(server.mostSentForOneRequest()).toBeLessThan(limit);
  const init = report.exchanges.find((x) => x.rpc?.method === 'initialize');
  expect(init?.response?.body?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.keptBodyBytes);
};

/** A tools/list page that is fine, so that a server can be hostile about initialize alone. */
const oneTool = JSON.stringify({
  tools: [
    {
      name: 'ok',
      description: 'A tool that is here so the listing has one entry.',
      inputSchema: { type: 'object' },
    },
  ],
});

const cases: WireCase[] = [
  {
    name: 'accepts the request and never answers',
    server: () => rpcServer(() => {}),
    limits: QUICK,
    step: 'initialize',
    code: 'timeout',
    finding: ['connection.latency:timeout'],
  },
  {
    name: 'answers one byte at a time',
    server: () =>
      rpcServer((message, res) => {
        const bytes = Buffer.from(JSON.stringify(initializeResult(message.id ?? 0)));
        res.writeHead(200, JSON_HEADERS);
        let i = 0;
        const timer = setInterval(
          () => (i < bytes.length ? res.write(bytes.subarray(i, ++i)) : res.end()),
          200,
        );
        res.on('close', () => clearInterval(timer));
      }),
    limits: QUICK,
    step: 'initialize',
    code: 'timeout',
  },
  {
    name: 'sends its response head one byte at a time (slowloris in reverse)',
    server: () =>
      rawHttpServer((socket) => {
        const head = Buffer.from(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-padding: ${'p'.repeat(200)}\r\n\r\n`,
        );
        let i = 0;
        const timer = setInterval(
          () => (i < head.length ? socket.write(head.subarray(i, ++i)) : clearInterval(timer)),
          100,
        );
        socket.on('close', () => clearInterval(timer));
      }),
    limits: QUICK,
    step: 'initialize',
    code: 'timeout',
  },
  {
    name: 'closes the socket right after accepting it',
    server: () => tcpServer((socket) => socket.destroy()),
    step: 'initialize',
    code: 'connection-reset',
    finding: ['connection.tcp:reset'],
  },
  {
    name: 'speaks another protocol on the port (an SSH banner)',
    server: () => tcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n')),
    step: 'initialize',
    code: 'failed',
    finding: ['connection.initialize:no-answer'],
  },
  {
    name: 'declares a Content-Length larger than the body, then closes',
    server: () =>
      rawHttpServer((socket) =>
        socket.end(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"jsonrpc":"2.0",',
        ),
      ),
    step: 'initialize',
    code: 'connection-reset',
  },
  {
    name: 'declares a Content-Length larger than the body, and keeps the connection open',
    server: () =>
      rawHttpServer((socket) =>
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"jsonrpc":"2.0",',
        ),
      ),
    limits: QUICK,
    step: 'initialize',
    code: 'timeout',
  },
  {
    name: 'declares a 50 MB Content-Length and starts sending it',
    server: () =>
      endlessServer({
        headers: { ...JSON_HEADERS, 'content-length': String(50 * MiB) },
        head: openInstructions,
        filler,
      }),
    step: 'initialize',
    code: 'body-too-large',
    finding: ['connection.initialize:body-too-large'],
    more: readLittle(25 * MiB),
  },
  {
    name: 'floods the response with 5,000 headers',
    server: () =>
      rawHttpServer((socket) => {
        const lines = Array.from(
          { length: 5_000 },
          (_, i) => `x-flood-${i}: ${'v'.repeat(20)}\r\n`,
        ).join('');
        socket.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n${lines}\r\n{}`);
      }),
    step: 'initialize',
    code: 'failed',
    finding: ['connection.initialize:no-answer'],
    more: (report) =>
      expect(report.steps.find((s) => s.id === 'initialize')?.error?.message).toMatch(
        /Headers Overflow/,
      ),
  },
  {
    name: 'sends one header of 1 MB',
    server: () =>
      rawHttpServer((socket) => socket.end(`HTTP/1.1 200 OK\r\nx-big: ${'b'.repeat(MiB)}\r\n\r\n`)),
    step: 'initialize',
    code: 'failed',
    finding: ['connection.initialize:no-answer'],
  },
  ...(['gzip', 'deflate', 'br'] as const).map((encode): WireCase => ({
    name: `is a ${encode} bomb (a few KB that inflate without end)`,
    server: () =>
      endlessServer({
        headers: { ...JSON_HEADERS, 'content-encoding': encode },
        head: openInstructions,
        filler,
        encode,
      }),
    step: 'initialize',
    code: 'body-too-large',
    finding: ['connection.initialize:body-too-large'],
    // `sent` counts bytes before compression: inflation stopped near the byte bound.
    more: readLittle(64 * MiB),
  })),
  {
    name: 'declares gzip and sends bytes that are not',
    server: () =>
      initializeAnswer(() => ({
        headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' },
        body: 'this is not gzip',
      })),
    step: 'initialize',
    code: 'failed',
    more: (report) =>
      expect(report.steps.find((s) => s.id === 'initialize')?.error?.message).toMatch(
        /Z_DATA_ERROR|incorrect header/,
      ),
  },
  {
    name: 'streams SSE notifications for ever and never the response',
    server: () =>
      endlessServer({
        headers: { 'content-type': 'text/event-stream' },
        head: () => '',
        filler: Buffer.from(
          `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x'.repeat(60_000) } })}\n\n`,
        ),
      }),
    step: 'initialize',
    code: 'body-too-large',
    more: readLittle(25 * MiB),
  },
  {
    name: 'keeps an SSE stream alive with comments and never answers',
    server: () =>
      rpcServer((_message, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const timer = setInterval(() => res.write(': keep-alive\n\n'), 50);
        res.on('close', () => clearInterval(timer));
      }),
    limits: QUICK,
    step: 'initialize',
    code: 'timeout',
  },
  {
    name: 'sends one SSE line that never ends',
    server: () =>
      endlessServer({
        headers: { 'content-type': 'text/event-stream' },
        head: () => 'data: ',
        filler,
      }),
    step: 'initialize',
    code: 'body-too-large',
    more: readLittle(25 * MiB),
  },
  {
    name: 'answers 50 MB to tools/list after a proper initialize',
    server: () =>
      rpcServer((message, res) => {
        if (message.method === 'initialize')
          return void res
            .writeHead(200, JSON_HEADERS)
            .end(JSON.stringify(initializeResult(message.id ?? 0)));
        res.writeHead(200, JSON_HEADERS);
        res.write(`{"jsonrpc":"2.0","id":${JSON.stringify(message.id)},"result":{"tools":[`);
        const tool = Buffer.from(
          `{"name":"t","description":"${'d'.repeat(4000)}","inputSchema":{"type":"object"}},`,
        );
        let sent = 0;
        const pump = () => {
          while (!res.destroyed && sent < 50 * MiB) {
            sent += tool.byteLength;
            if (!res.write(tool)) return void res.once('drain', pump);
          }
          res.end('{}]}}');
        };
        pump();
      }),
    step: 'tools',
    code: 'body-too-large',
    finding: ['tools.list:list-failed'],
  },
  {
    name: 'labels JSON as text/plain',
    server: () =>
      initializeAnswer((id) => ({
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(initializeResult(id)),
      })),
    step: 'initialize',
    code: 'http-status',
    finding: ['connection.content-type:unexpected-type'],
  },
  {
    name: 'sends no Content-Type at all',
    server: () => initializeAnswer((id) => ({ body: JSON.stringify(initializeResult(id)) })),
    step: 'initialize',
    code: 'http-status',
    finding: ['connection.content-type:missing-type'],
  },
  {
    name: 'labels an HTML page application/json',
    server: () =>
      initializeAnswer(() => ({
        headers: JSON_HEADERS,
        body: '<!doctype html><script>alert(document.cookie)</script>',
      })),
    step: 'initialize',
    code: 'failed',
  },
  {
    name: 'answers 200 with an empty body',
    server: () => initializeAnswer(() => ({ headers: JSON_HEADERS, body: '' })),
    step: 'initialize',
    code: 'failed',
    finding: ['connection.initialize:empty'],
  },
  {
    name: 'answers the JSON literal null',
    server: () => initializeAnswer(() => ({ headers: JSON_HEADERS, body: 'null' })),
    step: 'initialize',
    code: 'bad-response',
    finding: ['connection.initialize:no-reply'],
  },
  {
    name: 'answers with a JSON-RPC id that was never asked',
    server: () =>
      initializeAnswer(() => ({
        headers: JSON_HEADERS,
        body: JSON.stringify(initializeResult(987_654)),
      })),
    limits: QUICK,
    step: 'initialize',
    code: 'timeout',
  },
  {
    name: 'answers the id as a string when it was sent as a number',
    server: () =>
      initializeAnswer((id) => ({
        headers: JSON_HEADERS,
        body: JSON.stringify(initializeResult(`${id}-not-yours`)),
      })),
    limits: QUICK,
    step: 'initialize',
    code: 'timeout',
  },
  {
    name: 'sends a response to a request never sent before the real one',
    server: () =>
      rpcServer((message, res) => {
        const id = message.id ?? 0;
        if (message.method !== 'initialize')
          return void res
            .writeHead(200, JSON_HEADERS)
            .end(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${oneTool}}`);
        const stray = {
          jsonrpc: '2.0',
          id: 4242,
          result: { injected: '<script>alert(1)</script>' },
        };
        res
          .writeHead(200, { 'content-type': 'text/event-stream' })
          .end(
            `event: message\ndata: ${JSON.stringify(stray)}\n\nevent: message\ndata: ${JSON.stringify(initializeResult(id))}\n\n`,
          );
      }),
    step: 'tools',
    code: null,
    more: (report) => {
      expect(report.tools).toHaveLength(1);
      expect(report.server.name).toBe('hostile-fixture');
    },
  },
  {
    name: 'puts invalid UTF-8 in its name and tools',
    server: () =>
      rpcServer((message, res) => {
        const id = JSON.stringify(message.id ?? 0);
        const bad = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
        const result =
          message.method === 'initialize'
            ? [
                Buffer.from(
                  `{"jsonrpc":"2.0","id":${id},"result":{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"bad`,
                ),
                bad,
                Buffer.from('","version":"1"}}}'),
              ]
            : [
                Buffer.from(`{"jsonrpc":"2.0","id":${id},"result":{"tools":[{"name":"t`),
                bad,
                Buffer.from(
                  '","description":"\\ud800 a lone surrogate, escaped","inputSchema":{"type":"object"}}]}}',
                ),
              ];
        res.writeHead(200, JSON_HEADERS).end(Buffer.concat(result));
      }),
    step: 'tools',
    code: null,
    finding: ['tools.name:invalid-name'],
    more: (report) => expect(report.server.name).toContain('\ufffd'),
  },
  {
    name: 'nests its initialize result 100,000 levels deep',
    server: () =>
      initializeAnswer((id) => ({
        headers: JSON_HEADERS,
        body: `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":{"protocolVersion":"2025-06-18","capabilities":{"tools":{},"experimental":{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}},"serverInfo":{"name":"deep","version":"1"}}}`,
      })),
    step: 'initialize',
    code: null,
    more: (report) => expect(JSON.stringify(report).length).toBeLessThan(4 * MiB),
  },
  {
    name: 'answers initialize with a 3 MB JSON-RPC error message',
    server: () =>
      initializeAnswer((id) => ({
        headers: JSON_HEADERS,
        body: JSON.stringify({
          jsonrpc: '2.0',
          id,
          error: { code: -32000, message: `<b>${'E'.repeat(3 * MiB)}` },
        }),
      })),
    step: 'initialize',
    code: 'jsonrpc-error',
    more: (report) => {
      expect(report.steps.find((s) => s.id === 'initialize')?.error?.message.length).toBeLessThan(
        1_000,
      );
      expect(JSON.stringify(report).length).toBeLessThan(MiB);
    },
  },
  {
    name: 'issues a session id full of markup',
    server: () =>
      rpcServer((message, res) => {
        const id = message.id ?? 0;
        const headers = { ...JSON_HEADERS, 'mcp-session-id': '"><script>alert(1)</script>' };
        if (message.method === 'initialize')
          return void res.writeHead(200, headers).end(JSON.stringify(initializeResult(id)));
        res
          .writeHead(200, headers)
          .end(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${oneTool}}`);
      }),
    step: 'tools',
    code: null,
    more: (report) => expect(report.mcp?.sessionId).toBe('"><script>alert(1)</script>'),
  },
  {
    name: 'redirects the MCP POST to a file: URL',
    server: () =>
      rpcServer((_m, res) => void res.writeHead(307, { location: 'file:///etc/passwd' }).end()),
    step: 'initialize',
    code: 'http-status',
    finding: ['connection.redirect:not-followed'],
    more: (report) => {
      // Followed nowhere: the only exchanges are HTTP ones, to this loopback server.
      expect(report.exchanges.every((x) => x.request.url.startsWith('http://127.0.0.1:'))).toBe(
        true,
      );
    },
  },
  {
    name: 'redirects through ever new paths of its own origin',
    server: () =>
      rpcServer((_m, res, req) => {
        const hop = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('hop') ?? 0);
        res.writeHead(307, { location: `/mcp?hop=${hop + 1}` }).end();
      }),
    step: 'initialize',
    code: 'http-status',
    finding: ['connection.redirect:not-followed'],
    more: (report, server) => {
      expect(server.hits()).toBeLessThan(100);
      expect(report.exchanges.length).toBeLessThan(100);
    },
  },
  {
    name: 'sends a thousand 103 Early Hints and never a final answer',
    server: () =>
      rpcServer((_m, res) => {
        for (let i = 0; i < 1_000; i++)
          res.writeEarlyHints({ link: `</style-${i}.css>; rel=preload; as=style` });
      }),
    limits: QUICK,
    step: 'initialize',
    code: 'timeout',
  },
  {
    name: 'answers tools/list with a result that is a string',
    server: () => toolsServer(() => '"<img src=x onerror=alert(1)>"'),
    step: 'tools',
    code: 'bad-response',
    finding: ['tools.list:list-failed'],
  },
];

describe('a server that misbehaves on the wire', () => {
  test.each(cases)('$name', async ({ server: make, limits, step, code, finding, more }) => {
    const server = await start(make());
    const { report, rssGrowthMiB } = await diagnoseHostile(server.url, { limits });

    const outcome = report.steps.find((s) => s.id === step);
    if (code === null) expect(outcome).toMatchObject({ status: 'ok', error: null });
    else expect(stepError(report, step)).toBe(code);
    if (finding) expect(findings(report)).toEqual(expect.arrayContaining(finding));
    // A broken server is the report's subject, never a crash of a check.
    expect(crashedChecks(report)).toEqual([]);
    if (code !== null) expect(report.status).toBe('fail');
    // Generous: a body read whole (50 MB, or an inflated bomb) would blow far past it.
    expect(rssGrowthMiB).toBeLessThan(200);
    more?.(report, server);
  });
});
