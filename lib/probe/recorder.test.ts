import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeError } from './errors';
import { Recorder } from './recorder';
import { REDACTED, Redactor } from './redact';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/json') {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=abc' });
      res.end(
        JSON.stringify({ jsonrpc: '2.0', id: 1, result: { echo: req.headers.authorization } }),
      );
    } else if (req.url === '/sse') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('event: message\nid: 1\ndata: {"a":1}\n\ndata: two\n\n');
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 400 && res.write(chunk)) sent++;
        if (sent < 400) res.once('drain', pump);
        else res.end();
      };
      pump();
    } else if (req.url === '/html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><title>Welcome to Acme</title></html>');
    } else if (req.url === '/hang') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      req.socket.once('close', () => res.destroy());
    } else {
      res.writeHead(204).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

function recorder(bounds: ConstructorParameters<typeof Recorder>[0]['bounds'] = {}) {
  return new Recorder({
    redactor: new Redactor({ values: ['tok-123456'] }),
    signal: new AbortController().signal,
    headers: { authorization: 'Bearer tok-123456' },
    bounds,
  });
}

describe('Recorder', () => {
  it('records the request, the response and a JSON-RPC method, with secrets redacted', async () => {
    const rec = recorder();
    const res = await rec.fetch(`${base}/json`, {
      method: 'POST',
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    });
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { echo: 'Bearer tok-123456' },
    });
    const [x] = rec.snapshot();
    expect(x).toMatchObject({
      id: 'x1',
      rpc: { method: 'tools/list', id: 1 },
      request: { method: 'POST', url: `${base}/json` },
      response: { status: 200 },
      error: null,
    });
    expect(x?.request.headers).toContainEqual(['authorization', `Bearer ${REDACTED}`]);
    expect(x?.response?.headers).toContainEqual(['set-cookie', `sid=${REDACTED}`]);
    expect(x?.response?.body?.text).toBe(
      `{"jsonrpc":"2.0","id":1,"result":{"echo":"Bearer ${REDACTED}"}}`,
    );
    expect(JSON.stringify(rec.snapshot())).not.toContain('tok-123456');
    expect(x?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('splits event streams into events', async () => {
    const rec = recorder();
    await (await rec.fetch(`${base}/sse`, { method: 'POST', body: '{}' })).text();
    expect(rec.snapshot()[0]?.response?.body?.events).toEqual([
      { event: 'message', id: '1', data: '{"a":1}' },
      { event: 'message', data: 'two' },
    ]);
  });

  it('stops reading past the byte cap and keeps only the display bound', async () => {
    const rec = recorder({ maxBodyBytes: 1024 * 1024, keptBodyBytes: 1000 });
    const res = await rec.fetch(`${base}/big`);
    const error = await res.text().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProbeError);
    expect((error as ProbeError).code).toBe('body-too-large');
    const [x] = rec.snapshot();
    expect(x?.error?.code).toBe('body-too-large');
    expect(x?.response?.body?.text).toHaveLength(1000);
    expect(x?.response?.body?.truncated).toBe(true);
  });

  it('times out a body that never ends', async () => {
    const rec = recorder({ requestTimeoutMs: 300 });
    const res = await rec.fetch(`${base}/hang`);
    await expect(res.text()).rejects.toMatchObject({ code: 'timeout' });
    expect(rec.snapshot()[0]?.error?.code).toBe('timeout');
  });

  it('records a refused connection as an exchange with an error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const rec = recorder();
    await expect(rec.fetch(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({
      code: 'connection-refused',
    });
    expect(rec.snapshot()[0]).toMatchObject({
      response: null,
      error: { code: 'connection-refused' },
    });
  });

  it('still records a body the consumer cancelled unread', async () => {
    const rec = recorder();
    const res = await rec.fetch(`${base}/html`, { method: 'POST', body: '{}' });
    await res.body?.cancel();
    await expect
      .poll(() => rec.snapshot()[0]?.response?.body?.text)
      .toBe('<html><title>Welcome to Acme</title></html>');
  });

  it('gives 204 responses a null body', async () => {
    const rec = recorder();
    const res = await rec.fetch(`${base}/empty`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(rec.snapshot()[0]?.response?.body).toBeNull();
  });
});
