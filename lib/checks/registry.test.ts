import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from './index';

const here = path.dirname(new URL(import.meta.url).pathname);

describe('check registry', () => {
  it('has unique ids', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))(
    '%s lives in lib/checks/<area>/<name>.ts and is complete',
    (id, check) => {
      const [area, name] = id.split('.');
      expect(area).toBe(check.area);
      expect(readdirSync(path.join(here, check.area))).toContain(`${name}.ts`);
      expect(readdirSync(path.join(here, check.area))).toContain(`${name}.test.ts`);
      expect(check.title.length).toBeGreaterThan(10);
      expect(check.failureTitle).not.toBe(check.title);
      expect(check.fix.length).toBeGreaterThan(10);
      expect(check.docs).toMatch(/^https:\/\//);
    },
  );

  it('registers every check module there is', () => {
    const files = ['connection', 'tools', 'widgets', 'auth'].flatMap((area) =>
      readdirSync(path.join(here, area))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
        .map((f) => `${area}.${f.replace(/\.ts$/, '')}`),
    );
    expect(CHECKS.map((c) => c.id).sort()).toEqual(files.sort());
  });

  it('keeps each area sorted by id, areas in table order', () => {
    const order = ['connection', 'tools', 'widgets', 'auth'];
    const keys = CHECKS.map((c) => `${order.indexOf(c.area)}:${c.id}`);
    expect(keys).toEqual([...keys].sort());
  });
});
