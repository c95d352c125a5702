import { z } from 'zod';
import { SkippableAreaSchema } from '@/lib/report/schema-base';

/** Every minute at most, once a day at least (issue 19). */
export const MIN_EVERY_MINUTES = 1;
export const MAX_EVERY_MINUTES = 24 * 60;
/** Webhooks per monitor: a team channel, an incident tool, a spare. */
export const MAX_WEBHOOKS = 5;

export const MonitorIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** `unknown` until the first check that MCP Doctor could make, then the endpoint's verdict. */
export const MonitorStateSchema = z.enum(['unknown', 'healthy', 'failing']);
export type MonitorState = z.infer<typeof MonitorStateSchema>;

/** A check's result: the report's verdict, or `error` when MCP Doctor itself could not run it. */
export const CheckOutcomeSchema = z.enum(['healthy', 'failing', 'error']);
export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;

export const WebhookFormatSchema = z.enum(['json', 'slack']);
export type WebhookFormat = z.infer<typeof WebhookFormatSchema>;

/** How each check is made, secrets left out: the run's time budget and its CI options. */
export const MonitorCheckSettingsSchema = z.object({
  timeoutMs: z.number().int().positive(),
  strict: z.boolean(),
  expectTools: z.array(z.string()),
  minTools: z.number().int().optional(),
  skip: z.array(SkippableAreaSchema),
  repeat: z.number().int().optional(),
});
export type MonitorCheckSettings = z.infer<typeof MonitorCheckSettingsSchema>;

/** A webhook as the API shows it: where it goes without its secret path, and how it is written. */
export const WebhookViewSchema = z.object({
  id: z.string(),
  format: WebhookFormatSchema,
  /** The origin only: a Slack incoming-webhook URL is itself a credential. */
  target: z.string(),
});
export type WebhookView = z.infer<typeof WebhookViewSchema>;

/** Which credentials a monitor has, never their values. */
export const MonitorCredentialsSchema = z.object({
  token: z.boolean(),
  headerNames: z.array(z.string()),
  /** The URL had a password or a secret query parameter, kept sealed; `url` shows it redacted. */
  urlSecret: z.boolean(),
  webhooks: z.array(WebhookViewSchema),
});
export type MonitorCredentials = z.infer<typeof MonitorCredentialsSchema>;

/** What `GET /api/monitors/<id>` answers. */
export const MonitorSchema = z.object({
  id: MonitorIdSchema,
  name: z.string(),
  url: z.string(),
  everyMinutes: z.number().int(),
  client: z.string().nullable(),
  settings: MonitorCheckSettingsSchema,
  credentials: MonitorCredentialsSchema,
  public: z.boolean(),
  paused: z.boolean(),
  state: MonitorStateSchema,
  stateSince: z.string().nullable(),
  nextCheckAt: z.string(),
  lastCheckAt: z.string().nullable(),
  lastRunId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Monitor = z.infer<typeof MonitorSchema>;

/** The values sealed at rest (lib/monitors/secrets): everything a check or an alert must send. */
export const MonitorSecretsSchema = z.object({
  /** The full URL, when its shown form had to be redacted. */
  url: z.string().nullable(),
  token: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
  /** Signs every webhook body (HMAC-SHA256); shown once, when the monitor is created. */
  signingSecret: z.string().nullable(),
  webhooks: z.array(z.object({ id: z.string(), url: z.string(), format: WebhookFormatSchema })),
});
export type MonitorSecrets = z.infer<typeof MonitorSecretsSchema>;

export const MonitorCheckSchema = z.object({
  id: z.string(),
  monitorId: z.string(),
  dueAt: z.string(),
  runId: z.string().nullable(),
  outcome: CheckOutcomeSchema,
  status: z.string().nullable(),
  latencyMs: z.number().nullable(),
  toolCount: z.number().int().nullable(),
  certExpiring: z.boolean(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type MonitorCheck = z.infer<typeof MonitorCheckSchema>;

/**
 * The changes that alert, one table: the payload's `type`, the words of a Slack message and of
 * the incident list derive from it.
 */
export const EVENT_KINDS = {
  failing: { title: 'Failing', verb: 'is failing' },
  recovered: { title: 'Recovered', verb: 'is healthy again' },
  'tools-changed': { title: 'Tools changed', verb: 'changed its tools' },
  'certificate-expiring': {
    title: 'Certificate expiring',
    verb: 'has a certificate expiring soon',
  },
} as const;
export type EventKind = keyof typeof EVENT_KINDS;
export const EventKindSchema = z.enum(Object.keys(EVENT_KINDS) as [EventKind, ...EventKind[]]);

/** A row of the report that is not a pass, as an alert shows it. */
export const AlertRowSchema = z.object({
  id: z.string(),
  status: z.string(),
  summary: z.string(),
  fix: z.string().nullable(),
});

/** What an event keeps of the run that showed it (the rest is one click away: the run). */
export const EventDetailSchema = z.object({
  status: z.string().nullable(),
  rows: z.array(AlertRowSchema),
  problems: z.array(
    z.object({ id: z.string(), title: z.string(), message: z.string(), fix: z.string() }),
  ),
  tools: z
    .object({
      added: z.array(z.string()),
      removed: z.array(z.string()),
      changed: z.array(z.string()),
    })
    .nullable(),
});
export type EventDetail = z.infer<typeof EventDetailSchema>;

export const MonitorEventSchema = z.object({
  id: z.string(),
  monitorId: z.string(),
  kind: EventKindSchema,
  at: z.string(),
  runId: z.string().nullable(),
  summary: z.string(),
  detail: EventDetailSchema,
});
export type MonitorEvent = z.infer<typeof MonitorEventSchema>;

export const DeliveryStateSchema = z.enum(['pending', 'delivered', 'failed']);

export const DeliveryAttemptSchema = z.object({
  at: z.string(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  ms: z.number(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;

export const DeliverySchema = z.object({
  id: z.string(),
  monitorId: z.string(),
  eventId: z.string(),
  webhookId: z.string(),
  state: DeliveryStateSchema,
  attempts: z.array(DeliveryAttemptSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
