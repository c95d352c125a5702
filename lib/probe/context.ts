import type { ProbeErrorData, Step, StepId, Transcript } from '@/lib/report/schema';
import type { DialPolicy } from './dialer';
import type { Limits } from './limits';
import type { Session } from './mcp';
import type { Recorder } from './recorder';
import type { Target } from './target';

/**
 * What every probe step shares: the target, the transcript being written, the one recorder, the
 * bounds, the run's signal, and the MCP session once one is open. Steps write their own part of
 * the transcript; the orchestrator (probe.ts) records each step's result.
 */
export interface ProbeRun {
  target: Target;
  /** The URL to probe, fragment dropped. */
  url: URL;
  transcript: Transcript;
  recorder: Recorder;
  limits: Limits;
  dial: DialPolicy;
  signal: AbortSignal;
  /** The session later steps talk through; opened by the handshake step (2025 era when it works). */
  session: Session | null;
  /** A dual-era server's 2026-07-28 connection, kept to compare the two legs. */
  modernSession: Session | null;
}

/** What a step came to. `stop` ends the run there: every later step is skipped with that reason. */
export interface StepResult {
  status: Step['status'];
  summary: string;
  error?: ProbeErrorData | null;
  stop?: string;
}

/** One step of the probe, in the order the orchestrator runs them. */
export interface ProbeStep {
  id: StepId;
  run(run: ProbeRun): Promise<StepResult>;
}

export const ok = (summary: string): StepResult => ({ status: 'ok', summary });
export const skipped = (summary: string, stop?: string): StepResult => ({
  status: 'skipped',
  summary,
  ...(stop ? { stop } : {}),
});
export const failed = (
  error: ProbeErrorData,
  stop?: string,
  summary = error.message,
): StepResult => ({
  status: 'failed',
  summary,
  error,
  ...(stop ? { stop } : {}),
});
