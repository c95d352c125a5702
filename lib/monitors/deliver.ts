import type { MonitorContext } from './context';
import { postWebhook } from './alerts/post';
import { alertBody } from './alerts/payload';
import { SIGNATURE_HEADER, signatureHeader } from './alerts/signature';
import { openSecrets } from './monitors';
import type { DeliveryJobData, QueuedJob } from './queue/queue';
import type { Delivery, DeliveryAttempt } from './schema';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One try at delivering one alert to one webhook. Every try is logged on the delivery (shown on
 * the monitor's page); a failed try throws while tries remain, so the queue sends it again later
 * with backoff, and the last one marks the delivery failed.
 */
export async function deliverAlert(
  ctx: MonitorContext,
  job: QueuedJob<DeliveryJobData>,
): Promise<void> {
  const delivery = await ctx.store.getDelivery(job.data.deliveryId);
  if (!delivery || delivery.state !== 'pending') return;
  const [row, event] = await Promise.all([
    ctx.store.get(delivery.monitorId),
    ctx.store.getEvent(delivery.eventId),
  ]);
  const secrets = row ? openSecrets(ctx, row) : null;
  const webhook = secrets?.webhooks.find((w) => w.id === delivery.webhookId);
  if (!row || !event || !webhook || !secrets?.signingSecret) {
    await give(ctx, delivery, 'failed', { status: null, error: 'the webhook was removed', ms: 0 });
    return;
  }
  const monitor = { id: row.id, name: row.name, url: row.url };
  const body = alertBody(webhook.format, event, monitor, ctx.origin);
  const timestamp = Math.floor(ctx.clock.now() / 1000);
  const attempt = await postWebhook(
    webhook.url,
    body,
    {
      [SIGNATURE_HEADER]: signatureHeader(secrets.signingSecret, body, timestamp),
      'MCP-Doctor-Event': event.kind,
      'MCP-Doctor-Delivery': delivery.id,
      'user-agent': 'MCP-Doctor-Webhooks/1',
    },
    ctx.policy,
  );
  const delivered = attempt.error === null;
  await give(
    ctx,
    delivery,
    delivered ? 'delivered' : job.lastAttempt ? 'failed' : 'pending',
    attempt,
  );
  if (!delivered && !job.lastAttempt) {
    throw new Error(`delivery ${delivery.id} to ${new URL(webhook.url).origin}: ${attempt.error}`);
  }
}

function give(
  ctx: MonitorContext,
  delivery: Delivery,
  state: Delivery['state'],
  attempt: Omit<DeliveryAttempt, 'at'>,
) {
  return ctx.store.saveAttempt(delivery, { at: iso(ctx.clock.now()), ...attempt }, state);
}
