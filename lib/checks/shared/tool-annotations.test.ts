import { describe, expect, it } from 'vitest';
import { tool } from '../testing';
import { describeAnnotations, hintValue, type ToolHintValue } from './tool-annotations';

const values = (t: unknown): ToolHintValue[] => describeAnnotations(t).map((d) => d.value);

describe('describeAnnotations', () => {
  it.each([
    [
      'a read-only tool',
      tool({ annotations: { readOnlyHint: true, openWorldHint: false } }),
      [true, 'absent', 'absent', false],
    ],
    ['no annotations', tool({ annotations: undefined }), ['absent', 'absent', 'absent', 'absent']],
    [
      'every hint set',
      tool({
        annotations: {
          readOnlyHint: false,
          destructiveHint: true,
          idempotentHint: false,
          openWorldHint: true,
        },
      }),
      [false, true, false, true],
    ],
    [
      'hints that are not booleans',
      tool({ annotations: { readOnlyHint: 'yes', destructiveHint: null } }),
      ['invalid', 'invalid', 'absent', 'absent'],
    ],
    [
      'annotations that are not an object',
      tool({ annotations: ['readOnlyHint'] }),
      ['absent', 'absent', 'absent', 'absent'],
    ],
    ['something that is not a tool', 'search', ['absent', 'absent', 'absent', 'absent']],
  ])('reads %s', (_, t, expected) => {
    expect(values(t)).toEqual(expected);
    expect(describeAnnotations(t).map((d) => d.hint)).toEqual([
      'readOnlyHint',
      'destructiveHint',
      'idempotentHint',
      'openWorldHint',
    ]);
  });

  it('says what ChatGPT does with each value', () => {
    const effect = (annotations: unknown) =>
      Object.fromEntries(describeAnnotations(tool({ annotations })).map((d) => [d.hint, d.effect]));
    expect(effect({ readOnlyHint: true }).readOnlyHint).toMatch(
      /without asking the user to confirm/,
    );
    expect(effect({ readOnlyHint: false }).readOnlyHint).toMatch(/asks the user to confirm/);
    expect(effect({}).readOnlyHint).toMatch(/^Not set: ChatGPT treats it as a write action/);
    expect(effect({ readOnlyHint: false, destructiveHint: true }).destructiveHint).toMatch(
      /warns more strongly/,
    );
    expect(effect({ readOnlyHint: true, destructiveHint: true }).destructiveHint).toMatch(
      /^Contradicts readOnlyHint/,
    );
    expect(effect({ readOnlyHint: true, idempotentHint: true }).idempotentHint).toMatch(
      /^Does not apply/,
    );
    expect(effect({ readOnlyHint: false, idempotentHint: true }).idempotentHint).toMatch(
      /retry is safe/,
    );
    expect(effect({ openWorldHint: true }).openWorldHint).toMatch(/reaches outside systems/);
    expect(effect({ openWorldHint: false }).openWorldHint).toMatch(/only inside your own service/);
    expect(effect({ openWorldHint: 1 }).openWorldHint).toMatch(/reject the whole tool list/);
  });

  it('reads one hint', () => {
    expect(hintValue(tool(), 'readOnlyHint')).toBe(true);
    expect(hintValue(tool(), 'destructiveHint')).toBe('absent');
  });
});
