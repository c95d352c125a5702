import type { Observation } from './observe';
import { EVENT_KINDS, type EventKind, type MonitorCheck, type MonitorState } from './schema';

export interface Change {
  kind: EventKind;
  summary: string;
}

const names = (list: readonly string[]) =>
  list.length > 5 ? `${list.slice(0, 5).join(', ')} and ${list.length - 5} more` : list.join(', ');

/**
 * What a check changed, and the monitor's state after it. Alerts are for changes only: healthy
 * to failing (or a first check that fails), failing to healthy, a tool list that differs from the
 * endpoint's last run, a certificate that starts expiring within 14 days. A check MCP Doctor could
 * not make changes nothing.
 */
export function changesOf(
  name: string,
  state: MonitorState,
  previous: Pick<MonitorCheck, 'certExpiring'> | null,
  seen: Observation,
): { state: MonitorState; changes: Change[] } {
  if (seen.outcome === 'error') return { state, changes: [] };
  const changes: Change[] = [];
  const say = (kind: EventKind, rest = '') =>
    changes.push({ kind, summary: `${name} ${EVENT_KINDS[kind].verb}${rest}` });
  if (seen.outcome === 'failing' && state !== 'failing') {
    const row = seen.detail.rows[0];
    say('failing', row ? `: ${row.summary}` : '');
  }
  if (seen.outcome === 'healthy' && state === 'failing') say('recovered');
  if (seen.tools) {
    const { added, removed, changed } = seen.tools;
    const parts = [
      added.length ? `${added.length} added (${names(added)})` : null,
      removed.length ? `${removed.length} removed (${names(removed)})` : null,
      changed.length ? `${changed.length} changed (${names(changed)})` : null,
    ].filter(Boolean);
    say('tools-changed', parts.length ? `: ${parts.join(', ')}` : '');
  }
  if (seen.certExpiring && !previous?.certExpiring) {
    say('certificate-expiring', seen.certMessage ? `: ${seen.certMessage}` : '');
  }
  return { state: seen.outcome, changes };
}
