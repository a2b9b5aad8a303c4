import { Aspects, DataResource, dependable, Fn, ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { escapeTerraformTemplate } from '../flatcar/butane';
import { Problems } from '../core/errors';
import { loadTemplate } from '../core/templates';
import { terraformData } from '../core/terraform-data';
import type { TalosMachineRole, TalosNode } from './talos-node';

/**
 * Rolling in-place upgrades of a {@link TalosCluster}, run with `talosctl` on the machine that runs Terraform.
 *
 * The talos provider has no upgrade resource (https://github.com/siderolabs/terraform-provider-talos/issues/140),
 * and an `install.image` change in the machine configuration only takes effect on the next upgrade. So every node
 * gets a `terraform_data` whose `triggers_replace` is its installer image (Talos version + schematic): a change
 * of the cluster's or the node's Talos version, extensions or kernel arguments replaces it, and its local-exec
 * provisioner runs `talosctl upgrade --preserve --wait` for that node (templates/talos/upgrade-node.sh).
 */
export interface TalosUpgradeOptions {
  /**
   * Create the upgrade steps. `false` leaves running nodes alone when versions change (upgrade them yourself with
   * `talosctl upgrade --image <node.installerImage>`).
   * @default true
   */
  readonly enabled?: boolean;
  /** How many workers upgrade at the same time (control planes always go one by one, for etcd quorum). @default 1 */
  readonly maxParallelWorkers?: number;
  /** How long each step may take: the upgrade with its reboot, then the cluster health wait. @default 1800 */
  readonly timeoutSeconds?: number;
}

/** Per-step timeout unless set. */
export const DEFAULT_UPGRADE_TIMEOUT_SECONDS = 1800;

/** Validates {@link TalosUpgradeOptions} under `prop`. */
export function checkUpgradeOptions(p: Problems, prop: string, o: TalosUpgradeOptions | undefined): void {
  const max = o?.maxParallelWorkers ?? 1;
  p.check(Number.isInteger(max) && max >= 1, `${prop}.maxParallelWorkers`, 'be a whole number of at least 1', max,
    'Workers upgrade in groups of this size; 1 is the safest.');
  const t = o?.timeoutSeconds ?? DEFAULT_UPGRADE_TIMEOUT_SECONDS;
  p.check(Number.isInteger(t) && t >= 60, `${prop}.timeoutSeconds`, 'be a whole number of seconds, at least 60', t,
    'A Talos upgrade pulls the installer and reboots the node: allow several minutes.');
}

/** A node in upgrade order: its name and role. */
export interface UpgradeStepRef {
  /** The node's name. */
  readonly name: string;
  /** The node's role. */
  readonly role: TalosMachineRole;
}

/**
 * The predecessors of every upgrade step: control planes one at a time in the order added, then workers in
 * waves of `maxParallelWorkers` (in the order added), each wave after the whole previous one, the first wave
 * after the last control plane. Returns, per node name, the names it waits for, plus the last wave (what the
 * Kubernetes upgrade waits for).
 */
export function upgradeOrder(nodes: readonly UpgradeStepRef[], maxParallelWorkers: number): { after: Map<string, string[]>; last: string[] } {
  const after = new Map<string, string[]>();
  let previous: string[] = [];
  for (const n of nodes.filter((x) => x.role === 'controlplane')) {
    after.set(n.name, previous);
    previous = [n.name];
  }
  const workers = nodes.filter((x) => x.role === 'worker');
  for (let i = 0; i < workers.length; i += maxParallelWorkers) {
    const wave = workers.slice(i, i + maxParallelWorkers).map((w) => w.name);
    for (const w of wave) after.set(w, previous);
    previous = wave;
  }
  return { after, last: previous };
}

/** What {@link TalosUpgrades} needs of the cluster. */
export interface TalosUpgradesProps {
  /** The cluster's upgrade options. @default - upgrades enabled, TalosUpgradeOptions' defaults */
  readonly options?: TalosUpgradeOptions;
  /** The talosconfig (a sensitive Terraform reference). */
  readonly talosconfig: string;
  /** Address of the control plane that answers `talosctl health` and `upgrade-k8s`. */
  readonly healthNode: string;
  /** The cluster's Talos version. */
  readonly talosVersion: string;
  /** The cluster's Kubernetes version (what `upgrade-k8s` moves to). */
  readonly kubernetesVersion: string;
  /** What every step waits for first (the cluster health gate). */
  readonly gate: ITerraformDependable;
}

interface Step {
  readonly node: TalosNode;
  readonly resource: DataResource;
  readonly extra: readonly ITerraformDependable[];
}

/**
 * The upgrade steps of one cluster: one `terraform_data` per node (`<node>/TalosUpgrade`), chained by
 * {@link upgradeOrder} once every node is added, and one `KubernetesUpgrade` after the last of them.
 */
export class TalosUpgrades {
  /** `talosctl upgrade-k8s` after every Talos upgrade (a `terraform_data`; undefined when disabled). */
  public readonly kubernetes?: DataResource;
  private readonly steps = new Map<string, Step>();
  private readonly props: TalosUpgradesProps;
  private readonly enabled: boolean;
  /** What every node's step shares, made once per cluster: the escaped script and the sensitive talosconfig. */
  private readonly nodeScript = escapeTerraformTemplate(loadTemplate('talos/upgrade-node.sh'));
  private readonly sensitiveTalosconfig: string;
  private wired = false;

  constructor(cluster: Construct, props: TalosUpgradesProps) {
    this.props = props;
    this.enabled = props.options?.enabled ?? true;
    this.sensitiveTalosconfig = Fn.sensitive(props.talosconfig);
    if (!this.enabled) return;
    this.kubernetes = terraformData(cluster, 'KubernetesUpgrade', {
      triggersReplace: { kubernetes_version: props.kubernetesVersion },
      provisioners: [{
        type: 'local-exec',
        interpreter: ['bash', '-c'],
        command: escapeTerraformTemplate(loadTemplate('talos/upgrade-kubernetes.sh')),
        environment: {
          TALOS_CONTROL_PLANE: props.healthNode,
          KUBERNETES_VERSION: props.kubernetesVersion,
          TALOS_VERSION: props.talosVersion,
          TALOSCONFIG_DATA: this.sensitiveTalosconfig,
        },
      }],
    });
    // Dependencies are set once every node is added (a control plane added after workers still goes first). On a
    // leaf made before any node, like the cluster's own aspect (talos-cluster.ts), so it is visited once.
    Aspects.of(this.kubernetes).add({ visit: () => this.wire() });
  }

  /** The upgrade step of `node` at `address`, run after `extra` (its configuration apply); undefined when disabled. */
  public addNode(node: TalosNode, address: string, extra: readonly ITerraformDependable[]): DataResource | undefined {
    if (!this.enabled) return undefined;
    const timeout = this.props.options?.timeoutSeconds ?? DEFAULT_UPGRADE_TIMEOUT_SECONDS;
    const resource = terraformData(node, 'TalosUpgrade', {
      // The installer image names the Talos version and the schematic (extensions, kernel arguments, META).
      triggersReplace: { installer_image: node.installerImage },
      provisioners: [{
        type: 'local-exec',
        interpreter: ['bash', '-c'],
        command: this.nodeScript,
        environment: {
          TALOS_NODE: address,
          TALOS_IMAGE: node.installerImage,
          TALOS_HEALTH_NODE: this.props.healthNode,
          TALOS_TIMEOUT_SECONDS: String(timeout),
          // A reference to a sensitive attribute: Terraform hides it and suppresses the provisioner's output.
          TALOSCONFIG_DATA: this.sensitiveTalosconfig,
        },
      }],
    });
    this.steps.set(node.hostname, { node, resource, extra });
    return resource;
  }

  private wire(): void {
    if (this.wired) return;
    this.wired = true;
    const refs = [...this.steps.values()].map((s) => ({ name: s.node.hostname, role: s.node.role }));
    const { after, last } = upgradeOrder(refs, this.props.options?.maxParallelWorkers ?? 1);
    for (const [name, step] of this.steps) {
      step.resource.dependsOn = [
        dependable(this.props.gate),
        ...step.extra.map((d) => dependable(d)),
        ...after.get(name)!.map((n) => dependable(this.steps.get(n)!.resource)),
      ];
    }
    if (this.kubernetes) {
      this.kubernetes.dependsOn = [dependable(this.props.gate), ...last.map((n) => dependable(this.steps.get(n)!.resource))];
    }
  }
}
