import { randomBytes } from 'node:crypto';
import { shownUrl, type Target } from '@/lib/probe/target';
import { endpointOf, newStoreId } from '@/lib/store/store';
import { newSigningSecret } from './alerts/signature';
import type { MonitorContext } from './context';
import { MonitorError } from './errors';
import type { MonitorCreate, MonitorPatch, WebhookInput } from './input';
import {
  MonitorCheckSettingsSchema,
  MonitorCredentialsSchema,
  MonitorSchema,
  MonitorSecretsSchema,
  type Monitor,
  type MonitorSecrets,
} from './schema';
import { SecretsError, open, seal, sealedKeyId } from './secrets';
import type { MonitorRow } from './store';

const iso = (ms: number) => new Date(ms).toISOString();
const newWebhookId = () => randomBytes(6).toString('base64url');

const NO_SECRETS: MonitorSecrets = {
  url: null,
  token: null,
  headers: {},
  signingSecret: null,
  webhooks: [],
};

const hasSecrets = (s: MonitorSecrets) =>
  s.url !== null || s.token !== null || Object.keys(s.headers).length > 0 || s.webhooks.length > 0;

/** The monitor as the API and the pages show it: which credentials are set, never their values. */
export function monitorView(row: MonitorRow): Monitor {
  return MonitorSchema.parse({
    id: row.id,
    name: row.name,
    url: row.url,
    everyMinutes: row.every_minutes,
    client: row.client,
    settings: MonitorCheckSettingsSchema.parse(JSON.parse(row.settings)),
    credentials: MonitorCredentialsSchema.parse(JSON.parse(row.credentials)),
    public: row.is_public === 1,
    paused: row.paused === 1,
    state: row.state,
    stateSince: row.state_since,
    nextCheckAt: row.next_due_at,
    lastCheckAt: row.last_check_at,
    lastRunId: row.last_run_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** The monitor's sealed values, opened; a key that cannot open them is a MonitorError. */
export function openSecrets(ctx: Pick<MonitorContext, 'keys'>, row: MonitorRow): MonitorSecrets {
  if (!row.secrets) return NO_SECRETS;
  try {
    return MonitorSecretsSchema.parse(JSON.parse(open(ctx.keys, row.secrets, row.id)));
  } catch (error) {
    if (error instanceof SecretsError) throw new MonitorError('secrets-unreadable', error.message);
    throw error;
  }
}

/** Seals the values (null when there are none), or refuses, saying why, when there is no key. */
function sealSecrets(ctx: Pick<MonitorContext, 'keys'>, id: string, secrets: MonitorSecrets) {
  if (!hasSecrets(secrets)) return null;
  const refusal = ctx.keys.refusal;
  if (refusal) throw new MonitorError('secret-key-required', refusal);
  return seal(ctx.keys, JSON.stringify(secrets), id);
}

function credentialsOf(secrets: MonitorSecrets) {
  return JSON.stringify(
    MonitorCredentialsSchema.parse({
      token: secrets.token !== null,
      headerNames: Object.keys(secrets.headers),
      urlSecret: secrets.url !== null,
      webhooks: secrets.webhooks.map((w) => ({
        id: w.id,
        format: w.format,
        target: new URL(w.url).origin,
      })),
    }),
  );
}

const withIds = (webhooks: WebhookInput[]) => webhooks.map((w) => ({ id: newWebhookId(), ...w }));

/** The URL as given (fragment dropped), when its shown form had to hide a credential. */
function urlSecretOf(target: Target): string | null {
  const full = new URL(target.url.href);
  full.hash = '';
  return shownUrl(target) === full.href ? null : full.href;
}

/**
 * Creates a monitor, due at once: it checks when created, then every `everyMinutes`. The webhook
 * signing secret is answered here and never again.
 */
export async function createMonitor(
  ctx: MonitorContext,
  input: MonitorCreate,
): Promise<{ monitor: Monitor; webhookSecret: string | null }> {
  const id = newStoreId();
  const now = iso(ctx.clock.now());
  const url = shownUrl(input.target);
  const secrets: MonitorSecrets = {
    url: urlSecretOf(input.target),
    token: input.target.token,
    headers: input.target.headers,
    signingSecret: input.webhooks.length ? newSigningSecret() : null,
    webhooks: withIds(input.webhooks),
  };
  const row: MonitorRow = {
    id,
    name: input.name ?? url.replace(/^https?:\/\//, ''),
    url,
    endpoint: endpointOf(url),
    every_minutes: input.everyMinutes,
    client: input.client,
    settings: JSON.stringify(input.settings),
    secrets: sealSecrets(ctx, id, secrets),
    credentials: credentialsOf(secrets),
    is_public: input.public ? 1 : 0,
    paused: 0,
    next_due_at: now,
    state: 'unknown',
    state_since: null,
    last_check_at: null,
    last_run_id: null,
    created_at: now,
    updated_at: now,
  };
  await ctx.store.insert(row);
  return { monitor: monitorView(row), webhookSecret: secrets.signingSecret };
}

async function rowOf(ctx: MonitorContext, id: string): Promise<MonitorRow> {
  const row = await ctx.store.get(id);
  if (!row) throw new MonitorError('not-found', `no monitor with id "${id.slice(0, 40)}"`);
  return row;
}

export async function getMonitor(ctx: MonitorContext, id: string): Promise<Monitor> {
  return monitorView(await rowOf(ctx, id));
}

/**
 * Changes a monitor. New credentials or webhooks replace the old ones whole; a monitor that gets
 * its first webhook gets its signing secret, answered once. A shorter interval brings the next
 * check forward.
 */
export async function updateMonitor(
  ctx: MonitorContext,
  id: string,
  patch: MonitorPatch,
): Promise<{ monitor: Monitor; webhookSecret: string | null }> {
  const row = await rowOf(ctx, id);
  const now = ctx.clock.now();
  const touchesSecrets =
    patch.token !== undefined || patch.headers !== undefined || patch.webhooks !== undefined;
  let webhookSecret: string | null = null;
  const fields: Partial<MonitorRow> = { updated_at: iso(now) };
  if (touchesSecrets) {
    const secrets = { ...openSecrets(ctx, row) };
    if (patch.token !== undefined) secrets.token = patch.token;
    if (patch.headers !== undefined) secrets.headers = patch.headers ?? {};
    if (patch.webhooks !== undefined) {
      secrets.webhooks = withIds(patch.webhooks);
      if (secrets.webhooks.length && !secrets.signingSecret) {
        secrets.signingSecret = webhookSecret = newSigningSecret();
      }
    }
    fields.secrets = sealSecrets(ctx, id, secrets);
    fields.credentials = credentialsOf(secrets);
  }
  if (patch.name !== undefined) fields.name = patch.name;
  if (patch.client !== undefined) fields.client = patch.client;
  if (patch.public !== undefined) fields.is_public = patch.public ? 1 : 0;
  if (patch.settings) fields.settings = JSON.stringify(patch.settings);
  if (patch.everyMinutes !== undefined) {
    fields.every_minutes = patch.everyMinutes;
    const sooner = iso(now + patch.everyMinutes * 60_000);
    if (sooner < row.next_due_at) fields.next_due_at = sooner;
  }
  await ctx.store.update(id, fields);
  return { monitor: monitorView({ ...row, ...fields }), webhookSecret };
}

/** Pauses a monitor, or resumes it with a check at once. */
export async function setPaused(
  ctx: MonitorContext,
  id: string,
  paused: boolean,
): Promise<Monitor> {
  const row = await rowOf(ctx, id);
  const now = iso(ctx.clock.now());
  const fields: Partial<MonitorRow> = { paused: paused ? 1 : 0, updated_at: now };
  if (!paused && row.paused === 1) fields.next_due_at = now;
  await ctx.store.update(id, fields);
  return monitorView({ ...row, ...fields });
}

export async function deleteMonitor(ctx: MonitorContext, id: string): Promise<void> {
  if (!(await ctx.store.delete(id))) {
    throw new MonitorError('not-found', `no monitor with id "${id.slice(0, 40)}"`);
  }
}

/**
 * Seals again, under the current key, every monitor's values sealed under a previous one: after
 * a rotation, the old key can be dropped once this has run. Answers how many it sealed again.
 */
export async function resealSecrets(ctx: MonitorContext): Promise<number> {
  const current = ctx.keys.current;
  if (!current) return 0;
  let count = 0;
  for (const row of await ctx.store.list(100_000)) {
    if (!row.secrets || sealedKeyId(row.secrets) === current.id) continue;
    try {
      const secrets = openSecrets(ctx, row);
      await ctx.store.update(row.id, { secrets: sealSecrets(ctx, row.id, secrets) });
      count += 1;
    } catch (error) {
      console.error(`monitors: ${row.id}: ${(error as Error).message}`);
    }
  }
  return count;
}
