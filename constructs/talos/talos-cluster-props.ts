import { TerraformVariable } from 'cdktf';
import { IProxmoxConnection } from '../proxmox/connection';
import { DatastoreRef } from '../proxmox/image';
import { VmHardwareProps } from '../proxmox/vm-hardware';
import { TalosCni } from './cilium';
import { TalosConfigPatch } from './patches';
import { TalosBoot } from './talos-boot';
import { TalosAddressing } from './talos-network';
import { TalosUpgradeOptions } from './upgrade';
import { TalosNodeHardwareProps } from './node-hardware';

// Props of TalosCluster (talos-cluster.ts), kept apart so the construct file stays readable.

/** The cluster's L2 network. */
export interface TalosClusterNetwork {
  /** Subnet of the node addresses, e.g. `10.0.0.0/16`. */
  readonly subnet: string;
  /** Default gateway, inside the subnet. */
  readonly gateway: string;
  /** DNS resolvers of the nodes (META and cloud-init addressing; with DHCP the DHCP server's win). @default DEFAULT_NAMESERVERS */
  readonly nameservers?: readonly string[];
  /**
   * `meta`: static, baked into each node's image (metal; one image per node). `cloud-init`: static, from the
   * Proxmox cloud-init drive (nocloud). `dhcp`: the node address is the DHCP reservation for its MAC.
   * @default 'meta'
   */
  readonly addressing?: TalosAddressing;
}

/** Tailscale on every node, through the `siderolabs/tailscale` extension. */
export interface TalosTailscaleProps {
  /** A SENSITIVE variable holding the auth key. @default - the cluster declares `<clusterName with - as _>_tailscale_auth_key` */
  readonly authKey?: TerraformVariable;
  /** Coordination server, e.g. a headscale URL. @default - tailscale.com */
  readonly loginServer?: string;
  /** More `tailscale up` flags (no quotes or backslashes). @default [] */
  readonly extraArgs?: readonly string[];
}

/** Per-node props of {@link TalosCluster.addControlPlane} / {@link TalosCluster.addWorker}. */
export interface TalosClusterNodeProps extends VmHardwareProps, TalosNodeHardwareProps {
  /** IPv4 address in the cluster subnet, without prefix: static, or the DHCP reservation. */
  readonly address: string;
  /** Proxmox node of the VM. @default - the cluster's Proxmox node with the fewest nodes of this role (see pickProxmoxNode) */
  readonly proxmoxNode?: string;
  /** Proxmox VM id. @default - derived from `<clusterName>/<name>` */
  readonly vmId?: number;
  /** Extensions on top of the cluster's. @default [] */
  readonly extensions?: readonly string[];
  /** Extra kernel arguments (in the image's schematic). @default [] */
  readonly kernelArgs?: readonly string[];
  /** How the VM boots. @default TalosBoot.diskImage() */
  readonly boot?: TalosBoot;
  /** Talos release of this node (its own image; a change upgrades only this node). @default - the cluster's talosVersion */
  readonly talosVersion?: string;
}

/** Config patches added to the generated machine configurations. */
export interface TalosClusterConfigPatches {
  /** Patches for every node. @default [] */
  readonly all?: readonly TalosConfigPatch[];
  /** Patches for control planes only. @default [] */
  readonly controlPlane?: readonly TalosConfigPatch[];
  /** Patches for workers only. @default [] */
  readonly worker?: readonly TalosConfigPatch[];
  /**
   * Let workloads run on the control planes (Talos' `cluster.allowSchedulingOnControlPlanes`; Talos taints them
   * otherwise). Set it explicitly to keep it fixed: with the default, adding the first worker to a cluster of
   * control planes only changes the control planes' configuration (the allowance is dropped).
   * @default - true when the cluster has no workers (nothing could run otherwise), false when it has
   */
  readonly allowSchedulingOnControlPlanes?: boolean;
}

/** Props of {@link TalosCluster}. */
export interface TalosClusterProps {
  /** The Proxmox connection every VM and download goes through. */
  readonly connection: IProxmoxConnection;
  /** Cluster name (lower-case DNS label). */
  readonly clusterName: string;
  /** Proxmox nodes the cluster's VMs are spread over. */
  readonly proxmoxNodes: readonly string[];
  /** Subnet, gateway, resolvers and how nodes get their address. */
  readonly network: TalosClusterNetwork;
  /** Shared control-plane IP (Talos native VIP); the cluster endpoint when set. @default - the first control plane's address */
  readonly vip?: string;
  /** Talos release of every node (and of the generated configuration). @default TALOS_VERSION */
  readonly talosVersion?: string;
  /** Kubernetes release, without a leading v; must be supported by the Talos release. @default DEFAULT_KUBERNETES_VERSION */
  readonly kubernetesVersion?: string;
  /** The CNI. @default TalosCni.flannel() */
  readonly cni?: TalosCni;
  /** Official extensions of every node. @default DEFAULT_EXTENSIONS */
  readonly extensions?: readonly string[];
  /** Tailscale on every node. @default - no tailscale */
  readonly tailscale?: TalosTailscaleProps;
  /** Hardware of control planes, over CONTROL_PLANE_HARDWARE (a node's own props replace these per prop). @default {} */
  readonly controlPlaneHardware?: VmHardwareProps & TalosNodeHardwareProps;
  /** Hardware of workers, over WORKER_HARDWARE (a node's own props replace these per prop). @default {} */
  readonly workerHardware?: VmHardwareProps & TalosNodeHardwareProps;
  /** Extra machine-configuration patches. @default - none */
  readonly configPatches?: TalosClusterConfigPatches;
  /** Control planes by name, added in this order (same as calling addControlPlane). @default {} */
  readonly controlPlanes?: Readonly<Record<string, TalosClusterNodeProps>>;
  /** Workers by name (same as calling addWorker). @default {} */
  readonly workers?: Readonly<Record<string, TalosClusterNodeProps>>;
  /** Storage for image downloads. @default { id: 'local' } */
  readonly imageDatastore?: DatastoreRef;
  /** How long the health gate waits. @default 900 */
  readonly healthTimeoutSeconds?: number;
  /** Reset a node (gracefully leaving etcd) when its config apply is destroyed. Fails for the last control plane. @default false */
  readonly resetOnDestroy?: boolean;
  /**
   * Write `<clusterName>.kubeconfig` and `<clusterName>.talosconfig` (mode 0600) into this directory,
   * relative to Terraform's working directory (`'.'`: the stack's directory). A library leaves files to the
   * app: without it, nothing is written and the app takes `kubeconfigRaw`/`talosconfig` (sensitive) itself.
   * @default - no files
   */
  readonly outputDirectory?: string;
  /** Rolling in-place upgrades with talosctl when versions, extensions or kernel args change (see upgrade.ts). @default - enabled, one worker at a time */
  readonly upgrades?: TalosUpgradeOptions;
}
