/** This machine and private-network names, which people serve over plain http while developing. */
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|[^/:]+\.local)(:\d+)?(\/|$)/i;

/**
 * The URL as typed, with a scheme when it had none: `localhost:3000/mcp` → `http://localhost:3000/mcp`
 * (a local server), `example.com/mcp` → `https://example.com/mcp`. Anything with a scheme, or empty,
 * is left as it is for the URL parser to judge.
 */
export function withScheme(input: string): string {
  const url = input.trim();
  if (url === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  return `${LOCAL.test(url) ? 'http' : 'https'}://${url}`;
}
