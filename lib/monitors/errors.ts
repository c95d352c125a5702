import { z } from 'zod';

/** Why a monitor operation was refused, as stable codes (like lib/store/errors.ts). */
export const MonitorErrorCodeSchema = z.enum([
  'not-found',
  /** Credentials or webhooks were given and MCP_DOCTOR_SECRET_KEY is missing or malformed. */
  'secret-key-required',
  /** The sealed credentials do not open (the key was changed without listing the old one). */
  'secrets-unreadable',
]);
export type MonitorErrorCode = z.infer<typeof MonitorErrorCodeSchema>;

export const MONITOR_ERROR_STATUS: Record<MonitorErrorCode, number> = {
  'not-found': 404,
  'secret-key-required': 400,
  'secrets-unreadable': 409,
};

export class MonitorError extends Error {
  constructor(
    readonly code: MonitorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MonitorError';
  }

  get status(): number {
    return MONITOR_ERROR_STATUS[this.code];
  }

  toData(): { code: MonitorErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}
