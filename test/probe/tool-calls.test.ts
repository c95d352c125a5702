import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_CALLS_PER_RUN, callForRun } from '@/lib/calls/run-call';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { ReportSchema } from '@/lib/report/schema';
import { MemoryRunRegistry } from '@/lib/runs/registry';
import { toolsToCallServer } from '@/lib/samples/tools-to-call';
import { statelessServer, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';

const RUN_ID = 'c'.repeat(22);

let server: Running;
const registry = new MemoryRunRegistry();
beforeAll(async () => {
  server = await statelessServer(toolsToCallServer);
  const report = await runHealthCheck(targetFor(server.url));
  registry.create({ id: RUN_ID, url: report.url, createdAt: report.startedAt });
  registry.update(RUN_ID, { state: 'done', report });
});
afterAll(async () => {
  await server.close();
});

const call = (tool: string, args: Record<string, unknown> = {}, confirm?: boolean) =>
  callForRun(registry, RUN_ID, {
    tool,
    arguments: args,
    ...(confirm === undefined ? {} : { confirm }),
  });

describe('calling any tool of a run (the "Tools to call" sample, on loopback)', () => {
  test('the run has no widgets, and calls still land at report.calls with their exchanges', async () => {
    const before = registry.get(RUN_ID)?.report;
    expect(before?.widgets?.widgets ?? []).toEqual([]);
    const count = before?.exchanges.length ?? 0;
    const outcome = await call('get_order', { id: 'A-1001' });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.preview).toBeNull();
    expect(outcome.call).toMatchObject({
      id: 'call-1',
      tool: 'get_order',
      error: null,
      result: { structuredContent: { id: 'A-1001', status: 'open' } },
      outputCheck: { verdict: 'valid', errors: [] },
    });
    expect(outcome.call.confirmed).toBeUndefined();
    const report = registry.get(RUN_ID)?.report;
    expect(report?.calls?.map((c) => c.id)).toEqual(['call-1']);
    expect(report?.exchanges.slice(count).map((x) => x.id)).toEqual(outcome.call.exchangeIds);
    expect(report?.exchanges.slice(count).some((x) => x.rpc?.method === 'tools/call')).toBe(true);
    // What the store saves parses back.
    expect(ReportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
  });

  test('structuredContent that breaks the outputSchema is invalid, with Ajv’s errors', async () => {
    const outcome = await call('order_totals', { month: '2026-01' });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.call.outputCheck?.verdict).toBe('invalid');
    expect(outcome.call.outputCheck?.errors).toEqual(
      expect.arrayContaining([
        { instancePath: '/currency', message: 'must match pattern "^[A-Z]{3}$"' },
        { instancePath: '/count', message: 'must be integer' },
      ]),
    );
  });

  test('no outputSchema; isError results are shown as such', async () => {
    const recent = await call('recent_orders', { limit: 2 });
    expect(recent.ok && recent.call.outputCheck?.verdict).toBe('no-output-schema');
    const missing = await call('get_order', { id: 'nope' });
    if (!missing.ok) throw new Error(missing.message);
    expect(missing.call.result).toMatchObject({ isError: true });
    expect(missing.call.outputCheck?.verdict).toBe('not-checked');
  });

  test('a destructive tool needs confirm: true; the refusal says why, and nothing is sent', async () => {
    const exchanges = registry.get(RUN_ID)?.report?.exchanges.length;
    for (const confirm of [undefined, false]) {
      const refused = await call('cancel_order', { id: 'A-1001' }, confirm);
      expect(refused).toMatchObject({ ok: false, status: 400, code: 'confirmation-required' });
      expect(refused.ok ? '' : refused.message).toMatch(
        /^cancel_order is annotated destructiveHint: true: it may delete or overwrite data/,
      );
    }
    expect(registry.get(RUN_ID)?.report?.exchanges.length).toBe(exchanges);

    const done = await call('cancel_order', { id: 'A-1001' }, true);
    if (!done.ok) throw new Error(done.message);
    expect(done.call).toMatchObject({ confirmed: true, error: null });
    expect(done.call.result).toMatchObject({
      content: [{ type: 'text', text: 'Order A-1001 cancelled.' }],
    });
  });

  test('an unlisted tool is a 404; the calls per run are bounded', async () => {
    expect(await call('drop_tables')).toMatchObject({ ok: false, status: 404 });
    while ((registry.get(RUN_ID)?.report?.calls?.length ?? 0) < MAX_CALLS_PER_RUN) {
      const outcome = await call('recent_orders');
      if (!outcome.ok) throw new Error(outcome.message);
    }
    expect(await call('recent_orders')).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringMatching(/already has 20 calls/),
    });
  });
});
