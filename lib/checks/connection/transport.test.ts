import { describe, expect, it } from 'vitest';
import type { Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, noSession, response, transcript } from '../testing';
import check from './transport';

type Attempt = NonNullable<Transcript['mcp']>['attempts'][number];
const sse = (overrides: Partial<Attempt>): Attempt => ({
  url: 'https://example.com/mcp',
  transport: 'sse',
  era: 'legacy',
  guessed: false,
  ok: true,
  status: null,
  error: null,
  exchangeIds: ['x2'],
  ...overrides,
});
const stream = exchange({
  id: 'x2',
  request: {
    method: 'GET',
    url: 'https://example.com/mcp',
    headers: [['accept', 'text/event-stream']],
    body: null,
  },
  response: response(200, 'event: endpoint\ndata: /messages\n\n', 'text/event-stream'),
});

describe('connection.transport', () => {
  it.each([
    { name: 'Streamable HTTP', t: transcript(), status: 'pass', code: null, evidence: [] },
    {
      name: 'POST 405, legacy SSE on the same URL',
      t: noSession(response(405, '', ''), { attempts: [sse({})], exchanges: [stream] }),
      status: 'fail',
      code: 'legacy-sse',
      evidence: ['x1', 'x2'],
    },
    {
      name: 'only a guessed /sse works',
      t: noSession(response(404, '', ''), {
        attempts: [sse({ url: 'https://example.com/sse', guessed: true })],
        exchanges: [stream],
      }),
      status: 'fail',
      code: 'legacy-sse',
      evidence: ['x1', 'x2'],
    },
    {
      name: 'nothing works',
      t: noSession(response(404, '', '')),
      status: 'skipped',
      code: null,
      evidence: [],
    },
  ])('$name → $status $code', ({ t, status, code, evidence }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.severity).toBe('warning');
    expect(result.evidence).toEqual(evidence);
  });

  it('says what the POST got', () => {
    const result = runCheck(
      check,
      noSession(response(405, '', ''), { attempts: [sse({})], exchanges: [stream] }),
    );
    expect(result.message).toBe(
      'Only the legacy HTTP+SSE transport works (https://example.com/mcp); POST https://example.com/mcp answered HTTP 405.',
    );
  });
});
