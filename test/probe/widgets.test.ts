import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { probe } from '@/lib/probe/probe';
import { WIDGET_SAMPLES } from '@/lib/samples/widget-samples';
import { samplePath } from '@/lib/samples/types';
import { samplesServer, serveNode, statelessServer, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { header, rowsIgnoringLoopback, step } from './support';

/** The checks that must fail (error or warning) for each widget sample: what its card says it demonstrates. */
const DECISIVE: Record<string, string[]> = {
  'widget-apps-sdk': [],
  'widget-mcp-apps': [],
  'widget-plain-html': ['widgets.mime-type'],
  'widget-missing-template': ['widgets.resource-read'],
  'widget-mismatched-uris': ['widgets.declarations-agree'],
  'widget-localhost-assets': ['widgets.assets-reachable', 'widgets.external-assets'],
  'widget-runtime-error': [],
  // Its exfiltration attempt is a fetch to an origin its CSP never declared.
  'widget-hostile': ['widgets.csp-coverage'],
};

let samples: Running;
beforeAll(async () => {
  samples = await samplesServer();
});
afterAll(async () => {
  await samples.close();
});

test('every widget sample has its decisive checks listed here', () => {
  expect(WIDGET_SAMPLES.map((s) => s.slug).sort()).toEqual(Object.keys(DECISIVE).sort());
});

describe.each(WIDGET_SAMPLES.map((s) => [s.slug, s] as const))('the %s sample', (slug, sample) => {
  test(`shows ${JSON.stringify(sample.expected)}`, async () => {
    const report = await runHealthCheck(targetFor(samples.origin + samplePath(sample)));
    expect(rowsIgnoringLoopback(report)).toMatchObject(sample.expected);
    const failing = report.checks
      .filter(
        (c) =>
          c.area === 'widgets' &&
          c.status !== 'pass' &&
          c.status !== 'skipped' &&
          c.severity !== 'info',
      )
      .map((c) => c.id);
    expect(failing.sort()).toEqual(DECISIVE[slug]);
  });
});

describe('the widget step, through probe()', () => {
  test('records an Apps SDK widget: declaration, read, MIME type, CSP and domain from the content, list entry', async () => {
    const t = await probe(targetFor(`${samples.origin}/samples/widget-apps-sdk/mcp`));
    expect(step(t, 'resources')).toMatchObject({ status: 'ok' });
    const [widget] = t.widgets?.widgets ?? [];
    expect(widget).toMatchObject({
      tool: 'show_greeting',
      readOnlyHint: true,
      standards: ['apps-sdk'],
      declarations: [
        { key: 'openai/outputTemplate', standard: 'apps-sdk', uri: 'ui://widget/greeting.html' },
      ],
      uri: 'ui://widget/greeting.html',
      mimeType: 'text/html+skybridge',
      csp: [
        { key: 'openai/widgetCSP', source: 'content', connectDomains: [], resourceDomains: [] },
      ],
      domain: [
        { key: 'openai/widgetDomain', source: 'content', value: 'https://greeting.example.com' },
      ],
      assets: [],
    });
    const [read] = t.widgets?.templates ?? [];
    expect(read?.listEntry).toMatchObject({
      method: 'resources/list',
      uri: 'ui://widget/greeting.html',
      mimeType: 'text/html+skybridge',
    });
    expect(read?.content?.html).toContain('window.openai');
    expect(read?.content?.bytes).toBe(widget?.size);
    const exchange = t.exchanges.find((x) => x.id === read?.exchangeId);
    expect(exchange?.rpc?.method).toBe('resources/read');
    expect(exchange?.step).toBe('resources');
    expect(
      t.widgets?.resources?.exchangeIds.map(
        (id) => t.exchanges.find((x) => x.id === id)?.rpc?.method,
      ),
    ).toEqual(['resources/list']);
  });

  test('records both keys of an MCP Apps widget and the ui.csp / ui.domain of its content', async () => {
    const t = await probe(targetFor(`${samples.origin}/samples/widget-mcp-apps/mcp`));
    expect(t.widgets?.widgets[0]).toMatchObject({
      tool: 'get_forecast',
      standards: ['apps-sdk', 'mcp-apps'],
      uri: 'ui://widget/forecast.html',
      mimeType: 'text/html;profile=mcp-app',
      csp: [{ key: 'ui.csp', standard: 'mcp-apps', source: 'content' }],
      domain: [{ key: 'ui.domain', value: 'forecast-example-com.oaiusercontent.com' }],
    });
  });

  test('skips the step when no tool declares a widget, and the Widget row says why', async () => {
    const report = await runHealthCheck(targetFor(`${samples.origin}/samples/healthy/mcp`));
    expect(step(report, 'resources')).toMatchObject({
      status: 'skipped',
      summary: 'skipped: no tool declares a widget',
    });
    expect(report.widgets?.widgets).toEqual([]);
    expect(report.rows.find((r) => r.id === 'widgets')).toMatchObject({
      status: 'skipped',
      summary: 'no tool declares a widget',
    });
    expect(report.exchanges.some((x) => x.rpc?.method?.startsWith('resources/'))).toBe(false);
  });

  test('reads CSP and domain from the list entry when the content has none, a template matched by resources/templates/list, and a blob', async () => {
    const html = '<!doctype html><html><body><p>hi</p></body></html>';
    const server = await statelessServer(() => {
      const s = new McpServer({ name: 'widget-variants', version: '1.0.0' });
      s.registerResource(
        'listed',
        'ui://widget/listed.html',
        {
          mimeType: 'text/html;profile=mcp-app',
          _meta: {
            ui: {
              csp: { resourceDomains: ['https://cdn.example.com'] },
              domain: 'listed.example.com',
            },
          },
        },
        async (uri) => ({
          contents: [{ uri: uri.href, mimeType: 'text/html;profile=mcp-app', text: html }],
        }),
      );
      s.registerResource(
        'by-template',
        new ResourceTemplate('ui://widget/{name}.skybridge.html', { list: undefined }),
        { mimeType: 'text/html+skybridge' },
        async (uri) => ({
          contents: [
            {
              uri: uri.href,
              mimeType: 'text/html+skybridge',
              blob: Buffer.from(html).toString('base64'),
            },
          ],
        }),
      );
      const meta = (uri: string) => ({ ui: { resourceUri: uri } });
      s.registerTool(
        'listed_tool',
        {
          description: 'A tool with a listed widget template of its own.',
          _meta: meta('ui://widget/listed.html'),
        },
        async () => ({ content: [] }),
      );
      s.registerTool(
        'templated_tool',
        {
          description: 'A tool whose widget template comes from a template.',
          _meta: { 'openai/outputTemplate': 'ui://widget/x.skybridge.html' },
        },
        async () => ({ content: [] }),
      );
      return s;
    });
    try {
      const t = await probe(targetFor(server.url));
      const [listed, templated] = t.widgets?.widgets ?? [];
      expect(listed).toMatchObject({
        csp: [{ key: 'ui.csp', source: 'list', resourceDomains: ['https://cdn.example.com'] }],
        domain: [{ key: 'ui.domain', source: 'list', value: 'listed.example.com' }],
      });
      const reads = t.widgets?.templates ?? [];
      expect(reads.find((r) => r.uri === 'ui://widget/x.skybridge.html')).toMatchObject({
        listEntry: { method: 'resources/templates/list', uri: 'ui://widget/{name}.skybridge.html' },
        content: { encoding: 'blob', html, mimeType: 'text/html+skybridge' },
      });
      expect(templated?.mimeType).toBe('text/html+skybridge');
    } finally {
      await server.close();
    }
  });

  test('asks each asset anonymously (HEAD, GET when HEAD is refused), never a private address, and records every answer', async () => {
    const seen: { method: string; path: string; authorization: string | undefined }[] = [];
    const assets = await serveNode((req, res) => {
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
      });
      if (req.url === '/ok.js')
        res
          .writeHead(200, { 'content-type': 'text/javascript' })
          .end(req.method === 'HEAD' ? undefined : 'x');
      else if (req.url === '/no-head.css')
        res
          .writeHead(req.method === 'HEAD' ? 405 : 206, { 'content-type': 'text/css' })
          .end(req.method === 'HEAD' ? undefined : 'x');
      else res.writeHead(404).end();
    }, '');
    const html = `<!doctype html><html><head>
      <script src="${assets.origin}/ok.js"></script>
      <link rel="stylesheet" href="${assets.origin}/no-head.css">
      </head><body><img src="${assets.origin}/missing.png"><img src="http://10.0.0.1/internal.png"><img src="/relative.png"></body></html>`;
    const server = await statelessServer(() => {
      const s = new McpServer({ name: 'widget-assets', version: '1.0.0' });
      s.registerResource(
        'w',
        'ui://widget/w.html',
        { mimeType: 'text/html+skybridge' },
        async (uri) => ({
          contents: [
            {
              uri: uri.href,
              mimeType: 'text/html+skybridge',
              text: html,
              _meta: { 'openai/widgetCSP': { resource_domains: [assets.origin] } },
            },
          ],
        }),
      );
      s.registerTool(
        'w',
        {
          description: 'A tool whose widget loads assets from a loopback server.',
          _meta: { 'openai/outputTemplate': 'ui://widget/w.html' },
        },
        async () => ({ content: [] }),
      );
      return s;
    });
    try {
      const report = await runHealthCheck(targetFor(server.url, { token: 'secret-token-123' }));
      const byRef = new Map(
        report.widgets?.widgets[0]?.assets.map((a) => [a.ref.replace(assets.origin, ''), a]),
      );
      expect(byRef.get('/ok.js')).toMatchObject({
        kind: 'script',
        scope: 'loopback',
        fetch: { method: 'HEAD', status: 200, contentType: 'text/javascript' },
      });
      expect(byRef.get('/no-head.css')).toMatchObject({
        kind: 'style',
        fetch: { method: 'GET', status: 206 },
      });
      expect(byRef.get('/no-head.css')?.fetch?.exchangeIds).toHaveLength(2);
      expect(byRef.get('/missing.png')).toMatchObject({ kind: 'image', fetch: { status: 404 } });
      expect(byRef.get('http://10.0.0.1/internal.png')).toMatchObject({
        scope: 'private',
        fetch: null,
      });
      expect(byRef.get('http://10.0.0.1/internal.png')?.skipped).toContain('not fetched');
      expect(byRef.get('/relative.png')).toMatchObject({
        scope: 'relative',
        url: null,
        fetch: null,
      });

      // Only loopback traffic, none of it carrying the user's token; every request is in the log.
      // The script and stylesheet that answered 2xx are read once more (GET) for widgets.csp-coverage.
      expect(seen.map((s) => `${s.method} ${s.path}`).sort()).toEqual([
        'GET /no-head.css',
        'GET /no-head.css',
        'GET /ok.js',
        'HEAD /missing.png',
        'HEAD /no-head.css',
        'HEAD /ok.js',
      ]);
      expect(seen.every((s) => s.authorization === undefined)).toBe(true);
      expect(report.exchanges.some((x) => x.request.url.includes('10.0.0.1'))).toBe(false);
      const assetExchanges = report.exchanges.filter((x) =>
        x.request.url.startsWith(assets.origin),
      );
      expect(assetExchanges).toHaveLength(6);
      expect(
        report.widgets?.sources?.map((s) => [s.url.replace(assets.origin, ''), s.kind, s.text]),
      ).toEqual([
        ['/ok.js', 'script', 'x'],
        ['/no-head.css', 'style', 'x'],
      ]);
      expect(
        assetExchanges.every(
          (x) => x.step === 'resources' && header(x.request.headers, 'authorization') === undefined,
        ),
      ).toBe(true);

      const checks = new Map(report.checks.map((c) => [c.id, c]));
      expect(checks.get('widgets.assets-reachable')).toMatchObject({
        status: 'fail',
        code: 'bad-status',
      });
      expect(checks.get('widgets.external-assets')).toMatchObject({
        status: 'fail',
        code: 'local-host',
        severity: 'error',
      });
      expect(report.widgets?.widgets[0]?.findings?.map((f) => f.check)).toEqual(
        expect.arrayContaining(['widgets.assets-reachable', 'widgets.external-assets']),
      );
    } finally {
      await server.close();
      await assets.close();
    }
  });
});

test('widgets.csp-coverage reads a fetched script: its fetch to an undeclared origin, with the script’s line', async () => {
  const assets = await serveNode((req, res) => {
    if (req.url === '/app.js')
      res
        .writeHead(200, { 'content-type': 'text/javascript' })
        .end(
          req.method === 'HEAD'
            ? undefined
            : 'const api = "https://api.example.com";\nfetch("https://tracker.example.net/collect");\n',
        );
    else res.writeHead(404).end();
  }, '');
  const html = `<!doctype html><html><head><script src="${assets.origin}/app.js"></script></head><body></body></html>`;
  const server = await statelessServer(() => {
    const s = new McpServer({ name: 'widget-fetched-script', version: '1.0.0' });
    s.registerResource(
      'w',
      'ui://widget/w.html',
      { mimeType: 'text/html;profile=mcp-app' },
      async (uri) => ({
        contents: [
          {
            uri: uri.href,
            mimeType: 'text/html;profile=mcp-app',
            text: html,
            _meta: { ui: { csp: { resourceDomains: [assets.origin] } } },
          },
        ],
      }),
    );
    s.registerTool(
      'w',
      {
        description: 'A tool whose widget loads its code from a loopback server.',
        _meta: { ui: { resourceUri: 'ui://widget/w.html' } },
      },
      async () => ({ content: [] }),
    );
    return s;
  });
  try {
    const report = await runHealthCheck(targetFor(server.url));
    const [source] = report.widgets?.sources ?? [];
    expect(source).toMatchObject({
      url: `${assets.origin}/app.js`,
      kind: 'script',
      truncated: false,
    });
    const coverage = report.checks.find((c) => c.id === 'widgets.csp-coverage');
    expect(coverage).toMatchObject({ status: 'fail', code: 'undeclared-connect' });
    expect(coverage?.items[0]?.detail).toContain(
      `https://tracker.example.net is used by fetch at ${assets.origin}/app.js line 2`,
    );
    // The script's GET is evidence, beside the resources/read.
    expect(coverage?.evidence).toEqual(expect.arrayContaining(source?.exchangeIds ?? ['none']));
  } finally {
    await server.close();
    await assets.close();
  }
});
