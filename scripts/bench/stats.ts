export interface ScenarioResult {
  timesMs: number[];
  /** CPU time (user + system) of the measured diagnoses, per diagnosis, in this warm process. */
  cpuMsPerDiagnosis: number;
  /** Measured diagnoses over their total wall time, one after another. */
  diagnosesPerSecond: number;
  /** Resident set size once the modules are loaded, before the first diagnosis. */
  rssAfterLoadMb: number;
  /** The process's peak resident set size (getrusage's ru_maxrss). */
  peakRssMb: number;
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
