import type { ReportWithoutClients as Report, Transport } from '@/lib/report/schema';
import { knownFact, unknownFact, type ClientFacts, type Handshake } from './facts';
import { authFacts } from './from-report-auth';
import { corsFacts } from './from-report-cors';
import { toolFacts, widgetFacts } from './from-report-tools';
import { CHECK, checkPassed, checkResult, idsOf, urlParts } from './report-reading';

const DENIED = new Set([401, 403]);
const NETWORK_STEPS = ['dns', 'tcp', 'tls'] as const;

/**
 * Query parameters that carry credentials: what the redactor already blanked, and the names Claude's
 * docs cite (`?token=`, `?apiKey=`, `?userToken=`) with their common spellings.
 */
const CREDENTIAL_PARAM =
  /^(access_?token|auth(_?token)?|token|user_?token|api_?key|key|secret|password)$/i;

function handshake(report: Report): ClientFacts['handshake'] {
  const broken = NETWORK_STEPS.find((id) =>
    report.steps.some((s) => s.id === id && s.status === 'failed'),
  );
  if (broken) return knownFact<Handshake>('failed', { check: `connection.${broken}` });
  const mcp = report.mcp;
  if (!mcp) return unknownFact();
  const given = mcp.attempts.filter((a) => !a.guessed);
  const exchanges = given.flatMap((a) => a.exchangeIds);
  // A 2025 session opened means the handshake works, whatever else the server also speaks; a
  // session only in 2026-07-28 means the server answers MCP, but not the 2025 handshake.
  if (mcp.transport && mcp.sessionEra !== 'modern')
    return knownFact<Handshake>('session', { exchanges: idsOf(mcp.initializeExchangeId) });
  if (mcp.transport) {
    return knownFact<Handshake>('modern-only', {
      check: CHECK.protocolEra,
      exchanges: idsOf(mcp.modern?.discoverExchangeId),
    });
  }
  const era = checkResult(report, CHECK.protocolEra);
  if (era?.status === 'fail' && era.code === 'modern-only') {
    return knownFact<Handshake>('modern-only', {
      check: CHECK.protocolEra,
      exchanges: era.evidence,
    });
  }
  if (report.auth?.required) {
    return knownFact<Handshake>('auth-required', {
      check: CHECK.challenge,
      exchanges: idsOf(report.auth.challenge?.exchangeId),
    });
  }
  return given.length
    ? knownFact<Handshake>('failed', { check: CHECK.initialize, exchanges })
    : unknownFact();
}

/** Transports the given URL answered with a session or an authorization challenge. */
function transports(report: Report): ClientFacts['transports'] {
  const given = report.mcp?.attempts.filter((a) => !a.guessed) ?? [];
  if (!given.length) return unknownFact();
  const answered = given.filter((a) => a.ok || (a.status !== null && DENIED.has(a.status)));
  const kinds = [...new Set(answered.map((a) => a.transport))] satisfies Transport[];
  return knownFact(kinds, { exchanges: answered.flatMap((a) => a.exchangeIds) });
}

function credentials(report: Report): ClientFacts['credentials'] {
  let params: string[] = [];
  try {
    params = [...new URL(report.target.url).searchParams.keys()].filter((n) =>
      CREDENTIAL_PARAM.test(n),
    );
  } catch {
    // connection.url reports an unusable URL; there are no parameters to read.
  }
  return knownFact(
    {
      headerNames: report.target.headerNames,
      bearerToken: report.target.hasToken,
      queryParams: [...new Set(params)],
    },
    { check: CHECK.url },
  );
}

/** Derives client facts from a judged report, as the report and transcript are shaped today. */
export function factsFromReport(report: Report): ClientFacts {
  const url = urlParts(report.target.url);
  const publicAddress = checkPassed(report, CHECK.public);
  const firstExchange = report.mcp?.attempts.find((a) => !a.guessed)?.exchangeIds.slice(0, 1) ?? [];
  return {
    url: url
      ? knownFact(url, { check: CHECK.url, exchanges: firstExchange })
      : unknownFact({ check: CHECK.url }),
    publicAddress:
      publicAddress === null
        ? unknownFact({ check: CHECK.public })
        : knownFact(publicAddress, { check: CHECK.public }),
    handshake: handshake(report),
    transports: transports(report),
    sessionId: report.mcp?.transport
      ? knownFact(report.mcp.sessionId !== null, {
          exchanges: idsOf(report.mcp.initializeExchangeId),
        })
      : unknownFact(),
    era: report.server.era
      ? knownFact(report.server.era, {
          check: CHECK.protocolEra,
          exchanges: idsOf(
            report.mcp?.modern?.discoverExchangeId,
            report.mcp?.initializeExchangeId,
          ),
        })
      : unknownFact({ check: CHECK.protocolEra }),
    auth: authFacts(report),
    credentials: credentials(report),
    tools: toolFacts(report),
    widgets: widgetFacts(report),
    cors: corsFacts(report),
  };
}
