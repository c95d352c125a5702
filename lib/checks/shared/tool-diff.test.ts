import { describe, expect, it } from 'vitest';
import { DIFF_VALUE_MAX } from '@/lib/report/diff-schema';
import { tool } from '../testing';
import { diffTools, toolDiffIsEmpty } from './tool-diff';

const search = tool({ name: 'search' });
const fetchTool = tool({ name: 'fetch' });

describe('diffTools', () => {
  it('finds nothing between the same tools in another order with reordered keys', () => {
    const diff = diffTools(
      [search, fetchTool],
      [Object.fromEntries(Object.entries(fetchTool).reverse()), search],
    );
    expect(diff).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
    expect(toolDiffIsEmpty(diff)).toBe(true);
  });

  it('lists added, removed and changed tools with each changed field before and after', () => {
    const diff = diffTools(
      [search, fetchTool],
      [{ ...search, description: 'New words.', annotations: undefined }, tool({ name: 'sum' })],
    );
    expect(diff.added).toEqual(['sum']);
    expect(diff.removed).toEqual(['fetch']);
    expect(diff.unchanged).toBe(0);
    expect(diff.changed).toEqual([
      {
        name: 'search',
        fields: [
          { field: 'description', before: search.description, after: 'New words.' },
          {
            field: 'annotations',
            before: JSON.stringify(search.annotations, null, 2),
            after: null,
          },
        ],
      },
    ]);
  });

  it('names unnamed tools by position and a non-object tool as a whole', () => {
    const diff = diffTools([{ description: 'x' }, 'junk'], [{ description: 'y' }, 42]);
    expect(diff.changed.map((c) => [c.name, c.fields.map((f) => f.field)])).toEqual([
      ['tool #1', ['description']],
      ['tool #2', ['other fields']],
    ]);
  });

  it('bounds rendered values so a huge schema does not bloat a polled diff', () => {
    const huge = { type: 'object', description: 'd'.repeat(50_000) };
    const diff = diffTools([search], [{ ...search, inputSchema: huge }]);
    const after = diff.changed[0]?.fields[0]?.after ?? '';
    expect(after.length).toBe(DIFF_VALUE_MAX);
    expect(after.endsWith('…')).toBe(true);
  });
});
