import { describe, expect, test } from 'vitest';
import { confirmationNeeded, toolSafety, widgetToolSafety } from './tool-safety';

describe('toolSafety and the confirmation rule', () => {
  test.each([
    [{ annotations: { readOnlyHint: true } }, { readOnly: true, destructive: null }],
    // destructiveHint is ignored when the tool is read-only.
    [
      { annotations: { readOnlyHint: true, destructiveHint: true } },
      { readOnly: true, destructive: null },
    ],
    [
      { annotations: { readOnlyHint: false, destructiveHint: false } },
      { readOnly: false, destructive: null },
    ],
    [
      { annotations: { readOnlyHint: false, destructiveHint: true } },
      { readOnly: false, destructive: 'annotated' },
    ],
    // MCP ToolAnnotations: destructiveHint defaults to true when not read-only.
    [{ annotations: { readOnlyHint: false } }, { readOnly: false, destructive: 'assumed' }],
    [{}, { readOnly: false, destructive: 'assumed' }],
    [null, { readOnly: false, destructive: 'assumed' }],
    [{ annotations: { readOnlyHint: 'yes' } }, { readOnly: false, destructive: 'assumed' }],
    [{ annotations: 'none' }, { readOnly: false, destructive: 'assumed' }],
  ])('%j', (descriptor, expected) => {
    expect(toolSafety(descriptor)).toEqual(expected);
  });

  test('only read-only tools go without a confirmation; the reason names destructiveHint', () => {
    expect(confirmationNeeded('get', { readOnly: true, destructive: null })).toBeNull();
    expect(confirmationNeeded('save', { readOnly: false, destructive: null })).toMatch(
      /^save is not annotated readOnlyHint: true, so it may change data/,
    );
    expect(confirmationNeeded('drop', { readOnly: false, destructive: 'assumed' })).toMatch(
      /destructiveHint defaults to true when a tool is not read-only.*"confirm": true/,
    );
    expect(confirmationNeeded('purge', { readOnly: false, destructive: 'annotated' })).toMatch(
      /^purge is annotated destructiveHint: true: it may delete or overwrite data.*"confirm": true/,
    );
  });

  test("a widget's own readOnlyHint wins over the listed tool's; destructiveHint still comes from the tool", () => {
    const destructive = { annotations: { readOnlyHint: false, destructiveHint: true } };
    expect(widgetToolSafety(destructive, true)).toEqual({ readOnly: true, destructive: null });
    expect(widgetToolSafety(destructive, false)).toEqual({
      readOnly: false,
      destructive: 'annotated',
    });
    expect(widgetToolSafety({ annotations: { readOnlyHint: true } }, false)).toEqual({
      readOnly: false,
      destructive: null,
    });
  });
});
