import { REDACTED } from '@/lib/probe/redact';
import { parseTarget, shownUrl } from '@/lib/probe/target';
import type { RerunInput } from '@/lib/sessions/input';
import type { RunRegistry } from './registry';
import type { Run, RerunRequest } from './schema';
import { startRun, type StartedRun } from './start';

/** What a re-run must be given again: the values of secrets that were never kept. */
export interface RerunNeeds {
  /** The URL had credentials in it (kept redacted): the full URL is asked for. */
  url: boolean;
  token: boolean;
  headerNames: string[];
}

const hasRedaction = (url: string) =>
  url.includes(REDACTED) || url.includes(encodeURIComponent(REDACTED));

export function rerunNeeds(run: Pick<Run, 'url' | 'request'>): RerunNeeds {
  return {
    url: hasRedaction(run.url),
    token: run.request?.sentWith.token ?? false,
    headerNames: run.request?.sentWith.headerNames ?? [],
  };
}

/**
 * Makes a run again as it was asked for (its time budget, CI options and opt-in checks), with the
 * credentials given now: they were never stored. When the URL had secrets in it, the full URL must
 * be given and must be the same one once redacted.
 */
export function rerun(
  registry: RunRegistry,
  run: Pick<Run, 'url' | 'request'>,
  input: RerunInput,
): ({ ok: true } & StartedRun) | { ok: false; message: string } {
  const request: RerunRequest | undefined = run.request;
  const parsed = parseTarget({
    url: input.url?.href ?? run.url,
    token: input.token,
    headers: input.headers,
    ...(request ? { timeoutMs: request.timeoutMs } : {}),
    ...(request?.checkRedirectUri ? { checkRedirectUri: true } : {}),
  });
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (shownUrl(parsed.target) !== run.url) {
    return {
      ok: false,
      message: input.url
        ? `the URL given is not the endpoint checked before (${run.url})`
        : 'the URL had credentials in it, which were not kept: give the full URL again',
    };
  }
  return { ok: true, ...startRun(registry, parsed.target, request?.options ?? undefined) };
}
