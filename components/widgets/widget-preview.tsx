'use client';

import { useEffect, useRef, useState } from 'react';
import type { WidgetStandard } from '@/lib/report/schema-widgets';
import {
  BridgeMessageSchema,
  CallToolParamsSchema,
  LogParamsSchema,
  OpenLinkParamsSchema,
  SizeChangedParamsSchema,
  WidgetRpcSchema,
  type BridgeMessage,
  type WidgetRpc,
} from '@/lib/widgets/preview-messages';

interface LogEntry {
  kind: 'error' | 'console' | 'csp' | 'asset' | 'host' | 'log' | 'protocol';
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
};

const MAX_LOG = 100;
const MIN_HEIGHT = 120;
const MAX_HEIGHT = 900;
const HOST_INFO = { name: 'MCP Doctor preview', version: '0.1.0' };
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
  // The preview is remounted for every new src; within one, what the host hands over is fixed.
  const handOver = useRef({ toolDescriptor, toolInput, toolResult });

  useEffect(() => {
    const { toolDescriptor, toolInput, toolResult } = handOver.current;
    let initialized = false;
    const add = (entry: LogEntry) =>
      setLog((entries) => (entries.length >= MAX_LOG ? entries : [...entries, entry]));
    const resize = (h: number) =>
      setHeight(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(h))));
    const post = (message: unknown) => frame.current?.contentWindow?.postMessage(message, '*');
    const reply = (id: WidgetRpc['id'], result: unknown) => post({ jsonrpc: '2.0', id, result });
    const fail = (id: WidgetRpc['id'], code: number, message: string) =>
      post({ jsonrpc: '2.0', id, error: { code, message } });

    const onBridge = (message: BridgeMessage) => {
      switch (message.kind) {
        case 'ready':
          setBridge((b) => (b === 'waiting' ? 'ready' : b));
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
          add({
            kind: 'protocol',
            text: 'ui/initialize: answered with host context (theme light, inline)',
          });
          return reply(id, {
            protocolVersion: '2026-01-26',
            hostInfo: HOST_INFO,
            hostCapabilities: { logging: {} },
            hostContext: {
              toolInfo: { tool: toolDescriptor },
              theme: 'light',
              displayMode: 'inline',
              availableDisplayModes: ['inline'],
              containerDimensions: { maxHeight: MAX_HEIGHT },
              locale: 'en-US',
              platform: 'web',
            },
          });
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
        case 'ui/request-display-mode':
          add({ kind: 'host', text: `ui/request-display-mode: stays inline` });
          return isRequest ? reply(id, { mode: 'inline' }) : undefined;
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
    if (frame.current) frame.current.src = src;
    return () => window.removeEventListener('message', onMessage);
  }, [nonce, src]);

  const problems = log.filter(
    (e) => e.kind === 'error' || e.kind === 'csp' || e.kind === 'asset',
  ).length;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-slate-500">
        <span>{caption}</span>
        <span>
          Host: {standards.includes('apps-sdk') ? 'window.openai' : null}
          {standards.length === 2 ? ' + ' : null}
          {standards.includes('mcp-apps') ? 'MCP Apps bridge' : null} · CSP: {policy}
        </span>
      </div>
      <iframe
        ref={frame}
        title={`Preview of the ${tool} widget`}
        data-testid={`widget-preview-${tool}`}
        sandbox="allow-scripts"
        referrerPolicy="no-referrer"
        style={{ height }}
        className="w-full rounded-lg border border-slate-300 bg-white"
      />
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
