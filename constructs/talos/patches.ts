import { Fn, Token } from 'cdktf';
import { stringify } from 'yaml';
import { plainWordsYaml } from '../core/plain-yaml';

/**
 * Talos machine-configuration patches as typed objects, rendered to the YAML strings that
 * `config_patches` takes. Pure; unit-tested in __tests__/talos/patches.test.ts.
 * @see https://www.talos.dev/v1.11/talos-guides/configuration/patching/
 */

/** A strategic-merge patch (or a whole extra document such as ExtensionServiceConfig). */
export type TalosConfigPatch = Readonly<Record<string, unknown>>;

/** The install disk of a VM booted from ISO: the first virtio-scsi disk. */
export const ISO_INSTALL_DISK = '/dev/sda';
/** KubePrism's port (Talos' default since 1.6), the in-cluster API endpoint for Cilium. */
export const KUBEPRISM_PORT = 7445;

/** YAML for one patch; long lines are never folded (a folded token would break its reference). */
export function patchYaml(patch: TalosConfigPatch): string {
  // A node's own small patches (its host name) are different on every node: written directly (core/plain-yaml.ts).
  const words = plainWordsYaml(patch);
  if (words !== undefined) return words;
  // The same patch recurs on many nodes of a cluster (the topology patch per Proxmox host, hardware patches per
  // node shape) and rendering YAML is the costliest step of adding a node: a patch of plain data is rendered once
  // per distinct JSON text, which then names its YAML (see plainJson).
  const key = plainJson(patch) ? JSON.stringify(patch) : undefined;
  let yaml = key === undefined ? undefined : yamlByJson.get(key);
  if (yaml === undefined) {
    yaml = stringify(patch, { lineWidth: 0 });
    if (key !== undefined) {
      if (yamlByJson.size >= MAX_CACHED_PATCHES) yamlByJson.clear();
      yamlByJson.set(key, yaml);
    }
  }
  return yaml;
}

const yamlByJson = new Map<string, string>();
const MAX_CACHED_PATCHES = 4096;

/**
 * Whether `value` is data whose YAML its JSON text determines: strings, booleans, null, finite numbers, and plain
 * objects and arrays (without holes) of those, each object or array met once (the yaml package writes
 * an anchor and alias for an object it meets twice, which JSON text does not show).
 * @see https://eemeli.org/yaml/#tostring-options
 */
function plainJson(value: unknown, seen: Set<object> = new Set()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!(i in value) || !plainJson(value[i], seen)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k of Object.keys(value)) if (!plainJson((value as Record<string, unknown>)[k], seen)) return false;
  return true;
}

/** What differs per node. */
export interface NodePatchInput {
  /** Host name (also the VM name). */
  readonly hostname: string;
  /** MAC of the node's NIC, to select the link without depending on its name. */
  readonly macAddress: string;
  /** Whether the link is configured by DHCP (the machine configuration must then say so). */
  readonly dhcp: boolean;
  /** Shared control-plane address held by one control plane at a time. @default - none */
  readonly vip?: string;
  /**
   * The node's installer (its factory schematic's, so upgrades and reinstalls keep the version and extensions)
   * and, for ISO boot, the disk Talos installs itself to. @default - none
   */
  readonly install?: { readonly disk?: string; readonly image?: string };
  /**
   * Leave the host name out of `machine.network` because {@link hostnamePatch} sets it (Talos 1.12 and later,
   * see {@link usesHostnameDocument}). @default false
   */
  readonly hostnameDocument?: boolean;
}

/**
 * Whether Talos `talosVersion` takes the host name from a HostnameConfig document: from the 1.12 contract on the
 * generated machine configuration holds one (`auto: stable`), the document wins over `machine.network.hostname`,
 * and setting both is refused ("static hostname is already set in v1alpha1 config").
 * @see https://github.com/siderolabs/talos/blob/v1.13.9/pkg/machinery/config/generate/network.go
 * @see https://github.com/siderolabs/talos/blob/v1.13.9/pkg/machinery/config/types/network/hostname.go
 */
export function usesHostnameDocument(talosVersion: string): boolean {
  const m = /^v(\d+)\.(\d+)\./.exec(talosVersion);
  return m !== null && (Number(m[1]) > 1 || Number(m[2]) >= 12);
}

/**
 * The HostnameConfig document that names the node (Talos 1.12 and later): merged over the generated one, `auto:
 * off` replaces its `auto: stable` (a static name and automatic naming cannot both be on).
 */
export function hostnamePatch(hostname: string): TalosConfigPatch {
  return { apiVersion: 'v1alpha1', kind: 'HostnameConfig', auto: 'off', hostname };
}

/**
 * The per-node patch: host name, the NIC (selected by MAC) with the VIP on control planes, and the install
 * target for ISO boots. Everything that lists other nodes stays out, so adding a node changes no other
 * node's configuration.
 * @see https://www.talos.dev/v1.11/talos-guides/network/vip/
 */
export function nodePatch(i: NodePatchInput): TalosConfigPatch {
  const network: Record<string, unknown> = i.hostnameDocument ? {} : { hostname: i.hostname };
  if (i.vip !== undefined || i.dhcp) {
    const iface: Record<string, unknown> = { deviceSelector: { hardwareAddr: i.macAddress.toLowerCase() } };
    // Listing a link in the machine configuration turns DHCP off for it unless it says dhcp: true.
    if (i.dhcp) iface.dhcp = true;
    if (i.vip !== undefined) iface.vip = { ip: i.vip };
    network.interfaces = [iface];
  }
  const machine: Record<string, unknown> = Object.keys(network).length ? { network } : {};
  if (i.install) machine.install = { ...(i.install.disk !== undefined ? { disk: i.install.disk } : {}), ...(i.install.image !== undefined ? { image: i.install.image } : {}) };
  return { machine };
}

/** The tailscale extension's settings. */
export interface TailscaleServiceInput {
  /** Auth key: a reference to a sensitive Terraform variable, never a literal. */
  readonly authKey: string;
  /** Coordination server (e.g. headscale). @default - tailscale.com */
  readonly loginServer?: string;
  /** More `tailscale up` flags. @default [] */
  readonly extraArgs?: readonly string[];
}

/**
 * The ExtensionServiceConfig document that starts the tailscale extension, as a Terraform expression:
 * `yamlencode()` does the quoting at apply time, so the key never appears in the synthesized JSON and any
 * character in it is safe.
 * @see https://github.com/siderolabs/extensions/tree/main/network/tailscale
 */
export function tailscaleServicePatch(i: TailscaleServiceInput): string {
  const extra = [...(i.loginServer ? [`--login-server=${i.loginServer}`] : []), ...(i.extraArgs ?? [])];
  // TS_AUTH_ONCE: log in only when not logged in yet. Without it containerboot logs in on every start, and a
  // one-off auth key that was used already (or has expired) stops the node from reconnecting after a reboot.
  // https://pkg.go.dev/tailscale.com/cmd/containerboot
  const environment = [`TS_AUTHKEY=${i.authKey}`, 'TS_AUTH_ONCE=true', ...(extra.length ? [`TS_EXTRA_ARGS=${extra.join(' ')}`] : [])];
  return Token.asString(Fn.yamlencode({
    apiVersion: 'v1alpha1',
    kind: 'ExtensionServiceConfig',
    name: 'tailscale',
    environment,
  }));
}

/**
 * Splits rendered patches into those that may go on the `talos_machine_configuration` data source (literal text)
 * and those that must go on each node's `talos_machine_configuration_apply` (text holding a Terraform reference,
 * e.g. a sensitive variable). Order is kept within each list.
 *
 * Why: the talos provider 0.10.0 validates the data source's `config_patches` in ValidateConfig, where unknown
 * values become "" and `configpatcher.LoadPatches` reads "" as a file name ("config_patches are invalid: open :
 * no such file or directory"): every `terraform validate`/`plan` fails while the value is unknown, and a variable
 * is always unknown at validate. The apply resource skips unknown patches in its plan-time checks.
 * https://github.com/siderolabs/terraform-provider-talos/blob/v0.10.0/pkg/talos/talos_machine_configuration_data_source.go
 */
export function splitPatches(patches: readonly string[]): { readonly literal: string[]; readonly perNode: string[] } {
  const literal: string[] = [];
  const perNode: string[] = [];
  for (const patch of patches) (holdsReference(patch) ? perNode : literal).push(patch);
  return { literal, perNode };
}

/** Whether a rendered patch holds a Terraform reference or expression: a cdktf token, or `${`/`%{` not escaped as `$${`/`%%{`. */
export function holdsReference(patch: string): boolean {
  return Token.isUnresolved(patch) || /(^|[^$])\$\{|(^|[^%])%\{/.test(patch);
}
