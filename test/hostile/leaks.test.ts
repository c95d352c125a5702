import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LIMITS } from '@/lib/probe/limits';
import { toHar } from '@/lib/report/har';
import { toJUnit } from '@/lib/report/junit';
import { textSummary } from '@/lib/report/text-summary';
import { MemoryRunRegistry } from '@/lib/runs/registry';
import { startRun } from '@/lib/runs/start';
import { PersistentRunRegistry } from '@/lib/store/run-registry';
import { Store } from '@/lib/store/store';
import { targetFor } from '../fixtures/target';
import { sqliteBackend } from '../store/backends';
import { diagnoseHostile, start } from './support';
import { initializeResult, nodeServer, type Hostile } from './servers';

/**
 * A server that echoes the user's credentials everywhere it can: response headers, bodies,
 * WWW-Authenticate, tool descriptions, URLs and redirects carrying OAuth parameters, metadata
 * documents. After a full diagnosis with a token and a secret header, no output of the dashboard
 * (the report, its HAR and JUnit exports, the terminal summary, anything logged) may contain any
 * of them, nor the values of `code`, `code_verifier`, `client_secret`, `refresh_token`.
 */
const TOKEN = 'tok-Leak-7f3a9c2e1b8d';
const HEADER_NAME = 'X-Team-Secret';
const HEADER_VALUE = 'hdr-Leak-5d8e2a0c44f1';
const OAUTH = {
  code: 'code-Leak-31a9f0e2',
  code_verifier: 'verifier-Leak-88c1d7b3e5a04f',
  client_secret: 'csecret-Leak-0b7e6d5c',
  refresh_token: 'refresh-Leak-4e2a9b1c',
  access_token: 'access-Leak-a61f3c0d',
};
const SECRETS = [TOKEN, HEADER_VALUE, ...Object.values(OAUTH)];
const oauthQuery = new URLSearchParams(OAUTH).toString();
const echo = `token ${TOKEN} header ${HEADER_VALUE} ${oauthQuery} Bearer ${TOKEN}`;

function leakyServer(): Promise<Hostile> {
  let origin = '';
  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) =>
    res
      .writeHead(status, {
        'content-type': 'application/json',
        'x-echo': echo,
        'set-cookie': `session=${TOKEN}; HttpOnly`,
        [`x-echo-${HEADER_NAME.toLowerCase()}`]: HEADER_VALUE,
        ...headers,
      })
      .end(typeof body === 'string' ? body : JSON.stringify(body));

  const server = nodeServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const authorized = req.headers.authorization === `Bearer ${TOKEN}`;
      if (url.pathname.startsWith('/.well-known/oauth-protected-resource')) {
        return send(res, 200, {
          resource: `${origin}/mcp`,
          authorization_servers: [`${origin}/?${oauthQuery}`],
          resource_documentation: `${origin}/docs?${oauthQuery}`,
          note: echo,
        });
      }
      if (url.pathname.startsWith('/.well-known/')) {
        return send(res, 200, {
          issuer: `${origin}/`,
          authorization_endpoint: `${origin}/authorize?${oauthQuery}`,
          token_endpoint: `${origin}/token?refresh_token=${OAUTH.refresh_token}`,
          response_types_supported: ['code'],
          client_secret: OAUTH.client_secret,
          refresh_token: OAUTH.refresh_token,
          note: echo,
        });
      }
      if (req.method !== 'POST') return send(res, 405, { error: echo });
      // The MCP URL moves, within its origin, to one carrying OAuth parameters in its query.
      if (url.pathname === '/mcp') {
        return send(res, 307, '', { location: `/mcp/moved?${oauthQuery}` });
      }
      if (!authorized) {
        return send(
          res,
          401,
          { error: echo },
          {
            'www-authenticate': `Bearer error="invalid_token", error_description="${echo}", resource_metadata="${origin}/.well-known/oauth-protected-resource?${oauthQuery}"`,
          },
        );
      }
      const message = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        id?: number;
        method?: string;
      };
      if (message.id === undefined) return send(res, 202, '');
      if (message.method === 'initialize') {
        return send(
          res,
          200,
          initializeResult(message.id, {
            instructions: echo,
            serverInfo: { name: echo, version: TOKEN },
          }),
        );
      }
      if (message.method === 'tools/list') {
        // The kept copy of a body is cut at a byte bound: this answer puts the cut 14 characters
        // into the token, so what was kept ends with the start of a secret.
        const answer = (pad: number) =>
          JSON.stringify({
            jsonrpc: '2.0',
            id: message.id,
            result: {
              tools: [
                {
                  name: 'echo',
                  description: echo,
                  inputSchema: {
                    type: 'object',
                    properties: { [TOKEN]: { type: 'string', default: HEADER_VALUE } },
                  },
                },
                {
                  name: 'straddle',
                  description: `${'p'.repeat(pad)}${TOKEN}`,
                  inputSchema: { type: 'object' },
                },
              ],
            },
          });
        const at = answer(0).lastIndexOf(TOKEN);
        return send(res, 200, answer(LIMITS.keptBodyBytes - 14 - at));
      }
      send(res, 200, { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: echo } });
    });
  });
  return server.then((running) => {
    origin = running.origin;
    return running;
  });
}

const logged: string[] = [];
beforeEach(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
    );
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  logged.length = 0;
});

describe('a server that echoes every credential', () => {
  test('no output of a full diagnosis contains one', async () => {
    const server = await start(leakyServer());
    const { report } = await diagnoseHostile(server.url, {
      token: TOKEN,
      headers: { [HEADER_NAME]: HEADER_VALUE },
    });

    // The run really saw the echoes: the session opened, the tools and the discovery came back.
    expect(report.steps.find((s) => s.id === 'tools')?.status).toBe('ok');
    expect(report.tools).toHaveLength(2);
    expect(report.auth?.required).toBe(true);
    expect(report.auth?.discovery.some((a) => a.outcome === 'found')).toBe(true);
    expect(report.exchanges.some((x) => x.response?.status === 307)).toBe(true);

    const outputs = {
      report: JSON.stringify(report),
      har: JSON.stringify(toHar(report, { name: 'mcp-doctor', version: 'test' })),
      junit: toJUnit(report),
      text: textSummary(report, { color: false }),
      console: logged.join('\n'),
    };
    for (const [name, output] of Object.entries(outputs)) {
      for (const secret of SECRETS) {
        // The whole secret, and any 10-character piece of it a cut could leave behind.
        expect(output.includes(secret), `${secret} in the ${name}`).toBe(false);
        expect(output.includes(secret.slice(0, 14)), `the start of ${secret} in the ${name}`).toBe(
          false,
        );
      }
    }
    // What took their place is the marker, where a reader can see something was removed.
    expect(outputs.report).toContain('[redacted]');
    expect(outputs.har).toContain('[redacted]');
  });

  test('nor does the store, searched after every save of the run and at its end', async () => {
    const server = await start(leakyServer());
    const backend = await sqliteBackend();
    const database = await backend.newDatabase();
    const store = await Store.open({
      database: database.config,
      retention: { runs: 10, days: 1 },
      leaseMs: 60_000,
    });
    const dumps: string[] = [];
    class Searched extends PersistentRunRegistry {
      override update(...args: Parameters<PersistentRunRegistry['update']>) {
        const run = super.update(...args);
        if (run) void this.settled(run.id).then(async () => dumps.push(await database.dump()));
        return run;
      }
    }
    try {
      const registry = new Searched(async () => store, new MemoryRunRegistry());
      const { run, done } = startRun(
        registry,
        targetFor(server.url, { token: TOKEN, headers: { [HEADER_NAME]: HEADER_VALUE } }),
      );
      await done;
      await registry.settled(run.id);
      dumps.push(await database.dump());
      expect((await store.getRun(run.id))?.report?.tools).toHaveLength(2);
      expect(dumps.length).toBeGreaterThan(3);
      for (const [i, dump] of dumps.entries()) {
        for (const secret of SECRETS) {
          expect(dump.includes(secret.slice(0, 14)), `${secret} in save ${i}`).toBe(false);
        }
      }
      for (const secret of SECRETS) expect(logged.join('\n')).not.toContain(secret.slice(0, 14));
    } finally {
      await store.close();
      await backend.stop();
    }
  });
});
