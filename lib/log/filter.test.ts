import { describe, expect, it } from 'vitest';
import { exchange, response } from '@/lib/checks/testing';
import { filterExchanges, methodsOf, NO_FILTER, statusClassOf } from './filter';

const log = [
  exchange({ id: 'init', step: 'initialize', rpc: { method: 'initialize', id: 0 } }),
  exchange({
    id: 'list',
    step: 'tools',
    rpc: { method: 'tools/list', id: 1 },
    response: response(
      200,
      '{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"Search_Recipes"}]}}',
    ),
  }),
  exchange({
    id: 'meta',
    step: 'auth',
    request: {
      method: 'GET',
      url: 'https://example.com/.well-known/oauth-protected-resource',
      headers: [['authorization', 'Bearer [redacted]']],
      body: null,
    },
    response: response(404, 'not here', 'text/plain'),
  }),
  exchange({
    id: 'sse',
    step: 'resources',
    request: { method: 'GET', url: 'https://example.com/sse', headers: [], body: null },
    response: null,
    error: { code: 'timeout', message: 'no answer in 10 s' },
  }),
  exchange({ id: 'moved', step: 'tcp', response: response(302, '') }),
  exchange({ id: 'boom', step: 'tools', response: response(503, 'down', 'text/plain') }),
];
const ids = (filter: Partial<typeof NO_FILTER>) =>
  filterExchanges(log, { ...NO_FILTER, ...filter }).map((x) => x.id);

describe('filterExchanges', () => {
  it('keeps everything, in order, with no filter', () => {
    expect(ids({})).toEqual(['init', 'list', 'meta', 'sse', 'moved', 'boom']);
  });

  it('groups the connection steps together', () => {
    expect(ids({ step: 'connection' })).toEqual(['init', 'moved']);
    expect(ids({ step: 'tools' })).toEqual(['list', 'boom']);
    expect(ids({ step: 'widgets' })).toEqual(['sse']);
  });

  it('filters by method, ignoring case', () => {
    expect(ids({ method: 'get' })).toEqual(['meta', 'sse']);
  });

  it('filters by status class, with no answer counted as an error', () => {
    expect(ids({ status: '4xx' })).toEqual(['meta']);
    expect(ids({ status: '5xx' })).toEqual(['boom']);
    expect(ids({ status: '3xx' })).toEqual(['moved']);
    expect(ids({ status: 'error' })).toEqual(['sse']);
    expect(statusClassOf(log[0]!)).toBe('2xx');
  });

  it('searches URLs, headers, bodies and errors, case-insensitively', () => {
    expect(ids({ text: 'well-known' })).toEqual(['meta']);
    expect(ids({ text: 'BEARER' })).toEqual(['meta']);
    expect(ids({ text: 'search_recipes' })).toEqual(['list']);
    expect(ids({ text: 'no answer' })).toEqual(['sse']);
    expect(ids({ text: '  ' })).toHaveLength(log.length);
  });

  it('combines filters', () => {
    expect(ids({ step: 'tools', status: '2xx', text: 'recipes' })).toEqual(['list']);
    expect(ids({ step: 'auth', method: 'POST' })).toEqual([]);
  });

  it('lists the methods present', () => {
    expect(methodsOf(log)).toEqual(['GET', 'POST']);
  });
});
