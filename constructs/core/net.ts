import * as ipaddr from 'ipaddr.js';
import { Problems } from './errors';

/**
 * IPv4/IPv6 address and CIDR checks on top of ipaddr.js, in the shape constructs need: they add problems
 * to a {@link Problems} collector instead of throwing, so a construct reports every bad address at once.
 */

/** A parsed CIDR like `10.0.0.11/24`: the address and the prefix length. */
export interface Cidr {
  readonly address: string;
  readonly prefixLength: number;
  readonly kind: 'ipv4' | 'ipv6';
}

/** Strict: dotted-quad IPv4 with four parts (ipaddr's `isValid` also accepts `10.1` and hex forms). */
export function isIpAddress(s: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(s) || (ipaddr.IPv6.isValid(s) && s.includes(':'));
}

/** Parses `addr/len`; undefined when malformed. */
export function parseCidr(s: string): Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  if (!m || !isIpAddress(m[1])) return undefined;
  const kind = ipaddr.parse(m[1]).kind();
  const len = Number(m[2]);
  if (len > (kind === 'ipv4' ? 32 : 128)) return undefined;
  return { address: m[1], prefixLength: len, kind };
}

/** Whether `address` lies inside the network of `cidr` (same family). */
export function cidrContains(cidr: Cidr, address: string): boolean {
  if (!isIpAddress(address)) return false;
  const a = ipaddr.parse(address);
  if (a.kind() !== cidr.kind) return false;
  return a.match(ipaddr.parse(cidr.address), cidr.prefixLength);
}

/** The network address of a CIDR, e.g. `10.0.0.0` for `10.0.0.11/24`. */
export function networkAddress(cidr: Cidr): string {
  const text = `${cidr.address}/${cidr.prefixLength}`;
  return (cidr.kind === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text)).toString();
}

/** Adds a problem unless `value` is an IP address. Returns whether it is. */
export function checkIp(p: Problems, prop: string, value: string): boolean {
  return p.check(isIpAddress(value), prop, 'be an IP address like "10.0.0.11"', value, 'Write a plain IPv4 or IPv6 address, without prefix length or host name.');
}

/** Adds a problem unless `value` is a host address with prefix (`10.0.0.11/24`). Returns the parsed CIDR. */
export function checkCidr(p: Problems, prop: string, value: string): Cidr | undefined {
  const c = parseCidr(value);
  p.check(c !== undefined, prop, 'be an address with prefix length like "10.0.0.11/24"', value, 'Write the address followed by a slash and the prefix length, e.g. "10.0.0.0/16".');
  return c;
}

/** Adds a problem unless `address` lies in `cidr`'s network. */
export function checkInSubnet(p: Problems, prop: string, address: string, cidr: Cidr): boolean {
  const net = `${networkAddress(cidr)}/${cidr.prefixLength}`;
  return p.check(cidrContains(cidr, address), prop, `be inside the subnet ${net}`, address,
    `Pick an address inside ${net}, or change the subnet.`);
}
