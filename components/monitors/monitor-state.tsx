import { StatusBadge } from '@/components/ui/status-badge';
import type { Tone } from '@/components/ui/status';
import type { Monitor } from '@/lib/monitors/schema';

const LOOK: Record<Monitor['state'] | 'paused', { tone: Tone; label: string }> = {
  healthy: { tone: 'pass', label: 'Healthy' },
  failing: { tone: 'fail', label: 'Failing' },
  unknown: { tone: 'skipped', label: 'Pending' },
  paused: { tone: 'skipped', label: 'Paused' },
};

/** A monitor's state as a badge: a word and a symbol, never colour alone. */
export function MonitorState({
  monitor,
  size,
}: {
  monitor: Pick<Monitor, 'state' | 'paused'>;
  size?: 'sm' | 'md';
}) {
  const look = LOOK[monitor.paused ? 'paused' : monitor.state];
  return <StatusBadge tone={look.tone} label={look.label} size={size} />;
}
