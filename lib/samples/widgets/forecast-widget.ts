/**
 * A healthy MCP Apps widget (SEP-1865): it talks to its host only through JSON-RPC over
 * postMessage — `ui/initialize`, then `ui/notifications/initialized` — and renders the forecast
 * from `ui/notifications/tool-result`.
 */
export const FORECAST_WIDGET = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Forecast</title>
    <style>
      body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; color: #0f172a; }
      .card { border: 1px solid #cbd5e1; border-radius: 12px; padding: 16px; }
      h1 { font-size: 18px; margin: 0 0 6px; }
      #status { margin: 0 0 8px; color: #475569; font-size: 13px; }
      ul { margin: 0; padding-left: 18px; font-size: 14px; }
    </style>
  </head>
  <body>
    <div class="card">
      <h1 id="title">Forecast</h1>
      <p id="status">Waiting for the host…</p>
      <ul id="days"></ul>
    </div>
    <script>
      var nextId = 1;
      var pending = {};
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
        }
      });
      request('ui/initialize', {
        protocolVersion: '2026-01-26',
        appInfo: { name: 'Forecast', version: '1.0.0' },
        appCapabilities: { availableDisplayModes: ['inline'] },
      }).then(function (result) {
        var host = (result.hostInfo && result.hostInfo.name) || 'an MCP Apps host';
        var theme = (result.hostContext && result.hostContext.theme) || 'unknown';
        document.getElementById('status').textContent = 'Connected to ' + host + ' over MCP Apps (theme ' + theme + ')';
        notify('ui/notifications/initialized', {});
      });
    </script>
  </body>
</html>
`;
