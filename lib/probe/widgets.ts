import type { WidgetsProbe } from '@/lib/report/schema-widgets';
import type { Session } from './mcp';
import type { StepContext } from './probe';

/** Reads every widget template the tools declare (issue #3). */
export async function probeWidgets(_session: Session, _tools: unknown[], ctx: StepContext): Promise<WidgetsProbe | null> {
  ctx.record('resources', 'skipped', 'skipped: widget templates are not checked by this version yet', ctx.recorder.now());
  return null;
}
