/**
 * The report widget's stylesheet, inlined into the template (no external assets: the widget's CSP
 * declares no domains). Colours are custom properties with light values by default, dark values
 * under `[data-theme="dark"]` (set from the host's theme) and under `prefers-color-scheme: dark`
 * when the host says nothing. A host's own MCP Apps variables (`--color-text-primary`…, SEP-1865
 * "Theming") win over these defaults where it sends them.
 */
export const REPORT_STYLE = `
:root {
  color-scheme: light dark;
  --bg: var(--color-background-primary, #ffffff);
  --panel: var(--color-background-secondary, #f6f7f9);
  --text: var(--color-text-primary, #14181f);
  --muted: var(--color-text-secondary, #5b6472);
  --line: var(--color-border-primary, #dde1e7);
  --pass: #1a7f37; --pass-bg: #e6f4ea;
  --warn: #9a6700; --warn-bg: #fff4d6;
  --fail: #c62828; --fail-bg: #fdecec;
  --skip: #5b6472; --skip-bg: #eef0f3;
  --radius: var(--border-radius-md, 10px);
  --font: var(--font-sans, system-ui, -apple-system, 'Segoe UI', sans-serif);
  --mono: var(--font-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
}
:root[data-theme='dark'] {
  color-scheme: dark;
  --bg: var(--color-background-primary, #16191f);
  --panel: var(--color-background-secondary, #1f232b);
  --text: var(--color-text-primary, #e8ebf0);
  --muted: var(--color-text-secondary, #a1a9b5);
  --line: var(--color-border-primary, #333a45);
  --pass: #5cc97a; --pass-bg: #16311f;
  --warn: #e3b341; --warn-bg: #3a2e10;
  --fail: #f2736b; --fail-bg: #3d1a1a;
  --skip: #a1a9b5; --skip-bg: #2a2f38;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme='light']) {
    --bg: var(--color-background-primary, #16191f);
    --panel: var(--color-background-secondary, #1f232b);
    --text: var(--color-text-primary, #e8ebf0);
    --muted: var(--color-text-secondary, #a1a9b5);
    --line: var(--color-border-primary, #333a45);
    --pass: #5cc97a; --pass-bg: #16311f;
    --warn: #e3b341; --warn-bg: #3a2e10;
    --fail: #f2736b; --fail-bg: #3d1a1a;
    --skip: #a1a9b5; --skip-bg: #2a2f38;
  }
}
:root[data-theme='light'] { color-scheme: light; }
* { box-sizing: border-box; }
html, body { margin: 0; background: var(--bg); color: var(--text); }
body { font: 14px/1.45 var(--font); padding: 14px; }
h1 { font-size: 16px; margin: 0; }
h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 18px 0 8px; }
p { margin: 2px 0; }
code { font-family: var(--mono); font-size: 12.5px; }
a { color: inherit; }
.muted { color: var(--muted); }
.head { display: flex; gap: 12px; align-items: flex-start; }
.head .where { color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.pill { display: inline-block; min-width: 84px; text-align: center; padding: 2px 8px; border-radius: 999px;
  font-size: 11.5px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
.s-pass, .s-works, .s-info { color: var(--pass); background: var(--pass-bg); }
.s-warn, .s-degraded, .s-warning { color: var(--warn); background: var(--warn-bg); }
.s-fail, .s-unverified, .s-blocked, .s-error { color: var(--fail); background: var(--fail-bg); }
.s-skipped, .s-unknown { color: var(--skip); background: var(--skip-bg); }
ul, ol { list-style: none; margin: 0; padding: 0; }
.rows li, .fixes li { display: flex; gap: 10px; align-items: flex-start; padding: 8px 10px; border: 1px solid var(--line);
  border-radius: var(--radius); background: var(--panel); margin-bottom: 6px; }
.rows .body, .fixes .body { min-width: 0; flex: 1; overflow-wrap: anywhere; }
.fix { color: var(--muted); }
.items { margin-top: 4px; font-size: 12.5px; color: var(--muted); }
.items li { display: block; border: 0; background: none; padding: 0; margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 12px; }
.actions { margin-top: 14px; display: flex; gap: 8px; flex-wrap: wrap; }
.button { display: inline-block; padding: 6px 12px; border-radius: 8px; border: 1px solid var(--line);
  background: var(--panel); color: var(--text); text-decoration: none; font-weight: 600; cursor: pointer; }
.error { color: var(--fail); }
`;
