import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { listedTools, noSession, response, tool, transcript, withRequest } from '../testing';
import check from './expected';

const threeTools = transcript(
  listedTools([tool({ name: 'search' }), tool({ name: 'fetch' }), tool({ name: 'save' })]),
);

describe('tools.expected', () => {
  it('does not apply when the run expects no tools', () => {
    expect(runCheck(check, threeTools)).toMatchObject({
      status: 'skipped',
      skip: { cause: 'not-applicable' },
    });
  });

  it('passes when every expected tool is listed', () => {
    const result = runCheck(check, withRequest(threeTools, { expectTools: ['search', 'save'] }));
    expect(result).toMatchObject({ status: 'pass', code: null });
    expect(result.message).toBe('All 2 expected tools are listed.');
  });

  it('fails naming each missing tool, with the listing as evidence', () => {
    const result = runCheck(
      check,
      withRequest(threeTools, { expectTools: ['search', 'delete', 'archive'] }),
    );
    expect(result).toMatchObject({
      status: 'fail',
      severity: 'error',
      code: 'missing-tool',
      evidence: ['x3'],
    });
    expect(result.items.map((i) => i.subject)).toEqual(['delete', 'archive']);
    expect(result.message).toBe('2 expected tools are not listed: delete, archive.');
  });

  it('is blocked, not passed, when tools/list never ran', () => {
    const result = runCheck(
      check,
      withRequest(noSession(response(404, 'Not Found', 'text/plain')), { expectTools: ['search'] }),
    );
    expect(result).toMatchObject({
      status: 'skipped',
      skip: { cause: 'blocked', owner: 'connection.status' },
    });
  });
});
