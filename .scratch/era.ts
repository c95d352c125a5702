import { createServer } from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { z } from 'zod';

const factory = () => {
  const s = new McpServer({ name: 'modern', version: '1.0.0' });
  s.registerTool('echo', { description: 'Echo the text back', inputSchema: { text: z.string() } }, async ({ text }) => ({ content: [{ type: 'text', text }] }));
  return s;
};
const mode = process.argv[2] ?? 'reject';
const handler = createMcpHandler(factory, mode === 'reject' ? { legacy: 'reject' } : {});
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string,string>, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks) });
  const response = await handler.fetch(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const url = new URL(`http://127.0.0.1:${port}/mcp`);
const log: string[] = [];
const fetchFn = async (input: string | URL | Request, init?: RequestInit) => {
  const res = await fetch(input, init);
  const text = await res.clone().text();
  log.push(`${init?.method} ${String(input)} ${JSON.stringify(Object.fromEntries(new Headers(init?.headers)))}\n  body=${String(init?.body).slice(0, 400)}\n  => ${res.status} ${res.headers.get('content-type')} ${text.slice(0, 400)}`);
  return res;
};
for (const negotiation of [{ pin: '2026-07-28' }, 'auto', 'legacy'] as const) {
  const client = new Client({ name: 'probe', version: '0' }, { versionNegotiation: { mode: negotiation } });
  const transport = new StreamableHTTPClientTransport(url, { fetch: fetchFn });
  try {
    await client.connect(transport);
    const tools = await client.listTools();
    console.log(JSON.stringify(negotiation), 'era', client.getProtocolEra(), client.getNegotiatedProtocolVersion(), 'tools', tools.tools.map((t) => t.name), JSON.stringify(tools).slice(0, 300));
  } catch (e) {
    console.log(JSON.stringify(negotiation), 'ERROR', (e as Error).constructor.name, (e as Error).message, JSON.stringify((e as { data?: unknown }).data ?? null));
  }
  await client.close().catch(() => {});
}
console.log(log.join('\n'));
server.close();
