/**
 * A Map whose entries expire and whose size is bounded (oldest dropped first): everything the OAuth
 * flow and the sample authorization server keep in memory goes in one, so a flood of requests can
 * neither grow memory nor keep a secret alive past its lifetime.
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  set(key: string, value: V, ttlMs = this.ttlMs): void {
    this.sweep();
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Reads and removes: for single-use values (authorization codes, pending requests). */
  take(key: string): V | undefined {
    const value = this.get(key);
    this.entries.delete(key);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  expiresAt(key: string): number | undefined {
    return this.get(key) === undefined ? undefined : this.entries.get(key)?.expiresAt;
  }

  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
  }
}

/**
 * One instance per server process: Next bundles route handlers and pages as separate module graphs,
 * so module-level state would not be shared between them; a global is.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`mcp-doctor.${name}`);
  const holder = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  return (holder[key] ??= create());
}
