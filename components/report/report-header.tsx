import type { Report } from '@/lib/report/schema';
import { ERA_NAMES } from '@/lib/report/text-summary';
import { CheckUrlButton } from '@/components/check/check-url-button';
import { formatMs } from '@/components/ui/format';
import { StatusBadge } from '@/components/ui/status-badge';

const VERDICT: Record<Report['status'], string> = {
  pass: 'No problems found',
  warn: 'Usable, with warnings',
  fail: 'ChatGPT cannot use this server as it is',
  unverified: 'Not verified: part of the server could not be checked',
};

/** The verdict and the endpoint: the first thing on the page. */
export function ReportHeader({ report, runId }: { report: Report; runId: string }) {
  const { target } = report;
  // A re-check can only repeat what the report kept: no token, headers or URL credentials.
  const repeatable =
    !target.hasToken && target.headerNames.length === 0 && !target.credentialsInUrl;
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <StatusBadge tone={report.status} />
            <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">
              {VERDICT[report.status]}
            </h1>
          </div>
          <p className="break-all font-mono text-sm text-slate-700" data-testid="report-url">
            {report.url}
          </p>
          {target.headerNames.length > 0 || target.hasToken ? (
            <p className="text-xs text-slate-500">
              Sent with{' '}
              {[
                target.hasToken ? 'a bearer token' : null,
                target.headerNames.length ? `headers ${target.headerNames.join(', ')}` : null,
              ]
                .filter(Boolean)
                .join(' and ')}{' '}
              (values not kept).
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {repeatable ? <CheckUrlButton url={report.url} label="Check again" /> : null}
          <a
            href={`/api/runs/${runId}/export`}
            download
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
          >
            Download JSON
          </a>
        </div>
      </div>
    </header>
  );
}

/** What the server said about itself, and how long the run took. */
export function ServerFacts({ report }: { report: Report }) {
  const { server } = report;
  const facts: [string, string | null][] = [
    ['Server', server.name ? `${server.name}${server.version ? ` ${server.version}` : ''}` : null],
    ['Protocol', server.protocolVersion],
    ['Speaks', server.era ? ERA_NAMES[server.era] : null],
    [
      'Transport',
      server.transport === 'sse'
        ? 'HTTP+SSE (legacy)'
        : server.transport === 'streamable-http'
          ? 'Streamable HTTP'
          : null,
    ],
    ['Tools', report.listing ? String(report.tools.length) : null],
    ['Took', formatMs(report.durationMs)],
    ['Checked', new Date(report.startedAt).toISOString().replace('T', ' ').slice(0, 19) + ' UTC'],
  ];
  return (
    <div className="space-y-4">
      <dl
        data-testid="server-facts"
        className="flex flex-wrap gap-x-10 gap-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm"
      >
        {facts.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="break-all font-mono text-slate-900">
              {value ?? <span className="text-slate-500">—</span>}
            </dd>
          </div>
        ))}
      </dl>
      {server.instructions ? (
        <details className="rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm shadow-sm">
          <summary className="cursor-pointer text-slate-700">Server instructions</summary>
          <p className="mt-2 whitespace-pre-line break-words text-slate-700">
            {server.instructions}
          </p>
        </details>
      ) : null}
    </div>
  );
}
