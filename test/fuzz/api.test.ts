import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { parseCheckInput } from '@/lib/api/check-input';
import { parseCreateSession } from '@/lib/sessions/input';
import { anyHeaders, anyString, badUrl, closedPort, loopbackUrl, safeJson } from './arbitraries';

/**
 * Every API route that reads input, called in-process with constructed Requests as Next calls
 * them: whatever the query, body or path parameter, the answer is never a 5xx nor a throw; a
 * refusal is a 4xx with `{ error: { code, message } }`; well-formed input is taken. The routes
 * that start a background diagnosis (`after()`, which needs Next's request scope) are given only
 * input they refuse here; e2e/security.spec.ts sends them well-formed input on the running app.
 * The store is a fresh SQLite file; the door is wide open so that only input decides.
 */
vi.stubEnv(
  'MCP_DOCTOR_DB',
  path.join(await mkdtemp(path.join(tmpdir(), 'mcp-doctor-fuzz-')), 'store.db'),
);
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('MCP_DOCTOR_RATE_PER_MINUTE', '100000');
vi.stubEnv('MCP_DOCTOR_RATE_BURST', '100000');
vi.stubEnv('MCP_DOCTOR_MAX_CONCURRENT', '1000');

const check = await import('@/app/api/check/route');
const runsRoute = await import('@/app/api/runs/route');
const runRoute = await import('@/app/api/runs/[id]/route');
const exportRoute = await import('@/app/api/runs/[id]/export/route');
const importRoute = await import('@/app/api/import/route');
const login = await import('@/app/api/login/route');
const sessions = await import('@/app/api/sessions/route');
const sessionRoute = await import('@/app/api/sessions/[id]/route');
const notes = await import('@/app/api/sessions/[id]/notes/route');
const sessionRuns = await import('@/app/api/sessions/[id]/runs/route');
const flows = await import('@/app/api/oauth/flows/[id]/route');
const callback = await import('@/app/api/oauth/callback/route');

let port = 0;
beforeAll(async () => {
  port = await closedPort();
});

type Handler = (
  request: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
const call = (handler: unknown, request: Request, params: Record<string, string> = {}) =>
  (handler as Handler)(request, { params: Promise.resolve(params) });

const ORIGIN = 'http://localhost:3000';
const post = (pathname: string, body: BodyInit | null, contentType = 'application/json') =>
  new Request(`${ORIGIN}${pathname}`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
  });

/** Bodies: JSON of any shape, JSON text cut short, bytes that are not UTF-8, nothing at all. */
const rawBody = fc.oneof(
  safeJson.map((v) => JSON.stringify(v)),
  safeJson.map((v) => JSON.stringify(v).slice(0, -1)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array(bytes)),
  anyString,
  fc.constant(''),
);

/** The route's answer, checked against the API's contract whatever the input was. */
async function expectContract(response: Response): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  // 503 is /api/check's verdict on an unhealthy server, with the report; any other 5xx is ours.
  if (response.status === 503) {
    expect(JSON.parse(text)).toMatchObject({ schemaVersion: 2, status: 'fail' });
    return { status: 503, body: JSON.parse(text) as unknown };
  }
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe('string');
    expect(typeof body.error?.message).toBe('string');
    expect(String(body.error?.message).trim().length).toBeGreaterThan(0);
    return { status: response.status, body };
  }
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const RUNS = { numRuns: 60 };
const idish = fc.oneof(
  anyString,
  fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
  fc.constantFrom('..', '%2e%2e', 'a/b', ''),
);

describe('/api/check', () => {
  test('GET: any query string is answered by the contract; bad ones are 400', async () => {
    const query = fc.oneof(
      fc
        .array(
          fc.tuple(
            fc.oneof(fc.constantFrom('url', 'strict', 'timeoutMs', 'token'), anyString),
            fc.oneof(anyString, badUrl),
          ),
          { maxLength: 5 },
        )
        .map((pairs) => new URLSearchParams(pairs).toString()),
      anyString.map((s) => encodeURI(s.replace(/[\ud800-\udfff]/g, ''))),
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const params = new URLSearchParams(q);
        const { status } = await expectContract(
          await check.GET(new Request(`${ORIGIN}/api/check?${q}`)),
        );
        // Only a URL the parser takes can start a diagnosis; these point nowhere reachable.
        if (status !== 400) expect(params.getAll('url').length).toBe(1);
      }),
      RUNS,
    );
  });

  test('POST: any body is answered by the contract, and agrees with the parser', async () => {
    const body = fc.oneof(
      rawBody,
      fc
        .record(
          {
            url: fc.oneof(badUrl, safeJson),
            headers: anyHeaders,
            token: safeJson,
            timeoutMs: safeJson,
            strict: safeJson,
          },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('application/json', 'text/plain', ''),
        async (b, type) => {
          const { status } = await expectContract(await check.POST(post('/api/check', b, type)));
          const taken = typeof b === 'string' && safeParse(b, (v) => parseCheckInput(v).ok);
          if (taken) expect(status).toBe(503);
          else expect([400, 413]).toContain(status);
        },
      ),
      RUNS,
    );
  });

  test('well-formed input is taken and diagnosed (a closed loopback port: 503, never 400)', async () => {
    const input = fc.record(
      {
        url: loopbackUrl(port),
        strict: fc.boolean(),
        timeoutMs: fc.integer({ min: 1_000, max: 5_000 }),
        headers: fc.constant({ 'X-Fuzz': 'yes' }),
      },
      { requiredKeys: ['url'] },
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        expect(parseCheckInput(value).ok).toBe(true);
        const { status, body } = await expectContract(
          await check.POST(post('/api/check', JSON.stringify(value))),
        );
        expect(status).toBe(503);
        expect(body).toMatchObject({ schemaVersion: 2, status: 'fail' });
      }),
      { numRuns: 12 },
    );
  });
});

describe('routes that start runs, given what they refuse', () => {
  test('POST /api/runs', async () => {
    const body = fc.oneof(
      rawBody,
      fc
        .record({ url: badUrl, headers: anyHeaders }, { requiredKeys: [] })
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        fc.pre(typeof b !== 'string' || !safeParse(b, (v) => parseCheckInput(v).ok));
        expect([400, 413]).toContain(
          (await expectContract(await runsRoute.POST(post('/api/runs', b)))).status,
        );
      }),
      RUNS,
    );
  });

  test('POST /api/sessions and POST /api/sessions/<id>/runs', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, idish, async (b, id) => {
        const startsRun =
          typeof b === 'string' &&
          safeParse(b, (v) => {
            const parsed = parseCreateSession(v);
            return parsed.ok && 'url' in parsed.value;
          });
        fc.pre(!startsRun);
        await expectContract(await sessions.POST(post('/api/sessions', b)));
        await expectContract(await call(sessionRuns.POST, post(`/api/sessions/x/runs`, b), { id }));
      }),
      RUNS,
    );
  });
});

describe('routes keyed by an id', () => {
  test('GET /api/runs/<id>, /api/runs/<id>/export, /api/sessions/<id>, /api/oauth/flows/<id>', async () => {
    await fc.assert(
      fc.asyncProperty(idish, async (id) => {
        const get = new Request(`${ORIGIN}/api/x`);
        for (const handler of [runRoute.GET, exportRoute.GET, sessionRoute.GET, flows.GET]) {
          expect((await expectContract(await call(handler, get, { id }))).status).toBe(404);
        }
      }),
      RUNS,
    );
  });

  test('POST /api/sessions/<id>/notes', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, idish, async (b, id) => {
        await expectContract(await call(notes.POST, post('/api/sessions/x/notes', b), { id }));
      }),
      RUNS,
    );
  });
});

describe('other input', () => {
  test('POST /api/import: any file is refused with a reason or imported', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, async (b) => {
        const { status } = await expectContract(await importRoute.POST(post('/api/import', b)));
        expect([201, 400, 413]).toContain(status);
      }),
      RUNS,
    );
  });

  test('POST /api/import: another site, another type or an oversized declaration is refused unread', async () => {
    await fc.assert(
      fc.asyncProperty(
        rawBody,
        fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', ''),
        fc.option(fc.constantFrom('https://evil.example', 'null', ORIGIN), { nil: undefined }),
        fc.option(fc.constantFrom('cross-site', 'same-site', 'same-origin'), { nil: undefined }),
        async (b, type, origin, site) => {
          const size = new Blob([b as BlobPart]).size;
          const request = new Request(`${ORIGIN}/api/import`, {
            method: 'POST',
            body: b,
            // As a client on the wire sends it: a body comes with its length.
            headers: {
              'content-length': String(size),
              ...(type ? { 'content-type': type } : {}),
              ...(origin ? { origin } : {}),
              ...(site ? { 'sec-fetch-site': site } : {}),
            },
          });
          const { status, body } = await expectContract(await importRoute.POST(request));
          const foreign =
            site !== undefined ? site !== 'same-origin' : origin !== undefined && origin !== ORIGIN;
          const code = (body as { error?: { code?: string } }).error?.code;
          if (foreign) expect([status, code]).toEqual([403, 'cross-site']);
          // An empty body (what fetch sends for a POST without one) has nothing to refuse by type:
          // the route reads nothing and says the body is missing.
          else if (size === 0) expect(status).toBe(400);
          else if (type !== 'application/json') expect(status).toBe(415);
          else expect([201, 400, 413]).toContain(status);
        },
      ),
      RUNS,
    );
  });

  test('POST /api/login: any form goes back to the login page, never elsewhere', async () => {
    const form = fc.dictionary(
      fc.constantFrom('token', 'next', 'other'),
      fc.oneof(
        anyString,
        badUrl,
        fc.constantFrom('//evil.example', '/\\evil.example', 'https://evil.example/'),
      ),
    );
    await fc.assert(
      fc.asyncProperty(form, async (fields) => {
        const response = await login.POST(
          post(
            '/api/login',
            new URLSearchParams(fields).toString(),
            'application/x-www-form-urlencoded',
          ),
        );
        expect(response.status).toBe(303);
        const location = new URL(response.headers.get('location') ?? '', ORIGIN);
        expect(location.origin).toBe(ORIGIN);
        expect(location.pathname).toBe('/login');
      }),
      RUNS,
    );
  });

  test('GET /api/oauth/callback: any query ends on a page of this dashboard', async () => {
    const query = fc.dictionary(
      fc.constantFrom('code', 'state', 'iss', 'error', 'error_description', 'x'),
      anyString,
    );
    await fc.assert(
      fc.asyncProperty(query, async (fields) => {
        const response = await callback.GET(
          new Request(`${ORIGIN}/api/oauth/callback?${new URLSearchParams(fields)}`),
        );
        expect(response.status).toBe(303);
        expect(response.headers.get('location')).toMatch(/^\/oauth\//);
      }),
      RUNS,
    );
  });
});

function safeParse(text: string, accept: (value: unknown) => boolean): boolean {
  try {
    return accept(JSON.parse(text));
  } catch {
    return false;
  }
}
