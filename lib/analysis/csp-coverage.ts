import { parseHostSource, sourceMatches } from '@/lib/widgets/csp';
import {
  CSP_KEYS,
  type CspCoverage,
  type CspList,
  type DeclaredCsp,
  type FetchedText,
  type Load,
  type UsedOrigin,
} from './csp-schema';
import { cssRefs } from './css-origins';
import { htmlLoads } from './html-origins';
import { jsLoads, type ScriptSource } from './js-origins';
import { excerptAt, lineStarts } from './source-excerpt';

/**
 * Widget CSP coverage (issue 15): every origin a widget's HTML, scripts and stylesheets load
 * from, compared with its declared `ui.csp` / `openai/widgetCSP` lists, so an undeclared origin
 * is named — with the line that loads it and the key to add — before the host's CSP blocks it in
 * a user's browser (hosts MUST NOT allow undeclared domains: MCP Apps 2026-01-26 "Host Behavior").
 * Matching follows CSP host-source matching through `sourceMatches` (lib/widgets/csp.ts): scheme
 * upgrades, `*.` wildcards, ports, paths. Pure: the probe fetches the scripts and stylesheets.
 */

export const CSP_COVERAGE_LIMITS = {
  /** Characters read of each script or stylesheet, and of all of them together. */
  charsPerText: 2_000_000,
  totalChars: 6_000_000,
  scripts: 30,
  stylesheets: 30,
  /** References kept (used, same-origin and dynamic together); uses listed per undeclared origin. */
  references: 500,
  usesPerOrigin: 10,
} as const;

export interface CspCoverageOptions {
  /** The widget's own origin, when known (e.g. its `ui.domain` sandbox): loads from it are same-origin. */
  widgetOrigin?: string | null;
  /** Stylesheets the HTML links, as fetched: their `url()` and `@import` references count too. */
  stylesheets?: FetchedText[];
}

// Schemes whose URLs are fetched from a server and so fall under a host-source list; data:,
// blob: and the like are governed by scheme-sources the host sets itself.
const NETWORK = new Set(['http:', 'https:', 'ws:', 'wss:']);

type Resolved = { kind: 'network'; url: URL } | { kind: 'same-origin' } | { kind: 'ignored' };

function resolve(ref: string, base: string | null, widgetOrigin: string | null): Resolved {
  const trimmed = ref.trim();
  if (/^(?:data|blob|about|javascript|mailto|tel|filesystem):/i.test(trimmed))
    return { kind: 'ignored' };
  let url: URL;
  try {
    // Protocol-relative references take the sandbox's scheme, https in every host.
    url = new URL(trimmed, base ?? (trimmed.startsWith('//') ? 'https:' : undefined));
  } catch {
    return { kind: 'same-origin' };
  }
  if (!NETWORK.has(url.protocol)) return { kind: 'ignored' };
  if (widgetOrigin && url.origin === widgetOrigin) return { kind: 'same-origin' };
  return { kind: 'network', url };
}

/** The host-source to declare for a URL: its origin (scheme, host and any non-default port). */
const sourceFor = (url: URL) => `${url.protocol}//${url.host}`;

export function analyzeCspCoverage(
  html: string,
  scripts: FetchedText[],
  declared: DeclaredCsp,
  options: CspCoverageOptions = {},
): CspCoverage {
  const L = CSP_COVERAGE_LIMITS;
  const widgetOrigin = options.widgetOrigin ?? null;
  let truncated = false;
  let budget = L.totalChars;
  const take = (text: string) => {
    const limit = Math.min(L.charsPerText, budget);
    if (text.length > limit) truncated = true;
    budget -= Math.min(text.length, limit);
    return text.slice(0, limit);
  };

  const htmlText = take(html);
  const htmlLines = lineStarts(htmlText);
  const fromHtml = htmlLoads(htmlText, htmlLines);
  if (fromHtml.truncated) truncated = true;
  const loads: Load[] = [...fromHtml.loads];
  const parseErrors: CspCoverage['parseErrors'] = [];
  const runScript = (code: string, source: ScriptSource) => {
    const result = jsLoads(code, source);
    loads.push(...result.loads);
    if (result.parseError) parseErrors.push({ script: source.label, ...result.parseError });
  };

  const inlineTexts = new Set(fromHtml.inlineScripts.map((s) => s.text));
  fromHtml.inlineScripts.forEach((s, i) =>
    runScript(take(s.text), {
      label: `inline #${i + 1}`,
      url: null,
      line: s.line,
      column: s.column,
      file: htmlText,
      fileLines: htmlLines,
    }),
  );
  // Inline code passed by the caller that the HTML does not hold (null URL) continues the count.
  let inlineCount = fromHtml.inlineScripts.length;
  if (scripts.length > L.scripts) truncated = true;
  for (const script of scripts.slice(0, L.scripts)) {
    if (script.url === null && inlineTexts.has(script.text)) continue;
    const code = take(script.text);
    runScript(code, {
      label: script.url ?? `inline #${++inlineCount}`,
      url: script.url,
      line: 1,
      column: 1,
      file: code,
      fileLines: lineStarts(code),
    });
  }
  const sheets = options.stylesheets ?? [];
  if (sheets.length > L.stylesheets) truncated = true;
  for (const sheet of sheets.slice(0, L.stylesheets)) {
    const text = take(sheet.text);
    const lines = lineStarts(text);
    for (const ref of cssRefs(text, 'stylesheet'))
      loads.push({
        ref: ref.ref,
        // A relative url() in a stylesheet resolves against the stylesheet's own URL.
        base: sheet.url,
        kind: 'resource',
        via: ref.via,
        source: {
          script: sheet.url ?? 'inline style',
          line: ref.line,
          column: ref.column,
          excerpt: excerptAt(text, lines, ref.line, ref.column),
        },
      });
  }
  if (budget <= 0) truncated = true;
  if (loads.length > L.references) truncated = true;

  const used: UsedOrigin[] = [];
  const sameOrigin: CspCoverage['sameOrigin'] = [];
  const dynamic: CspCoverage['dynamic'] = [];
  for (const load of loads.slice(0, L.references)) {
    if (load.ref === null) {
      dynamic.push({ via: load.via, source: load.source });
      continue;
    }
    const resolved = resolve(load.ref, load.base ?? fromHtml.base, widgetOrigin);
    if (resolved.kind === 'ignored') continue;
    if (resolved.kind === 'same-origin') {
      sameOrigin.push({ ref: load.ref.slice(0, 500), via: load.via, source: load.source });
      continue;
    }
    used.push({
      origin: sourceFor(resolved.url),
      url: resolved.url.href.slice(0, 2000),
      kind: load.kind,
      via: load.via,
      source: load.source,
    });
  }

  const undeclared = new Map<string, CspCoverage['undeclared'][number]>();
  for (const use of used) {
    if (declared[use.kind].some((source) => sourceMatches(source, use.url))) continue;
    const key = `${use.kind} ${use.origin}`;
    const entry = undeclared.get(key) ?? {
      origin: use.origin,
      kind: use.kind,
      add: use.origin,
      keys: [...CSP_KEYS[use.kind]],
      uses: [],
    };
    if (entry.uses.length < L.usesPerOrigin) entry.uses.push(use);
    undeclared.set(key, entry);
  }

  // Sources that are not host-sources are the widgets.csp check's finding, not an unused one.
  const unusedDeclared = (Object.keys(CSP_KEYS) as CspList[]).flatMap((kind) =>
    declared[kind]
      .filter((source) => parseHostSource(source) !== null)
      .filter((source) => !used.some((u) => u.kind === kind && sourceMatches(source, u.url)))
      .map((source) => ({ source, kind, keys: [...CSP_KEYS[kind]] })),
  );

  return {
    used,
    undeclared: [...undeclared.values()],
    unusedDeclared,
    sameOrigin,
    dynamic,
    parseErrors,
    truncated,
  };
}
