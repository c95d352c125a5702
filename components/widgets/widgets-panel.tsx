import type { Report } from '@/lib/report/schema';

/** Widget cards and sandboxed previews (issue #3). */
export function WidgetsPanel(_props: { report: Report }) {
  return null;
}
