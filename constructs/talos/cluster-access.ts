import { IResolvable } from 'cdktf';
import { Construct } from 'constructs';
import { SensitiveFile } from '@cdktf/provider-local/lib/sensitive-file';
import { ClusterKubeconfig } from '../../.gen/providers/talos/cluster-kubeconfig';
import { DataTalosClientConfiguration } from '../../.gen/providers/talos/data-talos-client-configuration';
import { DataTalosClusterHealth } from '../../.gen/providers/talos/data-talos-cluster-health';
import { MachineBootstrap } from '../../.gen/providers/talos/machine-bootstrap';
import { localProviderOf, talosProviderOf } from './providers';

/** What {@link clusterAccess} needs of the cluster. */
export interface ClusterAccessProps {
  readonly clusterName: string;
  readonly clientConfiguration: IResolvable;
  /** The first control plane's address (a lazy token: known once it is added). */
  readonly firstAddress: string;
  readonly controlPlaneAddresses: string[];
  readonly workerAddresses: string[];
  /** Skip Kubernetes checks in the health gate (no CNI until after bootstrap). */
  readonly skipKubernetesChecks: boolean;
  readonly healthTimeoutSeconds: number;
}

/** The cluster's bootstrap, health gate, kubeconfig and talosconfig. */
export interface ClusterAccess {
  readonly bootstrap: MachineBootstrap;
  readonly health: DataTalosClusterHealth;
  readonly kubeconfig: ClusterKubeconfig;
  /** The talosconfig (sensitive; a Terraform reference). */
  readonly talosconfig: string;
}

/**
 * Bootstrap, health gate, kubeconfig and talosconfig of a cluster (ids `Bootstrap`, `Health`, `Kubeconfig`,
 * `ClientConfig` under it). The cluster adds each node's config apply to the bootstrap's and the health's
 * dependencies as nodes are added.
 */
export function clusterAccess(cluster: Construct, o: ClusterAccessProps): ClusterAccess {
  const provider = talosProviderOf(cluster);
  const clientConfiguration = o.clientConfiguration as any;
  // etcd is bootstrapped exactly once, on the first control plane, after its configuration is applied
  // (addControlPlane adds that dependency). https://www.talos.dev/v1.11/introduction/getting-started/#kubernetes-bootstrap
  const bootstrap = new MachineBootstrap(cluster, 'Bootstrap', { provider, clientConfiguration, nodeAttribute: o.firstAddress, endpoint: o.firstAddress });
  // Kubernetes checks need a CNI; Cilium arrives through the inline-manifest Job only after bootstrap.
  const health = new DataTalosClusterHealth(cluster, 'Health', {
    provider,
    clientConfiguration,
    endpoints: o.controlPlaneAddresses,
    controlPlaneNodes: o.controlPlaneAddresses,
    workerNodes: o.workerAddresses,
    skipKubernetesChecks: o.skipKubernetesChecks,
    timeouts: { read: `${o.healthTimeoutSeconds}s` },
    dependsOn: [bootstrap],
  });
  // The resource, not the deprecated data source; asked of the first control plane, never the VIP.
  const kubeconfig = new ClusterKubeconfig(cluster, 'Kubeconfig', {
    provider, clientConfiguration, nodeAttribute: o.firstAddress, endpoint: o.firstAddress, dependsOn: [health],
  });
  // talosctl endpoints are the control planes' own addresses, not the VIP: the VIP goes away exactly when
  // etcd or the API server is down, which is when talosctl is needed (Talos VIP docs).
  const talosconfig = new DataTalosClientConfiguration(cluster, 'ClientConfig', {
    provider,
    clusterName: o.clusterName,
    clientConfiguration,
    endpoints: o.controlPlaneAddresses,
    // Default target nodes are the control planes too (workers with `talosctl -n <ip>`): a talosconfig that
    // listed every node would rewrite the kubeconfig-grade 0600 file whenever a worker is added.
    nodes: o.controlPlaneAddresses,
  }).talosConfig;
  return { bootstrap, health, kubeconfig, talosconfig };
}

/** `<dir>/<clusterName>.kubeconfig` and `.talosconfig`, mode 0600 (ids `KubeconfigFile`, `TalosconfigFile`). */
export function writeClusterFiles(cluster: Construct, directory: string, clusterName: string, access: ClusterAccess): void {
  const dir = directory.replace(/\/+$/, '') || '/';
  const local = localProviderOf(cluster);
  const file = (fid: string, ext: string, content: string) => new SensitiveFile(cluster, fid, {
    provider: local, filename: `${dir}/${clusterName}.${ext}`, content, filePermission: '0600', directoryPermission: '0700',
  });
  file('KubeconfigFile', 'kubeconfig', access.kubeconfig.kubeconfigRaw);
  file('TalosconfigFile', 'talosconfig', access.talosconfig);
}

