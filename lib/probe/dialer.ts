import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import net from 'node:net';
import {
  decideAddress,
  decideAddresses,
  policyFromEnv,
  type AddressPolicy,
} from '@/lib/net/ssrf-policy';

/** Resolves a name to every address (A and AAAA); tests pass one that maps names to loopback. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

export interface DialPolicy extends AddressPolicy {
  resolve: Resolver;
}

export const defaultDialPolicy = (): DialPolicy => ({
  ...policyFromEnv(),
  resolve: systemResolver,
});

/** Node's system-error shape, so the recorder maps it to the `blocked-by-policy` code. */
export class BlockedByPolicyError extends Error {
  readonly code = 'ERR_BLOCKED_BY_POLICY';
  constructor(message: string) {
    super(message);
    this.name = 'BlockedByPolicyError';
  }
}

type LookupCallback = (
  error: Error | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export interface Dialer {
  fetch: typeof fetch;
  close: () => Promise<void>;
}

/**
 * Every connection the probe makes goes through this dialer. The policy is applied where the socket
 * is opened, to the addresses actually dialled — after DNS, and again for every redirect hop and
 * reconnection — so a name that resolves to a public address once and a private one later (DNS
 * rebinding) is still refused.
 *
 * When the policy refuses nothing and names come from the system's resolver, that guard would
 * change nothing, and Node's own fetch dials: the CLI, which starts cold in every CI job, then
 * loads no second HTTP client (undici's, about 50 ms of a run). Each request stays bounded by the
 * recorder's timeouts; only the connect timeout is Node's (10 s) instead of `connectTimeoutMs`.
 */
export function createDialer(policy: DialPolicy, connectTimeoutMs: number): Dialer {
  if (!policy.blockPrivate && policy.resolve === systemResolver) {
    return { fetch: (input, init) => fetch(input, init), close: async () => {} };
  }
  return guardedDialer(policy, connectTimeoutMs);
}

/** undici's Agent with a connector that applies the policy, loaded only when there is one. */
function guardedDialer(policy: DialPolicy, connectTimeoutMs: number): Dialer {
  const lookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    policy.resolve(hostname).then(
      (addresses) => {
        const decision = decideAddresses(
          addresses.map((a) => a.address),
          policy,
        );
        if (!decision.allowed)
          return callback(new BlockedByPolicyError(`${hostname}: ${decision.reason}`), '');
        if (options.all) return callback(null, addresses);
        const first = addresses[0] as LookupAddress;
        callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, ''),
    );
  };
  const undici = import('undici').then(({ Agent, buildConnector, fetch: undiciFetch }) => {
    const connector = buildConnector({
      timeout: connectTimeoutMs,
      lookup,
    } as Parameters<typeof buildConnector>[0]);
    const agent = new Agent({
      connect: (options, callback) => {
        // IP literals never reach `lookup`; judge them here.
        const literal = options.hostname.replace(/^\[|\]$/g, '');
        if (net.isIP(literal)) {
          const decision = decideAddress(literal, policy);
          if (!decision.allowed) return callback(new BlockedByPolicyError(decision.reason), null);
        }
        connector(options, callback);
      },
    });
    return { agent, undiciFetch };
  });
  const guardedFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const { agent, undiciFetch } = await undici;
    return undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    });
  }) as unknown as typeof fetch;
  return { fetch: guardedFetch, close: async () => (await undici).agent.destroy() };
}
