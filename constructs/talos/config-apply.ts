import { dependable, IResolvable } from 'cdktf';
import { MachineConfigurationApply } from '../../.gen/providers/talos/machine-configuration-apply';
import { terraformData } from '../core/terraform-data';
import { hostnamePatch, nodePatch, NodePatchInput, patchYaml } from './patches';
import { topologyPatch } from './node-hardware';
import { talosProviderOf } from './providers';
import type { TalosMachineRole, TalosNode } from './talos-node';

/**
 * Each node's `talos_machine_configuration_apply`, and how version changes reach it.
 *
 * A Talos or Kubernetes version change also changes the rendered machine configuration (its images, the factory
 * installer). Pushed through the config apply, it would reach every node at once, before the rolling upgrade steps
 * (upgrade.ts), and a configuration generated for a new Talos would land on nodes still running the old one. So
 * version changes reach running nodes only through the upgrade steps: the apply ignores changes to its inputs
 * (`ignore_changes`) and is replaced instead (`replace_triggered_by`) when a `terraform_data` (`<node>/ConfigInputs`)
 * holding every input of the node's configuration except the Talos version, the Kubernetes version and the
 * installer image changes. A replaced apply applies the whole current configuration; a new node is created with it.
 *
 * Why this is safe with the talos provider (0.10.0 and 0.11.0 alike):
 * - Delete is a no-op unless `on_destroy.reset` is set (default false): replacing the apply never resets or reboots
 *   a node. https://github.com/siderolabs/terraform-provider-talos/blob/v0.11.0/pkg/talos/talos_machine_configuration_apply_resource.go#L756-L877
 *   (v0.10.0: L339-L349); the defaults at L184-L207. Replacement is destroy-then-create: Create applies the
 *   configuration in `apply_mode` (default auto), as an update would (L473-L607).
 * - Read does nothing (L609-L610; v0.10.0 L261-L262): the node's live configuration is never read back, so
 *   `ignore_changes` has no drift to fight.
 * - ModifyPlan renders `machine_configuration` from the request's *configuration* (L1010-L1128), and Terraform
 *   sends the configuration with ignored attributes set to their prior values, so an ignored change plans nothing;
 *   a replacement is planned from the original configuration (ignored values included).
 *   https://github.com/hashicorp/terraform/blob/v1.11.4/internal/terraform/node_resource_abstract_instance.go#L880-L945
 *   and #L1100-L1108
 * - `replace_triggered_by` fires only on an update or replace of the referenced resource, not on its creation, so a
 *   cluster deployed before this adds the `terraform_data` without replacing any apply.
 *   https://github.com/hashicorp/terraform/blob/v1.11.4/internal/terraform/eval_context_builtin.go#L383-L391
 *   https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#replace_triggered_by
 *
 * With `resetOnDestroy` a replacement would reset a running node (STATE and EPHEMERAL wiped, L814-L827), so such a
 * cluster keeps in-place updates (every change, versions included, is applied to all nodes at once).
 */
export interface NodeConfigApplyProps {
  readonly node: TalosNode;
  readonly role: TalosMachineRole;
  /** The node's address (the apply's node and endpoint). */
  readonly address: string;
  readonly clientConfiguration: IResolvable;
  /** The role's generated configuration (`talos_machine_configuration.machine_configuration`). */
  readonly machineConfiguration: string;
  /** The inputs of that configuration except the versions: cluster name, endpoint, secrets, patches ... */
  readonly roleInputs: Readonly<Record<string, unknown>>;
  /** The role's patches holding references (see splitPatches), before the node's own. */
  readonly perNodePatches: readonly string[];
  readonly nodePatch: NodePatchInput;
  /** Whether the host name goes in a HostnameConfig document (from the cluster's Talos version). */
  readonly hostnameDocument: boolean;
  readonly clusterName: string;
  readonly resetOnDestroy?: boolean;
}

/** The config apply of `props.node` (id `ConfigApply`) and, unless resetOnDestroy, its `ConfigInputs` trigger. */
export function nodeConfigApply(props: NodeConfigApplyProps): MachineConfigurationApply {
  const { node, nodePatch: np } = props;
  const nodeOwn = [...node.hardwarePatches, topologyPatch(props.clusterName, node.proxmoxNode)].map(patchYaml);
  const inputs = props.resetOnDestroy ? undefined : terraformData(node, 'ConfigInputs', {
    triggersReplace: {
      ...props.roleInputs,
      // The node's patches without what follows the Talos version: the installer image and where the host name goes.
      node_config_patches: [...props.perNodePatches, patchYaml(nodePatch({ ...np, install: versionless(np.install), hostnameDocument: false })), ...nodeOwn],
      node: props.address,
    },
  });
  return new MachineConfigurationApply(node, 'ConfigApply', {
    provider: talosProviderOf(node),
    clientConfiguration: props.clientConfiguration as any,
    machineConfigurationInput: props.machineConfiguration,
    nodeAttribute: props.address,
    endpoint: props.address,
    configPatches: [...props.perNodePatches, patchYaml(nodePatch({ ...np, hostnameDocument: props.hostnameDocument })),
      ...(props.hostnameDocument ? [patchYaml(hostnamePatch(np.hostname))] : []), ...nodeOwn],
    onDestroy: props.resetOnDestroy ? { reset: true, graceful: true, reboot: false } : undefined,
    // The node must be up before its configuration can be applied, and a replaced VM boots unconfigured
    // (maintenance mode): re-apply whenever the VM is replaced.
    dependsOn: [node.vm],
    lifecycle: {
      ...(inputs ? { ignoreChanges: ['machine_configuration_input', 'config_patches'] } : {}),
      // Bare addresses: cdktf writes a dependable here as "${...}", which Terraform rejects in replace_triggered_by.
      replaceTriggeredBy: [dependable(node.vm), ...(inputs ? [dependable(inputs)] : [])],
    },
  });
}

/** The install target without its image (the image names the Talos version): the disk of an ISO boot, if any. */
function versionless(install: NodePatchInput['install']): NodePatchInput['install'] {
  return install?.disk !== undefined ? { disk: install.disk } : undefined;
}
