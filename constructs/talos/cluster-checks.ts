import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { Problems } from '../core/errors';
import { checkInSubnet, checkIp, Cidr, parseCidr } from '../core/net';
import { TalosCni } from './cilium';
import { DEFAULT_NAMESERVERS } from './meta-network';
import { checkSchematic, DEFAULT_EXTENSIONS, TAILSCALE_EXTENSION } from './schematic';
import { TalosClusterProps } from './talos-cluster-props';
import { checkUpgradeOptions } from './upgrade';
import { checkKubernetesVersion, checkTalosVersion, DEFAULT_KUBERNETES_VERSION, TALOS_VERSION } from './versions';

// TalosCluster's cluster-wide props: defaults resolved, then every problem reported at once.

const NAME_RE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const SAFE_ARG_RE = /^[^"\\$%\s]*$/;

/** TalosCluster's props with defaults applied. */
export interface ResolvedClusterProps {
  readonly talosVersion: string;
  readonly kubernetesVersion: string;
  readonly cni: TalosCni;
  /** The cluster's extensions, tailscale's included. */
  readonly extensions: readonly string[];
  readonly healthTimeout: number;
  /** The parsed subnet, unless it is a token. */
  readonly subnet?: Cidr;
}

/** Resolves the defaults of `props` and throws a ValidationError (on `scope`) listing every problem. */
export function resolveClusterProps(scope: IConstruct, props: TalosClusterProps): ResolvedClusterProps {
  const r = {
    talosVersion: props.talosVersion ?? TALOS_VERSION,
    kubernetesVersion: props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    cni: props.cni ?? TalosCni.flannel(),
    extensions: [...(props.extensions ?? DEFAULT_EXTENSIONS), ...(props.tailscale ? [TAILSCALE_EXTENSION] : [])],
    healthTimeout: props.healthTimeoutSeconds ?? 900,
    subnet: Token.isUnresolved(props.network.subnet) ? undefined : parseCidr(props.network.subnet),
  };
  const p = new Problems(scope);
  p.check(NAME_RE.test(props.clusterName), 'clusterName', 'be a lower-case DNS label (a-z, 0-9, -)', props.clusterName, 'Use lower-case letters, digits and hyphens, e.g. "home".');
  p.check(props.proxmoxNodes.length > 0, 'proxmoxNodes', 'name at least one Proxmox node', props.proxmoxNodes, 'Name the Proxmox nodes the cluster\'s VMs run on.');
  p.check(new Set(props.proxmoxNodes).size === props.proxmoxNodes.length, 'proxmoxNodes', 'not repeat a node', props.proxmoxNodes, 'List each node once.');
  checkNetwork(p, props, r.subnet);
  checkTalosVersion(p, 'talosVersion', r.talosVersion);
  checkKubernetesVersion(p, 'kubernetesVersion', r.kubernetesVersion, r.talosVersion);
  r.cni.check(p, 'cni');
  checkSchematic(p, { extensions: r.extensions });
  const ts = props.tailscale;
  if (ts?.authKey) p.check(ts.authKey.sensitive === true, 'tailscale.authKey', 'be a sensitive TerraformVariable', ts.authKey.node.path, 'Declare it with sensitive: true.');
  if (ts?.loginServer !== undefined) {
    p.check(/^https?:\/\/[^\s"\\$%]+$/.test(ts.loginServer), 'tailscale.loginServer', 'be an http(s) URL', ts.loginServer, 'Give the login server as an http(s) URL, e.g. "https://headscale.home.arpa".');
  }
  for (const a of ts?.extraArgs ?? []) p.check(SAFE_ARG_RE.test(a), 'tailscale.extraArgs', 'contain flags without whitespace, quotes, backslashes, $ or %', a, 'Pass each flag as one list item, e.g. "--accept-routes", without quoting.');
  p.check(Number.isInteger(r.healthTimeout) && r.healthTimeout > 0, 'healthTimeoutSeconds', 'be a positive integer', r.healthTimeout, 'Give a whole number of seconds, 1 or more.');
  checkUpgradeOptions(p, 'upgrades', props.upgrades);
  p.check(props.outputDirectory?.trim() !== '', 'outputDirectory', 'be a directory path', props.outputDirectory, "Use '.' for the stack's directory, or leave it out to write no files.");
  p.throwIfAny();
  return r;
}

function checkNetwork(p: Problems, props: TalosClusterProps, subnet: Cidr | undefined): void {
  const net = props.network;
  p.check(['meta', 'cloud-init', 'dhcp'].includes(net.addressing ?? 'meta'), 'network.addressing', "be 'meta', 'cloud-init' or 'dhcp'", net.addressing, 'Pick \'meta\' (static, baked into the image), \'cloud-init\' (static, from the cloud-init drive) or \'dhcp\'.');
  if (!Token.isUnresolved(net.subnet)) {
    p.check(subnet?.kind === 'ipv4', 'network.subnet', 'be an IPv4 subnet like "10.0.0.0/16"', net.subnet, 'Write the IPv4 network with its prefix length, e.g. "10.0.0.0/16".');
  }
  if (!Token.isUnresolved(net.gateway) && checkIp(p, 'network.gateway', net.gateway) && subnet) {
    checkInSubnet(p, 'network.gateway', net.gateway, subnet);
  }
  p.check((net.nameservers ?? DEFAULT_NAMESERVERS).length > 0, 'network.nameservers', 'name at least one resolver', net.nameservers, 'List at least one DNS server, or leave nameservers out for the defaults.');
  for (const n of net.nameservers ?? DEFAULT_NAMESERVERS) if (!Token.isUnresolved(n)) checkIp(p, 'network.nameservers', n);
  if (props.vip !== undefined && !Token.isUnresolved(props.vip) && checkIp(p, 'vip', props.vip)) {
    if (subnet) checkInSubnet(p, 'vip', props.vip, subnet);
    p.check(props.vip !== net.gateway, 'vip', 'differ from the gateway', props.vip, 'Pick a VIP inside the subnet that no node and no router uses.');
  }
}
