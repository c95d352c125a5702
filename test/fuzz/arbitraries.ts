import net from 'node:net';
import fc from 'fast-check';

/**
 * Generators for untrusted API input. Whatever they make, nothing may be dialled but loopback: a
 * generated value that names any other http(s) or ws(s) host is discarded, and the well-formed
 * URLs they make point at a loopback port where nothing listens (a diagnosis of it ends at once).
 */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Whether a string could send a request anywhere but loopback, were it taken as a URL. */
export function namesRemoteHost(text: string): boolean {
  const trimmed = text.trim();
  if (!URL.canParse(trimmed)) return false;
  const url = new URL(trimmed);
  return /^(https?|wss?):$/.test(url.protocol) && !LOOPBACK_HOSTS.has(url.hostname);
}

/** Whether any string in a JSON-like value (keys included) names a remote host. */
export function containsRemoteUrl(value: unknown, depth = 0): boolean {
  if (depth > 50) return false;
  if (typeof value === 'string') return namesRemoteHost(value);
  if (Array.isArray(value)) return value.some((v) => containsRemoteUrl(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(
      ([k, v]) => namesRemoteHost(k) || containsRemoteUrl(v, depth + 1),
    );
  }
  return false;
}

/** Any JSON a client could send, short of naming a remote host. */
export const safeJson = fc.jsonValue({ maxDepth: 4 }).filter((v) => !containsRemoteUrl(v));

/** Strings in every shape: printable, full Unicode with lone surrogates, control characters. */
export const anyString = fc
  .oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({
      unit: fc.constantFrom('\r', '\n', '\0', '\u202e', '%', '#', '?', ' ', ':', '/'),
      maxLength: 10,
    }),
  )
  .filter((s) => !namesRemoteHost(s));

/** A well-formed endpoint URL on a closed loopback port: path, query and case vary. */
export const loopbackUrl = (port: number) =>
  fc
    .record({
      scheme: fc.constantFrom('http', 'HTTP', 'https'),
      host: fc.constantFrom('127.0.0.1', '[::1]', 'localhost', 'LOCALHOST'),
      path: fc.webPath(),
      query: fc.option(fc.webQueryParameters(), { nil: undefined }),
    })
    .map(
      ({ scheme, host, path, query }) =>
        `${scheme}://${host}:${port}${path}${query ? `?${query}` : ''}`,
    );

/** Strings that are not a usable endpoint URL: relative, other schemes, malformed. */
export const badUrl = fc.oneof(
  anyString.filter((s) => !URL.canParse(s.trim())),
  fc.constantFrom(
    'ftp://127.0.0.1/x',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<b>',
    'mailto:a@b',
    '//127.0.0.1/mcp',
    'http://',
    'http://[::1',
    '',
  ),
  fc.string({ minLength: 2049, maxLength: 2100 }).map((s) => `http://127.0.0.1/${s}`),
);

/** Header maps, valid (RFC 9110 tokens, no line breaks) and not. */
export const validHeaders = fc.dictionary(
  fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/),
  fc.stringMatching(/^[ -~]{0,40}$/).filter((s) => !namesRemoteHost(s)),
  { maxKeys: 5 },
);

export const anyHeaders = fc.oneof(
  validHeaders,
  fc.dictionary(anyString, fc.oneof(anyString, safeJson), { maxKeys: 5 }),
  safeJson,
);
