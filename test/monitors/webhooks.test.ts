import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLAY_WINDOW_SECONDS, verifySignature } from '@/lib/monitors/alerts/signature';
import { AlertPayloadSchema } from '@/lib/monitors/alerts/payload';
import { getMonitor } from '@/lib/monitors/monitors';
import { listen, type Running } from '../fixtures/servers';
import { postgresBackend, sqliteBackend, type Backend } from '../store/backends';
import { FakeClock, MINUTE, T0, instance, switchableServer, watch } from './support';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback: records every POST and answers its path's next scripted status. */
async function receiver(): Promise<
  Running & { received: Received[]; answers: Record<string, number[]> }
> {
  const received: Received[] = [];
  const answers: Record<string, number[]> = {};
  const running = await listen(
    http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(answers[req.url ?? '']?.shift() ?? 200).end('ok');
      });
    }),
    '',
  );
  return { ...running, received, answers };
}

const TOKEN = 'tok_monitor_3f9a1c77e2b84d06';
const HEADER_SECRET = 'hdr_monitor_a81b2c3d4e5f6071';

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('alerts on %s', (_name, makeBackend) => {
  let backend: Backend;
  let server: Awaited<ReturnType<typeof switchableServer>>;
  let hooks: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    [backend, server, hooks] = await Promise.all([makeBackend(), switchableServer(), receiver()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([server?.close(), hooks?.close()]);
    await backend?.stop();
  });

  it('signs each alert, retries a webhook that failed, logs every try, and writes Slack its way', async () => {
    hooks.received.length = 0;
    const database = await backend.newDatabase();
    const clock = new FakeClock(T0);
    const one = await instance(database.config, clock);
    try {
      const { monitor, webhookSecret } = await watch(one.ctx, {
        url: server.url,
        everyMinutes: 1,
        name: 'Recipes',
        token: TOKEN,
        headers: { 'X-Team-Secret': HEADER_SECRET },
        webhooks: [
          { url: `${hooks.origin}/hooks/json` },
          { url: `${hooks.origin}/hooks/slack`, format: 'slack' },
        ],
      });
      expect(webhookSecret).toMatch(/^whsec_/);
      // The API shows which credentials are set, never their values or the webhooks' paths.
      const shown = JSON.stringify(await getMonitor(one.ctx, monitor.id));
      for (const secret of [TOKEN, HEADER_SECRET, webhookSecret ?? '', '/hooks/json']) {
        expect(shown).not.toContain(secret);
      }
      expect(monitor.credentials).toMatchObject({ token: true, headerNames: ['X-Team-Secret'] });
      expect(monitor.credentials.webhooks.map((w) => [w.format, w.target])).toEqual([
        ['json', hooks.origin],
        ['slack', hooks.origin],
      ]);

      server.mode.broken = true;
      hooks.answers['/hooks/json'] = [500]; // the JSON hook's first try fails, and is tried again
      await one.service.scheduler.tick();
      await one.service.worker.drain();

      const json = hooks.received.filter((r) => r.path === '/hooks/json');
      const slack = hooks.received.filter((r) => r.path === '/hooks/slack');
      expect(json).toHaveLength(2);
      expect(slack).toHaveLength(1);
      const now = Math.floor(clock.now() / 1000);
      for (const request of [...json, ...slack]) {
        const signature = request.headers['mcp-doctor-signature'] as string;
        expect(verifySignature(webhookSecret ?? '', signature, request.body, now)).toEqual({
          ok: true,
        });
        // Replayed after the window, the same request is refused.
        expect(
          verifySignature(
            webhookSecret ?? '',
            signature,
            request.body,
            now + REPLAY_WINDOW_SECONDS + 1,
          ).ok,
        ).toBe(false);
        expect(request.headers['mcp-doctor-event']).toBe('failing');
      }
      const payload = AlertPayloadSchema.parse(JSON.parse(json[1]?.body ?? ''));
      expect(payload).toMatchObject({
        type: 'monitor.failing',
        summary: expect.stringMatching(/^Recipes is failing: /),
        monitor: {
          id: monitor.id,
          name: 'Recipes',
          page: `http://doctor.test/monitors/${monitor.id}`,
        },
        run: { page: expect.stringMatching(/^http:\/\/doctor\.test\/runs\//) },
      });
      expect(payload.rows.find((r) => r.id === 'connection')).toMatchObject({ status: 'fail' });
      expect(payload.problems.length).toBeGreaterThan(0);
      const message = JSON.parse(slack[0]?.body ?? '') as { text: string; blocks: unknown[] };
      expect(message.text).toMatch(/:red_circle: Recipes is failing/);
      expect(JSON.stringify(message.blocks)).toContain(`|the run>`);
      // Neither the token nor the header value went anywhere near a webhook.
      for (const request of hooks.received) {
        expect(request.body).not.toContain(TOKEN);
        expect(request.body).not.toContain(HEADER_SECRET);
      }

      const deliveries = await one.ctx.store.deliveries(monitor.id);
      const byHook = (id: string) => deliveries.find((d) => d.webhookId === id);
      const [jsonHook, slackHook] = monitor.credentials.webhooks;
      expect(byHook(jsonHook?.id ?? '')).toMatchObject({
        state: 'delivered',
        attempts: [
          { status: 500, error: 'answered 500' },
          { status: 200, error: null },
        ],
      });
      expect(byHook(slackHook?.id ?? '')).toMatchObject({
        state: 'delivered',
        attempts: [{ status: 200 }],
      });

      // Nothing at rest holds a credential: the database, searched whole.
      const dump = await database.dump();
      for (const secret of [TOKEN, HEADER_SECRET, webhookSecret ?? '', '/hooks/json']) {
        expect(dump).not.toContain(secret);
      }
    } finally {
      server.mode.broken = false;
      await one.close();
    }
  });

  it('gives up after the last try, and refuses a webhook the address policy refuses', async () => {
    hooks.received.length = 0;
    const database = await backend.newDatabase();
    const clock = new FakeClock(T0);
    const one = await instance(database.config, clock);
    try {
      const { monitor } = await watch(one.ctx, {
        url: server.url,
        everyMinutes: 1,
        webhooks: [{ url: `${hooks.origin}/down` }],
      });
      server.mode.broken = true;
      hooks.answers['/down'] = [503, 503, 503];
      await one.service.scheduler.tick();
      await one.service.worker.drain();
      const [failed] = await one.ctx.store.deliveries(monitor.id);
      expect(failed?.state).toBe('failed');
      expect(failed?.attempts.map((a) => a.status)).toEqual([503, 503, 503]);

      // With MCP_DOCTOR_BLOCK_PRIVATE, a loopback webhook is refused at connect time.
      one.ctx.policy = { ...one.ctx.policy, blockPrivate: true };
      server.mode.broken = false;
      clock.advance(MINUTE);
      await one.service.scheduler.tick();
      await one.service.worker.drain();
      const [recovered] = await one.ctx.store.deliveries(monitor.id);
      expect(recovered?.state).toBe('failed');
      expect(recovered?.attempts[0]?.error).toMatch(/loopback address/);
      expect(hooks.received.filter((r) => r.path === '/down')).toHaveLength(3);
    } finally {
      server.mode.broken = false;
      await one.close();
    }
  });
});
