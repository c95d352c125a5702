import type { Report } from '@/lib/report/schema';
import { Section } from '@/components/ui/section';

const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);

/** `repeat=N`: p50 / p95 / max per method over N new sessions; absent unless the run asked for it. */
export function LatencyPanel({ latency }: { latency: Report['latency'] }) {
  if (!latency) return null;
  return (
    <Section
      id="latency"
      title="Latency"
      aside={`${latency.repeat} sample${latency.repeat === 1 ? '' : 's'} over ${latency.transport === 'sse' ? 'legacy HTTP+SSE' : 'Streamable HTTP'}, each in a new session`}
    >
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">
                Method
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                p50
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                p95
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                max
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                Samples
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                Failures
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 font-mono">
            {latency.methods.map((m) => (
              <tr key={m.method} data-testid={`latency-${m.method}`}>
                <th scope="row" className="px-4 py-2 font-medium text-slate-900">
                  {m.method}
                </th>
                <td className="px-4 py-2 text-right">{ms(m.p50Ms)}</td>
                <td className="px-4 py-2 text-right">{ms(m.p95Ms)}</td>
                <td className="px-4 py-2 text-right">{ms(m.maxMs)}</td>
                <td className="px-4 py-2 text-right">{m.samples}</td>
                <td className={`px-4 py-2 text-right ${m.failures ? 'text-red-700' : ''}`}>
                  {m.failures}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {latency.errors.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm text-red-800">
          {latency.errors.map((e) => (
            <li key={e.message}>
              <span className="font-mono text-xs text-red-600">{e.code}</span> {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
