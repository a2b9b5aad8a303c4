// Public API of the library: the constructs, their props and value types, and the defaults their docs name.
// Internals (validation helpers, renderers, regexes, synthesis tweaks) stay out: import them from their module
// path (e.g. `constructs/core/errors`) inside this repository; they may change in any release.
export { ValidationError } from './core/errors';
export * from './versions';
export { DERIVED_VM_ID_MAX, DERIVED_VM_ID_MIN, deriveMacAddress, deriveVmId } from './core/identity';
export { PLACEHOLDER_SSH_PUBLIC_KEY } from './core/placeholders';
export { relativeLocalBackend, localStatePath } from './core/local-backend';
export type { RelativeLocalBackendOptions } from './core/local-backend';

// Proxmox
export * from './proxmox/connection';
export * from './proxmox/image';
export * from './proxmox/media';
export {
  MAX_ARG_STRLEN, FW_CFG_MAX_NAME_LENGTH, FLATCAR_IGNITION_FW_CFG_NAME, escapeForQemuOptValue, shellQuoteForProxmox,
  validateFwCfgName, fwCfgArgument, fwCfgPreconditions, joinKvmArguments,
} from './proxmox/qemu-args';
export type { FwCfgEntry, TerraformPrecondition } from './proxmox/qemu-args';
export * from './proxmox/template';
export * from './proxmox/template-ha';
export { VM_DEFAULTS } from './proxmox/vm-hardware';
export type { VmHardwareProps } from './proxmox/vm-hardware';
export { dataDiskSerial } from './talos/node-hardware';
export type { TalosDataDisk, TalosExtraNic, TalosPciDevice, TalosNodeHardwareProps } from './talos/node-hardware';
export { MAX_POOL_SIZE } from './talos/node-pool';
export type { TalosNodePoolProps } from './talos/node-pool';
export { DEFAULT_UPGRADE_TIMEOUT_SECONDS } from './talos/upgrade';
// TalosUpgrades is the type of TalosCluster.upgrades; only the cluster creates one.
export type { TalosUpgradeOptions, TalosUpgrades } from './talos/upgrade';
export * from './proxmox/ip-config';
export * from './proxmox/clone-placement';
export * from './proxmox/cloned-vm';
export * from './proxmox/privileges';
export * from './proxmox/access';

// Flatcar
export * from './flatcar';

// Talos
export { TALOS_MINIMUM_HARDWARE, CONTROL_PLANE_HARDWARE, WORKER_HARDWARE, TalosNode } from './talos/talos-node';
export type { TalosMachineRole, TalosNodeProps } from './talos/talos-node';
export { QEMU_GUEST_AGENT_EXTENSION, TAILSCALE_EXTENSION, DEFAULT_EXTENSIONS } from './talos/schematic';
export type { MetaEntry, SchematicSpec } from './talos/schematic';
export { META_KEY_NETWORK, DEFAULT_NAMESERVERS, META_LINK_NAME, META_NETWORK_KERNEL_ARGS, metalNetworkMetaValue } from './talos/meta-network';
export type { StaticAddress, MetalNetworkConfig } from './talos/meta-network';
export { ISO_INSTALL_DISK, KUBEPRISM_PORT } from './talos/patches';
export type { TalosConfigPatch } from './talos/patches';
export { CILIUM_INSTALL_TEMPLATE, TalosCni } from './talos/cilium';
export type { CiliumOptions } from './talos/cilium';
export { pickProxmoxNode } from './talos/placement';
export * from './talos/talos-network';
export * from './talos/talos-boot';
export * from './talos/talos-image';
export * from './talos/talos-cluster-props';
export * from './talos/talos-cluster';

// Debian
export { DEBIAN_RELEASES, debianCloudImageUrl, debianChecksumsUrl } from './debian/debian-release';
export type { DebianMajor, DebianImageVariant, DebianImageSpec } from './debian/debian-release';
export {
  DEFAULT_DEBIAN_TEMPLATE_FEATURES, DEBIAN_TEMPLATE_BASE_PACKAGES, DEFAULT_NTP_SERVERS, DEFAULT_NTP_POOLS,
  DEFAULT_CHRONY_ALLOW_CIDRS, MINIMUM_BUILD_RESOURCES,
} from './debian/cloud-config';
export type { DebianTemplateFeatures } from './debian/cloud-config';
export {
  DEFAULT_I915_SRIOV_VERSION, DEFAULT_I915_SRIOV_KERNEL_PARAMETERS, DEFAULT_I915_SRIOV_DOWNLOAD_ATTEMPTS, I915Sriov,
} from './debian/i915-sriov';
export type { I915SriovProps } from './debian/i915-sriov';
export { DEFAULT_CLOUD_INIT_TIMEOUT_SECONDS, DEFAULT_SHUTDOWN_TIMEOUT_SECONDS } from './debian/finalize-script';
export * from './debian/debian-golden-template';
