/**
 * A live forecast card that calls its declared API, and a telemetry origin nobody declared. The
 * calls run only on a click, so a preview opened in a test sends nothing anywhere.
 */
export const CSP_GAPS_WIDGET = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Live forecast</title></head>
  <body>
    <h1>Live forecast</h1>
    <button id="refresh" type="button">Refresh</button>
    <p id="status">Press Refresh to load the forecast.</p>
    <script>
      document.getElementById('refresh').addEventListener('click', function () {
        fetch('https://api.forecast.example.com/v1/today').then(function (r) { return r.json(); });
        fetch('https://telemetry.example.net/collect', { method: 'POST', body: 'refresh' });
      });
    </script>
  </body>
</html>
`;
