import { describe, expect, it } from 'vitest';
import { ExpiringMap } from './expiring-map';

describe('ExpiringMap', () => {
  it('forgets an entry once its lifetime is over', () => {
    let now = 1_000;
    const map = new ExpiringMap<string>(10, 100, () => now);
    map.set('a', 'secret');
    now += 99;
    expect(map.get('a')).toBe('secret');
    now += 1;
    expect(map.get('a')).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('drops the oldest entries past its capacity', () => {
    const map = new ExpiringMap<number>(2, 1_000, () => 0);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('gives a single-use value out once', () => {
    const map = new ExpiringMap<string>(2, 1_000, () => 0);
    map.set('code', 'grant');
    expect(map.take('code')).toBe('grant');
    expect(map.take('code')).toBeUndefined();
  });
});
