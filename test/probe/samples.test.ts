import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { CONNECTION_SAMPLES } from '@/lib/samples/connection-samples';
import { samplePath } from '@/lib/samples/types';
import { samplesServer, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { LOOPBACK_ONLY, rowsIgnoringLoopback } from './support';

/** The checks that must fail for each sample (others may add to them): what its card demonstrates. */
const DECISIVE: Record<string, string[]> = {
  healthy: [],
  'wrong-path': ['connection.status'],
  'html-page': ['connection.content-type'],
  'bot-challenge': ['connection.edge'],
  'invalid-tools': ['tools.description', 'tools.input-schema', 'tools.name'],
  slow: ['connection.latency'],
  'tools-to-call': [],
};

let server: Running;
beforeAll(async () => {
  server = await samplesServer();
});
afterAll(async () => {
  await server.close();
});

test('every Connection/Tools sample has its decisive checks listed here', () => {
  expect(CONNECTION_SAMPLES.map((s) => s.slug).sort()).toEqual(Object.keys(DECISIVE).sort());
});

/** Each sample, served as the app serves it, shows the rows its card promises, for its reasons. */
describe.each(CONNECTION_SAMPLES.map((s) => [s.slug, s] as const))(
  'the %s sample',
  (slug, sample) => {
    test(`shows ${JSON.stringify(sample.expected)}`, async () => {
      const report = await runHealthCheck(targetFor(server.origin + samplePath(sample)));

      expect(rowsIgnoringLoopback(report)).toMatchObject(sample.expected);
      const failing = report.checks
        .filter((c) => c.status !== 'pass' && c.status !== 'skipped' && c.severity !== 'info')
        .map((c) => c.id)
        .filter((id) => !LOOPBACK_ONLY.has(id));
      const decisive = DECISIVE[slug] ?? [];
      if (decisive.length === 0) expect(failing).toEqual([]);
      else expect(failing).toEqual(expect.arrayContaining(decisive));
    });
  },
);

test('the sample route answers an unknown slug with a JSON 404', async () => {
  const response = await fetch(`${server.origin}/samples/no-such-sample/mcp`, {
    method: 'POST',
    body: '{}',
  });
  expect(response.status).toBe(404);
  expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
});

test('the wrong-path sample has no handler of its own: its slug is a 404 too', async () => {
  const response = await fetch(`${server.origin}/samples/wrong-path/mcp`, {
    method: 'POST',
    body: '{}',
  });
  expect(response.status).toBe(404);
});

test('the HTML sample answers any method with a web page', async () => {
  for (const method of ['GET', 'POST', 'DELETE']) {
    const response = await fetch(`${server.origin}/samples/html-page/mcp`, { method });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<html/);
  }
});
