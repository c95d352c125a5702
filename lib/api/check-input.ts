import { z } from 'zod';
import { CI_OPTION_NAMES, parseCiOptions, type CiOptions } from '@/lib/diagnose/options';
import {
  TargetInputSchema,
  TargetUrlSchema,
  formatIssues,
  toTarget,
  type Target,
} from '@/lib/probe/target';

// The target's own schema says "url is required" for any non-string; a number deserves its own words.
const UrlFieldSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'missing (give the endpoint to check, such as https://example.com/mcp)'
        : 'must be a string',
  })
  .pipe(TargetUrlSchema);

/** What to probe: the target's own fields (`timeoutMs` bounds both the probe and the verdict). */
const CheckTargetSchema = TargetInputSchema.extend({ url: UrlFieldSchema });

const CI_KEYS = new Set<string>(CI_OPTION_NAMES);

export type ParsedCheck =
  { ok: true; target: Target; options: CiOptions } | { ok: false; message: string };

/**
 * What `/api/check` and `/api/runs` accept: the target (`url`, `headers`, `token`, `timeoutMs`)
 * plus the CI options shared with the CLI (`strict`, `expectTools`, `minTools`, `skip`, `format`,
 * `repeat`, `client`). Unknown fields are errors, so a typo in a CI job cannot pass by accident.
 */
export function parseCheckInput(input: unknown): ParsedCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      message: 'the body must be a JSON object, such as {"url":"https://example.com/mcp"}',
    };
  }
  const targetInput: Record<string, unknown> = {};
  const ciInput: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'timeoutMs') targetInput[key] = ciInput[key] = value;
    else if (CI_KEYS.has(key)) ciInput[key] = value;
    else targetInput[key] = value;
  }
  const target = CheckTargetSchema.safeParse(targetInput);
  if (!target.success) return { ok: false, message: formatIssues(target.error) };
  const options = parseCiOptions(ciInput);
  if (!options.ok) return options;
  return { ok: true, target: toTarget(target.data), options: options.options };
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
