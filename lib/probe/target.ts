import { z } from 'zod';
import { LIMITS } from './limits';
import { Redactor } from './redact';

// RFC 9110 §5.1 token, and a value without control characters (no header injection).
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;
// Headers the HTTP client owns; letting a user set them would break framing or the protocol.
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'accept',
  'content-type',
  'mcp-session-id',
  'mcp-protocol-version',
]);

export const TargetUrlSchema = z
  .string({ error: 'url is required' })
  .trim()
  .min(1, 'url is required')
  .max(2048, 'url is longer than 2048 characters')
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 100)}" is not an absolute URL (expected https://host/mcp)`,
      });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({
        code: 'custom',
        message: `unsupported scheme "${url.protocol}" (expected https: or http:)`,
      });
      return z.NEVER;
    }
    return url;
  });

export const HeadersInputSchema = z
  .record(z.string(), z.string().max(8192, 'a header value is longer than 8192 characters'))
  .superRefine((headers, ctx) => {
    const names = Object.keys(headers);
    if (names.length > 50) ctx.addIssue({ code: 'custom', message: 'at most 50 extra headers' });
    for (const name of names) {
      if (!HEADER_NAME.test(name))
        ctx.addIssue({
          code: 'custom',
          message: `"${name.slice(0, 60)}" is not a valid header name`,
        });
      else if (RESERVED_HEADERS.has(name.toLowerCase()))
        ctx.addIssue({ code: 'custom', message: `header "${name}" is set by MCP Doctor itself` });
      if (!HEADER_VALUE.test(headers[name] ?? ''))
        ctx.addIssue({
          code: 'custom',
          message: `header "${name}" has a line break or NUL in its value`,
        });
    }
  });

export const TargetInputSchema = z.strictObject({
  url: TargetUrlSchema,
  headers: HeadersInputSchema.optional(),
  token: z
    .string()
    .trim()
    .max(8192, 'token is longer than 8192 characters')
    .regex(HEADER_VALUE, 'token has a line break')
    .optional(),
  timeoutMs: z.coerce
    .number()
    .int()
    .min(LIMITS.minRunTimeoutMs, `timeoutMs must be at least ${LIMITS.minRunTimeoutMs}`)
    .max(LIMITS.maxRunTimeoutMs, `timeoutMs must be at most ${LIMITS.maxRunTimeoutMs}`)
    .optional(),
  /** Opt-in active check: register a client with ChatGPT's redirect URI on the server's authorization server. */
  checkRedirectUri: z.boolean().optional(),
});
export type TargetInput = z.input<typeof TargetInputSchema>;

/** What the probe needs to know: the parsed URL, the headers to send, the run's time budget. */
export interface Target {
  url: URL;
  headers: Record<string, string>;
  token: string | null;
  timeoutMs: number;
  /** Opt-in: the `auth.redirect-uri` check registers a client on the authorization server. */
  checkRedirectUri?: boolean;
}

export function toTarget(input: z.output<typeof TargetInputSchema>): Target {
  return {
    url: input.url,
    headers: input.headers ?? {},
    token: input.token ? input.token.replace(/^Bearer\s+/i, '') : null,
    timeoutMs: input.timeoutMs ?? LIMITS.runTimeoutMs,
    ...(input.checkRedirectUri ? { checkRedirectUri: true } : {}),
  };
}

/** Parses untrusted input into a Target, or explains in one line what is wrong. */
export function parseTarget(
  input: unknown,
): { ok: true; target: Target } | { ok: false; message: string } {
  const parsed = TargetInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: formatIssues(parsed.error) };
  return { ok: true, target: toTarget(parsed.data) };
}

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) =>
      i.path.length && i.code !== 'custom' ? `${i.path.join('.')}: ${i.message}` : i.message,
    )
    .join('; ');
}

/** A Redactor that knows this target's own secrets: the token and the extra headers' values. */
export function targetRedactor(target: Target): Redactor {
  return new Redactor({
    values: [...(target.token ? [target.token] : []), ...Object.values(target.headers)],
    headerNames: Object.keys(target.headers),
  });
}

/** What every request to the target carries: the extra headers and the bearer token. */
export function targetHeaders(target: Target): Record<string, string> {
  return {
    ...target.headers,
    ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
  };
}

/** The URL as it is shown and stored: fragment dropped, credentials and secret parameters redacted. */
export function shownUrl(target: Target): string {
  const url = new URL(target.url.href);
  url.hash = '';
  return targetRedactor(target).url(url.href);
}
