/**
 * A healthy Apps SDK widget: self-contained (inline script and style), it renders the tool's
 * `structuredContent` from `window.openai.toolOutput`, follows `window.openai.theme` and
 * `displayMode`, re-renders on `openai:set_globals`, and can ask for fullscreen with
 * `window.openai.requestDisplayMode`.
 */
export const GREETING_WIDGET = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Greeting</title>
    <style>
      :root { color-scheme: light; --bg: #ffffff; --text: #18181b; --muted: #52525b; --border: #d4d4d8; --accent: #1d4ed8; }
      :root[data-theme='dark'] { color-scheme: dark; --bg: #18181b; --text: #fafafa; --muted: #d4d4d8; --border: #52525b; --accent: #93c5fd; }
      html, body { background: var(--bg); }
      body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; color: var(--text); }
      .card { border: 1px solid var(--border); border-radius: 12px; padding: 16px; }
      h1 { font-size: 18px; margin: 0 0 6px; }
      p { margin: 0; color: var(--muted); font-size: 13px; }
      button { margin-top: 10px; font: inherit; font-size: 13px; color: var(--accent); background: transparent; border: 1px solid var(--accent); border-radius: 8px; padding: 4px 10px; cursor: pointer; }
    </style>
  </head>
  <body>
    <div class="card">
      <h1 id="greeting">Loading…</h1>
      <p id="host"></p>
      <p id="display"></p>
      <button type="button" id="expand">Open fullscreen</button>
    </div>
    <script>
      function render() {
        var openai = window.openai;
        var output = openai && openai.toolOutput;
        document.documentElement.setAttribute('data-theme', openai && openai.theme === 'dark' ? 'dark' : 'light');
        document.getElementById('greeting').textContent =
          output && output.greeting ? output.greeting : 'No tool output yet: call the tool to see a greeting.';
        document.getElementById('host').textContent = openai
          ? 'Rendered with window.openai (theme ' + openai.theme + ', locale ' + openai.locale + ')'
          : 'window.openai is missing: this host does not speak the Apps SDK.';
        var mode = openai && openai.displayMode;
        document.getElementById('display').textContent = openai ? 'Display mode: ' + mode : '';
        var expand = document.getElementById('expand');
        expand.hidden = !openai || typeof openai.requestDisplayMode !== 'function';
        expand.textContent = mode === 'fullscreen' ? 'Back inline' : 'Open fullscreen';
      }
      render();
      window.addEventListener('openai:set_globals', render);
      document.getElementById('expand').addEventListener('click', function () {
        var wanted = window.openai.displayMode === 'fullscreen' ? 'inline' : 'fullscreen';
        window.openai.requestDisplayMode({ mode: wanted }).then(function (granted) {
          document.getElementById('display').textContent = 'Display mode: ' + granted.mode + ' (granted)';
        });
      });
    </script>
  </body>
</html>
`;
