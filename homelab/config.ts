// The homelab's one typed configuration: embedded defaults (the reference homelab) that a JSON file overrides
// without editing code. `loadHomelabConfig` validates the file against the shape below and reports every
// mistake with the field's path before anything is synthesized; the constructs then check the values.
import * as fs from 'fs';
import * as path from 'path';
import { Problems, show, ValidationError } from '../constructs/core/errors';
import { checkVmId, deriveVmId } from '../constructs/core/identity';
import { PLACEHOLDER_SSH_PUBLIC_KEY } from '../constructs/core/placeholders';
import { DNS_NAME_RE } from '../constructs/core/names';
import { cidrContains, isIpAddress, parseCidr } from '../constructs/core/net';
import { ProxmoxAuthMode } from '../constructs/proxmox/connection';
import type { TalosNodeHardwareProps } from '../constructs/talos/node-hardware';
import { MAX_POOL_SIZE, poolAddresses, poolNodeNames } from '../constructs/talos/node-pool';
import type { TalosMachineRole } from '../constructs/talos/talos-node';
import {
  CILIUM_VERSION, DEBIAN_13_BUILD, DEBIAN_13_GENERIC_AMD64_SHA512, DEFAULT_FLATCAR_VERSION, DEFAULT_KUBERNETES_VERSION, TALOS_VERSION,
} from '../constructs/versions';
import { BackendConfig } from './backend';

export interface ProxmoxSection {
  /** API endpoint. */
  readonly endpoint: string;
  /** See ProxmoxAuthMode: the combined mode keeps a least-privilege token for all but kvm_arguments. */
  readonly authMode: ProxmoxAuthMode;
  readonly apiTokenId: string;
  /**
   * Skip TLS verification. `false` needs Proxmox's CA (`/etc/pve/pve-root-ca.pem`) in the system trust store of the
   * machine running Terraform (else "x509: certificate signed by unknown authority"; bpg has no CA-file option), or
   * a publicly trusted API certificate. See the README's TLS paragraph.
   */
  readonly insecure: boolean;
  /** SSH user for snippet uploads and the Debian finalize step (authenticated by the local ssh-agent). */
  readonly sshUsername: string;
  /** Proxmox node name -> address, when node names do not resolve. */
  readonly proxmoxNodeAddresses: Readonly<Record<string, string>>;
}

export interface FlatcarSection {
  readonly name: string;
  readonly proxmoxNode: string;
  /** Proxmox nodes clones will be made on (the Ignition snippet is uploaded there too). */
  readonly cloneProxmoxNodes: readonly string[];
  readonly channel: 'stable' | 'beta' | 'alpha' | 'lts';
  readonly version: string;
  /** `proxmoxve` (Ignition from the cloud-init drive, works with a token) or `qemu` (fw_cfg, needs root). */
  readonly variant: 'proxmoxve' | 'qemu';
  /** SHA-512 of the image, from the release's `.DIGESTS` file. */
  readonly imageSha512: string;
  /** Kubernetes sysext version and SHA-256, or null for a plain Flatcar template. */
  readonly kubernetes: { readonly version: string; readonly sysextSha256: string } | null;
}

export interface DebianCloneSection {
  readonly name: string;
  readonly address: string;
  readonly gateway: string;
  readonly dnsServers: readonly string[];
  readonly cores: number;
  readonly memoryMiB: number;
}

export interface DebianSection {
  readonly proxmoxNode: string;
  /** Cloud image build (a folder of https://cloud.debian.org/images/cloud/trixie/). */
  readonly build: string;
  /** SHA-512 of the image, from that build's SHA512SUMS. */
  readonly imageSha512: string;
  readonly templateVmId: number;
  /** Networks chrony serves time to. */
  readonly chronyAllowCidrs: readonly string[];
  /** One VM cloned from the template, or null. */
  readonly clone: DebianCloneSection | null;
}

/**
 * Extra hardware of a node or of every node of a pool (TalosNodeHardwareProps): data disks (`{ sizeGiB, datastore?: { id, shared? },
 * volume? }`), NICs after the first (`{ bridge, vlanId?, mtu?, address?, macAddress? }`), PCI devices through a Proxmox
 * resource mapping (`{ mapping, pcie?, xvga?, rombar? }`) and a TPM.
 */
export type TalosHardwareEntry = Pick<TalosNodeHardwareProps, 'dataDisks' | 'extraNics' | 'pciDevices' | 'tpm'>;

export interface TalosNodeEntry extends TalosHardwareEntry {
  readonly address: string;
  readonly vmId?: number;
  readonly proxmoxNode?: string;
}

/** `count` identical nodes `<pool>-01` ... (TalosCluster.addPool): addresses from `firstAddress` up, VM ids derived. */
export interface TalosPoolEntry extends TalosHardwareEntry {
  readonly count: number;
  /** @default 'worker' */
  readonly role?: TalosMachineRole;
  readonly firstAddress: string;
  readonly proxmoxNode?: string;
}

export interface TalosSection {
  readonly clusterName: string;
  readonly proxmoxNodes: readonly string[];
  readonly subnet: string;
  readonly gateway: string;
  readonly nameservers: readonly string[];
  readonly vip: string | null;
  readonly talosVersion: string;
  readonly kubernetesVersion: string;
  /** Cilium version, or null for Talos' default Flannel. */
  readonly ciliumVersion: string | null;
  /** Headscale/tailscale login server for the tailscale extension, or null to leave tailscale out. */
  readonly tailscaleLoginServer: string | null;
  /** Control planes by name; the first is the bootstrap node. */
  readonly controlPlanes: Readonly<Record<string, TalosNodeEntry>>;
  readonly workers: Readonly<Record<string, TalosNodeEntry>>;
  /** Node pools by name. @default {} */
  readonly pools?: Readonly<Record<string, TalosPoolEntry>>;
}

export interface HomelabConfig {
  readonly proxmox: ProxmoxSection;
  readonly backend: BackendConfig;
  /** SSH public keys for templates and clones. */
  readonly sshAuthorizedKeys: readonly string[];
  /** A section set to null in the file is left out of the app. */
  readonly flatcar: FlatcarSection | null;
  readonly debian: DebianSection | null;
  readonly talos: TalosSection | null;
}

/** The reference homelab. Checksums and the SSH key are all-zero placeholders (flagged at synth time) until you set real ones. */
export const DEFAULT_HOMELAB: HomelabConfig = {
  proxmox: {
    endpoint: 'https://pve1.home.arpa:8006/',
    authMode: 'api-token',
    apiTokenId: 'terraform@pve!cdktf',
    insecure: false,
    sshUsername: 'root',
    proxmoxNodeAddresses: {},
  },
  backend: { type: 'local' },
  // Flagged at synth until replaced: set your own public key in homelab.json.
  sshAuthorizedKeys: [PLACEHOLDER_SSH_PUBLIC_KEY],
  flatcar: {
    name: 'flatcar-k8s',
    proxmoxNode: 'pve1',
    cloneProxmoxNodes: ['pve2'],
    channel: 'stable',
    version: DEFAULT_FLATCAR_VERSION,
    variant: 'proxmoxve',
    imageSha512: '0'.repeat(128),
    kubernetes: { version: 'v1.33.5', sysextSha256: '0'.repeat(64) },
  },
  debian: {
    proxmoxNode: 'pve1',
    build: DEBIAN_13_BUILD,
    imageSha512: DEBIAN_13_GENERIC_AMD64_SHA512,
    templateVmId: 9000,
    chronyAllowCidrs: ['10.0.0.0/16'],
    clone: { name: 'k8s-node-1', address: '10.0.1.21/16', gateway: '10.0.0.1', dnsServers: ['10.0.0.1'], cores: 4, memoryMiB: 4096 },
  },
  talos: {
    clusterName: 'home',
    proxmoxNodes: ['pve1'],
    subnet: '10.0.0.0/16',
    gateway: '10.0.0.1',
    nameservers: ['1.1.1.1', '8.8.8.8'],
    vip: '10.0.0.20',
    talosVersion: TALOS_VERSION,
    kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
    ciliumVersion: CILIUM_VERSION,
    tailscaleLoginServer: 'https://headscale.home.arpa',
    controlPlanes: {
      'talos-cp-01': { address: '10.0.0.11', vmId: 300 },
      'talos-cp-02': { address: '10.0.0.12', vmId: 301 },
      'talos-cp-03': { address: '10.0.0.13', vmId: 302 },
    },
    workers: {
      'talos-worker-01': { address: '10.0.0.21', vmId: 303 },
      // A storage worker: a data disk mounted as a Talos user volume, and a second NIC on the storage VLAN.
      'talos-worker-02': {
        address: '10.0.0.22', vmId: 304,
        dataDisks: [{ sizeGiB: 200, volume: 'longhorn' }],
        extraNics: [{ bridge: 'vmbr0', vlanId: 20, mtu: 9000, address: '10.20.0.22/24' }],
      },
    },
    // talos-general-01, -02 at 10.0.0.31, .32 (VM ids derived from the names).
    pools: {
      'talos-general': { count: 2, firstAddress: '10.0.0.31' },
    },
  },
};

// ---- shape checking ---------------------------------------------------------------------------------------

type Shape =
  | 'string' | 'number' | 'boolean'
  | { readonly oneOf: readonly string[] }
  | { readonly list: Shape }
  | { readonly map: Shape }
  | { readonly object: Readonly<Record<string, Shape>>; readonly optional?: readonly string[]; readonly renamed?: Readonly<Record<string, string>> }
  | { readonly nullable: Shape }
  | { readonly union: readonly Shape[]; readonly tag: string };

/** Keys of homelab.json 0.1 renamed in 0.2 (one name per concept: a Proxmox host is a `proxmoxNode`). */
const RENAMED_NODE_KEYS = { nodeName: 'proxmoxNode', cloneNodeNames: 'cloneProxmoxNodes' } as const;
const HARDWARE: Readonly<Record<string, Shape>> = {
  dataDisks: { list: {
    object: { sizeGiB: 'number', datastore: { object: { id: 'string', shared: 'boolean' }, optional: ['shared'] }, volume: 'string' },
    optional: ['datastore', 'volume'],
  } },
  extraNics: { list: {
    object: { bridge: 'string', vlanId: 'number', mtu: 'number', address: 'string', macAddress: 'string' },
    optional: ['vlanId', 'mtu', 'address', 'macAddress'],
  } },
  pciDevices: { list: { object: { mapping: 'string', pcie: 'boolean', xvga: 'boolean', rombar: 'boolean' }, optional: ['pcie', 'xvga', 'rombar'] } },
  tpm: 'boolean',
};
const NODE: Shape = {
  object: { address: 'string', vmId: 'number', proxmoxNode: 'string', ...HARDWARE },
  optional: ['vmId', 'proxmoxNode', ...Object.keys(HARDWARE)],
};
const POOL: Shape = {
  object: { count: 'number', role: { oneOf: ['worker', 'controlplane'] }, firstAddress: 'string', proxmoxNode: 'string', ...HARDWARE },
  optional: ['role', 'proxmoxNode', ...Object.keys(HARDWARE)],
};
const SHAPE: Shape = {
  object: {
    proxmox: { object: {
      endpoint: 'string', authMode: { oneOf: ['api-token', 'root-password', 'api-token+root-password'] }, apiTokenId: 'string',
      insecure: 'boolean', sshUsername: 'string', proxmoxNodeAddresses: { map: 'string' },
    }, renamed: { nodeAddresses: 'proxmoxNodeAddresses' } },
    backend: { tag: 'type', union: [
      { object: { type: { oneOf: ['local'] }, directory: 'string' }, optional: ['directory'] },
      { object: { type: { oneOf: ['pg'] }, schemaPrefix: 'string' }, optional: ['schemaPrefix'] },
    ] },
    sshAuthorizedKeys: { list: 'string' },
    flatcar: { nullable: { object: {
      name: 'string', proxmoxNode: 'string', cloneProxmoxNodes: { list: 'string' }, channel: { oneOf: ['stable', 'beta', 'alpha', 'lts'] },
      version: 'string', variant: { oneOf: ['proxmoxve', 'qemu'] }, imageSha512: 'string',
      kubernetes: { nullable: { object: { version: 'string', sysextSha256: 'string' } } },
    }, renamed: RENAMED_NODE_KEYS } },
    debian: { nullable: { object: {
      proxmoxNode: 'string', build: 'string', imageSha512: 'string', templateVmId: 'number', chronyAllowCidrs: { list: 'string' },
      clone: { nullable: { object: {
        name: 'string', address: 'string', gateway: 'string', dnsServers: { list: 'string' }, cores: 'number', memoryMiB: 'number',
      } } },
    }, renamed: RENAMED_NODE_KEYS } },
    talos: { nullable: { object: {
      clusterName: 'string', proxmoxNodes: { list: 'string' }, subnet: 'string', gateway: 'string', nameservers: { list: 'string' },
      vip: { nullable: 'string' }, talosVersion: 'string', kubernetesVersion: 'string', ciliumVersion: { nullable: 'string' },
      tailscaleLoginServer: { nullable: 'string' }, controlPlanes: { map: NODE }, workers: { map: NODE }, pools: { map: POOL },
    }, optional: ['pools'] } },
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds a problem for every place `value` does not fit `shape` (paths like `talos.workers.w1.address`). */
function checkShape(p: Problems, shape: Shape, value: unknown, at: string): void {
  const field = at || '<root>';
  if (typeof shape === 'string') {
    p.check(typeof value === shape && !(shape === 'number' && !Number.isFinite(value)), field, `be a ${shape}`, value, `Write a JSON ${shape}${shape === 'string' ? ' in double quotes' : ''}.`);
  } else if ('oneOf' in shape) {
    p.check(shape.oneOf.includes(value as string), field, `be one of ${shape.oneOf.map((x) => `"${x}"`).join(', ')}`, value, 'Pick one of those values.');
  } else if ('nullable' in shape) {
    if (value !== null) checkShape(p, shape.nullable, value, at);
  } else if ('list' in shape) {
    if (p.check(Array.isArray(value), field, 'be a list', value, 'Write a JSON list in square brackets.')) {
      (value as unknown[]).forEach((v, i) => checkShape(p, shape.list, v, `${at}[${i}]`));
    }
  } else if ('map' in shape) {
    if (p.check(isObject(value), field, 'be an object keyed by name', value, 'Write a JSON object of name: entry pairs.')) {
      for (const [k, v] of Object.entries(value as object)) checkShape(p, shape.map, v, `${at}.${k}`);
    }
  } else if ('union' in shape) {
    if (!p.check(isObject(value), field, 'be an object', value, 'Write a JSON object in curly braces.')) return;
    const tag = (value as Record<string, unknown>)[shape.tag];
    const match = shape.union.find((s) => typeof s === 'object' && 'object' in s && (s.object[shape.tag] as { oneOf: string[] }).oneOf.includes(tag as string));
    const tags = shape.union.flatMap((s) => (typeof s === 'object' && 'object' in s ? (s.object[shape.tag] as { oneOf: string[] }).oneOf : []));
    if (p.check(match !== undefined, `${at}.${shape.tag}`, `be one of ${tags.map((x) => `"${x}"`).join(', ')}`, tag, 'Pick one of those values.')) {
      checkShape(p, match!, value, at);
    }
  } else {
    if (!p.check(isObject(value), field, 'be an object', value, 'Write a JSON object in curly braces.')) return;
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const renamedTo = shape.renamed?.[key];
      if (renamedTo !== undefined && !(key in shape.object)) {
        const here = at ? `${at}.` : '';
        p.add(`${here}${key}`, `be renamed to '${renamedTo}' (its name since 0.2)`, obj[key], `Write '${here}${renamedTo}' instead.`);
      } else if (!(key in shape.object)) {
        p.add(`${at ? `${at}.` : ''}${key}`, `be a known field (known here: ${Object.keys(shape.object).join(', ')})`, obj[key],
          'Correct its spelling, or remove it.');
      }
    }
    for (const [key, s] of Object.entries(shape.object)) {
      const sub = at ? `${at}.${key}` : key;
      if (obj[key] === undefined) {
        if (!shape.optional?.includes(key)) p.add(sub, 'be set', undefined, 'Add the field: entries keyed by name get no defaults.');
      } else {
        checkShape(p, s, obj[key], sub);
      }
    }
  }
}

/**
 * Overlays `override` on `base`: objects merge field by field; lists, name-keyed maps (`map` shapes: nodes,
 * addresses) and null replace what they stand for, so a file that lists workers lists all of them.
 */
function overlay(base: unknown, override: unknown, shape: Shape): unknown {
  if (override === undefined) return base;
  if (override === null || !isObject(override) || !isObject(base)) return override;
  const inner = typeof shape === 'object' && 'nullable' in shape ? shape.nullable : shape;
  if (typeof inner !== 'object' || !('object' in inner)) return override; // maps, unions: replaced whole
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = k in inner.object ? overlay(base[k], v, inner.object[k]) : v;
  return out;
}

/** The environment variable naming the configuration file. */
export const HOMELAB_CONFIG_ENV = 'HOMELAB_CONFIG';
/** The file read when present and HOMELAB_CONFIG is not set. */
export const DEFAULT_CONFIG_FILE = 'homelab.json';

/**
 * The configuration: DEFAULT_HOMELAB overlaid with the JSON file named by `file`, else $HOMELAB_CONFIG, else
 * `homelab.json` in `cwd` when it exists. Throws a ValidationError naming the file and every bad field.
 */
export function loadHomelabConfig(opts: { file?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): HomelabConfig {
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  const named = opts.file ?? env[HOMELAB_CONFIG_ENV];
  const file = named ? path.resolve(cwd, named) : path.join(cwd, DEFAULT_CONFIG_FILE);
  if (!named && !fs.existsSync(file)) return resolveHomelabConfig({}, '<defaults>');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    const from = named === opts.file ? 'file' : HOMELAB_CONFIG_ENV;
    throw new ValidationError(file, `'${from}' must name a readable file, got ${show(named)}. Check the path and the file's permissions.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(file, `'<root>' must be valid JSON, got a syntax error: ${(e as Error).message}. Fix the syntax there.`);
  }
  // JSON.parse keeps the last of two equal keys: a node listed twice under one name would silently vanish.
  const dups = duplicateJsonKeys(text);
  if (dups.length) {
    throw new ValidationError(file, dups.map((d) => `'${d}' must be given once (JSON keeps only the last), got it twice. Remove or rename one of them.`));
  }
  return resolveHomelabConfig(parsed, file);
}

/** DEFAULT_HOMELAB overlaid with `override` (already parsed), checked against the configuration's shape. */
export function resolveHomelabConfig(override: unknown, source: string): HomelabConfig {
  const p = new Problems(source);
  if (!isObject(override)) {
    p.add('<root>', 'be a JSON object', override, 'Write the file as one JSON object like {"talos": {...}}.');
    p.throwIfAny();
  }
  const merged = overlay(DEFAULT_HOMELAB, override, SHAPE) as Record<string, unknown>;
  // The node maps go together: a file that lists its control planes or workers lists all its nodes, so the default
  // pools are dropped unless it sets pools too (they would take addresses the file may have given its own nodes).
  const talos = (override as Record<string, unknown>).talos;
  if (isObject(talos) && ('controlPlanes' in talos || 'workers' in talos) && !('pools' in talos) && isObject(merged.talos)) {
    merged.talos = { ...merged.talos, pools: {} };
  }
  checkShape(p, SHAPE, merged, '');
  p.throwIfAny();
  return merged as unknown as HomelabConfig;
}

// ---- checks across fields and sections -----------------------------------------------------------------------

/**
 * Pure: the paths (`talos.workers.w1`) of keys that appear twice in one object of the JSON `text`. The text must
 * already parse as JSON (JSON.parse keeps the last duplicate silently).
 */
export function duplicateJsonKeys(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) i++; };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (at: string): void => {
    ws();
    if (text[i] === '{') {
      i++;
      const seen = new Set<string>();
      ws();
      while (text[i] !== '}') {
        ws();
        const key = str();
        const path = at ? `${at}.${key}` : key;
        if (seen.has(key)) out.push(path);
        seen.add(key);
        ws();
        i++; // ':'
        value(path);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (text[i] === '[') {
      i++;
      let n = 0;
      ws();
      while (text[i] !== ']') {
        value(`${at}[${n++}]`);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (text[i] === '"') {
      str();
    } else {
      while (i < text.length && !',}] \t\r\n'.includes(text[i])) i++;
    }
  };
  value('');
  return out;
}

/** Version fields whose download checksum must change with them (a new version has a new digest). */
const PINNED_DOWNLOADS: ReadonlyArray<readonly [string, string]> = [
  ['flatcar.version', 'flatcar.imageSha512'],
  ['flatcar.kubernetes.version', 'flatcar.kubernetes.sysextSha256'],
  ['debian.build', 'debian.imageSha512'],
];

function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), obj);
}

/**
 * Pure: the problems of rules that span fields or sections of a shape-checked configuration, in homelab.json
 * terms: what the constructs cannot see because each stack is built alone. buildHomelab reports them together
 * with the constructs' own problems.
 */
export function homelabProblems(cfg: HomelabConfig): string[] {
  const collected: string[] = [];
  const p = new Problems('homelab');
  checkSemantics(p, cfg);
  try {
    p.throwIfAny();
  } catch (e) {
    collected.push(...(e as ValidationError).problems);
  }
  return collected;
}

function checkSemantics(p: Problems, cfg: HomelabConfig): void {
  if (!cfg.flatcar && !cfg.debian && !cfg.talos) {
    p.add('flatcar', "not be null when 'debian' and 'talos' are null too (nothing would be synthesized)", null, 'Keep at least one section.');
  }
  for (const [version, checksum] of PINNED_DOWNLOADS) {
    const v = at(cfg, version);
    const c = at(cfg, checksum);
    if (v !== undefined && v !== at(DEFAULT_HOMELAB, version) && c !== undefined && c === at(DEFAULT_HOMELAB, checksum)) {
      p.addRaw(`'${checksum}' must be the digest of ${version} ${show(v)}, got the default's, which is for ` +
        `${show(at(DEFAULT_HOMELAB, version))}. Set it from the release's checksum file whenever '${version}' changes.`);
    }
  }
  for (const [node, addr] of Object.entries(cfg.proxmox.proxmoxNodeAddresses)) {
    const looksLikeIp = /^[\d.]+$/.test(addr) || addr.includes(':');
    p.check(looksLikeIp ? isIpAddress(addr) : DNS_NAME_RE.test(addr.toLowerCase()),
      `proxmox.proxmoxNodeAddresses.${node}`, looksLikeIp ? 'be a valid IP address' : 'be an IP address or a host name', addr, 'Write the address the node is reached at: an IP address or a DNS name.');
  }

  // Addresses: one owner each across every section (a VM, the VIP, a Proxmox node).
  const ips = new Map<string, string>();
  const claimIp = (path: string, value: string | null | undefined) => {
    if (value === null || value === undefined) return;
    const ip = value.split('/')[0];
    if (!isIpAddress(ip)) {
      // Talos node addresses and the VIP are plain IPs, the Debian clone's a CIDR: checked here, in file terms.
      if (path.startsWith('talos.')) p.add(path, 'be an IP address like "10.0.0.11"', value, 'Write a plain IPv4 address, without prefix length.');
      return;
    }
    const owner = ips.get(ip);
    if (owner) p.add(path, `not reuse an address of '${owner}'`, value, 'Give each VM, VIP and Proxmox node its own address.');
    else ips.set(ip, path);
  };
  for (const [node, addr] of Object.entries(cfg.proxmox.proxmoxNodeAddresses)) claimIp(`proxmox.proxmoxNodeAddresses.${node}`, addr);
  if (cfg.debian?.clone) claimIp('debian.clone.address', cfg.debian.clone.address);

  // VM ids: one per VM across all stacks (Proxmox has one id space per cluster).
  const vmIds = new Map<number, string>();
  const claimVmId = (path: string, id: number, derived: boolean) => {
    const owner = vmIds.get(id);
    if (owner) {
      p.add(path, `not reuse the VM id of '${owner}'`, derived ? `${id} (derived from the name)` : id,
        'Choose another id: Proxmox VM ids are unique per cluster, across every stack.');
    } else vmIds.set(id, path);
  };
  if (cfg.flatcar) claimVmId('flatcar.name', deriveVmId(cfg.flatcar.name), true);
  if (cfg.debian) {
    claimVmId('debian.templateVmId', cfg.debian.templateVmId, false);
    if (cfg.debian.clone) claimVmId('debian.clone.name', deriveVmId(cfg.debian.clone.name), true);
  }
  if (cfg.talos) {
    const t = cfg.talos;
    if (Object.keys(t.controlPlanes).length === 0) {
      p.add('talos.controlPlanes', 'name at least one node', t.controlPlanes,
        'Add a control plane (etcd and the Kubernetes API server run there), or set talos to null to leave the cluster out.');
    }
    claimIp('talos.vip', t.vip);
    const subnet = parseCidr(t.subnet);
    for (const [section, nodes] of [['controlPlanes', t.controlPlanes], ['workers', t.workers]] as const) {
      for (const [name, n] of Object.entries(nodes)) {
        const path = `talos.${section}.${name}`;
        if (section === 'workers' && name in t.controlPlanes) {
          p.add(path, 'not have the name of a control plane (node names are unique in a cluster)', name, 'Rename the worker.');
        }
        claimIp(`${path}.address`, n.address);
        // Checked here too (not only by the cluster), so that they are reported even when a cluster-wide field
        // stops the cluster from being built.
        if (isIpAddress(n.address) && subnet) {
          p.check(cidrContains(subnet, n.address), `${path}.address`, `be inside the subnet ${t.subnet}`, n.address, `Pick an address inside ${t.subnet}, or change talos.subnet.`);
        }
        if (n.vmId !== undefined) checkVmId(p, `${path}.vmId`, n.vmId);
        if (n.proxmoxNode !== undefined) {
          p.check(t.proxmoxNodes.includes(n.proxmoxNode), `${path}.proxmoxNode`, `be one of talos.proxmoxNodes (${t.proxmoxNodes.join(', ')})`, n.proxmoxNode, 'Pick one of those nodes, or add it to talos.proxmoxNodes.');
        }
        claimVmId(n.vmId === undefined ? path : `${path}.vmId`, n.vmId ?? deriveVmId(`${t.clusterName}/${name}`), n.vmId === undefined);
        claimNicAddresses(claimIp, path, n);
      }
    }
    checkPools(p, t, claimIp, claimVmId);
  }
}

type Claim = (path: string, value: string) => void;

/** Extra NICs' static addresses (CIDRs) are VM addresses too; a malformed one is the cluster's to report. */
function claimNicAddresses(claimIp: Claim, path: string, hw: TalosHardwareEntry): void {
  (hw.extraNics ?? []).forEach((nic, i) => {
    if (nic.address !== undefined && isIpAddress(nic.address.split('/')[0])) claimIp(`${path}.extraNics[${i}].address`, nic.address);
  });
}

/**
 * Pools, in file terms: each node's name, address and derived VM id must be free, like a listed node's. Count and
 * address syntax are the cluster's to report (addPool); nodes are only claimed once those are right.
 */
function checkPools(p: Problems, t: TalosSection, claimIp: Claim, claimVmId: (path: string, id: number, derived: boolean) => void): void {
  const subnet = parseCidr(t.subnet);
  for (const [pool, e] of Object.entries(t.pools ?? {})) {
    const path = `talos.pools.${pool}`;
    if (e.proxmoxNode !== undefined) {
      p.check(t.proxmoxNodes.includes(e.proxmoxNode), `${path}.proxmoxNode`, `be one of talos.proxmoxNodes (${t.proxmoxNodes.join(', ')})`, e.proxmoxNode, 'Pick one of those nodes, or add it to talos.proxmoxNodes.');
    }
    const counted = Number.isInteger(e.count) && e.count >= 1 && e.count <= MAX_POOL_SIZE;
    const addresses = counted && isIpAddress(e.firstAddress) && !e.firstAddress.includes(':') ? poolAddresses(e.firstAddress, e.count) : undefined;
    if (!addresses) continue;
    if (subnet) {
      const last = addresses[addresses.length - 1];
      p.check(addresses.every((a) => cidrContains(subnet, a)), `${path}.firstAddress`, `leave all ${e.count} addresses of the pool inside the subnet ${t.subnet}`,
        e.firstAddress, `Move the pool or shorten it: it uses ${e.firstAddress} to ${last}.`);
    }
    poolNodeNames(pool, e.count).forEach((name, i) => {
      if (name in t.controlPlanes || name in t.workers) {
        p.add(path, `not make a node that talos.${name in t.controlPlanes ? 'controlPlanes' : 'workers'} lists too (node names are unique in a cluster)`, name,
          'Rename the pool or the node.');
      }
      claimIp(`${path}.firstAddress (node ${name})`, addresses[i]);
      claimVmId(`${path} (node ${name})`, deriveVmId(`${t.clusterName}/${name}`), true);
    });
    (e.extraNics ?? []).forEach((nic, i) => {
      p.check(nic.address === undefined || e.count === 1, `${path}.extraNics[${i}].address`, 'be unset in a pool of more than one node (every node would get it)',
        nic.address, 'Leave it out for DHCP on that link, or list the nodes under talos.workers with an address each.');
    });
    if (e.count === 1) claimNicAddresses(claimIp, path, e);
  }
}
