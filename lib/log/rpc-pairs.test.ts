import { describe, expect, it } from 'vitest';
import { exchange, response } from '@/lib/checks/testing';
import { rpcPairs } from './rpc-pairs';

describe('rpcPairs', () => {
  it('pairs each request with its answer by id, wherever it arrived', () => {
    const sseText = 'event: message\ndata: {"jsonrpc":"2.0","id":2,"result":{"tools":[]}}\n\n';
    const stream = exchange({
      id: 'stream',
      request: { method: 'GET', url: 'https://example.com/sse', headers: [], body: null },
      response: {
        ...response(200, sseText, 'text/event-stream'),
        body: {
          text: sseText,
          bytes: sseText.length,
          truncated: false,
          events: [{ event: 'message', data: '{"jsonrpc":"2.0","id":2,"result":{"tools":[]}}' }],
        },
      },
    });
    const log = [
      exchange({ id: 'init', rpc: { method: 'initialize', id: 0 } }),
      exchange({
        id: 'note',
        rpc: { method: 'notifications/initialized' },
        response: response(202, '', ''),
      }),
      exchange({
        id: 'call',
        rpc: { method: 'tools/call', id: 1 },
        response: response(
          200,
          '{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"bad args"}}',
        ),
      }),
      exchange({
        id: 'list',
        rpc: { method: 'tools/list', id: 2 },
        response: response(202, '', ''),
      }),
      exchange({ id: 'lost', rpc: { method: 'resources/list', id: 3 }, response: null }),
      stream,
    ];
    expect(rpcPairs(log)).toEqual([
      {
        requestId: 'init',
        method: 'initialize',
        rpcId: 0,
        responseExchangeId: 'init',
        outcome: 'result',
        result: {},
      },
      {
        requestId: 'note',
        method: 'notifications/initialized',
        rpcId: undefined,
        responseExchangeId: null,
        outcome: 'notification',
      },
      {
        requestId: 'call',
        method: 'tools/call',
        rpcId: 1,
        responseExchangeId: 'call',
        outcome: 'error',
        error: { code: -32602, message: 'bad args' },
      },
      {
        requestId: 'list',
        method: 'tools/list',
        rpcId: 2,
        responseExchangeId: 'stream',
        outcome: 'result',
        result: { tools: [] },
      },
      {
        requestId: 'lost',
        method: 'resources/list',
        rpcId: 3,
        responseExchangeId: null,
        outcome: 'missing',
      },
    ]);
  });
});
