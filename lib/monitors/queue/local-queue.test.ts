import { describe, expect, it } from 'vitest';
import { LocalQueue } from './local-queue';
import { RETRY_POLICIES, retryDelayMs } from './queue';

const clock = {
  ms: 0,
  now() {
    return this.ms;
  },
};

describe('retryDelayMs', () => {
  it('is pg-boss’s backoff: the base doubled each try, plus up to as much again at random', () => {
    const policy = RETRY_POLICIES.delivery;
    expect([0, 1, 2, 3, 4].map((n) => retryDelayMs(policy, n, 0))).toEqual(
      [30, 60, 120, 240, 480].map((s) => s * 1000),
    );
    expect(retryDelayMs(policy, 0, 0.999)).toBeCloseTo(59_970);
    expect(retryDelayMs(RETRY_POLICIES.check, 3, 0.5)).toBe(0);
  });
});

describe('LocalQueue', () => {
  it('holds a failed job back by the backoff on its clock, and drops it after its last try', async () => {
    clock.ms = 0;
    const queue = new LocalQueue(clock, RETRY_POLICIES, () => 0);
    await queue.sendDelivery({ deliveryId: 'd1' });
    const tries: number[] = [];
    for (let expected = 1; expected <= 6; expected++) {
      const [job] = await queue.fetch('delivery', 5);
      expect(job).toMatchObject({ attempt: expected, lastAttempt: expected === 6 });
      tries.push(clock.ms);
      // Taken, it is not handed out twice.
      expect(await queue.fetch('delivery', 5)).toEqual([]);
      await queue.fail('delivery', job!);
      const next = queue.nextRunAt();
      if (expected < 6) {
        clock.ms = next! - 1;
        expect(await queue.fetch('delivery', 5)).toEqual([]);
        clock.ms = next!;
      } else {
        expect(next).toBeNull();
      }
    }
    expect(tries).toEqual([0, 30, 90, 210, 450, 930].map((s) => s * 1000));
  });

  it('hands each due job to one fetch only, and forgets completed ones', async () => {
    clock.ms = 0;
    const queue = new LocalQueue(clock);
    await queue.sendDelivery({ deliveryId: 'a' });
    await queue.sendDelivery({ deliveryId: 'b' });
    const [first, second] = await Promise.all([
      queue.fetch('delivery', 1),
      queue.fetch('delivery', 5),
    ]);
    expect([...first!, ...second!].map((j) => j.data.deliveryId).sort()).toEqual(['a', 'b']);
    for (const job of [...first!, ...second!]) await queue.complete('delivery', job);
    expect(queue.nextRunAt()).toBeNull();
  });
});
