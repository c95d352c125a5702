import { AREAS } from '@/lib/report/summarize';
import type { Area } from '@/lib/report/schema';
import { appOrigin } from '@/lib/samples/origin';
import { samplePath, type Sample } from '@/lib/samples/types';
import { CheckUrlButton } from '@/components/check/check-url-button';
import { StatusBadge } from '@/components/ui/status-badge';

const AREA_NAMES: Record<Area, string> = {
  connection: 'Connection',
  tools: 'Tools',
  widgets: 'Widgets',
  auth: 'Auth',
};

/** The built-in endpoints this app serves itself: try the dashboard with nothing else running. */
export function SampleList({ samples }: { samples: readonly Sample[] }) {
  const origin = appOrigin();
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {samples.map((sample) => {
        const url = `${origin}${samplePath(sample)}`;
        return (
          <li
            key={sample.slug}
            data-testid={`sample-${sample.slug}`}
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          >
            <div className="space-y-1">
              <h3 className="font-semibold text-slate-900">{sample.title}</h3>
              <p className="text-sm text-slate-600">{sample.demonstrates}</p>
            </div>
            <p className="break-all font-mono text-xs text-slate-500">{samplePath(sample)}</p>
            <div className="mt-auto flex flex-wrap items-end justify-between gap-2">
              <ul aria-label="Expected result" className="flex flex-wrap gap-1">
                {AREAS.filter((area) => sample.expected[area]).map((area) => {
                  const status = sample.expected[area];
                  return status ? (
                    <li key={area}>
                      <StatusBadge
                        tone={status}
                        size="sm"
                        label={`${AREA_NAMES[area]}: ${status}`}
                      />
                    </li>
                  ) : null;
                })}
              </ul>
              <CheckUrlButton url={url} label="Check" ariaLabel={`Check ${sample.title}`} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
