import { addressScope, type AddressScope } from './address';

/**
 * Which addresses a hosted dashboard may dial. Off by default (people check servers on their own
 * machine); on with MCP_DOCTOR_BLOCK_PRIVATE=1, everything but public unicast is refused:
 * loopback, RFC 1918, link-local (169.254.169.254 cloud metadata), unique-local (fd00:ec2::254),
 * CGNAT, multicast, and the special-purpose ranges that can embed one of those.
 */
export interface AddressPolicy {
  blockPrivate: boolean;
}

export type AddressDecision =
  { allowed: true; scope: AddressScope } | { allowed: false; scope: AddressScope; reason: string };

export function decideAddress(address: string, policy: AddressPolicy): AddressDecision {
  const scope = addressScope(address);
  if (!policy.blockPrivate || scope === 'public') return { allowed: true, scope };
  return {
    allowed: false,
    scope,
    reason: `${address} is a ${scope} address; this dashboard only connects to public addresses (MCP_DOCTOR_BLOCK_PRIVATE=1)`,
  };
}

/** A name is refused when any address it resolves to is refused: a mixed answer is how rebinding starts. */
export function decideAddresses(
  addresses: readonly string[],
  policy: AddressPolicy,
): AddressDecision {
  if (addresses.length === 0)
    return { allowed: false, scope: 'invalid', reason: 'the name resolved to no address' };
  for (const address of addresses) {
    const decision = decideAddress(address, policy);
    if (!decision.allowed) return decision;
  }
  return decideAddress(addresses[0] as string, policy);
}

export function policyFromEnv(
  env: Record<string, string | undefined> = process.env,
): AddressPolicy {
  return { blockPrivate: /^(1|true|yes)$/i.test(env.MCP_DOCTOR_BLOCK_PRIVATE ?? '') };
}
