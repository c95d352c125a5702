import { describe, expect, it } from 'vitest';
import type { ClientFacts } from './facts';
import { facts, judged, signIn } from './testing';
import { VSCODE } from './vscode';

type Case = {
  name: string;
  change: (f: ClientFacts) => void;
  verdict: string;
  rule: string;
  outcome: string;
};

const tools = (f: ClientFacts, count: number, complete = true) => {
  if (f.tools.value) f.tools.value = { ...f.tools.value, count, complete };
};

const cases: Case[] = [
  {
    name: 'a public open server',
    change: () => {},
    verdict: 'works',
    rule: 'vscode.tool-count',
    outcome: 'ok',
  },
  {
    name: 'a local plain-http server',
    change: (f) => {
      f.url.value = { scheme: 'http', host: '127.0.0.1', port: 3000, loopback: true };
      f.publicAddress.value = false;
    },
    verdict: 'works',
    rule: 'vscode.connection',
    outcome: 'ok',
  },
  {
    name: 'exactly 128 tools',
    change: (f) => tools(f, 128),
    verdict: 'works',
    rule: 'vscode.tool-count',
    outcome: 'ok',
  },
  {
    name: '150 tools',
    change: (f) => tools(f, 150),
    verdict: 'degraded',
    rule: 'vscode.tool-count',
    outcome: 'degraded',
  },
  {
    name: 'a listing cut at 500 tools',
    change: (f) => tools(f, 500, false),
    verdict: 'degraded',
    rule: 'vscode.tool-count',
    outcome: 'degraded',
  },
  {
    name: 'OAuth with DCR, before sign-in',
    change: (f) => signIn(f),
    verdict: 'works',
    rule: 'vscode.redirect-uris',
    outcome: 'unknown',
  },
  {
    name: 'CIMD only (VS Code registers by DCR)',
    change: (f) => {
      signIn(f);
      f.auth.registration.value = { dcr: false, cimd: true };
    },
    verdict: 'degraded',
    rule: 'vscode.registration',
    outcome: 'degraded',
  },
  {
    name: 'SSE only (VS Code falls back to it)',
    change: (f) => {
      f.transports.value = ['sse'];
    },
    verdict: 'works',
    rule: 'vscode.transport',
    outcome: 'ok',
  },
  {
    name: 'a 2026-07-28-only server',
    change: (f) => {
      f.handshake.value = 'modern-only';
    },
    verdict: 'unknown',
    rule: 'vscode.protocol-era',
    outcome: 'unknown',
  },
  {
    name: 'no MCP answer',
    change: (f) => {
      f.handshake.value = 'failed';
    },
    verdict: 'blocked',
    rule: 'vscode.connection',
    outcome: 'blocked',
  },
];

describe('VS Code', () => {
  it.each(cases)('$name → $verdict ($rule: $outcome)', ({ change, verdict, rule, outcome }) => {
    expect(judged(VSCODE, facts(change), rule)).toEqual({ verdict, outcome });
  });
});
