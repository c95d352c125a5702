import ipaddr from 'ipaddr.js';

/**
 * Where an IP address sits, as far as reaching it from the public internet goes. Pure: used by the
 * `connection.public` check on recorded addresses and by the SSRF guard at connect time.
 */
export const ADDRESS_SCOPES = [
  'public',
  'loopback',
  'private',
  'link-local',
  'unique-local',
  'cgnat',
  'multicast',
  'unspecified',
  'reserved',
  'invalid',
] as const;
export type AddressScope = (typeof ADDRESS_SCOPES)[number];

// IANA special-purpose ranges as ipaddr.js names them; everything not public is unreachable for
// ChatGPT and off-limits to a hosted dashboard (cloud metadata is link-local or unique-local).
const SCOPE_OF_RANGE: Record<string, AddressScope> = {
  unicast: 'public',
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'unique-local',
  carrierGradeNat: 'cgnat',
  multicast: 'multicast',
  broadcast: 'multicast',
  unspecified: 'unspecified',
};

export function addressScope(address: string): AddressScope {
  const literal = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(literal)) return 'invalid';
  let ip = ipaddr.parse(literal);
  // ::ffff:10.0.0.1 reaches 10.0.0.1; judge the IPv4 address it carries.
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  else if (ip.kind() === 'ipv6' && isIpv4Compatible(ip as ipaddr.IPv6)) {
    // ::/96 "IPv4-compatible" (RFC 4291 §2.5.5.1, deprecated): ipaddr.js calls ::7f00:1 unicast,
    // and a stack that still routes it reaches 127.0.0.1. Never public: the carried address's
    // scope when that is special, else reserved.
    const carried = addressScope(
      ipaddr.fromByteArray((ip as ipaddr.IPv6).toByteArray().slice(12)).toString(),
    );
    return carried === 'public' ? 'reserved' : carried;
  }
  return SCOPE_OF_RANGE[ip.range()] ?? 'reserved';
}

/** The first 96 bits zero, and not `::` or `::1`, which are their own ranges. */
function isIpv4Compatible(ip: ipaddr.IPv6): boolean {
  const parts = ip.parts;
  return parts.slice(0, 6).every((p) => p === 0) && !(parts[6] === 0 && (parts[7] ?? 0) <= 1);
}

export const isPublicAddress = (address: string): boolean => addressScope(address) === 'public';

export const isLoopbackAddress = (address: string): boolean => addressScope(address) === 'loopback';

/** Whether a URL host names this machine: `localhost`, `*.localhost` (RFC 6761) or a loopback literal. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || isLoopbackAddress(host);
}

/** The host of a URL as a bare name or IP literal (IPv6 without brackets). */
export const bareHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '');
