import { Annotations, Aspects, dependable, Lazy } from 'cdktf';
import { Construct } from 'constructs';
import type { ClusterKubeconfig } from '../../.gen/providers/talos/cluster-kubeconfig';
import type { DataTalosClusterHealth } from '../../.gen/providers/talos/data-talos-cluster-health';
import type { MachineBootstrap } from '../../.gen/providers/talos/machine-bootstrap';
import { MachineSecrets } from '../../.gen/providers/talos/machine-secrets';
import { clusterAccess, writeClusterFiles } from './cluster-access';
import { resolveClusterProps } from './cluster-checks';
import { ClusterConfigs } from './cluster-configs';
import { ClusterNodes } from './cluster-nodes';
import { nodeConfigApply } from './config-apply';
import { addNodePool, TalosNodePoolProps } from './node-pool';
import { usesHostnameDocument } from './patches';
import { talosProviderOf } from './providers';
import { TalosBoot } from './talos-boot';
import { TalosClusterNodeProps, TalosClusterProps } from './talos-cluster-props';
import { TalosImage } from './talos-image';
import { CheckedAddress, TalosNetwork } from './talos-network';
import { TalosMachineRole, TalosNode } from './talos-node';
import { TalosUpgrades } from './upgrade';
import type { Cidr } from '../core/net';

/**
 * A Talos Kubernetes cluster on Proxmox VMs: secrets, machine configuration per role, a TalosNode and a config
 * apply per node, bootstrap of the first control plane, a health gate, kubeconfig and talosconfig.
 *
 * Order (every step depends on the previous): VM -> config apply -> bootstrap (first control plane) ->
 * health -> kubeconfig. Node-specific settings live only in each node's apply, so adding or removing a node
 * leaves every other node's resources as they are; only the health check, which lists all nodes, changes (a data
 * source, read on every plan, nothing in state). The talosconfig lists control planes only, so adding a worker
 * leaves it (and its file) untouched. Version changes reach running nodes through the rolling upgrade steps only
 * (upgrade.ts, config-apply.ts).
 *
 * The first control plane added is the bootstrap node: keep it first. Removing it would move the bootstrap
 * (and the kubeconfig source) to the next one, and an already bootstrapped member refuses a second bootstrap.
 * Modules: cluster-checks.ts (props), cluster-configs.ts (machine configurations), cluster-access.ts (bootstrap,
 * health, kubeconfig, talosconfig), cluster-nodes.ts (node bookkeeping and placement), config-apply.ts.
 * @see https://registry.terraform.io/providers/siderolabs/talos/0.11.0/docs
 */
export class TalosCluster extends Construct {
  public readonly clusterName: string;
  /** `https://<vip or first control plane>:6443`. */
  public readonly clusterEndpoint: string;
  public readonly vip?: string;
  public readonly talosVersion: string;
  public readonly kubernetesVersion: string;
  public readonly secrets: MachineSecrets;
  public readonly bootstrap: MachineBootstrap;
  public readonly health: DataTalosClusterHealth;
  public readonly kubeconfig: ClusterKubeconfig;
  /** Admin kubeconfig (sensitive; a Terraform reference). */
  public readonly kubeconfigRaw: string;
  /** talosconfig for talosctl (sensitive; a Terraform reference). */
  public readonly talosconfig: string;
  /** The rolling upgrade steps (talosctl upgrade per node, then upgrade-k8s). */
  public readonly upgrades: TalosUpgrades;
  private readonly props: TalosClusterProps;
  private readonly subnet?: Cidr;
  private readonly extensions: readonly string[];
  private readonly configs: ClusterConfigs;
  private readonly nodes = new ClusterNodes();
  /** The health check's dependencies: the bootstrap, then every node's config apply; one dependable each, made once. */
  private readonly healthDependsOn: string[];
  private readonly images = new Map<string, TalosImage>();
  private decided = false;

  constructor(scope: Construct, id: string, props: TalosClusterProps) {
    super(scope, id);
    const r = resolveClusterProps(this, props);
    this.warnAboutReset(props);
    this.props = props;
    this.clusterName = props.clusterName;
    this.vip = props.vip;
    this.talosVersion = r.talosVersion;
    this.kubernetesVersion = r.kubernetesVersion;
    this.subnet = r.subnet;
    this.extensions = r.extensions;
    const firstAddress = Lazy.stringValue({ produce: () => this.nodes.byRole.controlplane[0] && this.nodes.address(this.nodes.byRole.controlplane[0].hostname) });
    // The VIP is the endpoint every kubelet and kubeconfig uses once the cluster runs. It only exists after
    // etcd elects a holder, so bootstrap and the first kubeconfig talk to the first control plane's own
    // address: "the VIP is not available until the cluster is bootstrapped".
    // https://www.talos.dev/v1.11/talos-guides/network/vip/
    this.clusterEndpoint = `https://${props.vip ?? firstAddress}:6443`;
    this.secrets = this.newSecrets(r.talosVersion);
    this.configs = new ClusterConfigs(this, { props, ...r, clusterEndpoint: this.clusterEndpoint, secrets: this.secrets });
    const addresses = (role: TalosMachineRole) => Lazy.listValue({ produce: () => this.nodes.byRole[role].map((n) => this.nodes.address(n.hostname)) });
    const access = clusterAccess(this, {
      clusterName: props.clusterName, clientConfiguration: this.secrets.clientConfiguration, firstAddress,
      controlPlaneAddresses: addresses('controlplane'), workerAddresses: addresses('worker'),
      skipKubernetesChecks: r.cni.installedAfterBootstrap, healthTimeoutSeconds: r.healthTimeout,
    });
    this.bootstrap = access.bootstrap;
    this.health = access.health;
    this.healthDependsOn = [dependable(this.bootstrap)];
    this.kubeconfig = access.kubeconfig;
    this.kubeconfigRaw = this.kubeconfig.kubeconfigRaw;
    this.talosconfig = access.talosconfig;
    this.upgrades = new TalosUpgrades(this, {
      options: props.upgrades, talosconfig: this.talosconfig, healthNode: firstAddress, talosVersion: r.talosVersion, kubernetesVersion: r.kubernetesVersion, gate: this.health,
    });
    if (props.outputDirectory !== undefined) writeClusterFiles(this, props.outputDirectory, props.clusterName, access);
    for (const [name, np] of Object.entries(props.controlPlanes ?? {})) this.addControlPlane(name, np);
    for (const [name, np] of Object.entries(props.workers ?? {})) this.addWorker(name, np);
    this.node.addValidation({
      validate: () => (this.nodes.byRole.controlplane.length === 0
        ? ["'controlPlanes' must contain at least one node, got none. Call addControlPlane(): etcd and the API server run there."]
        : []),
    });
    // At synth time, once every node is added (warnings are not errors, so not a validation). The aspect sits on the
    // secrets, a leaf made before any node: cdktf hands an aspect to every construct below the one that holds it,
    // and records each visit under the construct's path, so on the cluster it would cost a visit per construct of
    // every node. https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/synthesize/synthesizer.ts (invokeAspects)
    Aspects.of(this.secrets).add({ visit: () => this.decideOnceComplete() });
  }

  /** Control planes, in the order they were added (the first one is bootstrapped). */
  public get controlPlanes(): TalosNode[] {
    return [...this.nodes.byRole.controlplane];
  }

  /** Workers, in the order they were added. */
  public get workers(): TalosNode[] {
    return [...this.nodes.byRole.worker];
  }

  /** Adds a control plane named `name` (host name, VM name, construct id `Node-<name>`). */
  public addControlPlane(name: string, props: TalosClusterNodeProps): TalosNode {
    return this.addNode(name, 'controlplane', props);
  }

  /** Adds a worker named `name`. */
  public addWorker(name: string, props: TalosClusterNodeProps): TalosNode {
    return this.addNode(name, 'worker', props);
  }

  /** Adds `count` nodes `<name>-01` ... `<name>-NN` (see node-pool.ts); raising count adds, lowering removes the last. */
  public addPool(name: string, props: TalosNodePoolProps): TalosNode[] {
    return addNodePool(this, name, props, (n, role, np) => this.addNode(n, role, np));
  }

  private newSecrets(talosVersion: string): MachineSecrets {
    return new MachineSecrets(this, 'Secrets', {
      provider: talosProviderOf(this),
      talosVersion,
      // The version contract the secrets are generated for, used once at creation. Later changes only update the
      // recorded value, but a planned update makes the framework mark machine_secrets and client_configuration
      // unknown (so every configuration and config apply would change at plan), and a lower version replaces the
      // secrets (a new cluster CA). https://github.com/siderolabs/terraform-provider-talos/blob/v0.11.0/pkg/talos/talos_machine_secrets_resource.go#L386-L400
      // and #L536-L542; https://github.com/hashicorp/terraform-plugin-framework/blob/v1.19.0/internal/fwserver/server_planresourcechange.go#L200-L252
      lifecycle: { ignoreChanges: ['talos_version'] },
    });
  }

  private addNode(name: string, role: TalosMachineRole, props: TalosClusterNodeProps): TalosNode {
    this.nodes.check(this, name, `${role === 'controlplane' ? 'addControlPlane' : 'addWorker'}("${name}")`, props, this.props, this.subnet);
    const node = this.newNode(name, role, props);
    const apply = nodeConfigApply({
      node, role, address: props.address, clientConfiguration: this.secrets.clientConfiguration,
      machineConfiguration: this.configs.configs[role].machineConfiguration, roleInputs: this.configs.roleInputs[role],
      perNodePatches: this.configs.perNodePatches[role],
      nodePatch: {
        hostname: name,
        macAddress: node.macAddress,
        dhcp: (this.props.network.addressing ?? 'meta') === 'dhcp',
        vip: role === 'controlplane' ? this.vip : undefined,
        // The node's own factory installer on every node, not the provider's default
        // (ghcr.io/siderolabs/installer:<the provider's machinery version>, another version and no extensions):
        // upgrades and reinstalls keep the node's Talos version and extensions.
        install: node.installTarget ?? { image: node.installerImage },
      },
      // The role's configuration is generated for the cluster's Talos version: its contract decides where the host name goes.
      hostnameDocument: usesHostnameDocument(this.talosVersion),
      clusterName: this.clusterName,
      resetOnDestroy: this.props.resetOnDestroy,
    });
    this.upgrades.addNode(node, props.address, [apply]);
    this.nodes.add(node, props.address, apply);
    if (role === 'controlplane' && this.nodes.byRole.controlplane.length === 1) this.bootstrap.dependsOn = [dependable(apply)];
    this.healthDependsOn.push(dependable(apply));
    this.health.dependsOn = this.healthDependsOn;
    return node;
  }

  /** The node's VM, image and identity (TalosNode `Node-<name>`), with the cluster's defaults under its own props. */
  private newNode(name: string, role: TalosMachineRole, props: TalosClusterNodeProps): TalosNode {
    const net = this.props.network;
    const addressing = net.addressing ?? 'meta';
    const address = CheckedAddress.inSubnet(props.address, net.subnet, net.gateway, net.nameservers);
    const network = addressing === 'meta' ? TalosNetwork.meta(address)
      : addressing === 'cloud-init' ? TalosNetwork.cloudInit(address) : TalosNetwork.dhcp({ reservedAddress: props.address });
    const boot = props.boot ?? TalosBoot.diskImage();
    // META makes every image node-specific; so do node-level extensions, kernel args and a config ISO.
    const talosVersion = props.talosVersion ?? this.talosVersion;
    const ownImage = talosVersion !== this.talosVersion || addressing === 'meta' || !!props.extensions?.length || !!props.kernelArgs?.length || boot.configIso !== undefined;
    const hardware = role === 'controlplane' ? this.props.controlPlaneHardware : this.props.workerHardware;
    const { address: _a, proxmoxNode: _p, vmId: _v, extensions: _e, kernelArgs: _k, boot: _b, talosVersion: _t, ...nodeHardware } = props;
    return new TalosNode(this, `Node-${name}`, {
      ...hardware,
      ...nodeHardware,
      connection: this.props.connection,
      proxmoxNode: this.nodes.place(name, role, props, this.props.proxmoxNodes),
      hostname: name,
      role,
      network,
      talosVersion,
      boot,
      vmId: props.vmId,
      identitySeed: `${this.clusterName}/${name}`,
      tags: [this.clusterName],
      // Every node with its own image downloads it unverified (the factory publishes no checksums): one warning.
      checksumWarningScope: this,
      ...(ownImage
        ? { extensions: [...this.extensions, ...(props.extensions ?? [])], kernelArgs: props.kernelArgs, imageDatastore: this.props.imageDatastore }
        : { image: this.sharedImage(boot, network) }),
    });
  }

  /** One image for every node without node-specific content (no META), per boot format. */
  private sharedImage(boot: TalosBoot, network: TalosNetwork): TalosImage {
    let image = this.images.get(boot.kind);
    if (!image) {
      image = new TalosImage(this, boot.kind === 'iso' ? 'IsoImage' : 'Image', {
        connection: this.props.connection,
        talosVersion: this.talosVersion,
        platform: network.requiredPlatform ?? 'metal',
        extensions: this.extensions,
        format: boot.kind,
        datastore: this.props.imageDatastore,
        checksumWarningScope: this,
      });
      this.images.set(boot.kind, image);
    }
    return image;
  }

  /** Once every node is added (from the aspect): the quorum warning and the control planes' scheduling patch. */
  private decideOnceComplete(): void {
    if (this.decided) return;
    this.decided = true;
    const n = this.nodes.byRole.controlplane.length;
    if (n === 1) {
      Annotations.of(this).addWarning(`${this.node.path}: a single control plane has no etcd redundancy: losing it loses the cluster. Use 3.`);
    } else if (n > 0 && n % 2 === 0) {
      Annotations.of(this).addWarning(`${this.node.path}: ${n} control planes tolerate no more failures than ${n - 1} (etcd quorum), at more cost. Use an odd number.`);
    }
    this.configs.addSchedulingPatches(this.nodes.byRole.worker.length);
  }

  private warnAboutReset(props: TalosClusterProps): void {
    if (!props.resetOnDestroy) return;
    Annotations.of(this).addWarning(`${this.node.path}: resetOnDestroy keeps every config apply updated in place (replacing one would reset its node): `
      + 'a talosVersion or kubernetesVersion change then reaches every node at once, before the rolling upgrade steps.');
  }
}
