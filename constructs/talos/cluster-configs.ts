import { createHash } from 'crypto';
import { DefaultTokenResolver, IResolvable, Lazy, StringConcat, TerraformVariable, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { DataTalosMachineConfiguration } from '../../.gen/providers/talos/data-talos-machine-configuration';
import { MachineSecrets } from '../../.gen/providers/talos/machine-secrets';
import { cniPatches, TalosCni } from './cilium';
import { holdsReference, patchYaml, splitPatches, tailscaleServicePatch } from './patches';
import { talosProviderOf } from './providers';
import { controlPlaneSchedulingPatches } from './scheduling';
import { TalosClusterProps } from './talos-cluster-props';
import type { TalosMachineRole } from './talos-node';

/** What {@link ClusterConfigs} needs of the cluster. */
export interface ClusterConfigsProps {
  readonly props: TalosClusterProps;
  readonly talosVersion: string;
  readonly kubernetesVersion: string;
  readonly cni: TalosCni;
  readonly clusterEndpoint: string;
  readonly secrets: MachineSecrets;
}

/**
 * The machine configuration of each role (a `talos_machine_configuration` data source, ids `ControlPlaneConfig` and
 * `WorkerConfig` under the cluster), the patches each node's apply adds, and the inputs its config apply is replaced
 * on (config-apply.ts).
 */
export class ClusterConfigs {
  public readonly configs: Record<TalosMachineRole, DataTalosMachineConfiguration>;
  /** Patches holding Terraform references, applied per node (see splitPatches). */
  public readonly perNodePatches: Record<TalosMachineRole, readonly string[]>;
  /** The data source's inputs but the versions, for each node's ConfigInputs. */
  public readonly roleInputs: Record<TalosMachineRole, Readonly<Record<string, unknown>>>;
  private readonly controlPlaneLiteralPatches: readonly string[];
  private readonly props: TalosClusterProps;
  private readonly hashCache = new Map<TalosMachineRole, string>();
  private schedulingDecided = false;

  constructor(cluster: Construct, o: ClusterConfigsProps) {
    const props = o.props;
    this.props = props;
    const ts = props.tailscale;
    const cniP = cniPatches(o.cni);
    const tailscale = ts ? [tailscaleServicePatch({ authKey: (ts.authKey ?? tailscaleVariable(cluster, props.clusterName)).stringValue, loginServer: ts.loginServer, extraArgs: ts.extraArgs })] : [];
    const common = [...cniP.all.map(patchYaml), ...tailscale, ...(props.configPatches?.all ?? []).map(patchYaml)];
    const rolePatches = {
      controlplane: splitPatches([...common, ...[...cniP.controlPlane, ...(props.configPatches?.controlPlane ?? [])].map(patchYaml)]),
      worker: splitPatches([...common, ...(props.configPatches?.worker ?? []).map(patchYaml)]),
    };
    this.perNodePatches = { controlplane: rolePatches.controlplane.perNode, worker: rolePatches.worker.perNode };
    this.controlPlaneLiteralPatches = rolePatches.controlplane.literal;
    const machineConfig = (role: TalosMachineRole) =>
      new DataTalosMachineConfiguration(cluster, role === 'controlplane' ? 'ControlPlaneConfig' : 'WorkerConfig', {
        provider: talosProviderOf(cluster),
        clusterName: props.clusterName,
        clusterEndpoint: o.clusterEndpoint,
        machineType: role,
        machineSecrets: asStruct(o.secrets.machineSecrets),
        talosVersion: o.talosVersion,
        kubernetesVersion: o.kubernetesVersion,
        // Literal patches only: one holding a reference fails the data source's validation (splitPatches).
        configPatches: rolePatches[role].literal,
        docs: false,
        examples: false,
      });
    this.configs = { controlplane: machineConfig('controlplane'), worker: machineConfig('worker') };
    const roleInputs = (role: TalosMachineRole) => ({
      cluster_name: props.clusterName, cluster_endpoint: o.clusterEndpoint, machine_type: role,
      // A reference to the sensitive secrets: the value stays in state, marked sensitive, never in the JSON.
      machine_secrets: asStruct(o.secrets.machineSecrets),
      // Literal by the data source's rule (no references), so hashed here: one line per node instead of the patches
      // (a CNI's inline manifests are kilobytes).
      config_patches_sha256: Lazy.stringValue({ produce: () => this.rolePatchesHash(role) }), docs: false, examples: false,
    });
    this.roleInputs = { controlplane: roleInputs('controlplane'), worker: roleInputs('worker') };
    // The rule holds for patches added to the data sources later too (e.g. through an escape hatch).
    for (const config of Object.values(this.configs)) {
      config.node.addValidation({
        validate: () => configPatchesOf(config).filter(holdsReference).map((patch) =>
          `${config.node.path}: config_patches must not hold a Terraform reference, got ${JSON.stringify(String(patch).slice(0, 80))}. `
          + 'The talos provider 0.10.0 validates them with unknown values as "" ("config_patches are invalid: open : no such file or directory"). '
          + 'Pass the patch to TalosCluster (configPatches) instead: patches holding references go to each node\'s talos_machine_configuration_apply.'),
      });
    }
  }

  /**
   * Adds the control planes' scheduling patch to their machine configuration, once, at synth (from the cluster's
   * aspect): by default it depends on whether the cluster has workers, known only once every node is added. Set
   * here rather than through a lazy list, which would make an escape-hatch `addOverride('config_patches', [...])`
   * (appended by cdktf) fail to resolve.
   */
  public addSchedulingPatches(workerCount: number): void {
    if (this.schedulingDecided) return;
    this.schedulingDecided = true;
    const patches = controlPlaneSchedulingPatches(this.props.configPatches?.allowSchedulingOnControlPlanes, workerCount);
    if (patches.length > 0) this.configs.controlplane.configPatches = [...this.controlPlaneLiteralPatches, ...patches.map(patchYaml)];
  }

  /** SHA-256 of the role data source's patches as synthesized; cached once every node is added. */
  private rolePatchesHash(role: TalosMachineRole): string {
    const cached = this.hashCache.get(role);
    if (cached) return cached;
    const hash = createHash('sha256').update(JSON.stringify(configPatchesOf(this.configs[role]))).digest('hex');
    if (this.schedulingDecided) this.hashCache.set(role, hash);
    return hash;
  }
}

/** The sensitive variable of the tailscale auth key, when the cluster declares it. */
function tailscaleVariable(cluster: Construct, clusterName: string): TerraformVariable {
  const v = new TerraformVariable(cluster, 'TailscaleAuthKey', {
    type: 'string', sensitive: true, nullable: false, description: `Tailscale auth key of the Talos cluster ${clusterName}`,
  });
  v.overrideLogicalId(`${clusterName.replace(/-/g, '_')}_tailscale_auth_key`);
  return v;
}

/**
 * A provider object attribute (e.g. `client_configuration`) passed whole: cdktf resolves it to
 * `${<resource>.<attribute>}`, while the generated config types only accept literal structs.
 */
function asStruct(attribute: IResolvable): any {
  return attribute;
}

/** The data source's `config_patches` as it will be synthesized (escape-hatch overrides and lazy values resolved). */
function configPatchesOf(config: DataTalosMachineConfiguration): string[] {
  const tf = Tokenization.resolve(config.toTerraform(), { scope: config, resolver: new DefaultTokenResolver(new StringConcat()), preparing: false }) as { data?: Record<string, Record<string, { config_patches?: unknown }>> };
  const patches = Object.values(Object.values(tf.data ?? {})[0] ?? {})[0]?.config_patches;
  return Array.isArray(patches) ? patches.map(String) : [];
}
