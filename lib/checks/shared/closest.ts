/** Levenshtein distance (insertions, deletions, substitutions), two rows of memory. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Past this many characters the comparison is not worth its cost (URIs are short). */
const MAX_LENGTH = 300;

/**
 * The candidate a typo or a version bump away from `wanted` ("ui://widget/dashboard.html" →
 * "ui://widget/dashboard-v2.html"): the nearest within a third of its length, or null.
 */
export function closest(wanted: string, candidates: readonly string[]): string | null {
  let best: { candidate: string; d: number } | null = null;
  for (const candidate of candidates) {
    if (candidate === wanted || candidate.length > MAX_LENGTH || wanted.length > MAX_LENGTH) {
      continue;
    }
    const d = distance(wanted, candidate);
    if (d <= Math.max(2, Math.floor(wanted.length / 3)) && (!best || d < best.d)) {
      best = { candidate, d };
    }
  }
  return best?.candidate ?? null;
}
