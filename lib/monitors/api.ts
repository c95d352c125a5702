import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { getMonitors } from './app-monitors';
import type { MonitorContext } from './context';
import { MonitorError } from './errors';
import { MonitorIdSchema } from './schema';
import type { MonitorService } from './service';

type Handler<A extends unknown[]> = (...args: A) => Promise<Response>;

/**
 * A monitors route: store failures answer 503/500 (withStoreErrors), a MonitorError its own code
 * and status, and the id in the path is checked before any lookup.
 */
export function monitorRoute<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return withStoreErrors(async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof MonitorError)
        return jsonResponse({ error: error.toData() }, error.status);
      throw error;
    }
  });
}

/** The service and its context, with the id from the path once it is a well-formed one. */
export async function monitorsFor(
  id?: string,
): Promise<{ service: MonitorService; ctx: MonitorContext; id: string }> {
  if (id !== undefined && !MonitorIdSchema.safeParse(id).success) {
    throw new MonitorError('not-found', `no monitor with id "${id.slice(0, 40)}"`);
  }
  const service = await getMonitors();
  return { service, ctx: service.ctx, id: id ?? '' };
}

export const invalid = (message: string) => apiError(400, 'invalid-input', message);
