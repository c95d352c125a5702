import type { Transport } from '@/lib/report/schema';
import type { Handshake } from './facts';
import {
  blocked,
  defineRule,
  ok,
  proof,
  ruleId,
  unknown,
  type ClientRule,
  type RuleTarget,
} from './rule';

/*
 * Connection rules several clients share: can the client reach the server and talk to it.
 */

const TRANSPORT_NAME: Record<Transport, string> = {
  'streamable-http': 'Streamable HTTP',
  sse: 'the legacy HTTP+SSE transport',
};
export const transportName = (t: Transport) => TRANSPORT_NAME[t];

export const httpsRule = (t: RuleTarget): ClientRule =>
  defineRule({
    id: ruleId(t, 'https'),
    summary: `${t.client.name} connects only to https:// URLs.`,
    source: t.source,
    gate: true,
    evaluate({ url }) {
      if (!url.value) return unknown('The URL could not be read.', url.evidence);
      if (url.value.scheme === 'https') return ok('The URL is https.', url.evidence);
      return blocked(`The URL is plain http; ${t.client.name} needs https.`, url.evidence);
    },
  });

export const publicRule = (t: RuleTarget): ClientRule =>
  defineRule({
    id: ruleId(t, 'public'),
    summary: `${t.client.name} connects from its own cloud: the host must be reachable from the internet.`,
    source: t.source,
    gate: true,
    evaluate({ url, publicAddress }) {
      if (url.value?.loopback) {
        return blocked(
          `${url.value.host} is this machine; ${t.client.name} cannot reach it.`,
          url.evidence,
        );
      }
      if (publicAddress.value === null) {
        return unknown(
          'Whether the host is public was not seen (it did not resolve).',
          publicAddress.evidence,
        );
      }
      return publicAddress.value
        ? ok('The host resolves to public addresses.', publicAddress.evidence)
        : blocked(
            `The host resolves to a private address; ${t.client.name} cannot reach it.`,
            publicAddress.evidence,
          );
    },
  });

const HANDSHAKE_MESSAGE: Record<Handshake, string> = {
  session: 'The URL opened an MCP session.',
  'auth-required': 'The URL answered with an authorization challenge.',
  'modern-only':
    'The URL answers MCP 2026-07-28 only, not the 2025 handshake (see the protocol era).',
  failed: 'The URL did not answer as an MCP server (see the Connection checks).',
};

export const connectionRule = (t: RuleTarget): ClientRule =>
  defineRule({
    id: ruleId(t, 'connection'),
    summary: 'The URL answers an MCP client: a session or an authorization challenge.',
    source: t.source,
    gate: true,
    evaluate({ handshake }) {
      if (!handshake.value)
        return unknown('The run did not reach the MCP handshake.', handshake.evidence);
      const message = HANDSHAKE_MESSAGE[handshake.value];
      return handshake.value === 'failed'
        ? blocked(message, handshake.evidence)
        : ok(message, handshake.evidence);
    },
  });

/** Whether a client speaks 2026-07-28: known yes or no, or not published. */
export type ModernSupport = 'yes' | 'no' | 'unknown';

export const eraRule = (t: RuleTarget & { modern: ModernSupport }): ClientRule =>
  defineRule({
    id: ruleId(t, 'protocol-era'),
    summary:
      t.modern === 'yes'
        ? `${t.client.name} speaks both the 2025 initialize handshake and 2026-07-28.`
        : `${t.client.name} speaks the 2025 initialize handshake${t.modern === 'no' ? ' only' : '; its 2026-07-28 support is not published'}.`,
    source: t.source,
    gate: true,
    evaluate({ era, handshake }) {
      const evidence = proof(era.evidence, handshake.evidence);
      const speaks2025 =
        era.value === 'legacy' || era.value === 'dual' || handshake.value === 'session';
      if (speaks2025) return ok('The server answers the 2025 initialize handshake.', evidence);
      if (era.value === 'modern' || handshake.value === 'modern-only') {
        if (t.modern === 'yes')
          return ok('The server speaks only 2026-07-28, which this client speaks.', evidence);
        if (t.modern === 'no')
          return blocked(`The server speaks only 2026-07-28; ${t.client.name} does not.`, evidence);
        return unknown(
          `The server speaks only 2026-07-28; whether ${t.client.name} does is not published.`,
          evidence,
        );
      }
      if (handshake.value === 'auth-required') {
        return unknown('The protocol era shows after sign-in.', evidence, { afterSignIn: true });
      }
      return unknown('The protocol era was not seen.', evidence);
    },
  });

/** Transports a client speaks; answering only another one blocks it. */
export const transportRule = (t: RuleTarget & { speaks: readonly Transport[] }): ClientRule =>
  defineRule({
    id: ruleId(t, 'transport'),
    summary: `${t.client.name} speaks ${t.speaks.map(transportName).join(' and ')}.`,
    source: t.source,
    gate: false,
    evaluate({ transports }) {
      if (!transports.value?.length) return unknown('No transport answered.', transports.evidence);
      const [shared] = transports.value.filter((x) => t.speaks.includes(x));
      if (shared) return ok(`The server answers ${transportName(shared)}.`, transports.evidence);
      return blocked(
        `The server answers only ${transports.value.map(transportName).join(', ')}, which ${t.client.name} does not speak.`,
        transports.evidence,
      );
    },
  });
