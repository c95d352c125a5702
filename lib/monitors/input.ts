import { z } from 'zod';
import { parseCheckInput } from '@/lib/api/check-input';
import { CLIENT_PROFILES } from '@/lib/clients';
import { parseCiOptions, type CiOptions } from '@/lib/diagnose/options';
import { LIMITS } from '@/lib/probe/limits';
import { HeadersInputSchema, TargetUrlSchema, formatIssues, type Target } from '@/lib/probe/target';
import {
  MAX_EVERY_MINUTES,
  MAX_WEBHOOKS,
  MIN_EVERY_MINUTES,
  WebhookFormatSchema,
  type MonitorCheckSettings,
  type WebhookFormat,
} from './schema';

const CLIENT_IDS = CLIENT_PROFILES.map((p) => p.id) as [string, ...string[]];

const EveryMinutesSchema = z
  .number({ error: 'everyMinutes must be a number of minutes' })
  .int('everyMinutes must be a whole number of minutes')
  .min(MIN_EVERY_MINUTES, `everyMinutes must be at least ${MIN_EVERY_MINUTES}`)
  .max(MAX_EVERY_MINUTES, `everyMinutes must be at most ${MAX_EVERY_MINUTES} (24 h)`);

const NameSchema = z.string().trim().min(1, 'name is empty').max(100, 'name is too long');

const ClientSchema = z.enum(CLIENT_IDS, {
  error: `client must be one of ${CLIENT_IDS.join(', ')}`,
});

/**
 * Slack's incoming webhooks live at https://hooks.slack.com/services/T…/B…/… and take
 * `{ "text": … }` (https://api.slack.com/messaging/webhooks): such a URL is written to in Slack's
 * format unless the format is given.
 */
export const isSlackWebhook = (url: URL): boolean =>
  url.hostname === 'hooks.slack.com' && url.pathname.startsWith('/services/');

const WebhookInputSchema = z
  .strictObject({ url: TargetUrlSchema, format: WebhookFormatSchema.optional() })
  .transform(({ url, format }) => ({
    url: url.href,
    format: format ?? ((isSlackWebhook(url) ? 'slack' : 'json') as WebhookFormat),
  }));
export type WebhookInput = z.output<typeof WebhookInputSchema>;

const WebhooksSchema = z
  .array(WebhookInputSchema)
  .max(MAX_WEBHOOKS, `at most ${MAX_WEBHOOKS} webhooks`);

/** What is a monitor's own; everything else of a body is the check, as `POST /api/runs` takes it. */
const MonitorFieldsSchema = z.object({
  everyMinutes: EveryMinutesSchema,
  name: NameSchema.optional(),
  client: ClientSchema.optional(),
  public: z.boolean({ error: 'public must be true or false' }).optional(),
  webhooks: WebhooksSchema.optional(),
});
const MONITOR_KEYS = new Set(Object.keys(MonitorFieldsSchema.shape));

export interface MonitorCreate {
  target: Target;
  settings: MonitorCheckSettings;
  everyMinutes: number;
  name: string | null;
  client: string | null;
  public: boolean;
  webhooks: WebhookInput[];
}

export const settingsOf = (timeoutMs: number, options: CiOptions): MonitorCheckSettings => ({
  timeoutMs,
  strict: options.strict,
  expectTools: options.expectTools,
  skip: options.skip,
  ...(options.minTools === undefined ? {} : { minTools: options.minTools }),
  ...(options.repeat === undefined ? {} : { repeat: options.repeat }),
});

/** The CI options a check of this monitor is made with (lib/diagnose/options.ts). */
export const optionsOf = (settings: MonitorCheckSettings): CiOptions => ({
  strict: settings.strict,
  timeoutMs: settings.timeoutMs,
  expectTools: settings.expectTools,
  skip: settings.skip,
  ...(settings.minTools === undefined ? {} : { minTools: settings.minTools }),
  ...(settings.repeat === undefined ? {} : { repeat: settings.repeat }),
});

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const notAnObject = (input: unknown) =>
  typeof input !== 'object' || input === null || Array.isArray(input);

/**
 * `POST /api/monitors`: `{ url, everyMinutes, name?, client?, public?, webhooks?, headers?, token? }`
 * and the CI options of `POST /api/runs` (`timeoutMs`, `strict`, `expectTools`, `minTools`,
 * `skip`, `repeat`). Unknown fields are errors, as everywhere in the API.
 */
export function parseMonitorCreate(input: unknown): Parsed<MonitorCreate> {
  if (notAnObject(input)) {
    return {
      ok: false,
      message:
        'the body must be a JSON object, such as {"url":"https://example.com/mcp","everyMinutes":5}',
    };
  }
  const own: Record<string, unknown> = {};
  const check: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as object)) {
    (MONITOR_KEYS.has(key) ? own : check)[key] = value;
  }
  if ('format' in check) {
    return {
      ok: false,
      message:
        'format is an option of /api/check; a monitor writes its alerts as webhooks[].format says',
    };
  }
  const fields = MonitorFieldsSchema.safeParse(own);
  if (!fields.success) return { ok: false, message: formatIssues(fields.error) };
  const parsed = parseCheckInput(check);
  if (!parsed.ok) return parsed;
  if (parsed.target.checkRedirectUri) {
    return {
      ok: false,
      message: 'checkRedirectUri registers a client every time it runs: not for a monitor',
    };
  }
  const f = fields.data;
  return {
    ok: true,
    value: {
      target: parsed.target,
      settings: settingsOf(parsed.target.timeoutMs, parsed.options),
      everyMinutes: f.everyMinutes,
      name: f.name ?? null,
      client: f.client ?? null,
      public: f.public ?? false,
      webhooks: f.webhooks ?? [],
    },
  };
}

const MonitorPatchSchema = z.strictObject({
  everyMinutes: EveryMinutesSchema.optional(),
  name: NameSchema.optional(),
  client: ClientSchema.nullable().optional(),
  public: z.boolean({ error: 'public must be true or false' }).optional(),
  webhooks: WebhooksSchema.optional(),
  /** A new token, or null to send none. */
  token: z
    .string()
    .trim()
    .max(8192)
    .regex(/^[^\r\n\0]*$/, 'token has a line break')
    .nullable()
    .optional(),
  /** The extra headers, all of them, or null for none. */
  headers: HeadersInputSchema.nullable().optional(),
  timeoutMs: z.number().int().min(LIMITS.minRunTimeoutMs).max(LIMITS.maxRunTimeoutMs).optional(),
  strict: z.boolean().optional(),
  expectTools: z.array(z.string()).optional(),
  minTools: z.number().int().nullable().optional(),
  skip: z.array(z.string()).optional(),
  repeat: z.number().int().nullable().optional(),
});
export type MonitorPatchInput = z.output<typeof MonitorPatchSchema>;

export interface MonitorPatch {
  everyMinutes?: number;
  name?: string;
  client?: string | null;
  public?: boolean;
  webhooks?: WebhookInput[];
  token?: string | null;
  headers?: Record<string, string> | null;
  settings?: MonitorCheckSettings;
}

/**
 * `PATCH /api/monitors/<id>`: any of the monitor's fields; the check's options are validated
 * together with the ones already set, by the same rules as a new run's. The URL is what a monitor
 * watches: another URL is another monitor.
 */
export function parseMonitorPatch(
  input: unknown,
  current: MonitorCheckSettings,
): Parsed<MonitorPatch> {
  if (notAnObject(input)) return { ok: false, message: 'the body must be a JSON object' };
  if ('url' in (input as object)) {
    return { ok: false, message: 'a monitor watches one URL: create another monitor for another' };
  }
  const parsed = MonitorPatchSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: formatIssues(parsed.error) };
  const { timeoutMs, strict, expectTools, minTools, skip, repeat, token, ...rest } = parsed.data;
  const patch: MonitorPatch = { ...rest };
  if (token !== undefined) patch.token = token ? token.replace(/^Bearer\s+/i, '') : null;
  const touched = [timeoutMs, strict, expectTools, minTools, skip, repeat].some(
    (v) => v !== undefined,
  );
  if (touched) {
    const pick = <T>(given: T | null | undefined, was: T | undefined) =>
      given === null ? undefined : (given ?? was);
    const merged = {
      timeoutMs: timeoutMs ?? current.timeoutMs,
      strict: strict ?? current.strict,
      expectTools: expectTools ?? current.expectTools,
      skip: skip ?? current.skip,
      minTools: pick(minTools, current.minTools),
      repeat: pick(repeat, current.repeat),
    };
    const options = parseCiOptions(
      Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)),
    );
    if (!options.ok) return options;
    patch.settings = settingsOf(merged.timeoutMs, options.options);
  }
  return { ok: true, value: patch };
}
