// The homelab's one typed configuration: embedded defaults (the seeds' topology) that a JSON file overrides
// without editing code. `loadHomelabConfig` validates the file against the shape below and reports every
// mistake with the field's path before anything is synthesized; the constructs then check the values.
import * as fs from 'fs';
import * as path from 'path';
import { Problems, show, ValidationError } from '../constructs/core/errors';
import { ProxmoxAuthMode } from '../constructs/proxmox/connection';
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
  /** Skip TLS verification (self-signed lab certificates only). */
  readonly insecure: boolean;
  /** SSH user for snippet uploads and the Debian finalize step (authenticated by the local ssh-agent). */
  readonly sshUsername: string;
  /** Proxmox node name -> address, when node names do not resolve. */
  readonly nodeAddresses: Readonly<Record<string, string>>;
}

export interface FlatcarSection {
  readonly name: string;
  readonly nodeName: string;
  /** Nodes clones will be made on (the Ignition snippet is uploaded there too). */
  readonly cloneNodeNames: readonly string[];
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
  readonly nodeName: string;
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

export interface TalosNodeEntry {
  readonly address: string;
  readonly vmId?: number;
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

/** The seeds' homelab. Checksums are all-zero placeholders (flagged at synth time) until you set the real ones. */
export const DEFAULT_HOMELAB: HomelabConfig = {
  proxmox: {
    endpoint: 'https://pve1.home.arpa:8006/',
    authMode: 'api-token',
    apiTokenId: 'terraform@pve!cdktf',
    insecure: false,
    sshUsername: 'root',
    nodeAddresses: {},
  },
  backend: { type: 'local' },
  sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL6AddQgfWGf9/vtYym05Rqk8+3mJ74qvxctLLH+VEgx admin@homelab'],
  flatcar: {
    name: 'flatcar-k8s',
    nodeName: 'pve1',
    cloneNodeNames: ['pve2'],
    channel: 'stable',
    version: DEFAULT_FLATCAR_VERSION,
    variant: 'proxmoxve',
    imageSha512: '0'.repeat(128),
    kubernetes: { version: 'v1.33.5', sysextSha256: '0'.repeat(64) },
  },
  debian: {
    nodeName: 'pve1',
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
      'talos-worker-02': { address: '10.0.0.22', vmId: 304 },
    },
  },
};

// ---- shape checking ---------------------------------------------------------------------------------------

type Shape =
  | 'string' | 'number' | 'boolean'
  | { readonly oneOf: readonly string[] }
  | { readonly list: Shape }
  | { readonly map: Shape }
  | { readonly object: Readonly<Record<string, Shape>>; readonly optional?: readonly string[] }
  | { readonly nullable: Shape }
  | { readonly union: readonly Shape[]; readonly tag: string };

const NODE: Shape = { object: { address: 'string', vmId: 'number', proxmoxNode: 'string' }, optional: ['vmId', 'proxmoxNode'] };
const SHAPE: Shape = {
  object: {
    proxmox: { object: {
      endpoint: 'string', authMode: { oneOf: ['api-token', 'root-password', 'api-token+root-password'] }, apiTokenId: 'string',
      insecure: 'boolean', sshUsername: 'string', nodeAddresses: { map: 'string' },
    } },
    backend: { tag: 'type', union: [
      { object: { type: { oneOf: ['local'] }, directory: 'string' }, optional: ['directory'] },
      { object: { type: { oneOf: ['pg'] }, schemaPrefix: 'string' }, optional: ['schemaPrefix'] },
    ] },
    sshAuthorizedKeys: { list: 'string' },
    flatcar: { nullable: { object: {
      name: 'string', nodeName: 'string', cloneNodeNames: { list: 'string' }, channel: { oneOf: ['stable', 'beta', 'alpha', 'lts'] },
      version: 'string', variant: { oneOf: ['proxmoxve', 'qemu'] }, imageSha512: 'string',
      kubernetes: { nullable: { object: { version: 'string', sysextSha256: 'string' } } },
    } } },
    debian: { nullable: { object: {
      nodeName: 'string', build: 'string', imageSha512: 'string', templateVmId: 'number', chronyAllowCidrs: { list: 'string' },
      clone: { nullable: { object: {
        name: 'string', address: 'string', gateway: 'string', dnsServers: { list: 'string' }, cores: 'number', memoryMiB: 'number',
      } } },
    } } },
    talos: { nullable: { object: {
      clusterName: 'string', proxmoxNodes: { list: 'string' }, subnet: 'string', gateway: 'string', nameservers: { list: 'string' },
      vip: { nullable: 'string' }, talosVersion: 'string', kubernetesVersion: 'string', ciliumVersion: { nullable: 'string' },
      tailscaleLoginServer: { nullable: 'string' }, controlPlanes: { map: NODE }, workers: { map: NODE },
    } } },
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds a problem for every place `value` does not fit `shape` (paths like `talos.workers.w1.address`). */
function checkShape(p: Problems, shape: Shape, value: unknown, at: string): void {
  const field = at || '<root>';
  if (typeof shape === 'string') {
    p.check(typeof value === shape && !(shape === 'number' && !Number.isFinite(value)), field, `be a ${shape}`, value);
  } else if ('oneOf' in shape) {
    p.check(shape.oneOf.includes(value as string), field, `be one of ${shape.oneOf.map((x) => `"${x}"`).join(', ')}`, value);
  } else if ('nullable' in shape) {
    if (value !== null) checkShape(p, shape.nullable, value, at);
  } else if ('list' in shape) {
    if (p.check(Array.isArray(value), field, 'be a list', value)) {
      (value as unknown[]).forEach((v, i) => checkShape(p, shape.list, v, `${at}[${i}]`));
    }
  } else if ('map' in shape) {
    if (p.check(isObject(value), field, 'be an object keyed by name', value)) {
      for (const [k, v] of Object.entries(value as object)) checkShape(p, shape.map, v, `${at}.${k}`);
    }
  } else if ('union' in shape) {
    if (!p.check(isObject(value), field, 'be an object', value)) return;
    const tag = (value as Record<string, unknown>)[shape.tag];
    const match = shape.union.find((s) => typeof s === 'object' && 'object' in s && (s.object[shape.tag] as { oneOf: string[] }).oneOf.includes(tag as string));
    const tags = shape.union.flatMap((s) => (typeof s === 'object' && 'object' in s ? (s.object[shape.tag] as { oneOf: string[] }).oneOf : []));
    if (p.check(match !== undefined, `${at}.${shape.tag}`, `be one of ${tags.map((x) => `"${x}"`).join(', ')}`, tag)) {
      checkShape(p, match!, value, at);
    }
  } else {
    if (!p.check(isObject(value), field, 'be an object', value)) return;
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!(key in shape.object)) {
        p.addRaw(`'${at ? `${at}.` : ''}${key}' is not a known field; known fields here: ${Object.keys(shape.object).join(', ')}.`);
      }
    }
    for (const [key, s] of Object.entries(shape.object)) {
      const sub = at ? `${at}.${key}` : key;
      if (obj[key] === undefined) {
        if (!shape.optional?.includes(key)) p.add(sub, 'be set', undefined);
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
    throw new ValidationError(file, `the configuration file cannot be read (from ${named === opts.file ? 'the file option' : HOMELAB_CONFIG_ENV}). Check the path.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(file, `is not valid JSON: ${(e as Error).message}.`);
  }
  return resolveHomelabConfig(parsed, file);
}

/** DEFAULT_HOMELAB overlaid with `override` (already parsed), checked against the configuration's shape. */
export function resolveHomelabConfig(override: unknown, source: string): HomelabConfig {
  const p = new Problems(source);
  if (!isObject(override)) {
    p.add('<root>', 'be a JSON object', show(override));
    p.throwIfAny();
  }
  const merged = overlay(DEFAULT_HOMELAB, override, SHAPE);
  checkShape(p, SHAPE, merged, '');
  p.throwIfAny();
  return merged as HomelabConfig;
}
