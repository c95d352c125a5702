import { z } from 'zod';
import {
  TargetInputSchema,
  TargetUrlSchema,
  formatIssues,
  toTarget,
  type Target,
} from '@/lib/probe/target';

/** `strict=1` in a query string, `"strict": true` in JSON: CI tools write it both ways. */
const StrictSchema = z.union(
  [
    z.boolean(),
    z.enum(['1', 'true']).transform(() => true),
    z.enum(['0', 'false']).transform(() => false),
  ],
  { error: 'must be 1, 0, true or false' },
);

// The target's own schema says "url is required" for any non-string; a number deserves its own words.
const UrlFieldSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'missing (give the endpoint to check, such as https://example.com/mcp)'
        : 'must be a string',
  })
  .pipe(TargetUrlSchema);

/** What `/api/check` and `/api/runs` accept: the probe's target plus the CI verdict's strictness. */
export const CheckInputSchema = TargetInputSchema.extend({
  url: UrlFieldSchema,
  strict: StrictSchema.optional(),
});
export type CheckInput = z.input<typeof CheckInputSchema>;

export type ParsedCheck =
  { ok: true; target: Target; strict: boolean } | { ok: false; message: string };

export function parseCheckInput(input: unknown): ParsedCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      message: 'the body must be a JSON object, such as {"url":"https://example.com/mcp"}',
    };
  }
  const parsed = CheckInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: formatIssues(parsed.error) };
  const { strict, ...target } = parsed.data;
  return { ok: true, target: toTarget(target), strict: strict ?? false };
}

/**
 * A query string as check input. Headers and tokens are refused here on purpose (query strings end
 * up in access logs); they go in a POST body. A repeated parameter is an error, not a silent pick.
 */
export function parseCheckQuery(params: URLSearchParams): ParsedCheck {
  const input: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in input) return { ok: false, message: `${key} is given more than once` };
    input[key] = value;
  }
  if ('headers' in input || 'token' in input) {
    return {
      ok: false,
      message: 'headers and token are accepted only in a POST body, not in the URL',
    };
  }
  return parseCheckInput(input);
}
