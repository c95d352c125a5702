import { createServer } from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { TargetInputSchema, toTarget } from '@/lib/probe/target';

const factory = () => {
  const s = new McpServer({ name: 'modern', version: '1.0.0' });
  s.registerTool('echo', { description: 'Echo the text back to the caller, unchanged.', inputSchema: { text: z.string() }, annotations: { readOnlyHint: true } }, async ({ text }) => ({ content: [{ type: 'text', text }] }));
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
const report = await runHealthCheck(toTarget(TargetInputSchema.parse({ url: `http://127.0.0.1:${port}/mcp` })));
console.log(report.status, report.healthy, JSON.stringify(report.server));
for (const r of report.rows) console.log(r.id, r.status, r.summary, '|', r.fix);
for (const s of report.steps) console.log('step', s.id, s.status, s.summary);
for (const c of report.checks.filter((c) => c.status !== 'pass')) console.log(' ', c.id, c.status, c.skip?.cause ?? c.severity, c.message.slice(0, 160));
for (const x of report.exchanges) console.log('  x', x.id, x.era ?? '-', x.step, x.request.method, x.rpc?.method ?? '', x.response?.status ?? x.error?.code);
server.close();
