import { describe, expect, it } from 'vitest';
import type { Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, listedTools, noSession, response, rpcBody, tool, transcript } from '../testing';
import check from './list';

type Page = NonNullable<Transcript['listing']>['pages'][number];

const page = (overrides: Partial<Page>): Page => ({
  cursor: null,
  nextCursor: null,
  count: 0,
  exchangeId: 'x3',
  durationMs: 5,
  error: null,
  ...overrides,
});

function listing(
  pages: Page[],
  stoppedEarly: string | null = null,
  tools: unknown[] = [],
): Partial<Transcript> {
  const base = transcript();
  return {
    tools,
    listing: { pages, stoppedEarly, relist: null },
    exchanges: [
      ...base.exchanges.filter((x) => x.step === 'initialize'),
      ...pages.map((p, i) =>
        exchange({
          id: p.exchangeId ?? `x${i + 3}`,
          step: 'tools',
          rpc: { method: 'tools/list', id: i + 1 },
        }),
      ),
    ],
  };
}

const methodNotFound = (() => {
  const t = transcript(
    listing([
      page({
        error: {
          code: 'jsonrpc-error',
          message: 'tools/list https://example.com/mcp: JSON-RPC error -32601: Method not found',
        },
      }),
    ]),
  );
  t.exchanges[2] = {
    ...t.exchanges[2]!,
    response: response(200, rpcBody(1, { error: { code: -32601, message: 'Method not found' } })),
  };
  return t;
})();

const twoPages = [tool({ name: 'a' }), tool({ name: 'b' })];

describe('tools.list', () => {
  it.each([
    {
      name: 'passes on a complete list',
      t: transcript(),
      expected: {
        status: 'pass',
        code: null,
        message: 'tools/list returned 1 tool in 1 page',
        evidence: [],
      },
    },
    {
      name: 'passes on a list that follows nextCursor to its end',
      t: transcript(listedTools(twoPages, { pageSizes: [1, 1] })),
      expected: { status: 'pass', message: 'tools/list returned 2 tools in 2 pages' },
    },
    {
      name: 'leaves the fields other checks judge to them',
      t: transcript(
        listedTools([
          tool({
            name: '',
            description: 5,
            inputSchema: null,
            annotations: { readOnlyHint: 'yes' },
          }),
        ]),
      ),
      expected: { status: 'pass' },
    },
    {
      name: 'fails with the JSON-RPC error the server answered',
      t: methodNotFound,
      expected: {
        status: 'fail',
        code: 'method-not-found',
        severity: 'error',
        message: 'tools/list failed: JSON-RPC error -32601 "Method not found"',
        evidence: ['x3'],
        fix: expect.stringContaining('register at least one tool'),
      },
    },
    {
      name: 'fails on a later page with the probe error, naming the page and its cursor',
      t: transcript(
        listing(
          [
            page({ nextCursor: 'c1', count: 1 }),
            page({
              cursor: 'c1',
              exchangeId: 'x4',
              error: {
                code: 'http-status',
                message: 'tools/list https://example.com/mcp: HTTP 500 — Internal Server Error',
              },
            }),
          ],
          null,
          [tool()],
        ),
      ),
      expected: {
        status: 'fail',
        code: 'list-failed',
        message:
          'tools/list failed on page 2 (cursor "c1"): tools/list https://example.com/mcp: HTTP 500 — Internal Server Error',
        evidence: ['x4'],
      },
    },
    {
      name: 'fails on a timeout with a fix about speed',
      t: transcript(
        listing([
          page({
            error: { code: 'timeout', message: 'tools/list https://example.com/mcp: timed out' },
          }),
        ]),
      ),
      expected: { status: 'fail', code: 'list-timeout', fix: expect.stringContaining('quickly') },
    },
    {
      name: 'fails when the cursor chain loops',
      t: transcript(
        listing(
          [
            page({ nextCursor: 'c1', count: 1 }),
            page({ cursor: 'c1', nextCursor: 'c1', count: 1, exchangeId: 'x4' }),
          ],
          'the server returned the cursor "c1" twice: the pages loop',
          twoPages,
        ),
      ),
      expected: {
        status: 'fail',
        code: 'cursor-loop',
        severity: 'error',
        message:
          'tools/list did not finish after 2 pages and 2 tools: the server returned the cursor "c1" twice: the pages loop',
        evidence: ['x3', 'x4'],
      },
    },
    {
      name: 'fails when the listing hit the page bound',
      t: transcript(
        listing(
          [
            page({ nextCursor: 'c1', count: 1 }),
            page({ cursor: 'c1', nextCursor: 'c2', count: 1, exchangeId: 'x4' }),
          ],
          'stopped after 2 pages: the server keeps returning a nextCursor',
          twoPages,
        ),
      ),
      expected: { status: 'fail', code: 'listing-unbounded', evidence: ['x3', 'x4'] },
    },
    {
      name: 'fails when tools do not match the MCP Tool schema, one item per tool',
      t: transcript(
        listedTools([tool(), tool({ name: 'b', title: 5, icons: [{}] }), 'text'], {
          pageSizes: [2, 1],
        }),
      ),
      expected: {
        status: 'fail',
        code: 'malformed-tools',
        severity: 'error',
        message: '2 of 3 tools do not match the MCP Tool schema: b, tool #3',
        evidence: ['x3', 'x4'],
        items: [
          {
            subject: 'b',
            detail:
              'title: expected string, received number; icons.0.src: expected string, received undefined',
            evidence: ['x3'],
          },
          {
            subject: 'tool #3',
            detail: 'is a string ("text"), not a tool object',
            evidence: ['x4'],
          },
        ],
      },
    },
    {
      name: 'is skipped when tools/list was never called',
      t: noSession(null),
      expected: {
        status: 'skipped',
        code: null,
        skip: { cause: 'blocked', owner: 'connection.initialize' },
      },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
