const MINUTE_MS = 60_000;

/**
 * The tick after `dueAt`, every `everyMinutes` from it. Ticks missed while no instance ran (a
 * deploy, a night with the laptop shut) are skipped rather than made up: one check now says what
 * a backlog of them would, and the phase of the schedule is kept.
 */
export function nextTick(dueAt: number, everyMinutes: number, now: number): number {
  const step = everyMinutes * MINUTE_MS;
  const missed = now > dueAt ? Math.floor((now - dueAt) / step) : 0;
  return dueAt + (missed + 1) * step;
}
