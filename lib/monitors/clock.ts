/**
 * Where the monitors read the time. Everything that decides by the time (which ticks are due,
 * when a retry may run, the signature's timestamp) asks a Clock, so tests move time forward by
 * hand instead of waiting for it.
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
