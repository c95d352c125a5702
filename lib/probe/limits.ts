/**
 * Every bound of the probe in one place. A remote server may never answer, answer a byte a second,
 * or send gigabytes; each step stops at one of these and records why.
 */
export const LIMITS = {
  /** DNS resolution of the target's host. */
  dnsTimeoutMs: 5_000,
  /** TCP connect, and TCP + TLS handshake for the certificate step. */
  connectTimeoutMs: 5_000,
  /** One MCP request (initialize, one tools/list page), headers and body. */
  requestTimeoutMs: 10_000,
  /** The whole run, whatever happens; the API may lower it with `timeoutMs`. */
  runTimeoutMs: 45_000,
  /** Smallest and largest `timeoutMs` the API accepts. */
  minRunTimeoutMs: 1_000,
  maxRunTimeoutMs: 120_000,
  /** Bytes read from one response before the read is abandoned. */
  maxBodyBytes: 4 * 1024 * 1024,
  /** Bytes of one body kept in the transcript for display. */
  keptBodyBytes: 64 * 1024,
  /** SSE events kept per exchange. */
  keptSseEvents: 200,
  /** `tools/list` pages followed before giving up on a cursor chain. */
  maxToolPages: 50,
  /**
   * Tools kept across pages: large generated servers (one tool per API operation) reach thousands,
   * and a list of 10,000 is read and judged in full (`npm run bench` times one).
   */
  maxTools: 10_000,
} as const;

export type Limits = Record<keyof typeof LIMITS, number>;
