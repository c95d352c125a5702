import { describe, expect, it } from 'vitest';
import { MemoryRunRegistry } from './registry';

const fields = (id: string) => ({
  id,
  url: 'https://example.com/mcp',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('MemoryRunRegistry', () => {
  it('creates a running run with no steps and finds it by id', () => {
    const registry = new MemoryRunRegistry(3);
    registry.create(fields('a'));
    expect(registry.get('a')).toMatchObject({ id: 'a', state: 'running', steps: [] });
    expect(registry.get('missing')).toBeUndefined();
  });

  it('applies patches and updater functions', () => {
    const registry = new MemoryRunRegistry(3);
    registry.create(fields('a'));
    const step = {
      id: 'dns' as const,
      status: 'ok' as const,
      durationMs: 1,
      summary: 'resolved',
      error: null,
    };
    registry.update('a', (run) => ({ steps: [...run.steps, step] }));
    registry.update('a', (run) => ({ steps: [...run.steps, { ...step, id: 'tcp' as const }] }));
    registry.update('a', { state: 'failed', error: { code: 'internal', message: 'boom' } });
    expect(registry.get('a')).toMatchObject({
      state: 'failed',
      error: { code: 'internal' },
      steps: [{ id: 'dns' }, { id: 'tcp' }],
    });
  });

  it('drops the least recently used run beyond its capacity', () => {
    const registry = new MemoryRunRegistry(2);
    registry.create(fields('a'));
    registry.create(fields('b'));
    registry.get('a');
    registry.create(fields('c'));
    expect(registry.get('b')).toBeUndefined();
    expect(registry.get('a')?.id).toBe('a');
    expect(registry.get('c')?.id).toBe('c');
  });

  it('ignores updates to a run that was evicted', () => {
    const registry = new MemoryRunRegistry(1);
    registry.create(fields('a'));
    registry.create(fields('b'));
    expect(registry.update('a', { state: 'done' })).toBeUndefined();
    expect(registry.get('a')).toBeUndefined();
  });
});
