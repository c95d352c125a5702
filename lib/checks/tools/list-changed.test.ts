import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { initializedWith, listedTools, noSession, tool, transcript } from '../testing';
import check from './list-changed';

const a = tool({ name: 'a' });
const b = tool({ name: 'b' });
const c = tool({ name: 'c' });
const info = { protocolVersion: '2025-06-18', serverInfo: { name: 'example', version: '1.0.0' } };

describe('tools.list-changed', () => {
  it.each([
    {
      name: 'passes when the second listing returns the same tools, whatever the key order',
      t: transcript(
        listedTools([a, b], { relist: [b, Object.fromEntries(Object.entries(a).reverse())] }),
      ),
      expected: {
        status: 'pass',
        code: null,
        message: 'Two tools/list calls returned the same 2 tools on the first page',
      },
    },
    {
      name: 'counts every tool of the first page, duplicates included',
      t: transcript(listedTools([a, a, b], { relist: [a, a, b] })),
      expected: {
        status: 'pass',
        message: 'Two tools/list calls returned the same 3 tools on the first page',
      },
    },
    {
      name: 'compares only the first page, which is what the second call asks for',
      t: transcript(listedTools([a, b, c], { pageSizes: [2, 1], relist: [a, b] })),
      expected: { status: 'pass' },
    },
    {
      name: 'warns when tools changed and listChanged is not declared, naming each change',
      t: transcript(
        listedTools([a, b], {
          relist: [{ ...a, description: 'Changed since the first call, with new words.' }, c],
        }),
      ),
      expected: {
        status: 'fail',
        code: 'changed-without-list-changed',
        severity: 'warning',
        message:
          '3 tools differed between two tools/list calls (a, b, c), and capabilities.tools.listChanged is not true.',
        evidence: ['x3', 'xr'],
        items: [
          {
            subject: 'a',
            detail: 'changed between the two calls: description',
            evidence: ['x3', 'xr'],
          },
          { subject: 'b', detail: 'listed first, missing from the second tools/list' },
          { subject: 'c', detail: 'missing first, present in the second tools/list' },
        ],
      },
    },
    {
      name: 'passes when the list changed but the server declares listChanged',
      t: transcript({
        ...initializedWith({ ...info, capabilities: { tools: { listChanged: true } } }),
        ...listedTools([a], { relist: [a, b] }),
      }),
      expected: {
        status: 'pass',
        message:
          'The tool list changed between two calls (b); the server declares listChanged, so clients are told',
      },
    },
    {
      name: 'is skipped when the second listing failed',
      t: transcript(listedTools([a], { relist: null })),
      expected: {
        status: 'skipped',
        code: null,
        skip: { cause: 'blocked', owner: 'tools.list' },
      },
    },
    {
      name: 'is skipped without a listing',
      t: noSession(null),
      expected: { status: 'skipped', skip: { cause: 'blocked', owner: 'connection.initialize' } },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
