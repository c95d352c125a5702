import type { Report } from '@/lib/report/schema';

/** The OAuth challenge, discovery timeline and documents (issue #4). */
export function AuthPanel(_props: { report: Report }) {
  return null;
}
