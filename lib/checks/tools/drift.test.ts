import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { listedTools, noSession, tool, transcript } from '../testing';
import check from './drift';

const search = tool({ name: 'search' });
const fetchTool = tool({ name: 'fetch', description: 'Fetches one document by its id, in full.' });
const previous = (tools: unknown[]) => ({
  previousTools: { runId: 'run-before', startedAt: '2025-12-30T09:00:00.000Z', tools },
});

describe('tools.drift', () => {
  it.each([
    {
      name: 'passes when the tools are the same as last time, whatever the key order',
      t: transcript({
        ...listedTools([search, fetchTool]),
        ...previous([Object.fromEntries(Object.entries(fetchTool).reverse()), search]),
      }),
      expected: {
        status: 'pass',
        code: null,
        message: 'The same 2 tools as in the run of 2025-12-30',
      },
    },
    {
      name: 'notes tools added, removed and changed, naming the changed fields',
      t: transcript({
        ...listedTools([
          { ...search, description: 'Searches everything, now with filters and facets.' },
          tool({ name: 'summarize' }),
        ]),
        ...previous([search, fetchTool]),
      }),
      expected: {
        status: 'fail',
        code: 'tools-changed',
        severity: 'info',
        message:
          'The tool list changed since the run of 2025-12-30: 1 added (summarize), 1 removed (fetch), 1 changed (search).',
        evidence: ['x3'],
        items: [
          { subject: 'summarize', detail: 'added since the run of 2025-12-30', evidence: ['x3'] },
          { subject: 'fetch', detail: 'removed since the run of 2025-12-30' },
          {
            subject: 'search',
            detail: 'changed since the run of 2025-12-30: description',
            evidence: ['x3'],
          },
        ],
      },
    },
    {
      name: 'names schema and annotation changes, and fields it has no name for',
      t: transcript({
        ...listedTools([
          {
            ...search,
            inputSchema: { type: 'object', properties: { q: { type: 'string' } } },
            annotations: { readOnlyHint: false },
            icons: [{ src: 'https://example.com/i.png' }],
          },
        ]),
        ...previous([search]),
      }),
      expected: {
        status: 'fail',
        items: [
          {
            subject: 'search',
            detail: 'changed since the run of 2025-12-30: inputSchema, annotations, other fields',
          },
        ],
      },
    },
    {
      name: 'is skipped without an earlier run',
      t: transcript(listedTools([search])),
      expected: {
        status: 'skipped',
        message: 'skipped: no earlier run of this endpoint to compare with',
      },
    },
    {
      name: 'is skipped when the earlier run is explicitly none',
      t: transcript({ ...listedTools([search]), previousTools: null }),
      expected: { status: 'skipped' },
    },
    {
      name: 'is skipped when tools/list did not complete, rather than calling every tool removed',
      t: noSession(null, { overrides: previous([search]) }),
      expected: {
        status: 'skipped',
        skip: { cause: 'blocked', owner: 'connection.initialize' },
      },
    },
    {
      name: 'is skipped when the listing stopped early at a bound',
      t: transcript({
        ...listedTools([search]),
        listing: { ...listedTools([search]).listing!, stoppedEarly: 'page bound reached' },
        ...previous([search, fetchTool]),
      }),
      expected: { status: 'skipped' },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
