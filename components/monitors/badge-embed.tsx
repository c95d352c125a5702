import type { Monitor } from '@/lib/monitors/schema';

/** The badge as it looks, and the Markdown to put it in a README. */
export function BadgeEmbed({ monitor, origin }: { monitor: Monitor; origin: string }) {
  const badge = `${origin}/monitors/${monitor.id}/badge.svg`;
  return (
    <div className="space-y-2 text-sm text-slate-800">
      {/* eslint-disable-next-line @next/next/no-img-element -- an SVG badge served by this app, a fixed size */}
      <img
        src={`/monitors/${monitor.id}/badge.svg`}
        alt={`MCP: ${monitor.paused ? 'paused' : monitor.state}`}
        height={20}
      />
      <code className="block break-all rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs text-slate-900">
        {`[![MCP status](${badge})](${origin}/monitors/${monitor.id})`}
      </code>
      <p className="text-slate-600">
        {monitor.public ? 'Public: the badge and ' : 'Private: the badge and '}
        <a href={`/monitors/${monitor.id}/status.json`} className="text-sky-700 underline">
          status.json
        </a>
        {monitor.public
          ? ' are readable by anyone with the link.'
          : ' answer only with the team token (set "public": true to embed them elsewhere).'}
      </p>
    </div>
  );
}
