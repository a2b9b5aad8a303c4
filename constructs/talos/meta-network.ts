import { Token } from 'cdktf';
import { stringify } from 'yaml';
import { Problems } from '../core/errors';
import { checkCidr, checkInSubnet, checkIp, Cidr, networkAddress } from '../core/net';

/**
 * Static addressing baked into a Talos image: the value of META key 10 (`MetalNetworkPlatformConfig`), a
 * YAML `PlatformNetworkConfig` that Talos applies at the `platform` layer before anything else, so the node
 * boots straight onto its address without DHCP. Only the `metal` platform reads it.
 * Pure; unit-tested in __tests__/talos/meta-network.test.ts.
 * @see https://www.talos.dev/v1.11/advanced/metal-network-configuration/
 */

/** META key of the metal platform network configuration (0xa). */
export const META_KEY_NETWORK = 10;
/** Resolvers unless given: Cloudflare and Google, public and anycast. */
export const DEFAULT_NAMESERVERS: readonly string[] = ['1.1.1.1', '8.8.8.8'];
/**
 * The link name the configuration targets. Talos >= 1.5 names links predictably (`ens18`, `enx<mac>`...) on
 * metal, so images that carry this configuration also get `net.ifnames=0` ({@link META_NETWORK_KERNEL_ARGS}):
 * with a single NIC, `eth0` is then stable.
 * @see https://www.talos.dev/v1.11/talos-guides/network/predictable-interface-names/
 */
export const META_LINK_NAME = 'eth0';
/** Kernel arguments an image with META networking needs. */
export const META_NETWORK_KERNEL_ARGS: readonly string[] = ['net.ifnames=0'];

/** A static address for one NIC. */
export interface StaticAddress {
  /** Address with prefix length, e.g. `10.0.0.11/16`. */
  readonly address: string;
  /** Default gateway, inside the address' subnet. */
  readonly gateway: string;
  /** DNS resolvers. @default DEFAULT_NAMESERVERS */
  readonly nameservers?: readonly string[];
}

/**
 * Adds the problems of a static IPv4 address to `p` (prop names prefixed with `prefix`); returns the parsed
 * CIDR. Values that are Terraform tokens are left to deploy time.
 */
export function checkStaticAddress(p: Problems, a: StaticAddress, prefix = ''): Cidr | undefined {
  let cidr: Cidr | undefined;
  if (!Token.isUnresolved(a.address)) {
    cidr = checkCidr(p, `${prefix}address`, a.address);
    if (cidr && !p.check(cidr.kind === 'ipv4', `${prefix}address`, 'be an IPv4 address with prefix length', a.address, 'Write an IPv4 address with prefix length, e.g. "10.0.0.11/16".')) cidr = undefined;
    if (cidr) {
      p.check(networkAddress(cidr) !== cidr.address || cidr.prefixLength >= 31, `${prefix}address`,
        'be a host address, not the network address', a.address, 'Use e.g. "10.0.0.11/16", not "10.0.0.0/16".');
    }
  }
  if (!Token.isUnresolved(a.gateway) && checkIp(p, `${prefix}gateway`, a.gateway) && cidr) {
    if (checkInSubnet(p, `${prefix}gateway`, a.gateway, cidr)) {
      p.check(a.gateway !== cidr.address, `${prefix}gateway`, 'differ from the address', a.gateway, 'Set the gateway to the router of the subnet, not the node itself.');
    }
  }
  const ns = a.nameservers ?? DEFAULT_NAMESERVERS;
  p.check(ns.length > 0, `${prefix}nameservers`, 'name at least one resolver', ns, 'List at least one DNS server, or leave nameservers out for the defaults.');
  for (const n of ns) if (!Token.isUnresolved(n)) checkIp(p, `${prefix}nameservers`, n);
  return cidr;
}

/** What the META value describes. */
export interface MetalNetworkConfig extends StaticAddress {
  /** Host name of the node. @default - none (the machine configuration sets it) */
  readonly hostname?: string;
}

/**
 * The YAML for META key 10: one IPv4 address, a default route through the gateway, resolvers and the host name,
 * all at the `platform` layer (the machine configuration can still override them).
 *
 * Rendered once per gateway and resolvers: the node's address and host name are then put in place of stand-ins
 * when YAML writes them unquoted as they are (a literal IPv4 address with prefix, a host name starting with a
 * letter that YAML does not read as a boolean or null); any other value renders the whole document.
 */
export function metalNetworkMetaValue(c: MetalNetworkConfig): string {
  const hostname = c.hostname || undefined;
  if (!PLAIN_CIDR_RE.test(c.address) || (hostname !== undefined && !isPlainHostname(hostname))) return renderMetaValue(c);
  const key = JSON.stringify([c.gateway, c.nameservers ?? DEFAULT_NAMESERVERS, hostname !== undefined]);
  let parts = META_TEMPLATES.get(key);
  if (parts === undefined) {
    const text = renderMetaValue({ ...c, address: ADDRESS_STAND_IN, hostname: hostname && HOSTNAME_STAND_IN });
    const [before, rest, ...more] = text.split(ADDRESS_STAND_IN);
    const around = hostname === undefined ? [rest] : rest?.split(HOSTNAME_STAND_IN) ?? [];
    // A stand-in that also appears elsewhere (say, in a resolver) cannot be replaced safely: no template then.
    parts = more.length === 0 && around.length === (hostname === undefined ? 1 : 2) ? [before, ...around] : null;
    META_TEMPLATES.set(key, parts);
  }
  if (parts === null) return renderMetaValue(c);
  return hostname === undefined ? parts[0] + c.address + parts[1] : parts[0] + c.address + parts[1] + hostname + parts[2];
}

const PLAIN_CIDR_RE = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;
const ADDRESS_STAND_IN = 'zzaddresszz';
const HOSTNAME_STAND_IN = 'zzhostnamezz';
/** Document pieces around the address and host name, by gateway, resolvers and whether a host name is set. */
const META_TEMPLATES = new Map<string, string[] | null>();

/** Whether YAML writes `name` as a plain scalar: YAML 1.2 core schema booleans and null are quoted. */
function isPlainHostname(name: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(name) && !['true', 'false', 'null'].includes(name);
}

function renderMetaValue(c: MetalNetworkConfig): string {
  const family = 'inet4';
  const config: Record<string, unknown> = {
    addresses: [{ address: c.address, linkName: META_LINK_NAME, family, scope: 'global', flags: 'permanent', layer: 'platform' }],
    links: [{ name: META_LINK_NAME, logical: false, up: true, mtu: 0, kind: '', type: 'ether', layer: 'platform' }],
    routes: [{
      family, dst: '', src: '', gateway: c.gateway, outLinkName: META_LINK_NAME, table: 'main',
      priority: 1024, scope: 'global', type: 'unicast', flags: '', protocol: 'static', layer: 'platform',
    }],
    hostnames: c.hostname ? [{ hostname: c.hostname, layer: 'platform' }] : [],
    resolvers: [{ dnsServers: [...(c.nameservers ?? DEFAULT_NAMESERVERS)], layer: 'platform' }],
  };
  return stringify(config, { lineWidth: 0 });
}
