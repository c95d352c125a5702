import { describe, expect, it } from 'vitest';
import { Redactor } from '@/lib/probe/redact';
import type { Exchange } from '@/lib/report/schema';
import { EDGE_FIXTURES, edgeFixture, fixtureExchange } from './fixtures';
import { identifyEdge } from './identify';
import { BODY_SCAN_CHARS, EVIDENCE_MAX } from './response-text';

const exchange = (name: string): Exchange => {
  const fixture = edgeFixture(name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  return fixtureExchange(fixture);
};

const withBody = (name: string, text: string): Exchange => {
  const x = exchange(name);
  return {
    ...x,
    response: x.response && { ...x.response, body: { text, bytes: text.length, truncated: false } },
  };
};

describe('identifyEdge on recorded answers', () => {
  it.each(EDGE_FIXTURES.map((f) => [f.name, f]))('%s', (_name, fixture) => {
    const match = identifyEdge(fixtureExchange(fixture));
    if (fixture.expect === null) {
      expect(match).toBeNull();
      return;
    }
    expect(match?.signature.id).toBe(fixture.expect.signature);
    expect(match?.evidence.text).toBe(fixture.expect.evidence);
  });

  // The probe stores responses through the recorder's redaction (set-cookie values, credential
  // parameters, bearer tokens): every signature must still be recognised in what is stored.
  it.each(EDGE_FIXTURES.map((f) => [f.name, f]))('%s survives redaction', (_name, fixture) => {
    const x = fixtureExchange(fixture);
    const redactor = new Redactor();
    const stored: Exchange = {
      ...x,
      request: { ...x.request, url: redactor.url(x.request.url) },
      response: x.response && {
        ...x.response,
        headers: redactor.headers(x.response.headers),
        body: x.response.body && { ...x.response.body, text: redactor.text(x.response.body.text) },
      },
    };
    expect(identifyEdge(stored)?.signature.id ?? null).toBe(fixture.expect?.signature ?? null);
  });

  it('an exchange without a response (connection refused, timeout) names no edge', () => {
    expect(identifyEdge({ ...exchange('cloudflare-challenge'), response: null })).toBeNull();
  });

  it('header names match whatever their case on the wire', () => {
    const x = exchange('cloudflare-challenge');
    const upper = x.response && {
      ...x.response,
      headers: x.response.headers.map(([n, v]): [string, string] => [n.toUpperCase(), v]),
    };
    expect(identifyEdge({ ...x, response: upper })?.evidence.text).toBe('cf-mitigated: challenge');
  });

  it('a repeated header matches on any of its values', () => {
    const x = exchange('vercel-challenge');
    const headers = x.response?.headers.map(([n, v]): [string, string] =>
      n === 'x-vercel-mitigated' ? [n, 'none'] : [n, v],
    );
    const both = x.response && {
      ...x.response,
      headers: [...(headers ?? []), ['x-vercel-mitigated', 'challenge'] as [string, string]],
    };
    expect(identifyEdge({ ...x, response: both })?.signature.id).toBe('vercel-challenge');
  });

  it('the first signature in table order wins: a tunnel error behind Cloudflare is the tunnel', () => {
    // cloudflare-tunnel-down and cloudflare-origin-unreachable both see server: cloudflare.
    expect(identifyEdge(exchange('cloudflare-tunnel-down'))?.signature.id).toBe(
      'cloudflare-tunnel-down',
    );
    // basic-auth (a login wall) comes before nginx's default page, which this 401 also carries.
    expect(identifyEdge(exchange('basic-auth'))?.signature.id).toBe('basic-auth');
  });

  it('localtunnel is named only on its own hosts', () => {
    const x = exchange('localtunnel-offline');
    expect(
      identifyEdge({ ...x, request: { ...x.request, url: 'https://mcp.example.com/mcp' } }),
    ).toBeNull();
  });
});

describe('identifyEdge on hostile bodies', () => {
  it('quotes a window around the match when the page is one long line', () => {
    const text = `${'a'.repeat(5_000)}<title>Just a moment...</title>${'b'.repeat(5_000)}`;
    const evidence = identifyEdge(withBody('cloudflare-challenge--page', text))?.evidence;
    expect(evidence?.kind).toBe('body');
    expect(evidence?.text).toContain('<title>Just a moment...</title>');
    expect(evidence?.text.startsWith('…')).toBe(true);
    expect(evidence?.text.endsWith('…')).toBe(true);
    expect(evidence?.text.length).toBeLessThanOrEqual(EVIDENCE_MAX + 2);
  });

  it('reads only the first BODY_SCAN_CHARS characters of the body', () => {
    const late = `${' '.repeat(BODY_SCAN_CHARS)}<title>Just a moment...</title>`;
    expect(identifyEdge(withBody('cloudflare-challenge--page', late))).toBeNull();
    const early = `${' '.repeat(BODY_SCAN_CHARS - 40)}<title>Just a moment...</title>`;
    expect(identifyEdge(withBody('cloudflare-challenge--page', early))?.signature.id).toBe(
      'cloudflare-challenge',
    );
  });

  it('a 10 MB body of near-misses for every pattern is scanned and rejected', () => {
    // Prefixes of the markers, repeated: what makes a backtracking pattern explode.
    const nearMiss =
      '<center>nginx<center>upstream connect error or <title>Just a moment..ERR_NGROK_ error code: 10 ';
    const text = nearMiss.repeat(Math.ceil((10 * 1024 * 1024) / nearMiss.length));
    expect(identifyEdge(withBody('nginx-error-page', text))).toBeNull();
  });

  it('a header value of 1 MB is tested in its first 2 KB only', () => {
    const x = exchange('ngrok-error');
    const withCode = (padding: number): Exchange => ({
      ...x,
      response: x.response && {
        ...x.response,
        headers: [['ngrok-error-code', `${' '.repeat(padding)}ERR_NGROK_727`]],
      },
    });
    expect(identifyEdge(withCode(1024 * 1024))).toBeNull();
    expect(identifyEdge(withCode(1_000))?.signature.id).toBe('ngrok-error');
    expect(identifyEdge(withCode(1_000))?.evidence.text.length).toBeLessThanOrEqual(EVIDENCE_MAX);
  });
});
