import type { ReportWithoutClients as Report } from '@/lib/report/schema';
import type { CorsReading } from '@/lib/report/schema-cors';
import { knownFact, unknownFact, type ClientFacts, type CorsAnswer } from './facts';
import { idsOf } from './report-reading';

/** What a browser makes of one recorded answer for a page served at `origin`. */
function answer(reading: CorsReading, origin: string): CorsAnswer {
  return {
    url: reading.url,
    exchangeId: reading.exchangeId,
    status: reading.status,
    allowOrigin: reading.allowOrigin,
    // Fetch's CORS check: the value is `*` or the request's Origin, byte for byte.
    allowsOrigin: reading.allowOrigin === '*' || reading.allowOrigin === origin,
    allowHeaders: reading.allowHeaders,
    exposeHeaders: reading.exposeHeaders,
  };
}

/** The CORS step's answers; unknown when the run did not send them (older runs, a skipped step). */
export function corsFacts(report: Report): ClientFacts['cors'] {
  const cors = report.cors;
  if (!cors) return unknownFact();
  const readings = [cors.preflight, cors.request, ...cors.metadata];
  return knownFact(
    {
      origin: cors.origin,
      preflight: cors.preflight && answer(cors.preflight, cors.origin),
      mcp: cors.request && answer(cors.request, cors.origin),
      metadata: cors.metadata.map((m) => answer(m, cors.origin)),
    },
    { exchanges: idsOf(...readings.map((r) => r?.exchangeId)) },
  );
}
