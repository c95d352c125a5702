/** What `npm test` reads from one JSON report: its counts and the name of each failure. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}
export function vitestCounts(path: string): Counts | null;
export function playwrightCounts(path: string): Counts | null;
