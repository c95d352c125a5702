import { z } from 'zod';
import { AREA_IDS, SKIPPABLE_AREAS, STEP_IDS } from './areas';

/**
 * The leaf schemas every part of the report shares (the transcript, widgets, auth, latency), kept
 * apart from schema.ts so those modules can use them without an import cycle.
 */

export const AreaSchema = z.enum(AREA_IDS);
export const StepIdSchema = z.enum(STEP_IDS);
export const SkippableAreaSchema = z.enum(SKIPPABLE_AREAS);

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const TransportSchema = z.enum(['streamable-http', 'sse']);
export type Transport = z.infer<typeof TransportSchema>;

/**
 * The protocol's two eras (MCP 2026-07-28 "Versioning and Compatibility"): `legacy` opens with the
 * `initialize` handshake (2025-11-25 and earlier); `modern` carries version, identity and
 * capabilities on every request (2026-07-28 and later).
 */
export const EraSchema = z.enum(['legacy', 'modern']);
export type Era = z.infer<typeof EraSchema>;

/**
 * Stable codes for what can go wrong on the wire, shared by the probe (which raises them) and the
 * checks (which match on them, never on messages). Every code a transcript has ever carried stays
 * here, so saved and exported runs keep parsing.
 */
export const ProbeErrorCode = {
  Timeout: 'timeout',
  BodyTooLarge: 'body-too-large',
  DnsNotFound: 'dns-not-found',
  DnsFailed: 'dns-failed',
  ConnectionRefused: 'connection-refused',
  ConnectionReset: 'connection-reset',
  ConnectFailed: 'connect-failed',
  TlsFailed: 'tls-failed',
  Aborted: 'aborted',
  HttpStatus: 'http-status',
  BadResponse: 'bad-response',
  JsonRpcError: 'jsonrpc-error',
  BlockedByPolicy: 'blocked-by-policy',
  OAuthDiscoveryFailed: 'oauth-discovery-failed',
  Failed: 'failed',
} as const;

export const ProbeErrorCodeSchema = z.enum(ProbeErrorCode);
export type ProbeErrorCode = z.infer<typeof ProbeErrorCodeSchema>;

/** A failure the probe met, with a stable code and a message that names the URL. */
export const ProbeErrorSchema = z.object({ code: ProbeErrorCodeSchema, message: z.string() });
export type ProbeErrorData = z.infer<typeof ProbeErrorSchema>;
