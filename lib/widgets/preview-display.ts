import { z } from 'zod';

/**
 * How a widget preview is shown: the theme and display mode a host such as ChatGPT offers its
 * widgets (Apps SDK `window.openai.theme` / `displayMode`, MCP Apps `hostContext.theme` /
 * `displayMode`). Pure: the preview component keeps the state, this module says what it means.
 */
export const ThemeSchema = z.enum(['light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const DisplayModeSchema = z.enum(['inline', 'fullscreen', 'pip']);
export type DisplayMode = z.infer<typeof DisplayModeSchema>;

export const DISPLAY_MODES: readonly DisplayMode[] = DisplayModeSchema.options;

export const PreviewViewSchema = z.object({ theme: ThemeSchema, displayMode: DisplayModeSchema });
export type PreviewView = z.infer<typeof PreviewViewSchema>;

export const DEFAULT_VIEW: PreviewView = { theme: 'light', displayMode: 'inline' };

/** The tallest an inline widget may grow (Apps SDK `maxHeight`, MCP Apps `containerDimensions`). */
export const INLINE_MAX_HEIGHT = 800;
/** The picture-in-picture panel's tallest, and the share of a short viewport it may take. */
export const PIP_MAX_HEIGHT = 360;
/** The fullscreen dialog's own bar above the widget. */
export const FULLSCREEN_CHROME = 56;
/** The viewport assumed when none is known (the document served before the page measured one). */
const DEFAULT_VIEWPORT_HEIGHT = 800;
const MIN_HEIGHT = 120;

/** The height the host lets the widget take in a mode, for a viewport this tall. */
export function maxHeightFor(mode: DisplayMode, viewportHeight = DEFAULT_VIEWPORT_HEIGHT): number {
  const viewport = Number.isFinite(viewportHeight) ? viewportHeight : DEFAULT_VIEWPORT_HEIGHT;
  switch (mode) {
    case 'inline':
      return INLINE_MAX_HEIGHT;
    case 'fullscreen':
      return Math.max(MIN_HEIGHT, Math.floor(viewport - FULLSCREEN_CHROME));
    case 'pip':
      return Math.max(MIN_HEIGHT, Math.min(PIP_MAX_HEIGHT, Math.floor(viewport / 2)));
  }
}

/** The Apps SDK globals that depend on how the widget is shown, as `window.openai` holds them. */
export function displayGlobals(view: PreviewView, viewportHeight?: number) {
  return {
    theme: view.theme,
    displayMode: view.displayMode,
    maxHeight: maxHeightFor(view.displayMode, viewportHeight),
    view: { mode: view.displayMode, params: null },
  };
}
export type DisplayGlobals = ReturnType<typeof displayGlobals>;

/**
 * The view asked for in the preview document's query (`?theme=dark&display=pip`); a missing or
 * unknown value keeps the default rather than refusing the document.
 */
export function viewFromQuery(params: URLSearchParams): PreviewView {
  return {
    theme: ThemeSchema.catch(DEFAULT_VIEW.theme).parse(params.get('theme') ?? undefined),
    displayMode: DisplayModeSchema.catch(DEFAULT_VIEW.displayMode).parse(
      params.get('display') ?? undefined,
    ),
  };
}

/** The preview document's address with the view in its query, as `viewFromQuery` reads it. */
export function srcWithView(src: string, view: PreviewView): string {
  const [path = '', query = ''] = src.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('theme', view.theme);
  params.set('display', view.displayMode);
  return `${path}?${params.toString()}`;
}

export interface Grant {
  mode: DisplayMode;
  /** Why the mode differs from the one requested, when it does. */
  refused?: string;
}

/**
 * A phone-sized viewport (narrower than Tailwind's `sm`), where ChatGPT shows picture-in-picture
 * fullscreen: there is no room for a panel floating over the conversation.
 */
export const PHONE_QUERY = '(max-width: 639px)';
export const PIP_ON_PHONE =
  'pip is shown fullscreen on a phone-sized screen, as ChatGPT does on mobile';

/**
 * The mode shown for the one chosen: pip becomes fullscreen on a phone, unless the widget's
 * declared modes leave fullscreen out (then it stays as it was).
 */
export function modeForViewport(
  mode: DisplayMode,
  phone: boolean,
  appModes: readonly DisplayMode[] | null,
  current: DisplayMode = mode,
): DisplayMode {
  if (mode !== 'pip' || !phone) return mode;
  return !appModes || appModes.includes('fullscreen') ? 'fullscreen' : current;
}

/**
 * The host's answer to a widget asking for a display mode (Apps SDK `requestDisplayMode`, MCP Apps
 * `ui/request-display-mode`): the mode it asked for when the host offers it and the widget declared
 * it (SEP-1865: the host MUST NOT switch a View to a mode missing from its
 * `appCapabilities.availableDisplayModes`), otherwise the current one, which is what the host
 * returns when it does not switch. On a phone (`phone`), pip is granted as fullscreen, as ChatGPT does.
 */
export function grantDisplayMode(
  requested: unknown,
  current: DisplayMode,
  appModes: readonly DisplayMode[] | null,
  phone = false,
): Grant {
  const mode = DisplayModeSchema.safeParse(requested);
  if (!mode.success) return { mode: current, refused: 'not a display mode' };
  if (appModes && !appModes.includes(mode.data))
    return { mode: current, refused: 'not in the widget’s appCapabilities.availableDisplayModes' };
  const shown = modeForViewport(mode.data, phone, appModes, current);
  return shown === mode.data ? { mode: shown } : { mode: shown, refused: PIP_ON_PHONE };
}

/** The modes the host may switch this widget to: all of them, or those it declared. */
export function offeredModes(appModes: readonly DisplayMode[] | null): readonly DisplayMode[] {
  return appModes
    ? DISPLAY_MODES.filter((m) => m === 'inline' || appModes.includes(m))
    : DISPLAY_MODES;
}

/**
 * The dashboard's theme as the preview starts with it: the one pinned by the header's toggle
 * (`data-theme` on <html>), else the system's (`prefers-color-scheme`).
 */
export function dashboardTheme(pinned: string | undefined, prefersDark: boolean): Theme {
  const theme = ThemeSchema.safeParse(pinned);
  if (theme.success) return theme.data;
  return prefersDark ? 'dark' : 'light';
}

export const sameView = (a: PreviewView, b: PreviewView): boolean =>
  a.theme === b.theme && a.displayMode === b.displayMode;
