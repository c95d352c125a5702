import { apiError, errorResponse } from '@/lib/api/errors';
import { TOKEN_COOKIE, hasTeamAccess } from '@/lib/security/token-gate';
import { StoreError } from '@/lib/store/errors';
import { monitorsFor } from './api';
import type { MonitorContext } from './context';
import { MonitorError } from './errors';
import { getMonitor } from './monitors';
import type { Monitor } from './schema';

/**
 * The monitor behind a badge or status URL, when this request may see it: a monitor marked
 * public, or any monitor with the team token (bearer or the login cookie). Otherwise 404, the
 * same as for an id that does not exist, so a private monitor's existence is not confirmed.
 */
export async function visibleMonitor(
  request: Request,
  cookies: { get(name: string): { value: string } | undefined },
  id: string,
): Promise<
  { ok: true; monitor: Monitor; ctx: MonitorContext } | { ok: false; response: Response }
> {
  const notFound = {
    ok: false as const,
    response: apiError(404, 'not-found', `no monitor with id "${id.slice(0, 40)}"`),
  };
  try {
    const { ctx } = await monitorsFor(id);
    const monitor = await getMonitor(ctx, id);
    const team = hasTeamAccess({
      configuredToken: process.env.MCP_DOCTOR_TOKEN || undefined,
      authorization: request.headers.get('authorization'),
      cookie: cookies.get(TOKEN_COOKIE)?.value,
    });
    return monitor.public || team ? { ok: true, monitor, ctx } : notFound;
  } catch (error) {
    if (error instanceof MonitorError) return notFound;
    if (error instanceof StoreError) return { ok: false, response: errorResponse(error) };
    throw error;
  }
}
