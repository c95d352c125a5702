'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { inertOutside } from '@/components/ui/inert-outside';
import { readDashboardTheme, useDashboardTheme } from '@/components/ui/use-dashboard-theme';
import type { WidgetStandard } from '@/lib/report/schema-widgets';
import {
  grantDisplayMode,
  maxHeightFor,
  modeForViewport,
  offeredModes,
  PHONE_QUERY,
  PIP_ON_PHONE,
  sameView,
  srcWithView,
  type DisplayMode,
  type PreviewView,
  type Theme,
} from '@/lib/widgets/preview-display';
import {
  declaredModes,
  displayGrantMessage,
  globalsMessage,
  hostContextChanged,
  initializeResult,
} from '@/lib/widgets/preview-host';
import {
  BridgeMessageSchema,
  CallToolParamsSchema,
  LogParamsSchema,
  OpenLinkParamsSchema,
  RequestDisplayModeParamsSchema,
  SizeChangedParamsSchema,
  WidgetRpcSchema,
  type BridgeMessage,
  type WidgetRpc,
} from '@/lib/widgets/preview-messages';

interface LogEntry {
  kind: 'error' | 'console' | 'csp' | 'asset' | 'host' | 'log' | 'protocol' | 'sdk';
  text: string;
}

const KIND_STYLE: Record<LogEntry['kind'], { label: string; className: string }> = {
  error: { label: 'error', className: 'bg-red-50 text-red-800' },
  console: { label: 'console', className: 'bg-amber-50 text-amber-900' },
  csp: { label: 'CSP', className: 'bg-orange-50 text-orange-900' },
  asset: { label: 'asset', className: 'bg-red-50 text-red-800' },
  host: { label: 'host API', className: 'bg-sky-50 text-sky-800' },
  log: { label: 'log', className: 'bg-slate-100 text-slate-700' },
  protocol: { label: 'MCP Apps', className: 'bg-indigo-50 text-indigo-800' },
  sdk: { label: 'Apps SDK', className: 'bg-emerald-50 text-emerald-800' },
};

const THEMES: { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];
const MODES: { value: DisplayMode; label: string }[] = [
  { value: 'inline', label: 'Inline' },
  { value: 'fullscreen', label: 'Fullscreen' },
  { value: 'pip', label: 'PiP' },
];
const MODE_NAME: Record<DisplayMode, string> = {
  inline: 'inline',
  fullscreen: 'fullscreen',
  pip: 'picture-in-picture',
};

const isPhone = () => window.matchMedia(PHONE_QUERY).matches;
const subscribePhone = (listener: () => void) => {
  const media = window.matchMedia(PHONE_QUERY);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
};
/** Whether the viewport is phone-sized (where pip is shown fullscreen); false while server-rendering. */
const usePhone = () => useSyncExternalStore(subscribePhone, isPhone, () => false);

/** Tells the widget the view the page shows; set by the preview's effect once it listens. */
type SyncView = (view: PreviewView) => void;

/** A row of toggle buttons, one pressed: ChatGPT's theme and display-mode choices. */
function Choice<T extends string>({
  label,
  options,
  value,
  offered,
  notes,
  onChange,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T;
  offered: readonly T[];
  /** A tooltip for an option that does something other than its label says. */
  notes?: Partial<Record<T, string>>;
  onChange: (value: T) => void;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md border border-slate-300">
      {options.map((option) => {
        const available = offered.includes(option.value);
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={option.value === value}
            disabled={!available}
            title={
              available ? notes?.[option.value] : 'The widget does not declare this display mode'
            }
            onClick={() => onChange(option.value)}
            className="px-2 py-0.5 text-xs font-medium text-slate-700 first:rounded-l-md last:rounded-r-md hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:text-slate-500 disabled:line-through aria-pressed:bg-slate-800 aria-pressed:text-white"
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}

const MAX_LOG = 100;
const MIN_HEIGHT = 120;
const MAX_HEIGHT = maxHeightFor('inline');
// The pip panel's height is judged for a phone-sized viewport, so it never covers a small screen.
const PIP_VIEWPORT = 700;
const text = (value: unknown, max = 300): string => {
  let out: string;
  try {
    out = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    out = '[unprintable]';
  }
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
};

/**
 * A widget rendered as a host would: in an iframe with `sandbox="allow-scripts"` and no
 * `allow-same-origin` (an opaque origin: no access to this page, its cookies or storage), from a
 * document served with the widget's own Content-Security-Policy. This component is the host: it
 * answers the MCP Apps handshake (`ui/initialize`, then `ui/notifications/tool-input` and
 * `tool-result`), and lists what the bridge inside the frame reports. Every message is checked to
 * come from this iframe's window and parsed with zod; bridge reports also need this preview's nonce.
 *
 * Like ChatGPT it offers a theme (light, dark; the dashboard's to start with) and a display mode
 * (inline, fullscreen as a modal dialog, pip as a floating panel). A change reaches the widget as a
 * host's would: `openai:set_globals` for the Apps SDK, `ui/notifications/host-context-changed` for
 * MCP Apps; the widget's own requests for a mode are granted or refused by lib/widgets/preview-display.ts.
 * The iframe never moves in the DOM (that would reload it): only its container's styles change.
 */
export function WidgetPreview({
  tool,
  src,
  nonce,
  standards,
  toolDescriptor,
  toolInput,
  toolResult,
  policy,
  caption,
}: {
  tool: string;
  src: string;
  nonce: string;
  standards: WidgetStandard[];
  toolDescriptor: unknown;
  toolInput: Record<string, unknown>;
  toolResult: unknown;
  policy: string;
  caption: string;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [height, setHeight] = useState(320);
  const [bridge, setBridge] = useState<'waiting' | 'ready' | 'loaded'>('waiting');
  const [ignored, setIgnored] = useState(0);
  // The theme follows the dashboard's until one is picked here; the mode starts inline.
  const dashboard = useDashboardTheme();
  const [pinned, setPinned] = useState<Theme | null>(null);
  const [displayMode, setDisplayMode] = useState<DisplayMode>('inline');
  const theme = pinned ?? dashboard;
  // The modes an MCP Apps View declared in ui/initialize (null: it declared none, all are open).
  const [appModes, setAppModes] = useState<DisplayMode[] | null>(null);
  // On a phone pip is shown fullscreen (also when the window narrows while it floats).
  const phone = usePhone();
  const view: PreviewView = {
    theme,
    displayMode: modeForViewport(displayMode, phone, appModes, 'inline'),
  };
  const syncView = useRef<SyncView | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  // The preview is remounted for every new src; within one, what the host hands over is fixed.
  const handOver = useRef({ toolDescriptor, toolInput, toolResult });

  useEffect(() => {
    const { toolDescriptor, toolInput, toolResult } = handOver.current;
    let initialized = false;
    // What each side was last told: the Apps SDK globals (served in the document, then posted once
    // the bridge is ready) and the MCP Apps host context (in the initialize result, then changes).
    const start: PreviewView = { theme: readDashboardTheme(), displayMode: 'inline' };
    let current = start;
    let sdkSent: PreviewView | null = null;
    let mcpSent: PreviewView | null = null;
    let declared: DisplayMode[] | null = null;
    const add = (entry: LogEntry) =>
      setLog((entries) => (entries.length >= MAX_LOG ? entries : [...entries, entry]));
    const resize = (h: number) =>
      setHeight(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(h))));
    const post = (message: unknown) => frame.current?.contentWindow?.postMessage(message, '*');
    const reply = (id: WidgetRpc['id'], result: unknown) => post({ jsonrpc: '2.0', id, result });
    const fail = (id: WidgetRpc['id'], code: number, message: string) =>
      post({ jsonrpc: '2.0', id, error: { code, message } });
    const describe = (v: PreviewView) => `theme ${v.theme}, ${v.displayMode}`;

    // Tells the widget what changed, on whichever channels it listens to.
    const tell = () => {
      const height = window.innerHeight;
      if (sdkSent && !sameView(sdkSent, current)) {
        post(globalsMessage(current, height));
        add({ kind: 'sdk', text: `openai:set_globals: ${describe(current)}` });
        sdkSent = current;
      }
      if (initialized && mcpSent) {
        const changed = hostContextChanged(mcpSent, current, height);
        if (changed) {
          post(changed);
          add({
            kind: 'protocol',
            text: `ui/notifications/host-context-changed: ${text(changed.params, 200)}`,
          });
        }
        mcpSent = current;
      }
    };
    const show = (next: PreviewView) => {
      current = next;
      tell();
    };
    syncView.current = show;
    const grant = (api: string, requested: string, appModes: DisplayMode[] | null) => {
      const granted = grantDisplayMode(requested, current.displayMode, appModes, isPhone());
      add({
        kind: 'host',
        text: `${api}(${requested || '(no mode)'}): ${
          granted.refused
            ? `${granted.mode === current.displayMode ? 'stays' : 'shown'} ${granted.mode} (${granted.refused})`
            : `granted ${granted.mode}`
        }`,
      });
      // Told at once, so the widget has its new globals or context before the answer.
      show({ ...current, displayMode: granted.mode });
      setDisplayMode(granted.mode);
      return granted.mode;
    };

    const onBridge = (message: BridgeMessage) => {
      switch (message.kind) {
        case 'ready':
          setBridge((b) => (b === 'waiting' ? 'ready' : b));
          // The document was served with the starting view; anything changed since goes now.
          if (message.data.appsSdk && !sdkSent) {
            sdkSent = start;
            tell();
          }
          break;
        case 'display':
          post(
            displayGrantMessage(
              message.data.id,
              grant('window.openai.requestDisplayMode', message.data.mode, null),
            ),
          );
          break;
        case 'loaded':
          setBridge('loaded');
          break;
        case 'error':
          add({
            kind: 'error',
            // No line numbers: they would point into the preview document, not the template.
            text: `Uncaught ${message.data.message}`,
          });
          break;
        case 'rejection':
          add({ kind: 'error', text: `Unhandled rejection: ${message.data.message}` });
          break;
        case 'console':
          add({ kind: 'console', text: `console.${message.data.level}: ${message.data.message}` });
          break;
        case 'csp':
          add({
            kind: 'csp',
            text: `Blocked by ${message.data.directive}: ${message.data.blocked || message.data.sample || '(inline)'}`,
          });
          break;
        case 'asset':
          add({ kind: 'asset', text: `<${message.data.tag}> failed to load ${message.data.url}` });
          break;
        case 'host':
          add({ kind: 'host', text: `${message.data.api}(${message.data.detail})` });
          break;
        case 'size':
          resize(message.data.height);
          break;
      }
    };

    // SEP-1865: the View sends `ui/initialize`, the host answers, the View confirms with
    // `ui/notifications/initialized`; only then may the host send tool-input and tool-result.
    const onRpc = (message: WidgetRpc) => {
      const { id, method, params } = message;
      const isRequest = id !== undefined;
      switch (method) {
        case 'ui/initialize':
          if (!isRequest) return;
          declared = declaredModes(params);
          setAppModes(declared);
          add({
            kind: 'protocol',
            text: `ui/initialize: answered with host context (${describe(current)})${
              declared ? `; the View declares ${declared.join(', ') || 'no display mode'}` : ''
            }`,
          });
          mcpSent = current;
          return reply(id, initializeResult(current, toolDescriptor, window.innerHeight));
        case 'ui/notifications/initialized':
          if (initialized) return;
          initialized = true;
          post({
            jsonrpc: '2.0',
            method: 'ui/notifications/tool-input',
            params: { arguments: toolInput },
          });
          if (toolResult !== null)
            post({ jsonrpc: '2.0', method: 'ui/notifications/tool-result', params: toolResult });
          add({
            kind: 'protocol',
            text: `initialized; sent tool-input${toolResult !== null ? ' and tool-result' : ' (no tool-result: no call yet)'}`,
          });
          // Whatever changed between the initialize answer and now.
          tell();
          return;
        case 'ui/notifications/size-changed': {
          const size = SizeChangedParamsSchema.safeParse(params);
          if (size.success && size.data.height !== undefined) resize(size.data.height);
          return;
        }
        case 'notifications/message': {
          const logged = LogParamsSchema.safeParse(params);
          if (logged.success)
            add({ kind: 'log', text: `${logged.data.level ?? 'info'}: ${text(logged.data.data)}` });
          return;
        }
        case 'ping':
          return isRequest ? reply(id, {}) : undefined;
        case 'tools/call': {
          const call = CallToolParamsSchema.safeParse(params);
          add({
            kind: 'host',
            text: `tools/call ${call.success ? call.data.name : '(malformed)'}: not forwarded by the preview`,
          });
          return isRequest
            ? fail(
                id,
                -32000,
                'The MCP Doctor preview does not forward tool calls; use "Call and render".',
              )
            : undefined;
        }
        case 'ui/open-link': {
          const link = OpenLinkParamsSchema.safeParse(params);
          add({
            kind: 'host',
            text: `ui/open-link ${link.success ? link.data.url : '(malformed)'}: not opened by the preview`,
          });
          return isRequest
            ? fail(id, -32000, 'The MCP Doctor preview does not open links')
            : undefined;
        }
        case 'ui/message':
        case 'ui/update-model-context':
          add({ kind: 'host', text: `${method}: ${text(params, 200)}` });
          return isRequest ? reply(id, {}) : undefined;
        case 'ui/request-display-mode': {
          const asked = RequestDisplayModeParamsSchema.safeParse(params);
          const mode = grant(
            'ui/request-display-mode',
            asked.success ? asked.data.mode : '',
            declared,
          );
          return isRequest ? reply(id, { mode }) : undefined;
        }
        default:
          if (isRequest) fail(id, -32601, 'Method not found');
      }
    };

    const onMessage = (event: MessageEvent) => {
      const child = frame.current?.contentWindow;
      if (!child || event.source !== child) return;
      const report = BridgeMessageSchema.safeParse(event.data);
      if (report.success) {
        if (report.data.nonce === nonce) onBridge(report.data);
        else setIgnored((n) => n + 1);
        return;
      }
      const rpc = WidgetRpcSchema.safeParse(event.data);
      if (rpc.success) onRpc(rpc.data);
      else setIgnored((n) => n + 1);
    };
    window.addEventListener('message', onMessage);
    // The frame is pointed at the preview only once the listener is in place: a server-rendered
    // src would start loading before hydration, and the widget's first reports would reach no one.
    // It starts in the dashboard's theme, which the document's window.openai already carries.
    if (frame.current) frame.current.src = srcWithView(src, start);
    return () => {
      window.removeEventListener('message', onMessage);
      syncView.current = null;
    };
  }, [nonce, src]);

  // The page's switches (and the dashboard's theme) reach the widget; an unchanged view sends nothing.
  const shownMode = view.displayMode;
  useEffect(() => {
    syncView.current?.({ theme, displayMode: shownMode });
  }, [theme, shownMode]);

  // The page's Display switch: on a phone, PiP opens fullscreen, and the log says why.
  const choose = (mode: DisplayMode) => {
    const shown = modeForViewport(mode, phone, appModes, view.displayMode);
    if (shown !== mode)
      setLog((entries) =>
        entries.length >= MAX_LOG
          ? entries
          : [
              ...entries,
              { kind: 'host', text: `Display ${mode}: shown ${shown} (${PIP_ON_PHONE})` },
            ],
      );
    setDisplayMode(shown);
  };

  // Fullscreen is a modal dialog: the rest of the page inert, focus on its close button, Escape
  // closes it, and focus goes back where it was (the switch, or the widget that asked).
  const fullscreen = view.displayMode === 'fullscreen';
  useEffect(() => {
    if (!fullscreen || !stage.current) return;
    const before = document.activeElement;
    const restore = inertOutside(stage.current);
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setDisplayMode('inline');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      restore();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [fullscreen]);

  const problems = log.filter(
    (e) => e.kind === 'error' || e.kind === 'csp' || e.kind === 'asset',
  ).length;
  const pip = view.displayMode === 'pip';
  const offered = offeredModes(appModes);
  const frameHeight = pip ? Math.min(height, maxHeightFor('pip', PIP_VIEWPORT)) : height;
  // A flex column with gap, not space-y: space-y puts a bottom margin on every child but the last,
  // and on the fixed stage that margin left the page showing through under fullscreen and lifted pip.
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-slate-500">
        <span>{caption}</span>
        <span>
          Host: {standards.includes('apps-sdk') ? 'window.openai' : null}
          {standards.length === 2 ? ' + ' : null}
          {standards.includes('mcp-apps') ? 'MCP Apps bridge' : null} · CSP: {policy}
        </span>
      </div>
      {view.displayMode !== 'inline' ? (
        <p
          data-testid={`widget-away-${tool}`}
          className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed border-slate-300 px-3 py-2 text-xs text-slate-600"
        >
          Shown {MODE_NAME[view.displayMode]}{' '}
          {pip ? '(floating at the bottom right of the page).' : 'over the page.'}
          {pip ? (
            <button
              type="button"
              onClick={() => setDisplayMode('inline')}
              className="rounded-md border border-slate-300 px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600"
            >
              Back inline
            </button>
          ) : null}
        </p>
      ) : null}
      <div
        ref={stage}
        data-testid={`widget-stage-${tool}`}
        data-display-mode={view.displayMode}
        data-theme={view.theme}
        role={fullscreen ? 'dialog' : pip ? 'region' : undefined}
        aria-modal={fullscreen ? true : undefined}
        aria-label={
          fullscreen || pip ? `${tool} widget, ${MODE_NAME[view.displayMode]}` : undefined
        }
        className={
          fullscreen
            ? 'fixed inset-0 z-50 flex flex-col gap-2 bg-white p-3'
            : pip
              ? 'fixed right-3 bottom-3 z-40 w-[min(24rem,calc(100vw-1.5rem))] space-y-2 rounded-xl border border-slate-300 bg-white p-2 shadow-2xl'
              : 'space-y-2'
        }
      >
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          {fullscreen || pip ? (
            <span className="mr-auto font-mono font-semibold text-slate-800">{tool}</span>
          ) : null}
          {/* Each label wraps with its switch, never apart from it (the pip panel, a phone). */}
          <div className="flex items-center gap-2">
            <span>Theme</span>
            <Choice
              label="Widget theme"
              options={THEMES}
              value={theme}
              offered={['light', 'dark']}
              onChange={setPinned}
            />
          </div>
          <div className="flex items-center gap-2">
            <span>Display</span>
            <Choice
              label="Widget display mode"
              options={MODES}
              value={view.displayMode}
              offered={offered}
              notes={
                phone
                  ? { pip: 'Opens fullscreen on a phone-sized screen, as in ChatGPT on mobile' }
                  : undefined
              }
              onChange={choose}
            />
          </div>
          {fullscreen || pip ? (
            <button
              ref={closeButton}
              type="button"
              onClick={() => setDisplayMode('inline')}
              aria-label={`Close ${MODE_NAME[view.displayMode]}: show the widget inline`}
              className="rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600"
            >
              Close
            </button>
          ) : null}
        </div>
        <iframe
          ref={frame}
          title={`Preview of the ${tool} widget`}
          data-testid={`widget-preview-${tool}`}
          sandbox="allow-scripts"
          referrerPolicy="no-referrer"
          style={fullscreen ? undefined : { height: frameHeight }}
          className={`w-full rounded-lg border border-slate-300 bg-white ${fullscreen ? 'min-h-0 flex-1' : ''}`}
        />
      </div>
      <div
        data-testid={`widget-log-${tool}`}
        data-bridge={bridge}
        className="rounded-lg border border-slate-200 bg-white"
      >
        <p className="flex flex-wrap items-center gap-x-3 border-b border-slate-100 px-3 py-1.5 text-xs text-slate-600">
          <span className="font-semibold text-slate-700">Inside the widget</span>
          <span>
            {bridge === 'waiting'
              ? 'waiting for the preview…'
              : bridge === 'ready'
                ? 'running'
                : 'loaded'}
          </span>
          <span>
            {problems === 0 ? 'no errors' : `${problems} problem${problems === 1 ? '' : 's'}`}
          </span>
          {ignored ? (
            <span title="Messages without this preview's nonce, or not shaped like any message the host accepts">
              {ignored} unsigned message{ignored === 1 ? '' : 's'} ignored
            </span>
          ) : null}
        </p>
        {log.length ? (
          <ul className="max-h-56 divide-y divide-slate-100 overflow-auto">
            {log.map((entry, i) => (
              <li
                key={i}
                data-kind={entry.kind}
                className="flex items-start gap-2 px-3 py-1 text-xs"
              >
                <span
                  className={`shrink-0 rounded px-1.5 py-0.5 font-medium ${KIND_STYLE[entry.kind].className}`}
                >
                  {KIND_STYLE[entry.kind].label}
                </span>
                <span className="min-w-0 break-words font-mono text-slate-800">{entry.text}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-3 py-1.5 text-xs text-slate-500">
            Nothing reported: no uncaught errors, console errors, CSP violations or failed loads.
          </p>
        )}
      </div>
    </div>
  );
}
