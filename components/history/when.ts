/**
 * A timestamp as the team reads it in a shared page: one zone for everyone (UTC), to the second
 * (two reruns a few seconds apart must read differently).
 */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
