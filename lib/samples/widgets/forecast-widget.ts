/**
 * A healthy MCP Apps widget (SEP-1865): it talks to its host only through JSON-RPC over
 * postMessage — `ui/initialize`, then `ui/notifications/initialized` — and renders the forecast
 * from `ui/notifications/tool-result`. It follows the host context's `theme` and `displayMode`,
 * merging `ui/notifications/host-context-changed` into what it has, and asks for fullscreen with
 * `ui/request-display-mode` when the host offers it.
 */
export const FORECAST_WIDGET = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Forecast</title>
    <style>
      :root { color-scheme: light; --bg: #ffffff; --text: #0f172a; --muted: #475569; --border: #cbd5e1; --accent: #1d4ed8; }
      :root[data-theme='dark'] { color-scheme: dark; --bg: #0f172a; --text: #f1f5f9; --muted: #cbd5e1; --border: #475569; --accent: #93c5fd; }
      html, body { background: var(--bg); }
      body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; color: var(--text); }
      .card { border: 1px solid var(--border); border-radius: 12px; padding: 16px; }
      h1 { font-size: 18px; margin: 0 0 6px; }
      #status, #display { margin: 0 0 8px; color: var(--muted); font-size: 13px; }
      ul { margin: 0; padding-left: 18px; font-size: 14px; }
      button { margin-top: 10px; font: inherit; font-size: 13px; color: var(--accent); background: transparent; border: 1px solid var(--accent); border-radius: 8px; padding: 4px 10px; cursor: pointer; }
    </style>
  </head>
  <body>
    <div class="card">
      <h1 id="title">Forecast</h1>
      <p id="status">Waiting for the host…</p>
      <p id="display"></p>
      <ul id="days"></ul>
      <button type="button" id="expand" hidden>Open fullscreen</button>
    </div>
    <script>
      var nextId = 1;
      var pending = {};
      var host = 'an MCP Apps host';
      var context = {};
      function applyContext(changes) {
        for (var key in changes) context[key] = changes[key];
        document.documentElement.setAttribute('data-theme', context.theme === 'dark' ? 'dark' : 'light');
        document.getElementById('status').textContent =
          'Connected to ' + host + ' over MCP Apps (theme ' + (context.theme || 'unknown') + ')';
        document.getElementById('display').textContent = 'Display mode: ' + (context.displayMode || 'inline');
        var modes = context.availableDisplayModes || [];
        var expand = document.getElementById('expand');
        expand.hidden = modes.indexOf('fullscreen') < 0;
        expand.textContent = context.displayMode === 'fullscreen' ? 'Back inline' : 'Open fullscreen';
      }
      function request(method, params) {
        var id = nextId++;
        window.parent.postMessage({ jsonrpc: '2.0', id: id, method: method, params: params }, '*');
        return new Promise(function (resolve, reject) { pending[id] = { resolve: resolve, reject: reject }; });
      }
      function notify(method, params) {
        window.parent.postMessage({ jsonrpc: '2.0', method: method, params: params }, '*');
      }
      function showResult(result) {
        var data = result && result.structuredContent;
        if (!data || !Array.isArray(data.days)) return;
        document.getElementById('title').textContent = 'Forecast for ' + data.city;
        var list = document.getElementById('days');
        list.textContent = '';
        data.days.forEach(function (day) {
          var item = document.createElement('li');
          item.textContent = day.day + ': ' + day.summary + ', ' + day.high + '° / ' + day.low + '°';
          list.appendChild(item);
        });
      }
      window.addEventListener('message', function (event) {
        if (event.source !== window.parent) return;
        var message = event.data;
        if (!message || message.jsonrpc !== '2.0') return;
        if (message.id !== undefined && pending[message.id]) {
          var waiter = pending[message.id];
          delete pending[message.id];
          if (message.error) waiter.reject(new Error(message.error.message));
          else waiter.resolve(message.result);
        } else if (message.method === 'ui/notifications/tool-input') {
          var city = message.params && message.params.arguments && message.params.arguments.city;
          if (city) document.getElementById('title').textContent = 'Forecast for ' + city;
        } else if (message.method === 'ui/notifications/tool-result') {
          showResult(message.params);
        } else if (message.method === 'ui/notifications/host-context-changed') {
          applyContext(message.params || {});
        }
      });
      document.getElementById('expand').addEventListener('click', function () {
        var wanted = context.displayMode === 'fullscreen' ? 'inline' : 'fullscreen';
        request('ui/request-display-mode', { mode: wanted }).then(function (result) {
          document.getElementById('display').textContent = 'Display mode: ' + result.mode + ' (granted)';
        });
      });
      request('ui/initialize', {
        protocolVersion: '2026-01-26',
        appInfo: { name: 'Forecast', version: '1.0.0' },
        appCapabilities: { availableDisplayModes: ['inline', 'fullscreen', 'pip'] },
      }).then(function (result) {
        host = (result.hostInfo && result.hostInfo.name) || host;
        applyContext(result.hostContext || {});
        notify('ui/notifications/initialized', {});
      });
    </script>
  </body>
</html>
`;
