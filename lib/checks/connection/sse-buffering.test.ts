import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { exchange, response, transcript } from '../testing';
import check from './sse-buffering';

const streamed = (headers: [string, string][]) =>
  transcript({
    exchanges: [
      exchange({
        id: 'x1',
        rpc: { method: 'initialize', id: 0 },
        response: {
          ...response(200, 'event: message\ndata: {}\n\n', 'text/event-stream'),
          headers: [['content-type', 'text/event-stream'], ...headers],
        },
      }),
    ],
  });

describe('connection.sse-buffering', () => {
  it.each([
    {
      name: 'passes streams that opt out of buffering',
      t: streamed([['x-accel-buffering', 'no']]),
      expected: { status: 'pass' },
    },
    {
      name: 'notes streams without the header, naming the method',
      t: streamed([]),
      expected: {
        status: 'fail',
        code: 'no-buffering-header',
        severity: 'info',
        evidence: ['x1'],
        message: '1 of 1 event streams (initialize) lack X-Accel-Buffering: no.',
      },
    },
    {
      name: 'does not apply to JSON answers',
      t: transcript(),
      expected: { status: 'skipped', skip: { cause: 'not-applicable' } },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
