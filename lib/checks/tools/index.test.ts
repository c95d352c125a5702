import { describe, expect, it } from 'vitest';
import { TOOLS_CHECKS } from './index';

describe('TOOLS_CHECKS', () => {
  const ids = TOOLS_CHECKS.map((c) => c.id);

  it('holds every Tools-row check of the catalogue, sorted by id', () => {
    expect(ids).toEqual([
      'tools.annotations',
      'tools.capability',
      'tools.description',
      'tools.drift',
      'tools.input-schema',
      'tools.invocation-text',
      'tools.list',
      'tools.list-changed',
      'tools.name',
      'tools.nonempty',
      'tools.output-schema',
    ]);
    expect([...ids].sort()).toEqual(ids);
  });

  it.each(TOOLS_CHECKS.map((c) => [c.id, c] as const))('%s is complete', (_, check) => {
    expect(check.area).toBe('tools');
    expect(check.title).not.toBe('');
    expect(check.failureTitle).not.toBe(check.title);
    expect(check.fix.length).toBeGreaterThan(20);
    expect(check.docs).toMatch(
      /^https:\/\/(modelcontextprotocol\.io\/specification\/2025-11-25\/|developers\.openai\.com\/apps-sdk\/)/,
    );
  });
});
