import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * What a widget preview shows: which run, which tool's widget, and which dashboard call's result
 * (none: the widget as the host first renders it). Carried in the preview URL as base64url JSON.
 */
export const PreviewTargetSchema = z.strictObject({
  run: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  tool: z.string().min(1).max(200),
  call: z
    .string()
    .regex(/^call-\d{1,4}$/)
    .nullable(),
  /** Random, so every mounted preview gets its own nonce. */
  salt: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
});
export type PreviewTarget = z.infer<typeof PreviewTargetSchema>;

const KEY = Symbol.for('mcp-doctor.preview-secret');
const holder = globalThis as typeof globalThis & { [KEY]?: Buffer };

/**
 * The key of the preview nonces: MCP_DOCTOR_PREVIEW_SECRET when several instances serve one
 * dashboard, else random per process (held on the global: Next bundles routes and pages apart).
 */
function secret(): Buffer {
  const configured = process.env.MCP_DOCTOR_PREVIEW_SECRET;
  if (configured) return Buffer.from(configured);
  return (holder[KEY] ??= randomBytes(32));
}

export function encodePreviewToken(target: Omit<PreviewTarget, 'salt'>): string {
  const full: PreviewTarget = { ...target, salt: randomBytes(12).toString('base64url') };
  return Buffer.from(JSON.stringify(full)).toString('base64url');
}

export function decodePreviewToken(token: string): PreviewTarget | null {
  if (token.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  try {
    const parsed = PreviewTargetSchema.safeParse(
      JSON.parse(Buffer.from(token, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The secret the preview's bridge script signs its reports with. The dashboard page learns it from
 * the server; the widget, which runs beside the bridge, never sees it (the bridge keeps it in a
 * closure and removes its own script element before the widget's code runs), so it cannot forge a
 * report. The URL carries only the token, from which the nonce cannot be computed without the key.
 */
export function previewNonce(token: string): string {
  return createHmac('sha256', secret()).update(token).digest('base64url');
}

/** Where the preview of one widget is served, with the nonce the page checks its reports against. */
export function previewDescriptor(target: Omit<PreviewTarget, 'salt'>): {
  src: string;
  nonce: string;
} {
  const token = encodePreviewToken(target);
  return { src: `/widget-preview/${token}`, nonce: previewNonce(token) };
}
