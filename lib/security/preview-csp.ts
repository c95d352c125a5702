import { isLoopbackHost } from '@/lib/net/address';
import { parseHostSource, sourceMatches } from '@/lib/widgets/csp';

/** Directives that name where a document may load from or send to; `frame-ancestors` is not one. */
const FETCH_DIRECTIVES = new Set([
  'default-src',
  'script-src',
  'style-src',
  'img-src',
  'font-src',
  'media-src',
  'connect-src',
  'frame-src',
  'child-src',
  'worker-src',
  'object-src',
  'base-uri',
  'form-action',
  'manifest-src',
]);

/**
 * A widget preview's Content-Security-Policy with every source that would reach the dashboard
 * removed. The widget's own metadata chooses its domains, so a hostile widget can list the
 * dashboard's origin in `connect_domains` and, from the preview, call the API of a dashboard left
 * open. A directive left with no source gets `'none'`; the rest of the policy is kept as it is.
 */
export function withoutOrigins(policy: string, origins: readonly string[]): string {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)
    .map((directive) => {
      const [name = '', ...sources] = directive.split(/\s+/);
      if (!FETCH_DIRECTIVES.has(name.toLowerCase())) return directive;
      const kept = sources.filter((source) => !reaches(source, origins));
      if (kept.length === sources.length) return directive;
      return [name, ...(kept.length ? kept : ["'none'"])].join(' ');
    })
    .join('; ');
}

/** Whether a CSP source matches one of the origins, wherever its path points. */
function reaches(source: string, origins: readonly string[]): boolean {
  if (source === "'self'" || source === '*') return true;
  const parsed = parseHostSource(source);
  if (!parsed) return false;
  return withLoopbackAliases(origins).some((origin) =>
    sourceMatches(source, `${origin}${parsed.path ?? '/'}`),
  );
}

/** A dashboard on this machine answers on each loopback name of its port. */
function withLoopbackAliases(origins: readonly string[]): string[] {
  const all = new Set(origins);
  for (const origin of origins) {
    const url = new URL(origin);
    if (!isLoopbackHost(url.hostname)) continue;
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      all.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
    }
  }
  return [...all];
}
