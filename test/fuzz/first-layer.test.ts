import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  bodyLimit,
  changesState,
  checkBody,
  checkCrossSite,
  checkPath,
} from '@/lib/security/first-layer';
import { PEER_HEADER, clientKey } from '@/lib/security/rate-limit';
import { anyString } from './arbitraries';

/**
 * The door every request passes, as properties over whatever a client sends: the decisions never
 * throw, a state-changing request from another site is always refused, a body is never taken past
 * its route's size, and the rate-limit key is never the client's to choose.
 */
const OWN = ['http://localhost:3000'];
const method = fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE');
const site = fc.option(fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none'), {
  nil: undefined,
});
const origin = fc.option(
  fc.oneof(
    fc.constant('http://localhost:3000'),
    fc.constant('null'),
    fc.webUrl().map((u) => new URL(u).origin),
  ),
  { nil: undefined },
);
const apiPath = fc.constantFrom(
  '/api/runs',
  '/api/sessions',
  '/api/sessions/AAAAAAAAAAAAAAAAAAAAAA/notes',
  '/api/import',
  '/api/login',
  '/api/check',
);

const headersOf = (entries: Record<string, string | undefined>) =>
  new Headers(Object.entries(entries).filter((e): e is [string, string] => e[1] !== undefined));

describe('checkCrossSite', () => {
  test('refuses a state-changing request that names another site, takes the rest', () => {
    fc.assert(
      fc.property(method, site, origin, (m, s, o) => {
        const refused = checkCrossSite(m, headersOf({ 'sec-fetch-site': s, origin: o }), OWN);
        // Sec-Fetch-Site, when a browser sent it, decides; Origin only without it.
        const foreign = s !== undefined ? s !== 'same-origin' : o !== undefined && !OWN.includes(o);
        expect(refused !== null).toBe(changesState(m) && foreign);
        if (refused) expect([refused.code, refused.status]).toEqual(['cross-site', 403]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkBody', () => {
  test('never takes a state-changing body past its route’s size, or of a type it does not read', () => {
    fc.assert(
      fc.property(
        method,
        apiPath,
        fc.option(fc.integer({ min: 0, max: 40 * 1024 * 1024 }), { nil: undefined }),
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          '',
        ),
        fc.boolean(),
        (m, pathname, length, type, chunked) => {
          const headers = headersOf({
            'content-length': length === undefined ? undefined : String(length),
            'content-type': type || undefined,
            'transfer-encoding': chunked && length === undefined ? 'chunked' : undefined,
          });
          const refused = checkBody(m, pathname, headers);
          if (!changesState(m)) {
            expect(refused).toBeNull();
            return;
          }
          if (length !== undefined && length > bodyLimit(pathname)) expect(refused).not.toBeNull();
          if (chunked && length === undefined) expect(refused).not.toBeNull();
          if (refused) expect([413, 415]).toContain(refused.status);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('checkPath', () => {
  test('refuses exactly the paths a segment of which does not decode, and never throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyString, fc.constantFrom('%ff', '%', '%e2%82', '%2F', 'runs')), {
          maxLength: 5,
        }),
        (segments) => {
          const pathname = `/${segments.join('/')}`;
          let decodes = true;
          try {
            decodeURIComponent(pathname);
          } catch {
            decodes = false;
          }
          const refused = checkPath(pathname);
          expect(refused === null).toBe(decodes);
          if (refused) expect([refused.code, refused.status]).toEqual(['bad-path', 400]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('clientKey', () => {
  test('with no proxy trusted, is the socket’s address whatever X-Forwarded-For says', () => {
    fc.assert(
      fc.property(anyString, fc.ipV4(), (forwarded, peer) => {
        const headers = new Headers({ [PEER_HEADER]: peer });
        try {
          headers.set('x-forwarded-for', forwarded);
        } catch {
          // not a header value a client could send
        }
        expect(clientKey(headers, 0)).toBe(peer);
      }),
      { numRuns: 500 },
    );
  });

  test('behind N proxies, is the hop they appended, never one the client wrote', () => {
    fc.assert(
      fc.property(
        fc.array(fc.ipV4(), { maxLength: 4 }),
        fc.ipV4(),
        fc.array(fc.ipV4(), { minLength: 1, maxLength: 3 }),
        (forged, client, proxies) => {
          // The client forged some hops; the first proxy appended the client; each further proxy
          // appended the one before it; the socket is the last proxy.
          const chain = [...forged, client, ...proxies.slice(0, -1)];
          const headers = new Headers({
            'x-forwarded-for': chain.join(', '),
            [PEER_HEADER]: proxies.at(-1) ?? '',
          });
          expect(clientKey(headers, proxies.length)).toBe(client);
        },
      ),
      { numRuns: 300 },
    );
  });
});
