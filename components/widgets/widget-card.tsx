import type {
  TemplateRead,
  Widget,
  WidgetAsset,
  WidgetCall,
  WidgetCsp,
} from '@/lib/report/schema-widgets';
import { EvidenceLinks } from '@/components/report/evidence-links';
import type { ExchangeLabels } from '@/components/report/exchange-labels';
import { StatusBadge } from '@/components/ui/status-badge';
import { checkTone } from '@/components/ui/status';
import { formatBytes } from '@/components/ui/format';
import { cspAllows, effectiveCsp } from '@/lib/widgets/csp';
import { APPS_SDK_MIME, MCP_APPS_MIME, normalizeMime } from '@/lib/widgets/meta';
import { WidgetLive } from './widget-live';

const STANDARD_LABEL = { 'apps-sdk': 'Apps SDK', 'mcp-apps': 'MCP Apps' } as const;
const KEY_LABEL = {
  'openai/outputTemplate': '_meta["openai/outputTemplate"]',
  'ui.resourceUri': '_meta.ui.resourceUri',
  'ui/resourceUri': '_meta["ui/resourceUri"] (deprecated)',
} as const;

export function WidgetCard({
  widget,
  read,
  tool,
  runId,
  preview,
  lastCall,
  credentials,
  labels,
}: {
  labels: ExchangeLabels;
  widget: Widget;
  read: TemplateRead | null;
  tool: unknown;
  runId: string;
  preview: { src: string; nonce: string } | null;
  lastCall: WidgetCall | null;
  credentials: { token: boolean; headers: string[] };
}) {
  const findings = widget.findings ?? [];
  const csp = effectiveCsp(widget.csp, widget.standards);
  return (
    <li
      data-testid={`widget-${widget.tool}`}
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 bg-slate-50 px-4 py-3">
        <h3 className="break-words font-mono text-sm font-semibold text-slate-900">
          {widget.tool}
        </h3>
        {widget.standards.map((s) => (
          <span
            key={s}
            className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-600/20"
          >
            {STANDARD_LABEL[s]}
          </span>
        ))}
        {widget.readOnlyHint ? (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
            readOnlyHint
          </span>
        ) : null}
        <span className="ml-auto text-xs text-slate-500">
          {findings.length
            ? `${findings.length} finding${findings.length === 1 ? '' : 's'}`
            : 'no findings'}
        </span>
      </div>

      <div className="grid gap-6 p-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-4">
          <dl className="grid grid-cols-[9rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
            <dt className="text-slate-500">Template</dt>
            <dd className="break-all font-mono text-xs text-slate-900" data-testid="widget-uri">
              {widget.uri ?? '—'}
            </dd>
            <dt className="text-slate-500">Declared by</dt>
            <dd className="space-y-0.5">
              {widget.declarations.map((d) => (
                <div key={d.key} className="break-all font-mono text-xs text-slate-700">
                  {KEY_LABEL[d.key]} = {d.uri === null ? `(${d.valueType})` : d.uri}
                </div>
              ))}
            </dd>
            <dt className="text-slate-500">MIME type</dt>
            <dd data-testid="widget-mime">
              <MimeType mime={widget.mimeType} listed={read?.listEntry?.mimeType ?? null} />
            </dd>
            <dt className="text-slate-500">Size</dt>
            <dd className="text-slate-700">
              {widget.size === null ? '—' : formatBytes(widget.size)}
            </dd>
            <dt className="text-slate-500">Domain</dt>
            <dd className="break-all text-slate-700">
              {widget.domain.length === 0 ? (
                <span className="text-slate-500">none declared</span>
              ) : (
                widget.domain.map((d) => (
                  <div key={d.key}>
                    <span className="font-mono text-xs">{d.value}</span>{' '}
                    <span className="text-xs text-slate-500">
                      ({d.key}, from the {d.source === 'content' ? 'read content' : 'list entry'})
                    </span>
                  </div>
                ))
              )}
            </dd>
            <dt className="text-slate-500">Read</dt>
            <dd className="text-xs">
              {read?.error ? <span className="text-red-700">{read.error.message}</span> : null}
              <EvidenceLinks
                ids={read?.exchangeId ? [read.exchangeId] : []}
                labels={labels}
                compact
              />
            </dd>
          </dl>

          {read?.content ? (
            <>
              <CspTable csps={widget.csp} applied={csp} />
              <AssetTable assets={widget.assets} csp={csp} labels={labels} />
            </>
          ) : (
            <p className="text-sm text-slate-500">
              The template could not be read: its CSP and the assets it loads are unknown.
            </p>
          )}

          {findings.length > 0 ? (
            <ul className="space-y-1.5" data-testid="widget-findings">
              {findings.map((f, i) => (
                <li key={`${f.check}-${i}`} className="flex items-start gap-2 text-sm">
                  <StatusBadge
                    tone={checkTone({ status: f.status, severity: f.severity })}
                    size="sm"
                  />
                  <span className="min-w-0 break-words text-slate-700">
                    <a
                      href={`#check-${f.check}`}
                      className="font-mono text-xs text-sky-700 hover:underline"
                    >
                      {f.check}
                    </a>{' '}
                    {f.detail}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>

        <div className="min-w-0">
          {preview ? (
            <WidgetLive
              runId={runId}
              tool={widget.tool}
              toolDescriptor={tool}
              standards={widget.standards}
              readOnly={widget.readOnlyHint}
              initial={{ ...preview, call: lastCall }}
              credentials={credentials}
              policy={
                csp
                  ? `${csp.key} (from the ${csp.source === 'content' ? 'read content' : 'list entry'})`
                  : 'none declared: the MCP Apps default (no external origins)'
              }
            />
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
              No preview: the template could not be read.
            </p>
          )}
        </div>
      </div>
    </li>
  );
}

function MimeType({ mime, listed }: { mime: string | null; listed: string | null }) {
  if (mime === null) return <span className="text-slate-500">—</span>;
  const normalized = normalizeMime(mime);
  const ok = normalized === APPS_SDK_MIME || normalized === MCP_APPS_MIME;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <code
        className={`rounded px-1.5 py-0.5 font-mono text-xs ${ok ? 'bg-emerald-50 text-emerald-800' : 'bg-red-50 text-red-800'}`}
      >
        {mime}
      </code>
      {listed !== null && normalizeMime(listed) !== normalized ? (
        <span className="text-xs text-slate-500">(listed as {listed})</span>
      ) : null}
    </span>
  );
}

function CspTable({ csps, applied }: { csps: WidgetCsp[]; applied: WidgetCsp | null }) {
  if (csps.length === 0) {
    return (
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        No CSP declared (<code className="font-mono text-xs">_meta.ui.csp</code> /{' '}
        <code className="font-mono text-xs">openai/widgetCSP</code>): hosts allow no external
        origin.
      </p>
    );
  }
  const rows: [string, (c: WidgetCsp) => string[]][] = [
    ['connect', (c) => c.connectDomains],
    ['resource', (c) => c.resourceDomains],
    ['frame', (c) => c.frameDomains],
    ['base URI', (c) => c.baseUriDomains],
    ['redirect', (c) => c.redirectDomains],
  ];
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-xs" data-testid="widget-csp">
        <caption className="sr-only">Declared content security policy</caption>
        <thead className="bg-slate-50 text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-1 font-semibold">
              CSP
            </th>
            {csps.map((c) => (
              <th key={c.key} scope="col" className="px-2 py-1 font-mono font-semibold">
                {c.key}{' '}
                <span className="font-sans font-normal">
                  ({c.source === 'content' ? 'content' : 'list'}
                  {c === applied ? ', previewed' : ''})
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows
            .filter(([, get]) => csps.some((c) => get(c).length > 0))
            .map(([label, get]) => (
              <tr key={label}>
                <th scope="row" className="px-2 py-1 font-medium text-slate-600">
                  {label}
                </th>
                {csps.map((c) => (
                  <td key={c.key} className="break-all px-2 py-1 font-mono text-slate-800">
                    {get(c).join(' ') || '—'}
                  </td>
                ))}
              </tr>
            ))}
          {csps.every((c) => rows.every(([, get]) => get(c).length === 0)) ? (
            <tr>
              <td colSpan={csps.length + 1} className="px-2 py-1 text-slate-500">
                Declared empty: no external origins.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function answer(asset: WidgetAsset): { text: string; ok: boolean | null } {
  if (asset.fetch?.error)
    return { text: asset.fetch.error.message.replace(/^\S+ \S+: /, ''), ok: false };
  if (asset.fetch?.status != null) {
    const s = asset.fetch.status;
    return {
      text: `${s}${asset.fetch.location ? ` → ${asset.fetch.location}` : ''}`,
      ok: (s >= 200 && s < 300) || (s >= 300 && s < 400 && asset.fetch.location !== null),
    };
  }
  return { text: asset.skipped ?? 'not asked', ok: null };
}

function AssetTable({
  assets,
  csp,
  labels,
}: {
  assets: WidgetAsset[];
  csp: WidgetCsp | null;
  labels: ExchangeLabels;
}) {
  if (assets.length === 0)
    return <p className="text-sm text-slate-500">The HTML references no external asset.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-xs" data-testid="widget-assets">
        <caption className="sr-only">External assets the widget HTML references</caption>
        <thead className="bg-slate-50 text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-1 font-semibold">
              Asset
            </th>
            <th scope="col" className="px-2 py-1 font-semibold">
              Host
            </th>
            <th scope="col" className="px-2 py-1 font-semibold">
              CSP
            </th>
            <th scope="col" className="px-2 py-1 font-semibold">
              Answer
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {assets.map((asset, i) => {
            const allowed = asset.url
              ? Boolean(csp && cspAllows(csp, asset.kind, asset.url))
              : null;
            const reply = answer(asset);
            return (
              <tr key={`${asset.ref}-${i}`} data-testid="widget-asset">
                <td className="px-2 py-1 align-top">
                  <div className="text-slate-500">{asset.where}</div>
                  <div className="break-all font-mono text-slate-900">{asset.url ?? asset.ref}</div>
                </td>
                <td
                  className={`px-2 py-1 align-top ${asset.scope === 'public' ? 'text-slate-700' : 'font-medium text-red-700'}`}
                >
                  {asset.scope}
                </td>
                <td
                  className={`px-2 py-1 align-top ${allowed ? 'text-emerald-700' : 'text-amber-800'}`}
                >
                  {allowed === null ? '—' : allowed ? 'allowed' : 'not allowed'}
                </td>
                <td
                  className={`px-2 py-1 align-top ${reply.ok === false ? 'text-red-700' : reply.ok ? 'text-emerald-700' : 'text-slate-500'}`}
                >
                  {reply.text}{' '}
                  <EvidenceLinks ids={asset.fetch?.exchangeIds ?? []} labels={labels} compact />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
