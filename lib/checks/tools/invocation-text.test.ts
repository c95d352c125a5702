import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { listedTools, tool, transcript } from '../testing';
import check from './invocation-text';

const INVOKING = 'openai/toolInvocation/invoking';
const INVOKED = 'openai/toolInvocation/invoked';

const withMeta = (...metas: unknown[]) =>
  transcript(listedTools(metas.map((_meta, i) => tool({ name: `t${i + 1}`, _meta }))));

describe('tools.invocation-text', () => {
  it.each([
    {
      name: 'passes on status texts of 64 characters or fewer',
      t: withMeta({ [INVOKING]: 'Searching the docs…', [INVOKED]: 'r'.repeat(64) }, undefined),
      expected: {
        status: 'pass',
        code: null,
        message: 'The status texts of 1 tool fit in 64 characters',
      },
    },
    {
      name: 'warns on a status text over 64 characters, quoting it',
      t: withMeta({ [INVOKING]: 'Searching…' }, { [INVOKED]: 'd'.repeat(65) }),
      expected: {
        status: 'fail',
        code: 'invocation-text-too-long',
        severity: 'warning',
        message: '1 of 2 tools has a status text ChatGPT cannot show: t2',
        evidence: ['x3'],
        items: [
          {
            subject: 't2',
            detail: `_meta["${INVOKED}"] is 65 characters (limit 64): "${'d'.repeat(65)}"`,
            evidence: ['x3'],
          },
        ],
      },
    },
    {
      name: 'warns on a status text that is not text',
      t: withMeta({ [INVOKING]: { en: 'Searching…' } }),
      expected: {
        status: 'fail',
        code: 'invocation-text-not-string',
        severity: 'warning',
        items: [{ subject: 't1', detail: `_meta["${INVOKING}"] is an object, not a string` }],
      },
    },
    {
      name: 'is skipped when no tool sets a status text',
      t: withMeta(undefined, { 'openai/outputTemplate': 'ui://widget/a.html' }),
      expected: {
        status: 'skipped',
        code: null,
        message: 'skipped: no tool sets openai/toolInvocation status texts',
      },
    },
    {
      name: 'is skipped without tools',
      t: transcript(listedTools([])),
      expected: { status: 'skipped', message: 'skipped: the server lists no tools' },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
