import { describe, expect, it } from 'vitest';
import { nextTick } from './schedule';

const T0 = Date.parse('2026-05-01T12:00:00.000Z');
const min = (n: number) => n * 60_000;

describe('nextTick', () => {
  it.each([
    ['on time', 1, T0, T0 + min(1)],
    ['a little late', 5, T0 + 20_000, T0 + min(5)],
    ['exactly one interval late', 5, T0 + min(5), T0 + min(10)],
    ['after a night without any instance', 60, T0 + min(60 * 9 + 30), T0 + min(60 * 10)],
    ['once a day', 1440, T0, T0 + min(1440)],
  ])('%s: every %i min from the due time', (_case, every, now, next) => {
    expect(nextTick(T0, every, now)).toBe(next);
  });

  it('is always in the future and keeps the phase', () => {
    for (const late of [0, 1, 59_999, 60_000, 61_000, min(17) + 3]) {
      const next = nextTick(T0, 3, T0 + late);
      expect(next).toBeGreaterThan(T0 + late);
      expect((next - T0) % min(3)).toBe(0);
    }
  });
});
