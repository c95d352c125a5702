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
 * The address of the socket a request came in on, set by lib/security/peer.ts before Next sees the
 * request (any value a client sends under this name is overwritten there).
 */
export const PEER_HEADER = 'x-mcp-doctor-peer';

/**
 * The client a request comes from, as a rate-limit key that a client cannot choose. The chain is
 * X-Forwarded-For followed by the socket's address; each reverse proxy appends the address it was
 * reached from, so with `trustedProxies` proxies in front, the client is that many entries from
 * the end. Everything to the left of it was written by the client and is ignored: a client that
 * sends its own X-Forwarded-For gets no fresh bucket. With no proxy trusted, the key is the socket.
 * (The "trusted proxy count" method of https://adam-p.ca/blog/2022/03/x-forwarded-for/; a proxy
 * appends like nginx's `$proxy_add_x_forwarded_for`,
 * https://nginx.org/en/docs/http/ngx_http_proxy_module.html#var_proxy_add_x_forwarded_for.)
 */
export function clientKey(headers: Headers, trustedProxies: number): string {
  const peer = headers.get(PEER_HEADER)?.trim();
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Without the socket's address (a request built in-process), Next's own X-Forwarded-For, which
  // it fills in from the socket, stands last in the chain.
  const chain = peer ? [...forwarded, peer] : forwarded;
  if (chain.length === 0) return 'anonymous';
  return (chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? 'anonymous').slice(0, 100);
}
