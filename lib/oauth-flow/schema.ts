import { z } from 'zod';
import { ExchangeSchema } from '@/lib/report/schema';

/** 18 random bytes as base64url: unguessable, URL-safe, checkable before any lookup. */
export const FlowIdSchema = z.string().regex(/^[A-Za-z0-9_-]{24}$/);

export const FlowStepIdSchema = z.enum([
  'discovery',
  'registration',
  'authorization',
  'callback',
  'token',
  'rerun',
]);
export type FlowStepId = z.infer<typeof FlowStepIdSchema>;

export const FlowStepStatusSchema = z.enum([
  'pending',
  'waiting',
  'ok',
  'warning',
  'failed',
  'skipped',
]);
export type FlowStepStatus = z.infer<typeof FlowStepStatusSchema>;

/** One step of the sign-in, as the dashboard shows it: what was sent, what came back, where it failed. */
export const FlowStepSchema = z.object({
  id: FlowStepIdSchema,
  title: z.string(),
  status: FlowStepStatusSchema,
  summary: z.string(),
  /** Name/value pairs worth seeing (parameters sent, fields received); never a secret. */
  details: z.array(z.tuple([z.string(), z.string()])),
  exchangeIds: z.array(z.string()),
});
export type FlowStep = z.infer<typeof FlowStepSchema>;

export const FlowStateSchema = z.enum(['awaiting-authorization', 'failed', 'done']);

/**
 * What `GET /api/oauth/flows/<id>` answers: the steps and their exchanges, redacted. Tokens, the
 * code, the PKCE verifier and client secrets stay on the server and never appear here.
 */
export const FlowViewSchema = z.object({
  id: FlowIdSchema,
  /** The MCP server signed in to. */
  url: z.string(),
  state: FlowStateSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  steps: z.array(FlowStepSchema),
  /** Where the user approves (opened in a new tab); null once used or when the flow failed before it. */
  authorizationUrl: z.string().nullable(),
  exchanges: z.array(ExchangeSchema),
  /** The diagnosis re-run with the token, once there is one. */
  rerunId: z.string().nullable(),
});
export type FlowView = z.infer<typeof FlowViewSchema>;

/** What `POST /api/oauth/start` accepts. */
export const FlowStartSchema = z.strictObject({
  url: z.string().trim().min(1).max(2048),
  /** The re-run also registers a client with ChatGPT's redirect URI (`auth.redirect-uri`; creates a client on the server). */
  checkRedirectUri: z.boolean().optional(),
});
