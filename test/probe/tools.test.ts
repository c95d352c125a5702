import { ToolSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, test } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { probe } from '@/lib/probe/probe';
import { findSample } from '@/lib/samples/catalog';
import { samplePath } from '@/lib/samples/types';
import {
  manyToolsServer,
  pagedToolsServer,
  realisticTool,
  samplesServer,
  type Running,
} from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { check, exchangesOf, json, judge, rowsIgnoringLoopback, step } from './support';

const running: Running[] = [];
async function start<T extends Running>(server: Promise<T>): Promise<T> {
  const started = await server;
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

const names = (tools: unknown[]) => tools.map((tool) => (tool as { name: string }).name);

describe('tools/list pages', () => {
  test('follows nextCursor through every page, in order, one exchange per page', async () => {
    const server = await start(manyToolsServer(25, 10));
    const t = await probe(targetFor(server.url));

    expect(t.listing?.pages.map((p) => [p.cursor, p.nextCursor, p.count])).toEqual([
      [null, '10', 10],
      ['10', '20', 10],
      ['20', null, 5],
    ]);
    expect(t.listing?.stoppedEarly).toBeNull();
    expect(names(t.tools)).toEqual(
      Array.from({ length: 25 }, (_, i) => `tool_${String(i + 1).padStart(4, '0')}`),
    );

    const ids = t.listing?.pages.map((p) => p.exchangeId) ?? [];
    expect(new Set(ids).size).toBe(3);
    const sentCursors = ids.map((id) => {
      const x = t.exchanges.find((e) => e.id === id);
      expect(x?.rpc?.method).toBe('tools/list');
      return (
        (json(x?.request.body ?? null) as { params?: { cursor?: string } }).params?.cursor ?? null
      );
    });
    expect(sentCursors).toEqual([null, '10', '20']);
    expect(step(t, 'tools')).toMatchObject({ status: 'ok', summary: '25 tools in 3 pages' });
  });

  test('an endless cursor chain stops at the page bound and says so', async () => {
    const server = await start(
      pagedToolsServer({ tools: [realisticTool(1)], pageSize: 1, endless: 'fresh' }),
    );
    const t = await probe(targetFor(server.url), { limits: { maxToolPages: 5 } });

    expect(t.listing?.pages).toHaveLength(5);
    expect(t.listing?.stoppedEarly).toMatch(/5 pages/);
    // Five pages plus the later re-list of the first page: nothing more was asked.
    expect(exchangesOf(t, 'tools/list')).toHaveLength(6);
    expect(check(judge(t), 'tools.list')).toMatchObject({ status: 'fail', severity: 'error' });
  });

  test('a cursor that comes back is a loop, stopped at its second sight', async () => {
    const server = await start(
      pagedToolsServer({ tools: [realisticTool(1)], pageSize: 1, endless: 'repeat' }),
    );
    const t = await probe(targetFor(server.url));

    expect(t.listing?.pages.map((p) => [p.cursor, p.nextCursor])).toEqual([
      [null, 'again'],
      ['again', 'again'],
    ]);
    expect(t.listing?.stoppedEarly).toMatch(/twice/);
    expect(check(judge(t), 'tools.list')).toMatchObject({ status: 'fail', code: 'cursor-loop' });
  });

  test('a list that ends exactly at the tool bound is complete; one past it says what was not read', async () => {
    const exact = await start(manyToolsServer(6, 3));
    const complete = await probe(targetFor(exact.url), { limits: { maxTools: 6 } });
    expect(complete.tools).toHaveLength(6);
    expect(complete.listing?.stoppedEarly).toBeNull();
    expect(check(judge(complete), 'tools.list').status).toBe('pass');

    const more = await start(manyToolsServer(7, 4));
    const cut = await probe(targetFor(more.url), { limits: { maxTools: 6 } });
    expect(cut.tools).toHaveLength(6);
    expect(cut.listing?.stoppedEarly).toBe(
      'kept the first 6 of at least 7 tools; the rest were not read',
    );
    expect(check(judge(cut), 'tools.list')).toMatchObject({
      status: 'fail',
      code: 'listing-unbounded',
    });
  });

  test('500 tools with realistic schemas are all kept and all valid', async () => {
    const server = await start(manyToolsServer(500));
    const report = await runHealthCheck(targetFor(server.url));

    expect(report.tools).toHaveLength(500);
    expect(report.tools.every((tool) => ToolSchema.safeParse(tool).success)).toBe(true);
    expect(check(report, 'tools.input-schema').status).toBe('pass');
    expect(check(report, 'tools.output-schema').status).toBe('pass');
    expect(check(report, 'tools.name').status).toBe('pass');
  });
});

describe('the invalid-tools sample', () => {
  test('the session opens, every tool is kept as received, and each mistake is its own finding', async () => {
    const server = await start(samplesServer());
    const sample = findSample('invalid-tools');
    if (!sample) throw new Error('invalid-tools sample missing');
    const report = await runHealthCheck(targetFor(server.origin + samplePath(sample)));

    expect(step(report, 'tools').status).toBe('ok');
    // One malformed tool must not hide the others: all seven, duplicates included, as sent.
    expect(names(report.tools)).toEqual([
      'search_docs',
      'get_page',
      'tag_pages',
      'recent_pages',
      'search_docs',
      'get weather',
      'list_items',
    ]);
    expect(rowsIgnoringLoopback(report)).toMatchObject({ connection: 'pass', tools: 'fail' });

    const subjects = (id: string) => check(report, id).items.map((item) => item.subject);
    expect(check(report, 'tools.input-schema').status).toBe('fail');
    expect(subjects('tools.input-schema')).toEqual(
      expect.arrayContaining(['tag_pages', 'recent_pages']),
    );
    expect(check(report, 'tools.name').status).toBe('fail');
    expect(subjects('tools.name')).toEqual(expect.arrayContaining(['search_docs', 'get weather']));
    expect(check(report, 'tools.description').status).toBe('fail');
    expect(subjects('tools.description')).toContain('list_items');
    expect(subjects('tools.input-schema')).not.toContain('get_page');
  });
});
