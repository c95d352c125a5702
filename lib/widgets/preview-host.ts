import { z } from 'zod';
import {
  DISPLAY_MODES,
  DisplayModeSchema,
  displayGlobals,
  maxHeightFor,
  type DisplayMode,
  type PreviewView,
} from './preview-display';

/**
 * What the preview, as a host, tells a widget about how it is shown — pure functions of the view,
 * so the component only posts what these return.
 *
 * MCP Apps (SEP-1865, specification/2026-01-26/apps.mdx): `hostContext` in the `ui/initialize`
 * result carries `theme`, `displayMode`, `availableDisplayModes` and `containerDimensions`; when one
 * changes the host sends `ui/notifications/host-context-changed` with only the changed fields.
 *
 * Apps SDK: the bridge inside the frame sets `window.openai`'s globals from a `globals` message and
 * dispatches `openai:set_globals` with `detail.globals`; it resolves `requestDisplayMode` from a
 * `display-mode` message.
 */
export const HOST_CHANNEL = 'mcp-doctor-host';

export const HOST_INFO = { name: 'MCP Doctor preview', version: '0.1.0' };

/** The parts of the MCP Apps host context that follow the view. */
export function viewContext(view: PreviewView, viewportHeight?: number) {
  return {
    theme: view.theme,
    displayMode: view.displayMode,
    availableDisplayModes: [...DISPLAY_MODES],
    containerDimensions: { maxHeight: maxHeightFor(view.displayMode, viewportHeight) },
  };
}

/** The `ui/initialize` result: host info, capabilities and the full host context. */
export function initializeResult(
  view: PreviewView,
  toolDescriptor: unknown,
  viewportHeight?: number,
) {
  return {
    protocolVersion: '2026-01-26',
    hostInfo: HOST_INFO,
    hostCapabilities: { logging: {} },
    hostContext: {
      toolInfo: { tool: toolDescriptor },
      ...viewContext(view, viewportHeight),
      locale: 'en-US',
      platform: 'web',
    },
  };
}

/**
 * The `ui/notifications/host-context-changed` notification from one view to the next: only the
 * fields that changed (the View merges them into what it has), or null when nothing did.
 */
export function hostContextChanged(
  before: PreviewView,
  after: PreviewView,
  viewportHeight?: number,
) {
  const params: Partial<ReturnType<typeof viewContext>> = {};
  if (before.theme !== after.theme) params.theme = after.theme;
  if (before.displayMode !== after.displayMode) {
    params.displayMode = after.displayMode;
    params.containerDimensions = {
      maxHeight: maxHeightFor(after.displayMode, viewportHeight),
    };
  }
  if (Object.keys(params).length === 0) return null;
  return { jsonrpc: '2.0' as const, method: 'ui/notifications/host-context-changed', params };
}

/** Tells the Apps SDK bridge to set `window.openai`'s display globals and fire `openai:set_globals`. */
export function globalsMessage(view: PreviewView, viewportHeight?: number) {
  return {
    channel: HOST_CHANNEL,
    kind: 'globals' as const,
    globals: displayGlobals(view, viewportHeight),
  };
}

/** Resolves the widget's `window.openai.requestDisplayMode` call `id` with the granted mode. */
export function displayGrantMessage(id: number, mode: DisplayMode) {
  return { channel: HOST_CHANNEL, kind: 'display-mode' as const, id, mode };
}

const InitializeParamsSchema = z.object({
  appCapabilities: z
    .object({ availableDisplayModes: z.array(z.unknown()).max(20).optional() })
    .optional(),
});

/**
 * The display modes an MCP Apps View declared in `ui/initialize` (`appCapabilities
 * .availableDisplayModes`), keeping the ones it may be switched to; null when it declared none,
 * which leaves every mode open.
 */
export function declaredModes(initializeParams: unknown): DisplayMode[] | null {
  const params = InitializeParamsSchema.safeParse(initializeParams);
  const declared = params.success ? params.data.appCapabilities?.availableDisplayModes : undefined;
  if (!declared) return null;
  return DISPLAY_MODES.filter((mode) =>
    declared.some((d) => DisplayModeSchema.safeParse(d).data === mode),
  );
}
