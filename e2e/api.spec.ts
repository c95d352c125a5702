import { expect, test, type APIResponse } from '@playwright/test';
import { HEALTHY, HTML_PAGE, finishedRun } from './samples';

const check = (query: string) => `/api/check?${query}`;

async function expectApiError(response: APIResponse, status: number, message: RegExp) {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toContain('application/json');
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code).toBe('string');
  expect(body.error?.message).toMatch(message);
}

test.describe('GET /api/check, as CI calls it', () => {
  test('a healthy endpoint answers 200 with the report', async ({ request }) => {
    const response = await request.get(check(`url=${encodeURIComponent(HEALTHY)}`));
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    const report = (await response.json()) as {
      url: string;
      status: string;
      rows: { id: string; status: string }[];
      checks: { id: string; status: string; severity: string }[];
    };
    expect(report.url).toBe(HEALTHY);
    expect(report.rows.map((r) => r.id)).toEqual(['connection', 'tools', 'widgets', 'auth']);
    expect(report.rows.find((r) => r.id === 'tools')?.status).toBe('pass');
    expect(report.checks.length).toBeGreaterThan(0);
    // Healthy, but on localhost: nothing blocks, and ChatGPT cannot reach it is a warning.
    expect(report.status).toBe('warn');
    const findings = report.checks.filter((c) => c.status === 'fail');
    expect(findings.filter((c) => c.severity === 'error')).toEqual([]);
    expect(findings.find((c) => c.id === 'connection.public')?.severity).toBe('warning');
  });

  test('strict=1 also fails on warnings', async ({ request }) => {
    const response = await request.get(check(`url=${encodeURIComponent(HEALTHY)}&strict=1`));
    expect(response.status()).toBe(503);
    expect(((await response.json()) as { status: string }).status).toBe('warn');
  });

  test('a broken endpoint answers 503 with the report saying why', async ({ request }) => {
    const response = await request.get(check(`url=${encodeURIComponent(HTML_PAGE)}`));
    expect(response.status()).toBe(503);
    const report = (await response.json()) as {
      status: string;
      rows: { id: string; status: string }[];
    };
    expect(report.status).toBe('fail');
    expect(report.rows.find((r) => r.id === 'connection')?.status).toBe('fail');
  });

  for (const [query, message] of [
    ['', /url: missing/],
    ['url=ftp%3A%2F%2Fx', /unsupported scheme "ftp:"/],
    ['url=not%20a%20url', /"not a url" is not an absolute URL/],
    [`url=${encodeURIComponent(HEALTHY)}&strict=maybe`, /strict: must be 1, 0, true or false/],
    [`url=${encodeURIComponent(HEALTHY)}&timeoutMs=soon`, /timeoutMs/],
  ] as const) {
    test(`refuses ?${query || '(nothing)'} with 400`, async ({ request }) => {
      await expectApiError(await request.get(check(query)), 400, message);
    });
  }
});

test.describe('POST /api/check', () => {
  test('takes JSON and answers the report', async ({ request }) => {
    const response = await request.post('/api/check', {
      data: { url: HEALTHY, strict: 'false', headers: { 'X-Team': 'blue' } },
    });
    expect(response.status()).toBe(200);
    const report = (await response.json()) as { target: { headerNames: string[] } };
    expect(report.target.headerNames).toEqual(['X-Team']);
  });

  test('refuses a body that is not JSON', async ({ request }) => {
    const response = await request.post('/api/check', {
      headers: { 'content-type': 'application/json' },
      data: Buffer.from('{"url": '),
    });
    await expectApiError(response, 400, /not valid JSON/);
  });

  test('refuses JSON that is not an object', async ({ request }) => {
    await expectApiError(await request.post('/api/check', { data: [HEALTHY] }), 400, /JSON object/);
  });

  test('refuses an unknown field', async ({ request }) => {
    await expectApiError(
      await request.post('/api/check', { data: { url: HEALTHY, verbose: true } }),
      400,
      /verbose/,
    );
  });

  test('refuses a field of the wrong type', async ({ request }) => {
    await expectApiError(
      await request.post('/api/check', { data: { url: HEALTHY, headers: ['X-Team'] } }),
      400,
      /headers/,
    );
  });
});

test.describe('/api/runs', () => {
  test('starts a run at once and reports it through GET until it is done', async ({ request }) => {
    const id = await finishedRun(request, HEALTHY);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const run = (await (await request.get(`/api/runs/${id}`)).json()) as {
      id: string;
      steps: { id: string }[];
      report: { rows: { id: string; status: string }[] };
    };
    expect(run.id).toBe(id);
    expect(run.steps.map((s) => s.id)).toContain('initialize');
    expect(run.report.rows.find((r) => r.id === 'tools')?.status).toBe('pass');
  });

  test('refuses bad input before starting anything', async ({ request }) => {
    await expectApiError(
      await request.post('/api/runs', { data: { url: 'ftp://x' } }),
      400,
      /unsupported scheme/,
    );
  });

  test('answers 404 JSON for an unknown run', async ({ request }) => {
    await expectApiError(
      await request.get('/api/runs/AAAAAAAAAAAAAAAAAAAAAA'),
      404,
      /no run with id/,
    );
    await expectApiError(await request.get('/api/runs/not-an-id'), 404, /no run with id/);
  });
});

test.describe('CI options of /api/check', () => {
  test('format=junit answers JUnit XML with one test case per check', async ({ request }) => {
    const response = await request.get(
      `/api/check?url=${encodeURIComponent(HEALTHY)}&format=junit`,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/xml');
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<testsuite name="Connection fails" id="connection"');
    expect(xml).toContain('connection.url');
  });

  test('expectTools naming a missing tool answers 503 with tools.expected failing', async ({
    request,
  }) => {
    const response = await request.post('/api/check', {
      data: { url: HEALTHY, expectTools: ['search_recipes', 'no_such_tool'], skip: 'auth' },
    });
    expect(response.status()).toBe(503);
    const report = await response.json();
    expect(report.checks).toContainEqual(
      expect.objectContaining({ id: 'tools.expected', status: 'fail', code: 'missing-tool' }),
    );
    expect(report.rows).toContainEqual(
      expect.objectContaining({ id: 'auth', status: 'skipped', summary: 'skipped on request' }),
    );
  });

  test('the report JSON Schema is served at /api/schema', async ({ request }) => {
    const response = await request.get('/api/schema');
    expect(response.status()).toBe(200);
    const schema = await response.json();
    expect(schema.$schema).toContain('2020-12');
    expect(schema.properties.schemaVersion).toBeDefined();
  });
});
