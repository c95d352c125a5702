import { AREA_TABLE } from '@/lib/report/areas';
import { appOrigin } from '@/lib/samples/origin';
import { samplePath, type Sample } from '@/lib/samples/types';
import { CheckUrlButton } from '@/components/check/check-url-button';
import { StatusBadge } from '@/components/ui/status-badge';

/** The built-in endpoints this app serves itself: try the dashboard with nothing else running. */
export function SampleList({ samples }: { samples: readonly Sample[] }) {
  const origin = appOrigin();
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {samples.map((sample) => (
        <li
          key={sample.slug}
          data-testid={`sample-${sample.slug}`}
          className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <div className="space-y-1">
            <h3 className="font-semibold text-slate-900">{sample.title}</h3>
            <p className="break-words text-sm text-slate-600">{sample.demonstrates}</p>
          </div>
          <ul aria-label="Expected result" className="mt-auto flex flex-wrap gap-1">
            {AREA_TABLE.map((area) => {
              const status = sample.expected[area.id];
              return status ? (
                <li key={area.id}>
                  <StatusBadge tone={status} size="sm" label={`expected: ${area.name} ${status}`} />
                </li>
              ) : null;
            })}
          </ul>
          <div className="flex items-center justify-between gap-3 border-t border-slate-100 pt-3">
            <p
              className="min-w-0 truncate font-mono text-xs text-slate-500"
              title={samplePath(sample)}
            >
              {samplePath(sample)}
            </p>
            <CheckUrlButton
              url={`${origin}${samplePath(sample)}`}
              label="Check"
              ariaLabel={`Check ${sample.title}`}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
