import {
  NO_REQUEST,
  type Exchange,
  type ProbeErrorData,
  type RunRequest,
  type Transcript,
} from '@/lib/report/schema';

/**
 * Small builders of transcripts for check tests: plain data, shaped like what the probe records.
 * A healthy run against https://example.com/mcp is the starting point; each test changes one thing.
 */
export function transcript(overrides: Partial<Transcript> = {}): Transcript {
  return {
    version: 1,
    target: {
      url: 'https://example.com/mcp',
      credentialsInUrl: false,
      fragment: null,
      headerNames: [],
      hasToken: false,
    },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 120,
    steps: [
      {
        id: 'dns',
        status: 'ok',
        durationMs: 2,
        summary: 'example.com → 93.184.216.34',
        error: null,
      },
      { id: 'tcp', status: 'ok', durationMs: 10, summary: 'connected', error: null },
      { id: 'tls', status: 'ok', durationMs: 20, summary: 'TLSv1.3', error: null },
      {
        id: 'initialize',
        status: 'ok',
        durationMs: 40,
        summary: 'session opened over Streamable HTTP',
        error: null,
      },
      { id: 'tools', status: 'ok', durationMs: 30, summary: '1 tool in 1 page', error: null },
    ],
    dns: {
      hostname: 'example.com',
      addresses: [{ address: '93.184.216.34', family: 4 }],
      error: null,
    },
    tcp: { address: '93.184.216.34', port: 443, connectMs: 10, error: null },
    tls: {
      protocol: 'TLSv1.3',
      authorizationError: null,
      hostnameError: null,
      chain: [
        {
          subject: 'CN=example.com',
          issuer: 'CN=Example CA',
          subjectAltNames: ['DNS:example.com'],
          validFrom: '2025-06-01T00:00:00.000Z',
          validTo: '2027-06-01T00:00:00.000Z',
          fingerprint256: 'AA:BB',
          selfSigned: false,
        },
      ],
      error: null,
    },
    mcp: {
      attempts: [
        {
          url: 'https://example.com/mcp',
          transport: 'streamable-http',
          era: 'legacy',
          guessed: false,
          ok: true,
          status: 200,
          error: null,
          exchangeIds: ['x1', 'x2'],
        },
      ],
      transport: 'streamable-http',
      initializeResult: {
        protocolVersion: '2025-06-18',
        capabilities: { tools: { listChanged: false } },
        serverInfo: { name: 'example', version: '1.0.0' },
      },
      initializeExchangeId: 'x1',
      sessionId: null,
      transportErrors: [],
      sessionEra: 'legacy',
      modern: null,
    },
    listing: {
      pages: [
        { cursor: null, nextCursor: null, count: 1, exchangeId: 'x3', durationMs: 30, error: null },
      ],
      stoppedEarly: null,
      relist: { tools: [tool()], exchangeId: 'xr' },
    },
    tools: [tool()],
    // What the probe records for a server with no widget and no authorization: the steps ran and
    // found nothing to do, which is not the same as a step that never ran (null).
    widgets: {
      resources: null,
      resourceTemplates: null,
      templates: [],
      widgets: [],
      stoppedEarly: null,
      calls: [],
    },
    auth: {
      required: false,
      challenge: null,
      discovery: [],
      documents: [],
      authorizationServer: null,
      token: null,
      redirectUri: null,
    },
    exchanges: [
      exchange({ id: 'x1', rpc: { method: 'initialize', id: 0 } }),
      exchange({
        id: 'x2',
        rpc: { method: 'notifications/initialized' },
        response: response(202, '', ''),
      }),
      exchange({ id: 'x3', step: 'tools', rpc: { method: 'tools/list', id: 1 } }),
    ],
    ...overrides,
  };
}

export function tool(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'search_docs',
    title: 'Search docs',
    description: 'Searches the product documentation and returns the best matching pages.',
    inputSchema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
    annotations: { readOnlyHint: true, openWorldHint: false },
    ...overrides,
  };
}

export function response(
  status: number,
  text: string,
  contentType = 'application/json',
): NonNullable<Exchange['response']> {
  return {
    status,
    statusText: '',
    headers: contentType ? [['content-type', contentType]] : [],
    body: text ? { text, bytes: text.length, truncated: false } : null,
  };
}

export function exchange(overrides: Partial<Exchange> = {}): Exchange {
  return {
    id: 'x1',
    step: 'initialize',
    startedAt: 0,
    durationMs: 10,
    request: {
      method: 'POST',
      url: 'https://example.com/mcp',
      headers: [['content-type', 'application/json']],
      body: null,
    },
    response: response(200, '{"jsonrpc":"2.0","id":0,"result":{}}'),
    error: null,
    ...overrides,
  };
}

/** A transcript whose step `id` failed with this error and whose later steps were skipped. */
export function failedAt(
  step: Transcript['steps'][number]['id'],
  error: ProbeErrorData,
  overrides: Partial<Transcript> = {},
): Transcript {
  const base = transcript(overrides);
  const order = base.steps.map((s) => s.id);
  const at = order.indexOf(step);
  base.steps = base.steps.map((s, i) =>
    i < at
      ? s
      : i === at
        ? { ...s, status: 'failed', summary: error.message, error }
        : { ...s, status: 'skipped', summary: `skipped: ${step} failed`, error: null },
  );
  return base;
}

/**
 * A run whose given URL answered the `initialize` POST with `answer` (null: no HTTP answer, only
 * `error`) and opened no session; `attempts` and `exchanges` add more (an SSE fallback, guesses).
 */
export function noSession(
  answer: NonNullable<Exchange['response']> | null,
  options: {
    error?: ProbeErrorData;
    attempts?: NonNullable<Transcript['mcp']>['attempts'];
    exchanges?: Exchange[];
    overrides?: Partial<Transcript>;
  } = {},
): Transcript {
  const error = options.error ?? {
    code: answer ? 'http-status' : 'failed',
    message: `initialize https://example.com/mcp (Streamable HTTP): ${answer ? `HTTP ${answer.status}` : 'failed'}`,
  };
  const first = exchange({
    id: 'x1',
    rpc: { method: 'initialize', id: 0 },
    response: answer,
    error: answer ? null : error,
  });
  return failedAt('initialize', error, {
    mcp: {
      attempts: [
        {
          url: 'https://example.com/mcp',
          transport: 'streamable-http',
          era: 'legacy',
          guessed: false,
          ok: false,
          status: answer?.status ?? null,
          error,
          exchangeIds: ['x1'],
        },
        ...(options.attempts ?? []),
      ],
      transport: null,
      initializeResult: null,
      initializeExchangeId: 'x1',
      sessionId: null,
      transportErrors: [],
      sessionEra: null,
      modern: null,
    },
    listing: null,
    tools: [],
    exchanges: [first, ...(options.exchanges ?? [])],
    ...options.overrides,
  });
}

/** A JSON-RPC reply body, as a server would send it. */
export const rpcBody = (
  id: number | string,
  outcome: { result: unknown } | { error: { code: number; message: string; data?: unknown } },
): string => JSON.stringify({ jsonrpc: '2.0', id, ...outcome });

/**
 * Overrides for a run whose `tools/list` returned these tools, split into pages of these sizes (one
 * exchange per page, `x3`, `x4`, …) and listed once more later (`xr`; `relist` says what that
 * second call returned, null when it failed).
 */
export function listedTools(
  tools: unknown[],
  options: { pageSizes?: number[]; relist?: unknown[] | null } = {},
): Partial<Transcript> {
  const sizes = options.pageSizes ?? [tools.length];
  const pages = sizes.map((count, i) => ({
    cursor: i === 0 ? null : `c${i}`,
    nextCursor: i === sizes.length - 1 ? null : `c${i + 1}`,
    count,
    exchangeId: `x${i + 3}`,
    durationMs: 30,
    error: null,
  }));
  const base = transcript();
  const relist = options.relist === undefined ? tools : options.relist;
  return {
    tools,
    listing: {
      pages,
      stoppedEarly: null,
      relist: relist ? { tools: relist, exchangeId: 'xr' } : null,
    },
    exchanges: [
      ...base.exchanges.filter((x) => x.step === 'initialize'),
      ...pages.map((p, i) =>
        exchange({ id: p.exchangeId, step: 'tools', rpc: { method: 'tools/list', id: i + 1 } }),
      ),
      ...(relist
        ? [
            exchange({
              id: 'xr',
              step: 'tools',
              rpc: { method: 'tools/list', id: pages.length + 1 },
            }),
          ]
        : []),
    ],
  };
}

/** Overrides for a run whose `initialize` answered this result (raw, as received). */
export function initializedWith(initializeResult: unknown): Partial<Transcript> {
  const mcp = transcript().mcp;
  if (!mcp) throw new Error('the base transcript has an MCP session');
  return { mcp: { ...mcp, initializeResult } };
}

/** The same run, asked to judge more: expected tools, a minimum, skipped areas, strict. */
export function withRequest(t: Transcript, request: Partial<RunRequest>): Transcript {
  return { ...t, request: { ...NO_REQUEST, ...request } };
}

/** What a 2026-07-28 server answers to `server/discover` (MCP 2026-07-28 server/discover). */
export const DISCOVER_RESULT = {
  resultType: 'complete',
  supportedVersions: ['2026-07-28'],
  capabilities: { tools: { listChanged: false } },
  _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'example', version: '1.0.0' } },
  ttlMs: 60_000,
  cacheScope: 'public',
};

const discoverExchange = (result: unknown) =>
  exchange({
    id: 'xd',
    era: 'modern',
    rpc: { method: 'server/discover', id: 'd' },
    request: {
      method: 'POST',
      url: 'https://example.com/mcp',
      headers: [
        ['mcp-protocol-version', '2026-07-28'],
        ['mcp-method', 'server/discover'],
      ],
      body: null,
    },
    response: response(200, rpcBody('d', { result })),
  });

/**
 * A run whose server answered `server/discover` in the 2026-07-28 era: with `legacy`, its 2025
 * handshake worked too (dual-era; the run used the 2025 session); without, `initialize` was refused
 * with 400 -32022 and the run used the modern connection (modern-only).
 */
export function modernRun(
  { legacy, discover = DISCOVER_RESULT }: { legacy: boolean; discover?: unknown },
  overrides: Partial<Transcript> = {},
): Transcript {
  const modernAttempt = {
    url: 'https://example.com/mcp',
    transport: 'streamable-http' as const,
    era: 'modern' as const,
    guessed: false,
    ok: true,
    status: null,
    error: null,
    exchangeIds: ['xd'],
  };
  const leg = {
    discover,
    discoverExchangeId: 'xd',
    conformance: { headerMismatch: null, unsupportedVersion: null, methodNotFound: null },
    tools: null,
    toolsExchangeIds: [],
    toolsError: null,
  };
  const base = legacy
    ? transcript()
    : noSession(
        response(
          400,
          rpcBody(0, {
            error: {
              code: -32022,
              message: 'Unsupported protocol version: 2025-11-25',
              data: { supported: ['2026-07-28'], requested: '2025-11-25' },
            },
          }),
        ),
        { error: { code: 'http-status', message: 'initialize: HTTP 400' } },
      );
  const mcp = base.mcp as NonNullable<Transcript['mcp']>;
  const listing = transcript().listing;
  return {
    ...base,
    steps: legacy ? base.steps : transcript().steps,
    mcp: {
      ...mcp,
      attempts: [modernAttempt, ...mcp.attempts],
      sessionEra: legacy ? 'legacy' : 'modern',
      transport: 'streamable-http',
      modern: leg,
    },
    listing,
    tools: [tool()],
    exchanges: [
      discoverExchange(discover),
      ...base.exchanges,
      ...(legacy
        ? []
        : [
            exchange({
              id: 'x3',
              step: 'tools',
              era: 'modern',
              rpc: { method: 'tools/list', id: 1 },
            }),
          ]),
    ],
    ...overrides,
  };
}

/**
 * A modern run whose eras step sent the refusal probes and got these answers (`xh`: contradicting
 * Mcp-Method, `xv`: unsupported version, `xm`: unknown method).
 */
export function withRefusals(
  t: Transcript,
  answers: Partial<Record<'xh' | 'xv' | 'xm', NonNullable<Exchange['response']> | null>>,
): Transcript {
  const mcp = t.mcp as NonNullable<Transcript['mcp']>;
  const modern = mcp.modern as NonNullable<NonNullable<Transcript['mcp']>['modern']>;
  const sent = (id: 'xh' | 'xv' | 'xm') => (id in answers ? id : null);
  return {
    ...t,
    mcp: {
      ...mcp,
      modern: {
        ...modern,
        conformance: {
          headerMismatch: sent('xh'),
          unsupportedVersion: sent('xv'),
          methodNotFound: sent('xm'),
        },
      },
    },
    exchanges: [
      ...t.exchanges,
      ...(['xh', 'xv', 'xm'] as const).flatMap((id) =>
        id in answers
          ? [exchange({ id, step: 'eras', era: 'modern', response: answers[id] ?? null })]
          : [],
      ),
    ],
  };
}

/** A JSON-RPC error answer, as a 2026-07-28 server refuses a request. */
export const rpcError = (status: number, code: number, message: string, data?: unknown) =>
  response(
    status,
    rpcBody('r', { error: { code, message, ...(data === undefined ? {} : { data }) } }),
  );
