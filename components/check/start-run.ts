import { z } from 'zod';
import type { TargetInput } from '@/lib/probe/target';
import type { CiOptionsInput } from '@/lib/diagnose/options';

const StartedSchema = z.object({ id: z.string() });
const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Starts a run through the API; answers its id or the API's own explanation of what is wrong. */
export async function startRun(
  input: TargetInput & Pick<CiOptionsInput, 'repeat'>,
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetch('/api/runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    return { ok: false, message: 'Could not reach MCP Doctor; is the app still running?' };
  }
  const body: unknown = await response.json().catch(() => null);
  const started = StartedSchema.safeParse(body);
  if (response.ok && started.success) return { ok: true, id: started.data.id };
  const error = ErrorSchema.safeParse(body);
  return {
    ok: false,
    message: error.success
      ? error.data.error.message
      : `Unexpected answer (HTTP ${response.status}).`,
  };
}
