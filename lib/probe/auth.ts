import type { z } from 'zod';
import type { AuthProbe } from '@/lib/report/schema-auth';
import type { McpResultSchema } from '@/lib/report/schema';
import type { StepContext } from './probe';

/** OAuth discovery when the server asks for authorization (issue #4). */
export async function probeAuth(_url: URL, _mcp: z.infer<typeof McpResultSchema>, ctx: StepContext): Promise<AuthProbe | null> {
  ctx.record('auth', 'skipped', 'skipped: authorization is not checked by this version yet', ctx.recorder.now());
  return null;
}
