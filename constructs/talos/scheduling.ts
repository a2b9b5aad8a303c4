import { TalosConfigPatch } from './patches';

/**
 * Talos taints control planes so that workloads are not scheduled there. A cluster without workers would then
 * run nothing but its own system pods: unless told otherwise, such a cluster lets workloads onto its control
 * planes (`cluster.allowSchedulingOnControlPlanes`). Pure.
 * @see https://www.talos.dev/v1.11/talos-guides/howto/workers-on-controlplane/
 * @param allow the cluster's `allowSchedulingOnControlPlanes` prop (undefined: decided by `workerCount`)
 * @param workerCount the cluster's workers at synth time
 */
export function controlPlaneSchedulingPatches(allow: boolean | undefined, workerCount: number): TalosConfigPatch[] {
  return (allow ?? workerCount === 0) ? [{ cluster: { allowSchedulingOnControlPlanes: true } }] : [];
}
