/**
 * Every default version this library pins, in one place, each with where the fact comes from. A bump starts
 * here (and in cdktf.json for the providers); README "Tested versions" lists the same values, and a test keeps
 * the two in step. The constructs' own modules re-export what they use (talos/versions.ts, talos/cilium.ts,
 * flatcar/flatcar-release.ts, debian/debian-release.ts).
 */

// ---- Terraform providers --------------------------------------------------------------------------------------
/**
 * The provider releases the bindings in .gen are generated from (cdktf.json pins them, schemas/ holds their schemas).
 * - bpg/proxmox 0.111.1, 2026-07-03 (tag v0.111.1, commit b22fe919): short resource names (ADR-007), HA rules.
 * - siderolabs/talos 0.11.0, 2026-04-27 (tag v0.11.0, commit d6960816): links Talos machinery v1.13.0 (go.mod), so
 *   it generates Talos 1.13 machine configuration.
 * - poseidon/ct 0.14.0 (tag v0.14.0, commit 099032e6): links butane v0.25.1 and ignition/v2 v2.24.0 (go.mod).
 * @see https://github.com/bpg/terraform-provider-proxmox/releases/tag/v0.111.1
 * @see https://github.com/siderolabs/terraform-provider-talos/blob/v0.11.0/go.mod
 * @see https://github.com/poseidon/terraform-provider-ct/blob/v0.14.0/go.mod
 */
export const PROVIDER_VERSIONS = {
  'bpg/proxmox': '0.111.1',
  'siderolabs/talos': '0.11.0',
  'poseidon/ct': '0.14.0',
} as const;

// ---- Talos and Kubernetes ---------------------------------------------------------------------------------------
/**
 * Talos release of new nodes: the newest patch of 1.13, the line the talos provider 0.11.0 is built for (machinery
 * v1.13.0) and still maintained (1.11 left community support when 1.13.0 came out on 2026-04-27; 1.14 is newer
 * than the provider's machinery). v1.13.10: release tracking issue siderolabs/talos#14184 (closed); the previous
 * patch, v1.13.9, is tagged 2026-08-18 (commit 3ebd10a7).
 * @see https://github.com/siderolabs/talos/issues/14184
 */
export const TALOS_VERSION = 'v1.13.10';

/**
 * Kubernetes of new clusters: the newest minor Talos 1.13 supports (1.36), at the patch Talos itself defaults to
 * in v1.13.9 (`DefaultKubernetesVersion = "1.36.3"`, pkg/machinery/constants/constants.go).
 * @see https://github.com/siderolabs/talos/blob/v1.13.9/pkg/machinery/constants/constants.go
 */
export const DEFAULT_KUBERNETES_VERSION = '1.36.3';

/**
 * Kubernetes minors each Talos minor supports, oldest and newest (`MinimumKubernetesVersion` and
 * `MaximumKubernetesVersion` of pkg/machinery/compatibility/talos1XX; 1.9 to 1.11 from the support matrix pages).
 * @see https://github.com/siderolabs/talos/blob/v1.13.9/pkg/machinery/compatibility/talos113/talos113.go
 * @see https://github.com/siderolabs/talos/blob/v1.13.9/pkg/machinery/compatibility/talos112/talos112.go
 * @see https://www.talos.dev/v1.11/introduction/support-matrix/
 */
export const TALOS_KUBERNETES_SUPPORT: Readonly<Record<string, readonly [string, string]>> = {
  '1.9': ['1.27', '1.32'],
  '1.10': ['1.28', '1.33'],
  '1.11': ['1.29', '1.34'],
  '1.12': ['1.30', '1.35'],
  '1.13': ['1.31', '1.36'],
};

// ---- Cilium -----------------------------------------------------------------------------------------------------
/**
 * Cilium of clusters with `TalosCni.cilium()`: the 1.20 line (1.20.0 released 2026-07-29, cilium/cilium-cli#3281),
 * the one released after Kubernetes 1.36; maintained lines are 1.18 to 1.20. 1.20.3 is the newest patch found
 * (validated against by Rusty-Gopher/kupre v0.4.0's release notes).
 * @see https://github.com/cilium/cilium/releases/tag/v1.20.0
 * @see https://github.com/Rusty-Gopher/kupre/releases/tag/v0.4.0
 */
export const CILIUM_VERSION = '1.20.3';

/**
 * The cilium CLI the install Job runs: v0.20.0, the CLI minor made for Cilium 1.20 ("Bump the minor version to be
 * in accordance with the latest Cilium minor release 1.20", cilium/cilium-cli#3294, 2026-08-25; stable since #3296).
 * Pinned: the Talos guide's `cilium-cli-ci:latest` is not.
 * @see https://github.com/cilium/cilium-cli/pull/3294
 */
export const CILIUM_CLI_IMAGE = 'quay.io/cilium/cilium-cli:v0.20.0';

// ---- Flatcar ----------------------------------------------------------------------------------------------------
/** Flatcar channel of FlatcarImage. */
export const DEFAULT_FLATCAR_CHANNEL = 'stable' as const;
/**
 * Flatcar release of FlatcarImage: Stable 4593.2.5, published 2026-08-13 (flatcar/flatcar-website
 * data/releases/stable/current.yml, commit "data: Add new Flatcar releases" of 2026-08-13). Its image digests
 * are not in that data; the examples keep an all-zero placeholder, which ProxmoxImage reports as a warning.
 * @see https://www.flatcar.org/releases#stable-release
 */
export const DEFAULT_FLATCAR_VERSION = '4593.2.5';

// ---- Debian -----------------------------------------------------------------------------------------------------
/** Debian major version of DebianGoldenTemplate (13 "trixie", released 2025-08-09). */
export const DEFAULT_DEBIAN_MAJOR = 13 as const;
/**
 * The Kubernetes release the Debian golden template prepares containerd for: its sandbox (pause) image must be the
 * one kubeadm of that release expects (constructs/debian/cloud-config.ts, PAUSE_VERSION_BY_KUBERNETES_MINOR, from
 * kubeadm's cmd/kubeadm/app/constants/constants.go). 1.35 is the newest minor whose kubeadm pause version is
 * recorded there; the Talos clusters' DEFAULT_KUBERNETES_VERSION (1.36) is not, so the two differ until its pause
 * version is read from kubeadm v1.36 and added to the table.
 * @see https://github.com/kubernetes/kubernetes/blob/v1.35.0/cmd/kubeadm/app/constants/constants.go
 */
export const DEBIAN_KUBERNETES_VERSION = '1.35.0';
/**
 * The Debian 13 cloud image build the example app and examples use: the newest dated trixie build found,
 * 2026-09-14 (after the 13.6 point release's build 20260810-2566). Its `generic` amd64 SHA-512, from that
 * build's SHA512SUMS as quoted identically by several independent public projects (searched, not downloaded:
 * no network access to cloud.debian.org here).
 * @see https://cloud.debian.org/images/cloud/trixie/20260914-2601/SHA512SUMS
 */
export const DEBIAN_13_BUILD = '20260914-2601';
export const DEBIAN_13_GENERIC_AMD64_SHA512 =
  'a733e7d49442a03e70d03e4eb5aaf3967f3efc69ef70952f9bb10fc1ee2c4876eb95956b5ad2d31350e5fada768feb651352535fb8cd1233f61998a5a7d2e93c';
