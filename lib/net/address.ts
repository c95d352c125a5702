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
  return SCOPE_OF_RANGE[ip.range()] ?? 'reserved';
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
