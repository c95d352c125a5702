/** Starts a throwaway PostgreSQL cluster on loopback; `stop()` shuts it down and deletes it. */
export function startCluster(): Promise<{ url: string; stop: () => void }>;
