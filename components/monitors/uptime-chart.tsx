import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { Bucket } from '@/lib/monitors/stats';
import { ChartFrame, cell } from './chart-frame';
import { bucketLabel, percent } from './format';

const W = 640;
const H = 120;
const M = { top: 6, right: 12, bottom: 28, left: 12 };

/** A bucket's colour class: all healthy, some failures, mostly failing, or nothing measured. */
const toneOf = (b: Bucket) =>
  b.ratio === null
    ? 'text-slate-300'
    : b.ratio === 1
      ? 'text-emerald-500'
      : b.ratio >= 0.5
        ? 'text-amber-500'
        : 'text-red-600';

/** Uptime per bucket as bars whose height is the share of healthy checks (colour repeats it). */
export function UptimeChart({
  buckets,
  windowLabel,
  hourly,
}: {
  buckets: Bucket[];
  windowLabel: string;
  hourly: boolean;
}) {
  const labels = buckets.map((b) => bucketLabel(b.start, hourly));
  const x = scaleBand({ domain: labels, range: [0, W - M.left - M.right], padding: 0.15 });
  const inner = H - M.top - M.bottom;
  const y = scaleLinear({ domain: [0, 1], range: [inner, 0] });
  const down = buckets.filter((b) => b.failing > 0).length;
  const every = Math.max(1, Math.ceil(labels.length / 6));
  return (
    <ChartFrame
      id="chart-uptime"
      width={W}
      height={H}
      title={`Uptime over ${windowLabel}`}
      description={
        down
          ? `${down} of ${buckets.length} buckets had failing checks.`
          : `No failing check in ${buckets.length} buckets.`
      }
      legend={
        <span>
          Bar height: share of healthy checks; green all healthy, amber some failing, red mostly
          failing, grey no check.
        </span>
      }
      table={
        <table className="w-full text-xs">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className={cell}>
                Bucket
              </th>
              <th scope="col" className={cell}>
                Uptime
              </th>
              <th scope="col" className={cell}>
                Healthy
              </th>
              <th scope="col" className={cell}>
                Failing
              </th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b, i) => (
              <tr key={b.start} className="border-t border-slate-100">
                <th scope="row" className={`${cell} font-normal`}>
                  {labels[i]}
                </th>
                <td className={cell}>{percent(b.ratio)}</td>
                <td className={cell}>{b.healthy}</td>
                <td className={cell}>{b.failing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <Group left={M.left} top={M.top}>
        {buckets.map((b, i) => {
          const label = labels[i] ?? '';
          // An empty bucket and a fully failing one both keep a sliver, so each bar is visible.
          const top = b.ratio === null ? inner - 4 : Math.min(y(b.ratio), inner - 4);
          return (
            <g key={b.start} className={toneOf(b)}>
              <Bar
                x={x(label) ?? 0}
                y={top}
                width={x.bandwidth()}
                height={inner - top}
                fill="currentColor"
              />
            </g>
          );
        })}
        <AxisBottom
          top={inner}
          scale={x}
          tickValues={labels.filter((_, i) => i % every === 0)}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLabelProps={{ fill: 'currentColor', fontSize: 10, textAnchor: 'middle' }}
        />
      </Group>
    </ChartFrame>
  );
}
