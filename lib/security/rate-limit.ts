/**
 * Keeps one client, or a crowd, from turning the dashboard into a load generator: a token bucket
 * per client and a cap on diagnoses in flight. Both answer "try again in N seconds" rather than
 * queueing without bound.
 */
export interface RateLimitOptions {
  /** Sustained requests per minute per client. */
  perMinute: number;
  /** Requests a client may make at once after being idle. */
  burst: number;
  /** Clients remembered at most (oldest forgotten first). */
  maxClients: number;
  now?: () => number;
}

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  take(client: string): Admission {
    const { perMinute, burst, maxClients } = this.options;
    const now = this.now();
    const refillPerMs = perMinute / 60_000;
    const previous = this.buckets.get(client);
    const tokens = Math.min(
      burst,
      (previous?.tokens ?? burst) + (previous ? (now - previous.at) * refillPerMs : 0),
    );
    this.buckets.delete(client); // re-inserted last: Map order is our LRU
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: now });
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)),
      };
    }
    this.buckets.set(client, { tokens: tokens - 1, at: now });
    if (this.buckets.size > maxClients)
      this.buckets.delete(this.buckets.keys().next().value as string);
    return { ok: true };
  }
}

/** At most `limit` diagnoses at once; the rest are refused at the door, not queued. */
export class ConcurrencyLimit {
  private active = 0;

  constructor(private readonly limit: number) {}

  get inFlight(): number {
    return this.active;
  }

  /** A slot, released by calling the function returned (once; later calls do nothing), or null when full. */
  tryAcquire(): (() => void) | null {
    if (this.active >= this.limit) return null;
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
    };
  }

  async run<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    const release = this.tryAcquire();
    if (!release) return { ok: false };
    try {
      return { ok: true, value: await work() };
    } finally {
      release();
    }
  }
}

/**
 * The client a request comes from. Behind a reverse proxy (MCP_DOCTOR_TRUST_PROXY=1) the first
 * X-Forwarded-For hop; otherwise the whole header value, which `next start` fills in from the
 * socket when the client sent none. A client that sends its own value each time gets a budget per
 * value: only a proxy that sets the header makes the per-client limit hold, and the concurrency
 * cap holds whatever the header says.
 */
export function clientKey(headers: Headers, trustProxy: boolean): string {
  const forwarded = headers.get('x-forwarded-for');
  if (!forwarded) return 'anonymous';
  return trustProxy
    ? (forwarded.split(',')[0] ?? '').trim() || 'anonymous'
    : forwarded.slice(0, 200);
}
