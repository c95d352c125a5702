import { z } from 'zod';
import { errorResponse } from '@/lib/api/errors';
import { AdmissionError } from './errors';
import { ConcurrencyLimit, RateLimiter, clientKey } from './rate-limit';

/**
 * Who may start a diagnosis now. Each one opens connections to a remote server for up to two
 * minutes, so the routes that start one (`/api/check`, `POST /api/runs`) admit a request only
 * when its client has budget left (a token bucket per client) and fewer than `maxConcurrent`
 * diagnoses are running in this process; otherwise they answer 429 with Retry-After at once.
 */
export interface AdmissionConfig {
  maxConcurrent: number;
  perMinute: number;
  burst: number;
  /**
   * Reverse proxies in front of the dashboard, each appending to X-Forwarded-For: the client is
   * the address this many hops from the socket's (lib/security/rate-limit.ts `clientKey`).
   */
  trustedProxies: number;
}

const count = (fallback: number) =>
  z.coerce.number().int().min(1).max(100_000).catch(fallback).default(fallback);

/**
 * The environment's limits: MCP_DOCTOR_MAX_CONCURRENT (16), MCP_DOCTOR_RATE_PER_MINUTE (60) and
 * MCP_DOCTOR_RATE_BURST (20) per client, MCP_DOCTOR_TRUSTED_PROXIES=N behind N reverse proxies
 * (MCP_DOCTOR_TRUST_PROXY=1, the older spelling, means one). A value that is not a positive
 * integer falls back to the default rather than disabling the limit.
 */
const AdmissionEnvSchema = z.object({
  MCP_DOCTOR_MAX_CONCURRENT: count(16),
  MCP_DOCTOR_RATE_PER_MINUTE: count(60),
  MCP_DOCTOR_RATE_BURST: count(20),
  MCP_DOCTOR_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).optional().catch(undefined),
  MCP_DOCTOR_TRUST_PROXY: z.string().optional(),
});

export function admissionFromEnv(
  env: Record<string, string | undefined> = process.env,
): AdmissionConfig {
  const parsed = AdmissionEnvSchema.parse(env);
  return {
    maxConcurrent: parsed.MCP_DOCTOR_MAX_CONCURRENT,
    perMinute: parsed.MCP_DOCTOR_RATE_PER_MINUTE,
    burst: parsed.MCP_DOCTOR_RATE_BURST,
    trustedProxies:
      parsed.MCP_DOCTOR_TRUSTED_PROXIES ??
      (/^(1|true|yes)$/i.test(parsed.MCP_DOCTOR_TRUST_PROXY ?? '') ? 1 : 0),
  };
}

/** A granted admission: call `release` once the diagnosis it admitted has finished. */
export type Ticket =
  | { ok: true; release: () => void }
  /** `error` for callers that answer otherwise than over HTTP (the MCP server's tool results). */
  | { ok: false; response: Response; error: AdmissionError };

/** How long a client refused as busy should wait: a short diagnosis is a few seconds. */
const BUSY_RETRY_SECONDS = 5;

export class Admission {
  private readonly rate: RateLimiter;
  private readonly running: ConcurrencyLimit;

  constructor(
    private readonly config: AdmissionConfig,
    now?: () => number,
  ) {
    this.rate = new RateLimiter({
      perMinute: config.perMinute,
      burst: config.burst,
      maxClients: 10_000,
      now,
    });
    this.running = new ConcurrencyLimit(config.maxConcurrent);
  }

  get inFlight(): number {
    return this.running.inFlight;
  }

  /** Admits the request or answers the 429 to send; busy is judged first, so it costs no token. */
  admit(request: Request): Ticket {
    const slot = this.running.tryAcquire();
    if (!slot) {
      return refuse(
        'busy',
        `${this.config.maxConcurrent} diagnoses are already running on this dashboard; try again in a few seconds`,
        BUSY_RETRY_SECONDS,
      );
    }
    const rate = this.rate.take(clientKey(request.headers, this.config.trustedProxies));
    if (!rate.ok) {
      slot();
      return refuse(
        'rate-limited',
        `more than ${this.config.perMinute} diagnoses a minute from this client; try again in ${rate.retryAfterSeconds} s`,
        rate.retryAfterSeconds,
      );
    }
    return { ok: true, release: slot };
  }
}

function refuse(code: 'busy' | 'rate-limited', message: string, retryAfterSeconds: number): Ticket {
  const error = new AdmissionError(code, message, retryAfterSeconds);
  return { ok: false, response: errorResponse(error), error };
}

// One per process, shared by every route module that imports it (Next may load a module once per
// route bundle; the global keeps their counts together).
const KEY = Symbol.for('mcp-doctor.admission');

/** The process's admission, created from the environment on first use. */
export function apiAdmission(): Admission {
  const holder = globalThis as { [KEY]?: Admission };
  holder[KEY] ??= new Admission(admissionFromEnv());
  return holder[KEY];
}

/**
 * Starts work that may leave a diagnosis running in the background, only when admitted: the slot
 * is held until `running(value)` settles (or released at once when it started none, or threw).
 */
export async function withAdmission<T>(
  request: Request,
  start: () => Promise<T>,
  running: (value: T) => Promise<unknown> | null | undefined,
  admission: Admission = apiAdmission(),
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const ticket = admission.admit(request);
  if (!ticket.ok) return ticket;
  let value: T;
  try {
    value = await start();
  } catch (error) {
    ticket.release();
    throw error;
  }
  const done = running(value);
  if (done) void done.finally(ticket.release);
  else ticket.release();
  return { ok: true, value };
}

/**
 * Sign-in attempts per client: a guess at the team token costs a token from this bucket, so the
 * login form cannot be used to try tokens at line rate (constant-time comparison alone does not
 * stop guessing). Kept apart from the diagnoses' budget.
 */
export const LOGIN_LIMITS = { perMinute: 10, burst: 5 } as const;
const LOGIN_KEY = Symbol.for('mcp-doctor.login-limit');

/** Whether this client may try a token now, or how long it must wait. */
export function admitLogin(request: Request): { ok: true } | { ok: false; error: AdmissionError } {
  const holder = globalThis as { [LOGIN_KEY]?: RateLimiter };
  holder[LOGIN_KEY] ??= new RateLimiter({ ...LOGIN_LIMITS, maxClients: 10_000 });
  const taken = holder[LOGIN_KEY].take(
    clientKey(request.headers, admissionFromEnv().trustedProxies),
  );
  if (taken.ok) return taken;
  return {
    ok: false,
    error: new AdmissionError(
      'rate-limited',
      `more than ${LOGIN_LIMITS.perMinute} sign-in attempts a minute from this client; try again in ${taken.retryAfterSeconds} s`,
      taken.retryAfterSeconds,
    ),
  };
}
