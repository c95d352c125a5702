import { describe, expect, test } from 'vitest';
import { confirmationNeeded, toolSafety } from './tool-safety';

describe('toolSafety and the confirmation rule', () => {
  test.each([
    [{ annotations: { readOnlyHint: true } }, { readOnly: true, destructive: false }],
    // destructiveHint is ignored when the tool is read-only.
    [
      { annotations: { readOnlyHint: true, destructiveHint: true } },
      { readOnly: true, destructive: false },
    ],
    [
      { annotations: { readOnlyHint: false, destructiveHint: false } },
      { readOnly: false, destructive: false },
    ],
    // MCP ToolAnnotations: destructiveHint defaults to true when not read-only.
    [{ annotations: { readOnlyHint: false } }, { readOnly: false, destructive: true }],
    [{}, { readOnly: false, destructive: true }],
    [null, { readOnly: false, destructive: true }],
    [{ annotations: { readOnlyHint: 'yes' } }, { readOnly: false, destructive: true }],
    [{ annotations: 'none' }, { readOnly: false, destructive: true }],
  ])('%j', (descriptor, expected) => {
    expect(toolSafety(descriptor)).toEqual(expected);
  });

  test('only read-only tools go without a confirmation; the reason names destructiveHint', () => {
    expect(confirmationNeeded('get', { readOnly: true, destructive: false })).toBeNull();
    expect(confirmationNeeded('save', { readOnly: false, destructive: false })).toMatch(
      /^save is not annotated readOnlyHint: true, so it may change data/,
    );
    expect(confirmationNeeded('drop', { readOnly: false, destructive: true })).toMatch(
      /destructiveHint defaults to true when a tool is not read-only.*"confirm": true/,
    );
  });
});
