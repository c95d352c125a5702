import { makeBadge } from 'badge-maker';
import type { MonitorState } from './schema';

/** Shields' colours (badge-maker's named colours) for each thing a badge can say. */
const LOOKS = {
  healthy: { message: 'healthy', color: 'brightgreen' },
  failing: { message: 'failing', color: 'red' },
  unknown: { message: 'pending', color: 'lightgrey' },
  paused: { message: 'paused', color: 'inactive' },
} as const;

/**
 * "MCP | healthy" as an SVG, drawn by badge-maker, the library shields.io itself renders with, so
 * it sits beside a README's other badges. Its text is ours alone: nothing the server said.
 */
export function badgeSvg(state: MonitorState, paused: boolean): string {
  const look = LOOKS[paused ? 'paused' : state];
  return makeBadge({ label: 'MCP', message: look.message, color: look.color });
}
