import { expect } from 'vitest';
import { buildReport } from '@/lib/diagnose/build-report';
import type {
  Area,
  Exchange,
  Report,
  RowStatus,
  Step,
  StepId,
  Transcript,
} from '@/lib/report/schema';
import { summarizeRow } from '@/lib/diagnose/summarize';
import { AREA_TABLE } from '@/lib/report/areas';

export function step(t: Transcript, id: StepId): Step {
  const found = t.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no ${id} step in the transcript`);
  return found;
}

/** The exchanges that carried a JSON-RPC method (or, for `null`, carried none), in order. */
export function exchangesOf(t: Transcript, method: string | null): Exchange[] {
  return t.exchanges.filter((x) => (x.rpc?.method ?? null) === method);
}

export function header(headers: readonly [string, string][], name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

/** A recorded body parsed as JSON (fails the test when it is not). */
export function json(body: Exchange['request']['body']): unknown {
  expect(body, 'a recorded body').not.toBeNull();
  return JSON.parse(body?.text ?? '');
}

/**
 * The checks that judge a target only because it is on loopback: connection.public (ChatGPT cannot
 * reach it) and connection.local-exposure (any web page can, when the server takes any Origin and
 * Host — as the SDK's default transport and the samples served on loopback do). A deployment on a
 * public host shows neither.
 */
export const LOOPBACK_ONLY: ReadonlySet<string> = new Set([
  'connection.public',
  'connection.local-exposure',
]);

/**
 * The row statuses as a deployment on a public host would show them. Every fixture here listens on
 * loopback; leaving the loopback-only checks out lets a test see what the rest of the row says
 * about the server itself.
 */
export function rowsIgnoringLoopback(report: Report): Partial<Record<Area, RowStatus>> {
  const checks = report.checks.filter((c) => !LOOPBACK_ONLY.has(c.id));
  const rows = AREA_TABLE.map((area) => summarizeRow(area.id, checks, report));
  return Object.fromEntries(rows.map((row) => [row.id, row.status]));
}

/** Judges a transcript as diagnose() does, without probing again. */
export const judge = (t: Transcript): Report => buildReport(t);

/** The result of one check, by id (fails the test when the check is not registered). */
export function check(report: Report, id: string): Report['checks'][number] {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`check ${id} is not registered`);
  return found;
}
