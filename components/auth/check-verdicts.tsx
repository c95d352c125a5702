import type { CheckResult } from '@/lib/report/schema';
import { StatusBadge } from '@/components/ui/status-badge';
import { checkTone } from '@/components/ui/status';

/**
 * The findings of the checks that judge one part of the panel, linked to their full cards. Passes
 * are left out: the timeline and the documents already show what is right.
 */
export function CheckVerdicts({
  checks,
  ids,
}: {
  checks: readonly CheckResult[];
  ids: readonly string[];
}) {
  const shown = ids.flatMap((id) =>
    checks.filter((c) => c.id === id && (c.status === 'fail' || c.status === 'error')),
  );
  if (shown.length === 0) return null;
  return (
    <ul className="mb-3 space-y-1">
      {shown.map((check) => (
        <li
          key={check.id}
          className="flex items-start gap-2 text-sm"
          data-testid={`verdict-${check.id}`}
          data-status={check.status}
        >
          <StatusBadge tone={checkTone(check)} size="sm" />
          <span className="min-w-0 break-words text-slate-700">
            {check.message}{' '}
            <a
              href={`#check-${check.id}`}
              className="whitespace-nowrap font-mono text-xs text-sky-700 hover:underline"
            >
              {check.id}
            </a>
          </span>
        </li>
      ))}
    </ul>
  );
}
