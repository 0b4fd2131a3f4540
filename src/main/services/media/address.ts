// Which network addresses media may be fetched from without being the account's own: public
// unicast only. A message is written by a customer or a bot flow, so a URL in it could aim
// Deckhand at the agent's router, a printer, a service on this computer or a cloud metadata
// endpoint; those answer from private, loopback, link-local, unique-local, carrier-grade NAT,
// multicast, reserved and unspecified ranges, all of which ipaddr.js names (anything it does not
// call 'unicast' is refused). IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 it
// carries, and so is NAT64 (64:ff9b::/96, what DNS64 hands out on IPv6-only networks), since
// the gateway forwards it to that IPv4 address.
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

const NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/** True for an address anyone on the internet could have; false for every special range and for what is no address. */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.process(address); // IPv4-mapped IPv6 becomes its IPv4
  if (parsed.kind() === 'ipv6' && parsed.match(NAT64)) return new ipaddr.IPv4(parsed.toByteArray().slice(12)).range() === 'unicast';
  return parsed.range() === 'unicast';
}

/** The host of a URL as an address ('[::1]' → '::1'), or null when it is a name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(bare) === 0 ? null : bare;
}
