import { apiKeyRequest } from '@/lib/edges/credentials';
import type { Evidence } from '@/lib/edges/identify';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { edgeAnswer } from './edges';
import { exchangeById } from './exchanges';
import { handshakeVerdict } from './handshake';

/**
 * The server's request for an API key instead of OAuth (a 401/403 without a Bearer challenge whose
 * WWW-Authenticate or body asks for a key): on the handshake itself, or, when the run's own headers
 * were accepted, on the Auth row's request without them. An edge's answer is the edge's finding.
 */
export function apiKeyAsk(t: Transcript): { exchange: Exchange; evidence: Evidence } | null {
  const verdict = handshakeVerdict(t);
  if (verdict.kind === 'api-key') return { exchange: verdict.exchange, evidence: verdict.evidence };
  const challenge = exchangeById(t, t.auth?.challenge?.exchangeId);
  if (!challenge || edgeAnswer(challenge)) return null;
  const evidence = apiKeyRequest(challenge);
  return evidence ? { exchange: challenge, evidence } : null;
}
