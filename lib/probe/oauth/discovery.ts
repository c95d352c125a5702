import {
  buildDiscoveryUrls,
  discoverAuthorizationServerMetadata,
  discoverOAuthProtectedResourceMetadata,
} from '@modelcontextprotocol/sdk/client/auth.js';
import {
  OAuthMetadataSchema,
  OAuthProtectedResourceMetadataSchema,
  OpenIdProviderDiscoveryMetadataSchema,
  type AuthorizationServerMetadata,
  type OAuthProtectedResourceMetadata,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type {
  AuthDocument,
  DiscoveryAttempt,
  DiscoveryForm,
  MetadataKind,
} from '@/lib/report/schema-auth';
import { describe, oneLine } from '../errors';
import type { Recorder } from '../recorder';

/** A request the SDK made through the recorder during one discovery call. */
interface Call {
  url: string;
  exchangeId: string | null;
  status: number | null;
  location: string | null;
  error: string | null;
}

interface Candidate {
  form: DiscoveryForm;
  url: string;
  format: 'oauth' | 'oidc' | null;
}

export interface Discovered<T> {
  attempts: DiscoveryAttempt[];
  documents: AuthDocument[];
  /** The document as the SDK parsed it; undefined when the SDK found none or rejected it. */
  value: T | undefined;
  /** The document's JSON as received, even when the SDK rejected it (to diagnose further). */
  raw: unknown;
}

export type { AuthorizationServerMetadata, OAuthProtectedResourceMetadata };

const PRM = 'oauth-protected-resource';

/**
 * The well-known protected resource metadata URLs for an MCP URL, as the SDK builds them (RFC 9728
 * §3.1; MCP 2025-11-25 "Protected Resource Metadata Discovery Requirements"): the path inserted
 * after `/.well-known/oauth-protected-resource`, then the root. At the root path they are one URL.
 */
export function wellKnownResourceUrls(mcpUrl: URL): Candidate[] {
  const path = mcpUrl.pathname.replace(/\/$/, '');
  const root = new URL(`/.well-known/${PRM}`, mcpUrl).href;
  if (!path) {
    const only = new URL(`/.well-known/${PRM}`, mcpUrl);
    only.search = mcpUrl.search;
    return [{ form: 'root', url: only.href, format: null }];
  }
  const inserted = new URL(`/.well-known/${PRM}${path}`, mcpUrl);
  inserted.search = mcpUrl.search;
  return [
    { form: 'path-inserted', url: inserted.href, format: null },
    { form: 'root', url: root, format: null },
  ];
}

/**
 * The authorization server metadata URLs in the spec's order, from the SDK's `buildDiscoveryUrls`
 * (MCP 2025-11-25 "Authorization Server Metadata Discovery"; RFC 8414 §3.1 and §5).
 */
export function authorizationServerUrls(issuer: string): Candidate[] {
  const urls = buildDiscoveryUrls(issuer);
  const forms: DiscoveryForm[] =
    urls.length === 3 ? ['oauth-inserted', 'oidc-inserted', 'oidc-appended'] : ['oauth', 'oidc'];
  return urls.map(({ url, type }, i) => ({
    form: forms[i] ?? 'oauth',
    url: url.href,
    format: type,
  }));
}

/**
 * Protected resource metadata, found as a client finds it: the advertised `resource_metadata` URL
 * when the challenge names one (and only it — the SDK and the spec stop there), otherwise the
 * well-known URLs. When the advertised URL fails, the well-known URLs are requested too, marked as
 * beyond the spec, so the report can say whether the document exists elsewhere.
 */
export async function discoverProtectedResource(
  mcpUrl: URL,
  advertised: string | null,
  recorder: Recorder,
  protocolVersion?: string,
): Promise<Discovered<OAuthProtectedResourceMetadata>> {
  const out: Discovered<OAuthProtectedResourceMetadata> = {
    attempts: [],
    documents: [],
    value: undefined,
    raw: undefined,
  };
  if (advertised !== null) {
    const url = URL.canParse(advertised) ? new URL(advertised) : null;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      out.attempts.push({
        kind: 'protected-resource',
        form: 'advertised',
        url: advertised.slice(0, 500),
        issuer: null,
        exchangeId: null,
        status: null,
        outcome: 'error',
        detail: 'resource_metadata is not an absolute http(s) URL, so a client cannot request it',
        beyondSpec: false,
      });
    } else {
      const found = await observe(
        recorder,
        'protected-resource',
        null,
        [{ form: 'advertised', url: url.href, format: null }],
        false,
        (fetchFn) =>
          discoverOAuthProtectedResourceMetadata(
            mcpUrl,
            { resourceMetadataUrl: url, protocolVersion },
            fetchFn,
          ),
      );
      merge(out, found);
      if (found.value) return out;
    }
  }
  merge(
    out,
    await observe(
      recorder,
      'protected-resource',
      null,
      wellKnownResourceUrls(mcpUrl),
      advertised !== null,
      (fetchFn) => discoverOAuthProtectedResourceMetadata(mcpUrl, { protocolVersion }, fetchFn),
    ),
  );
  return out;
}

/** Authorization server metadata for one issuer, through the SDK's `discoverAuthorizationServerMetadata`. */
export async function discoverAuthorizationServer(
  issuer: string,
  recorder: Recorder,
  options: { protocolVersion?: string; beyondSpec?: boolean } = {},
): Promise<Discovered<AuthorizationServerMetadata>> {
  let candidates: Candidate[];
  try {
    candidates = authorizationServerUrls(issuer);
  } catch {
    return {
      attempts: [
        {
          kind: 'authorization-server',
          form: 'oauth',
          url: issuer.slice(0, 500),
          issuer,
          exchangeId: null,
          status: null,
          outcome: 'error',
          detail:
            'the authorization server is not an absolute URL, so no metadata URL can be built from it',
          beyondSpec: options.beyondSpec ?? false,
        },
      ],
      documents: [],
      value: undefined,
      raw: undefined,
    };
  }
  return observe(
    recorder,
    'authorization-server',
    issuer,
    candidates,
    options.beyondSpec ?? false,
    (fetchFn) =>
      discoverAuthorizationServerMetadata(issuer, {
        fetchFn,
        protocolVersion: options.protocolVersion,
      }),
  );
}

function merge<T>(into: Discovered<T>, from: Discovered<T>): void {
  into.attempts.push(...from.attempts);
  into.documents.push(...from.documents);
  into.value ??= from.value;
  if (into.raw === undefined) into.raw = from.raw;
}

/**
 * Runs one SDK discovery helper with a fetch that notes each request, then turns what happened into
 * timeline rows: one per request (linked to its exchange), and one per candidate URL the SDK never
 * reached because it stopped (a 5xx, a network error).
 */
async function observe<T>(
  recorder: Recorder,
  kind: MetadataKind,
  issuer: string | null,
  candidates: Candidate[],
  beyondSpec: boolean,
  run: (fetchFn: FetchLike) => Promise<T | undefined>,
): Promise<Discovered<T>> {
  const calls: Call[] = [];
  const fetchFn: FetchLike = async (input, init) => {
    const call: Call = {
      url: input instanceof URL ? input.href : String(input),
      exchangeId: null,
      status: null,
      location: null,
      error: null,
    };
    calls.push(call);
    // Anonymous, as a client discovers before it has a token: the user's token and headers are for
    // the MCP server, never for an authorization server elsewhere. The recorder opens the exchange
    // synchronously, so `lastId()` is this request's id even while other requests are in flight.
    const pending = recorder.fetchAnonymous(input, init);
    call.exchangeId = recorder.lastId();
    try {
      const response = await pending;
      call.status = response.status;
      call.location = response.headers.get('location');
      return response;
    } catch (error) {
      call.error = describe(error);
      throw error;
    }
  };

  let value: T | undefined;
  let failure: unknown = null;
  try {
    value = await run(fetchFn);
  } catch (error) {
    failure = error;
  }

  const attempts: DiscoveryAttempt[] = [];
  const documents: AuthDocument[] = [];
  let raw: unknown;
  let pending = [...candidates];
  let form: Candidate = candidates[0] ?? { form: 'oauth', url: '', format: null };
  const bodies = calls.some((c) => c.status !== null && c.status >= 200 && c.status < 300)
    ? exchangeBodies(recorder)
    : new Map<string, string | null>();

  calls.forEach((call, index) => {
    const candidate = pending.find((c) => c.url === call.url);
    if (candidate) {
      form = candidate;
      pending = pending.filter((c) => c !== candidate);
    }
    const last = index === calls.length - 1;
    const row = {
      kind,
      form: form.form,
      url: call.url,
      issuer,
      exchangeId: call.exchangeId,
      status: call.status,
      beyondSpec,
    };
    if (call.error !== null || call.status === null) {
      attempts.push({ ...row, outcome: 'error', detail: call.error ?? 'no answer' });
      return;
    }
    if (call.status >= 300 && call.status < 400) {
      const next = calls[index + 1];
      const target =
        call.location && URL.canParse(call.location, call.url)
          ? new URL(call.location, call.url).href
          : null;
      const followed = next !== undefined && target !== null && next.url === target;
      attempts.push({
        ...row,
        outcome: 'redirect',
        detail: target
          ? `HTTP ${call.status} to ${target}${followed ? ' (followed: same origin)' : ' — not followed: clients follow redirects only within the origin'}`
          : `HTTP ${call.status} without a usable Location`,
      });
      return;
    }
    if (call.status >= 200 && call.status < 300) {
      const text = call.exchangeId ? (bodies.get(call.exchangeId) ?? null) : null;
      const json = parseJson(text);
      const problems = json.ok ? validate(kind, form.format, json.value) : [json.problem];
      raw = json.ok ? json.value : undefined;
      const accepted = last && failure === null && value !== undefined;
      documents.push({
        kind,
        url: call.url,
        exchangeId: call.exchangeId,
        issuer,
        format: kind === 'authorization-server' ? form.format : null,
        json: json.ok ? json.value : null,
        problems,
        beyondSpec,
      });
      attempts.push({
        ...row,
        outcome: accepted ? 'found' : 'invalid',
        detail: accepted
          ? 'metadata found'
          : `the SDK rejects it: ${problems[0] ?? (failure ? describe(failure) : 'unreadable')}`,
      });
      return;
    }
    if (call.status >= 500) {
      attempts.push({
        ...row,
        outcome: 'error',
        detail: `HTTP ${call.status}: a client stops discovery at a server error`,
      });
      return;
    }
    attempts.push({ ...row, outcome: 'not-found', detail: `HTTP ${call.status}` });
  });

  if (value === undefined) {
    const stop =
      failure !== null && attempts.at(-1)?.outcome !== 'invalid'
        ? oneLine(describe(failure), 200)
        : null;
    for (const candidate of pending) {
      attempts.push({
        kind,
        form: candidate.form,
        url: candidate.url,
        issuer,
        exchangeId: null,
        status: null,
        outcome: 'not-tried',
        detail: stop
          ? `not reached: the SDK stopped at the previous URL (${stop})`
          : 'not reached: the SDK stopped at the previous URL',
        beyondSpec,
      });
    }
  }
  return { attempts, documents, value, raw };
}

/** The redacted, bounded bodies the recorder kept, by exchange id (null when cut short). */
function exchangeBodies(recorder: Recorder): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const x of recorder.snapshot()) {
    const body = x.response?.body;
    map.set(x.id, body && !body.truncated ? body.text : null);
  }
  return map;
}

function parseJson(
  text: string | null,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (text === null)
    return { ok: false, problem: 'the body was larger than MCP Doctor keeps, or missing' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: `not JSON: ${oneLine(describe(error), 120)}` };
  }
}

/** What the SDK's own schema says is wrong with a document (the reason an SDK client rejects it). */
function validate(kind: MetadataKind, format: 'oauth' | 'oidc' | null, json: unknown): string[] {
  const schema =
    kind === 'protected-resource'
      ? OAuthProtectedResourceMetadataSchema
      : format === 'oidc'
        ? OpenIdProviderDiscoveryMetadataSchema
        : OAuthMetadataSchema;
  const result = schema.safeParse(json);
  if (result.success) return [];
  return result.error.issues.slice(0, 10).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'document';
    return oneLine(`${where}: ${issue.message}`, 200);
  });
}
