import { REPORT_SCRIPT } from './report-script';
import { REPORT_STYLE } from './report-style';

/**
 * The report widget: one self-contained HTML document (inline style and script, no external
 * asset), rendered by MCP Apps hosts and by ChatGPT from `diagnose_endpoint`'s structuredContent.
 * Built once; nothing in it depends on the request.
 */
export const REPORT_WIDGET_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>MCP Doctor report</title>
    <style>${REPORT_STYLE}</style>
  </head>
  <body>
    <main id="app" aria-live="polite"></main>
    <script>${REPORT_SCRIPT}</script>
  </body>
</html>
`;
