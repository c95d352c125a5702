import { z } from 'zod';

/**
 * Why the dashboard refused a request before doing any work, as stable codes (SDK-style, like
 * lib/probe/errors.ts). Clients branch on the code; the status comes from the table below.
 */
export const AdmissionErrorCodeSchema = z.enum([
  /** As many diagnoses as allowed are running (MCP_DOCTOR_MAX_CONCURRENT). */
  'busy',
  /** This client spent its budget (MCP_DOCTOR_RATE_PER_MINUTE, MCP_DOCTOR_RATE_BURST). */
  'rate-limited',
  /** MCP_DOCTOR_TOKEN is set and the request did not carry it. */
  'unauthorized',
  /** A state-changing request from another origin (a page or widget the browser runs elsewhere). */
  'cross-site',
  /** A state-changing API request whose body is not declared as JSON. */
  'unsupported-media-type',
  /** The body is larger than the route takes, by its Content-Length or by the bytes that came. */
  'body-too-large',
  /** The client went away before its body arrived. */
  'body-aborted',
  /** A path that is not valid percent-encoding (`/api/runs/%ff`). */
  'bad-path',
]);
export type AdmissionErrorCode = z.infer<typeof AdmissionErrorCodeSchema>;

export const ADMISSION_ERROR_STATUS: Record<AdmissionErrorCode, number> = {
  busy: 429,
  'rate-limited': 429,
  unauthorized: 401,
  'cross-site': 403,
  'unsupported-media-type': 415,
  'body-too-large': 413,
  'body-aborted': 400,
  'bad-path': 400,
};

export class AdmissionError extends Error {
  constructor(
    readonly code: AdmissionErrorCode,
    message: string,
    /** For 429: when to try again, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AdmissionError';
  }

  get status(): number {
    return ADMISSION_ERROR_STATUS[this.code];
  }

  toData(): { code: AdmissionErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}
