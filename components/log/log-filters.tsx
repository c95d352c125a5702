'use client';

import {
  STATUS_CLASSES,
  STEP_GROUPS,
  type LogFilter,
  type StepGroup,
  type StatusClass,
} from '@/lib/log/filter';
import { areaOf } from '@/lib/report/areas';

/** "Connection (dns, tcp, tls, initialize)": the row's name and the probe steps it covers. */
function stepLabel(group: StepGroup): string {
  const area = areaOf(group);
  return area.steps.length > 1 || area.steps[0] !== group
    ? `${area.name} (${area.steps.join(', ')})`
    : area.name;
}

const select =
  'w-full max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 focus:outline-none focus:ring-2 focus:ring-sky-500';

export function LogFilters({
  filter,
  methods,
  shown,
  total,
  onChange,
}: {
  filter: LogFilter;
  methods: readonly string[];
  shown: number;
  total: number;
  onChange: (filter: LogFilter) => void;
}) {
  return (
    <div role="search" aria-label="Filter the raw log" className="flex flex-wrap items-end gap-3">
      <label className="flex min-w-0 max-w-full flex-col gap-1 text-xs font-medium text-slate-600">
        Step
        <select
          className={select}
          value={filter.step}
          onChange={(e) => onChange({ ...filter, step: e.target.value as StepGroup | 'all' })}
        >
          <option value="all">All steps</option>
          {STEP_GROUPS.map((group) => (
            <option key={group} value={group}>
              {stepLabel(group)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 max-w-full flex-col gap-1 text-xs font-medium text-slate-600">
        Method
        <select
          className={select}
          value={filter.method}
          onChange={(e) => onChange({ ...filter, method: e.target.value })}
        >
          <option value="all">All methods</option>
          {methods.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 max-w-full flex-col gap-1 text-xs font-medium text-slate-600">
        Status
        <select
          className={select}
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.target.value as StatusClass | 'all' })}
        >
          <option value="all">Any status</option>
          {STATUS_CLASSES.map((status) => (
            <option key={status} value={status}>
              {status === 'error' ? 'No response / error' : status}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs font-medium text-slate-600">
        Search URL, headers, bodies
        <input
          type="search"
          className={select}
          value={filter.text}
          placeholder="e.g. tools/call, 401, content-type"
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </label>
      <p data-testid="log-count" aria-live="polite" className="pb-1.5 text-sm text-slate-600">
        {shown} of {total} exchanges
      </p>
    </div>
  );
}
