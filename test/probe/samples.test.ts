import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diagnose } from '@/lib/diagnose';
import { CONNECTION_SAMPLES } from '@/lib/samples/connection-samples';
import { samplePath } from '@/lib/samples/types';
import { samplesServer, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { rowsIgnoringLoopback } from './support';

/** The checks that must fail for each sample: what its card says it demonstrates. */
const DECISIVE: Record<string, string[]> = {
  healthy: [],
  'wrong-path': ['connection.status'],
  'html-page': ['connection.content-type'],
  'invalid-tools': ['tools.description', 'tools.input-schema', 'tools.name'],
  slow: ['connection.latency'],
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
      const report = await diagnose(targetFor(server.origin + samplePath(sample)));

      expect(rowsIgnoringLoopback(report)).toMatchObject(sample.expected);
      const failing = report.checks
        .filter((c) => c.status !== 'pass' && c.status !== 'skipped' && c.severity !== 'info')
        .map((c) => c.id)
        .filter((id) => id !== 'connection.public');
      expect(failing.sort()).toEqual(DECISIVE[slug]);
    });
  },
);
