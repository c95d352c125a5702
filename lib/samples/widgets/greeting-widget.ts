/**
 * A healthy Apps SDK widget: self-contained (inline script and style), it renders the tool's
 * `structuredContent` from `window.openai.toolOutput` and re-renders on `openai:set_globals`.
 */
export const GREETING_WIDGET = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Greeting</title>
    <style>
      body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; color: #18181b; }
      .card { border: 1px solid #d4d4d8; border-radius: 12px; padding: 16px; }
      h1 { font-size: 18px; margin: 0 0 6px; }
      p { margin: 0; color: #52525b; font-size: 13px; }
    </style>
  </head>
  <body>
    <div class="card">
      <h1 id="greeting">Loading…</h1>
      <p id="host"></p>
    </div>
    <script>
      function render() {
        var openai = window.openai;
        var output = openai && openai.toolOutput;
        document.getElementById('greeting').textContent =
          output && output.greeting ? output.greeting : 'No tool output yet: call the tool to see a greeting.';
        document.getElementById('host').textContent = openai
          ? 'Rendered with window.openai (theme ' + openai.theme + ', locale ' + openai.locale + ')'
          : 'window.openai is missing: this host does not speak the Apps SDK.';
      }
      render();
      window.addEventListener('openai:set_globals', render);
    </script>
  </body>
</html>
`;
