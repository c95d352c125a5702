import { z } from 'zod';
import { EVENT_KINDS, EventDetailSchema, type MonitorEvent, type WebhookFormat } from '../schema';

/**
 * The JSON body of every alert: what changed, in one line, and the diagnosis behind it — the
 * rows that are not passing with their fixes, the checks that failed, the tools that changed — and
 * links to the run (its raw log) and to the monitor. `type` is stable; receivers branch on it.
 */
export const AlertPayloadSchema = z.object({
  type: z.string(),
  id: z.string(),
  at: z.string(),
  summary: z.string(),
  monitor: z.object({ id: z.string(), name: z.string(), url: z.string(), page: z.string() }),
  run: z.object({ id: z.string(), page: z.string() }).nullable(),
  ...EventDetailSchema.shape,
});
export type AlertPayload = z.infer<typeof AlertPayloadSchema>;

export interface AlertMonitor {
  id: string;
  name: string;
  url: string;
}

export function alertPayload(
  event: MonitorEvent,
  monitor: AlertMonitor,
  origin: string,
): AlertPayload {
  return {
    type: `monitor.${event.kind}`,
    id: event.id,
    at: event.at,
    summary: event.summary,
    monitor: {
      id: monitor.id,
      name: monitor.name,
      url: monitor.url,
      page: `${origin}/monitors/${monitor.id}`,
    },
    run: event.runId ? { id: event.runId, page: `${origin}/runs/${event.runId}` } : null,
    ...event.detail,
  };
}

/** Slack's three control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
const slackEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A section's text is at most 3,000 characters (https://api.slack.com/reference/block-kit/blocks#section). */
const SECTION_MAX = 3000;
const clip = (text: string) =>
  text.length > SECTION_MAX ? `${text.slice(0, SECTION_MAX - 1)}…` : text;

const ICONS: Record<keyof typeof EVENT_KINDS, string> = {
  failing: ':red_circle:',
  recovered: ':large_green_circle:',
  'tools-changed': ':large_blue_circle:',
  'certificate-expiring': ':warning:',
};

/**
 * The same alert for a Slack incoming webhook: `text` (the notification and the fallback) and
 * Block Kit sections (https://api.slack.com/messaging/webhooks). Everything the server said is
 * escaped: a row summary can quote the endpoint's own words.
 */
export function slackMessage(payload: AlertPayload, kind: MonitorEvent['kind']): object {
  const links = [
    payload.run ? `<${payload.run.page}|the run>` : null,
    `<${payload.monitor.page}|the monitor>`,
  ].filter(Boolean);
  const rows = payload.rows.map(
    (row) =>
      `• *${slackEscape(row.id)}* (${row.status}): ${slackEscape(row.summary)}${row.fix ? `\n    _Fix:_ ${slackEscape(row.fix)}` : ''}`,
  );
  const { added = [], removed = [], changed = [] } = payload.tools ?? {};
  const tools = (
    [
      ['Added', added],
      ['Removed', removed],
      ['Changed', changed],
    ] as const
  )
    .filter(([, names]) => names.length)
    .map(([label, names]) => `• ${label}: ${slackEscape(names.join(', '))}`);
  const details = [...rows, ...tools];
  return {
    text: `${ICONS[kind]} ${slackEscape(payload.summary)}`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: clip(
            `${ICONS[kind]} *${slackEscape(payload.summary)}*\n${slackEscape(payload.monitor.url)} · ${links.join(' · ')}`,
          ),
        },
      },
      ...(details.length
        ? [{ type: 'section', text: { type: 'mrkdwn', text: clip(details.join('\n')) } }]
        : []),
    ],
  };
}

/** The body sent to a webhook of this format. */
export function alertBody(
  format: WebhookFormat,
  event: MonitorEvent,
  monitor: AlertMonitor,
  origin: string,
): string {
  const payload = alertPayload(event, monitor, origin);
  return JSON.stringify(format === 'slack' ? slackMessage(payload, event.kind) : payload);
}
