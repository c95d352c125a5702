import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import type { Bucket } from '@/lib/monitors/stats';
import { ChartFrame, cell } from './chart-frame';
import { bucketLabel, ms } from './format';

const W = 640;
const H = 220;
const M = { top: 10, right: 12, bottom: 28, left: 52 };

/**
 * p50 and p95 latency of each bucket (initialize plus the first tools/list page), drawn with visx
 * as plain SVG on the server: in the HTML, no script needed, in the theme's colours.
 */
export function LatencyChart({
  buckets,
  windowLabel,
  hourly,
}: {
  buckets: Bucket[];
  windowLabel: string;
  hourly: boolean;
}) {
  const labels = buckets.map((b) => bucketLabel(b.start, hourly));
  const max = Math.max(10, ...buckets.map((b) => b.p95Ms ?? 0));
  const x = scalePoint({ domain: labels, range: [0, W - M.left - M.right], padding: 0.5 });
  const y = scaleLinear({ domain: [0, max * 1.1], range: [H - M.top - M.bottom, 0], nice: true });
  const points = buckets.map((b, i) => ({ label: labels[i] ?? '', p50: b.p50Ms, p95: b.p95Ms }));
  const measured = buckets.filter((b) => b.p50Ms !== null);
  const worst = measured.length ? Math.max(...measured.map((b) => b.p95Ms ?? 0)) : null;
  const every = Math.max(1, Math.ceil(labels.length / 6));
  return (
    <ChartFrame
      id="chart-latency"
      width={W}
      height={H}
      title={`Latency over ${windowLabel}`}
      description={
        measured.length
          ? `p50 and p95 of initialize plus tools/list per bucket; the highest p95 was ${ms(worst)}.`
          : 'No check measured a latency in this window.'
      }
      legend={
        <>
          <span className="inline-flex items-center gap-1">
            <svg width="24" height="6" aria-hidden="true" className="text-sky-600">
              <line x1="0" y1="3" x2="24" y2="3" stroke="currentColor" strokeWidth="2" />
            </svg>
            p50 (solid)
          </span>
          <span className="inline-flex items-center gap-1">
            <svg width="24" height="6" aria-hidden="true" className="text-violet-600">
              <line
                x1="0"
                y1="3"
                x2="24"
                y2="3"
                stroke="currentColor"
                strokeWidth="2"
                strokeDasharray="4 3"
              />
            </svg>
            p95 (dashed)
          </span>
        </>
      }
      table={
        <table className="w-full text-xs">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className={cell}>
                Bucket
              </th>
              <th scope="col" className={cell}>
                p50
              </th>
              <th scope="col" className={cell}>
                p95
              </th>
              <th scope="col" className={cell}>
                Checks
              </th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b, i) => (
              <tr key={b.start} className="border-t border-slate-100">
                <th scope="row" className={`${cell} font-normal`}>
                  {labels[i]}
                </th>
                <td className={cell}>{ms(b.p50Ms)}</td>
                <td className={cell}>{ms(b.p95Ms)}</td>
                <td className={cell}>{b.healthy + b.failing + b.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <Group left={M.left} top={M.top}>
        <AxisLeft
          scale={y}
          numTicks={4}
          tickFormat={(v) => `${Number(v)} ms`}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLabelProps={{ fill: 'currentColor', fontSize: 10, textAnchor: 'end', dx: -4, dy: 3 }}
        />
        <AxisBottom
          top={H - M.top - M.bottom}
          scale={x}
          tickValues={labels.filter((_, i) => i % every === 0)}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLabelProps={{ fill: 'currentColor', fontSize: 10, textAnchor: 'middle' }}
        />
        <g className="text-sky-600">
          <LinePath
            data={points}
            x={(d) => x(d.label) ?? 0}
            y={(d) => y(d.p50 ?? 0)}
            defined={(d) => d.p50 !== null}
            stroke="currentColor"
            strokeWidth={2}
          />
        </g>
        <g className="text-violet-600">
          <LinePath
            data={points}
            x={(d) => x(d.label) ?? 0}
            y={(d) => y(d.p95 ?? 0)}
            defined={(d) => d.p95 !== null}
            stroke="currentColor"
            strokeWidth={2}
            strokeDasharray="4 3"
          />
        </g>
      </Group>
    </ChartFrame>
  );
}
