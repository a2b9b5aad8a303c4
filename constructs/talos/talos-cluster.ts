import { Annotations, Aspects, DefaultTokenResolver, dependable, IResolvable, Lazy, StringConcat, Token, Tokenization, TerraformVariable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { SensitiveFile } from '@cdktf/provider-local/lib/sensitive-file';
import { ClusterKubeconfig } from '../../.gen/providers/talos/cluster-kubeconfig';
import { DataTalosClientConfiguration } from '../../.gen/providers/talos/data-talos-client-configuration';
import { DataTalosClusterHealth } from '../../.gen/providers/talos/data-talos-cluster-health';
import { DataTalosMachineConfiguration } from '../../.gen/providers/talos/data-talos-machine-configuration';
import { MachineBootstrap } from '../../.gen/providers/talos/machine-bootstrap';
import { MachineConfigurationApply } from '../../.gen/providers/talos/machine-configuration-apply';
import { MachineSecrets } from '../../.gen/providers/talos/machine-secrets';
import { Problems } from '../core/errors';
import { checkInSubnet, checkIp, Cidr, networkAddress, parseCidr } from '../core/net';
import { cniPatches, TalosCni } from './cilium';
import { DEFAULT_NAMESERVERS } from './meta-network';
import { holdsReference, hostnamePatch, nodePatch, patchYaml, splitPatches, tailscaleServicePatch, usesHostnameDocument } from './patches';
import { controlPlaneSchedulingPatches } from './scheduling';
import { pickProxmoxNode } from './placement';
import { TalosClusterNodeProps, TalosClusterProps } from './talos-cluster-props';
import { localProviderOf, talosProviderOf } from './providers';
import { checkSchematic, DEFAULT_EXTENSIONS, TAILSCALE_EXTENSION } from './schematic';
import { TalosBoot } from './talos-boot';
import { TalosImage } from './talos-image';
import { CheckedAddress, TalosNetwork } from './talos-network';
import { TalosMachineRole, TalosNode } from './talos-node';
import { checkUpgradeOptions, TalosUpgrades } from './upgrade';
import { topologyPatch } from './node-hardware';
import { addNodePool, TalosNodePoolProps } from './node-pool';
import { checkKubernetesVersion, checkTalosVersion, DEFAULT_KUBERNETES_VERSION, TALOS_VERSION } from './versions';

const NAME_RE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const SAFE_ARG_RE = /^[^"\\$%\s]*$/;

/**
 * A Talos Kubernetes cluster on Proxmox VMs: secrets, machine configuration per role, a TalosNode and a config
 * apply per node, bootstrap of the first control plane, a health gate, kubeconfig and talosconfig.
 *
 * Order (every step depends on the previous): VM -> config apply -> bootstrap (first control plane) ->
 * health -> kubeconfig. Node-specific settings live only in each node's apply, so adding or removing a node
 * leaves every other node's resources as they are; only the health check, which lists all nodes, changes (a data
 * source, read on every plan, nothing in state). The talosconfig lists control planes only, so adding a worker
 * leaves it (and its file) untouched.
 *
 * The first control plane added is the bootstrap node: keep it first. Removing it would move the bootstrap
 * (and the kubeconfig source) to the next one, and an already bootstrapped member refuses a second bootstrap.
 * @see https://registry.terraform.io/providers/siderolabs/talos/0.10.0/docs
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
  private readonly configs: Record<TalosMachineRole, DataTalosMachineConfiguration>;
  /** Patches holding Terraform references, applied per node (see splitPatches). */
  private readonly perNodePatches: Record<TalosMachineRole, readonly string[]>;
  private readonly nodes = new Map<string, { node: TalosNode; address: string; apply: MachineConfigurationApply }>();
  // Bookkeeping kept up to date by addNode so that adding a node costs the same at any cluster size: a scan of
  // every node per add, or a fresh dependable per node per add (each one a token cdktf keeps for the life of the
  // process), made a 2000-node cluster quadratic in time and memory.
  private readonly byRole: Record<TalosMachineRole, TalosNode[]> = { controlplane: [], worker: [] };
  /** Node name by literal address, for the uniqueness check. */
  private readonly addressHolders = new Map<string, string>();
  /** Nodes of each role per Proxmox node, for placement. */
  private readonly load: Record<TalosMachineRole, Map<string, number>> = { controlplane: new Map(), worker: new Map() };
  /** The health check's dependencies: the bootstrap, then every node's config apply; one dependable each, made once. */
  private readonly healthDependsOn: string[];
  private readonly images = new Map<string, TalosImage>();
  private quorumWarned = false;
  private readonly controlPlaneLiteralPatches: readonly string[];
  private schedulingDecided = false;

  constructor(scope: Construct, id: string, props: TalosClusterProps) {
    super(scope, id);
    const talosVersion = props.talosVersion ?? TALOS_VERSION;
    const kubernetesVersion = props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const cni = props.cni ?? TalosCni.flannel();
    const net = props.network;
    const extensions = [...(props.extensions ?? DEFAULT_EXTENSIONS), ...(props.tailscale ? [TAILSCALE_EXTENSION] : [])];
    const healthTimeout = props.healthTimeoutSeconds ?? 900;

    const p = new Problems(this);
    p.check(NAME_RE.test(props.clusterName), 'clusterName', 'be a lower-case DNS label (a-z, 0-9, -)', props.clusterName, 'Use lower-case letters, digits and hyphens, e.g. "home".');
    p.check(props.proxmoxNodes.length > 0, 'proxmoxNodes', 'name at least one Proxmox node', props.proxmoxNodes, 'Name the Proxmox nodes the cluster\'s VMs run on.');
    p.check(new Set(props.proxmoxNodes).size === props.proxmoxNodes.length, 'proxmoxNodes', 'not repeat a node', props.proxmoxNodes, 'List each node once.');
    p.check(['meta', 'cloud-init', 'dhcp'].includes(net.addressing ?? 'meta'), 'network.addressing', "be 'meta', 'cloud-init' or 'dhcp'", net.addressing, 'Pick \'meta\' (static, baked into the image), \'cloud-init\' (static, from the cloud-init drive) or \'dhcp\'.');
    const subnet = Token.isUnresolved(net.subnet) ? undefined : parseCidr(net.subnet);
    if (!Token.isUnresolved(net.subnet)) {
      p.check(subnet?.kind === 'ipv4', 'network.subnet', 'be an IPv4 subnet like "10.0.0.0/16"', net.subnet, 'Write the IPv4 network with its prefix length, e.g. "10.0.0.0/16".');
    }
    if (!Token.isUnresolved(net.gateway) && checkIp(p, 'network.gateway', net.gateway) && subnet) {
      checkInSubnet(p, 'network.gateway', net.gateway, subnet);
    }
    p.check((net.nameservers ?? DEFAULT_NAMESERVERS).length > 0, 'network.nameservers', 'name at least one resolver', net.nameservers, 'List at least one DNS server, or leave nameservers out for the defaults.');
    for (const n of net.nameservers ?? DEFAULT_NAMESERVERS) if (!Token.isUnresolved(n)) checkIp(p, 'network.nameservers', n);
    if (props.vip !== undefined && !Token.isUnresolved(props.vip) && checkIp(p, 'vip', props.vip)) {
      if (subnet) checkInSubnet(p, 'vip', props.vip, subnet);
      p.check(props.vip !== net.gateway, 'vip', 'differ from the gateway', props.vip, 'Pick a VIP inside the subnet that no node and no router uses.');
    }
    checkTalosVersion(p, 'talosVersion', talosVersion);
    checkKubernetesVersion(p, 'kubernetesVersion', kubernetesVersion, talosVersion);
    cni.check(p, 'cni');
    checkSchematic(p, { extensions });
    const ts = props.tailscale;
    if (ts?.authKey) p.check(ts.authKey.sensitive === true, 'tailscale.authKey', 'be a sensitive TerraformVariable', ts.authKey.node.path, 'Declare it with sensitive: true.');
    if (ts?.loginServer !== undefined) {
      p.check(/^https?:\/\/[^\s"\\$%]+$/.test(ts.loginServer), 'tailscale.loginServer', 'be an http(s) URL', ts.loginServer, 'Give the login server as an http(s) URL, e.g. "https://headscale.home.arpa".');
    }
    for (const a of ts?.extraArgs ?? []) p.check(SAFE_ARG_RE.test(a), 'tailscale.extraArgs', 'contain flags without whitespace, quotes, backslashes, $ or %', a, 'Pass each flag as one list item, e.g. "--accept-routes", without quoting.');
    p.check(Number.isInteger(healthTimeout) && healthTimeout > 0, 'healthTimeoutSeconds', 'be a positive integer', healthTimeout, 'Give a whole number of seconds, 1 or more.');
    checkUpgradeOptions(p, 'upgrades', props.upgrades);
    p.check(props.outputDirectory?.trim() !== '', 'outputDirectory', 'be a directory path', props.outputDirectory, "Use '.' for the stack's directory, or leave it out to write no files.");
    p.throwIfAny();

    this.props = props;
    this.clusterName = props.clusterName;
    this.vip = props.vip;
    this.talosVersion = talosVersion;
    this.kubernetesVersion = kubernetesVersion;
    this.subnet = subnet;
    this.extensions = extensions;
    const talos = talosProviderOf(this);
    const firstAddress = Lazy.stringValue({ produce: () => this.byRole.controlplane[0] && this.nodes.get(this.byRole.controlplane[0].hostname)!.address });

    // The VIP is the endpoint every kubelet and kubeconfig uses once the cluster runs. It only exists after
    // etcd elects a holder, so bootstrap and the first kubeconfig talk to the first control plane's own
    // address: "the VIP is not available until the cluster is bootstrapped".
    // https://www.talos.dev/v1.11/talos-guides/network/vip/
    this.clusterEndpoint = `https://${props.vip ?? firstAddress}:6443`;

    this.secrets = new MachineSecrets(this, 'Secrets', { provider: talos, talosVersion });
    const clientConfiguration = asStruct(this.secrets.clientConfiguration);
    const cniP = cniPatches(cni);
    const tailscale = ts ? [tailscaleServicePatch({ authKey: (ts.authKey ?? this.tailscaleVariable()).stringValue, loginServer: ts.loginServer, extraArgs: ts.extraArgs })] : [];
    const common = [...cniP.all.map(patchYaml), ...tailscale, ...(props.configPatches?.all ?? []).map(patchYaml)];
    const rolePatches = {
      controlplane: splitPatches([...common, ...[...cniP.controlPlane, ...(props.configPatches?.controlPlane ?? [])].map(patchYaml)]),
      worker: splitPatches([...common, ...(props.configPatches?.worker ?? []).map(patchYaml)]),
    };
    this.perNodePatches = { controlplane: rolePatches.controlplane.perNode, worker: rolePatches.worker.perNode };
    this.controlPlaneLiteralPatches = rolePatches.controlplane.literal;
    const machineConfig = (role: TalosMachineRole) =>
      new DataTalosMachineConfiguration(this, role === 'controlplane' ? 'ControlPlaneConfig' : 'WorkerConfig', {
        provider: talos,
        clusterName: props.clusterName,
        clusterEndpoint: this.clusterEndpoint,
        machineType: role,
        machineSecrets: asStruct(this.secrets.machineSecrets),
        talosVersion,
        kubernetesVersion,
        // Literal patches only: one holding a reference fails the data source's validation (splitPatches).
        configPatches: rolePatches[role].literal,
        docs: false,
        examples: false,
      });
    this.configs = {
      controlplane: machineConfig('controlplane'),
      worker: machineConfig('worker'),
    };
    // The rule holds for patches added to the data sources later too (e.g. through an escape hatch).
    for (const config of Object.values(this.configs)) {
      config.node.addValidation({
        validate: () => configPatchesOf(config).filter(holdsReference).map((patch) =>
          `${config.node.path}: config_patches must not hold a Terraform reference, got ${JSON.stringify(String(patch).slice(0, 80))}. `
          + 'The talos provider 0.10.0 validates them with unknown values as "" ("config_patches are invalid: open : no such file or directory"). '
          + 'Pass the patch to TalosCluster (configPatches) instead: patches holding references go to each node\'s talos_machine_configuration_apply.'),
      });
    }

    // etcd is bootstrapped exactly once, on the first control plane, after its configuration is applied
    // (addControlPlane adds that dependency). https://www.talos.dev/v1.11/introduction/getting-started/#kubernetes-bootstrap
    this.bootstrap = new MachineBootstrap(this, 'Bootstrap', { provider: talos, clientConfiguration, nodeAttribute: firstAddress, endpoint: firstAddress });

    const cpAddresses = Lazy.listValue({ produce: () => this.controlPlanes.map((n) => this.nodes.get(n.hostname)!.address) });
    const workerAddresses = Lazy.listValue({ produce: () => this.workers.map((n) => this.nodes.get(n.hostname)!.address) });
    // Kubernetes checks need a CNI; Cilium arrives through the inline-manifest Job only after bootstrap.
    this.health = new DataTalosClusterHealth(this, 'Health', {
      provider: talos,
      clientConfiguration,
      endpoints: cpAddresses,
      controlPlaneNodes: cpAddresses,
      workerNodes: workerAddresses,
      skipKubernetesChecks: cni.installedAfterBootstrap,
      timeouts: { read: `${healthTimeout}s` },
      dependsOn: [this.bootstrap],
    });
    this.healthDependsOn = [dependable(this.bootstrap)];
    // The resource, not the deprecated data source; asked of the first control plane, never the VIP.
    this.kubeconfig = new ClusterKubeconfig(this, 'Kubeconfig', {
      provider: talos, clientConfiguration, nodeAttribute: firstAddress, endpoint: firstAddress, dependsOn: [this.health],
    });
    this.kubeconfigRaw = this.kubeconfig.kubeconfigRaw;
    // talosctl endpoints are the control planes' own addresses, not the VIP: the VIP goes away exactly when
    // etcd or the API server is down, which is when talosctl is needed (Talos VIP docs).
    this.talosconfig = new DataTalosClientConfiguration(this, 'ClientConfig', {
      provider: talos,
      clusterName: props.clusterName,
      clientConfiguration,
      endpoints: cpAddresses,
      // Default target nodes are the control planes too (workers with `talosctl -n <ip>`): a talosconfig that
      // listed every node would rewrite the kubeconfig-grade 0600 file whenever a worker is added.
      nodes: cpAddresses,
    }).talosConfig;
    this.upgrades = new TalosUpgrades(this, {
      options: props.upgrades, talosconfig: this.talosconfig, healthNode: firstAddress, talosVersion, kubernetesVersion, gate: this.health,
    });

    if (props.outputDirectory !== undefined) {
      const dir = props.outputDirectory.replace(/\/+$/, '') || '/';
      const local = localProviderOf(this);
      const file = (fid: string, ext: string, content: string) => new SensitiveFile(this, fid, {
        provider: local, filename: `${dir}/${props.clusterName}.${ext}`, content, filePermission: '0600', directoryPermission: '0700',
      });
      file('KubeconfigFile', 'kubeconfig', this.kubeconfigRaw);
      file('TalosconfigFile', 'talosconfig', this.talosconfig);
    }

    for (const [name, np] of Object.entries(props.controlPlanes ?? {})) this.addControlPlane(name, np);
    for (const [name, np] of Object.entries(props.workers ?? {})) this.addWorker(name, np);
    this.node.addValidation({
      validate: () => (this.byRole.controlplane.length === 0
        ? ["'controlPlanes' must contain at least one node, got none. Call addControlPlane(): etcd and the API server run there."]
        : []),
    });
    // At synth time, once every node is added (warnings are not errors, so not a validation).
    Aspects.of(this).add({ visit: (c: IConstruct) => { if (c === this) { this.warnAboutQuorum(); this.addSchedulingPatches(); } } });
  }

  /** Control planes, in the order they were added (the first one is bootstrapped). */
  public get controlPlanes(): TalosNode[] {
    return [...this.byRole.controlplane];
  }

  /** Workers, in the order they were added. */
  public get workers(): TalosNode[] {
    return [...this.byRole.worker];
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

  private addNode(name: string, role: TalosMachineRole, props: TalosClusterNodeProps): TalosNode {
    const what = `${role === 'controlplane' ? 'addControlPlane' : 'addWorker'}("${name}")`;
    const net = this.props.network;
    const addressing = net.addressing ?? 'meta';
    const p = new Problems(this);
    const existing = this.nodes.get(name);
    p.check(!existing, `${what}.name`, 'be unique in the cluster', name, `Pick another name: it is already a ${existing?.node.role}.`);
    if (!Token.isUnresolved(props.address) && checkIp(p, `${what}.address`, props.address)) {
      if (this.subnet && checkInSubnet(p, `${what}.address`, props.address, this.subnet) && this.subnet.prefixLength < 31) {
        p.check(props.address !== networkAddress(this.subnet), `${what}.address`, 'be a host address, not the network address', props.address, 'Pick an address of a host in the subnet, not its first one.');
      }
      p.check(props.address !== this.vip, `${what}.address`, 'differ from the cluster VIP', props.address, 'The VIP moves between control planes; give the node its own address.');
      p.check(props.address !== net.gateway, `${what}.address`, 'differ from the gateway', props.address, 'Give the node an address of its own; the gateway belongs to the router.');
      const holder = this.addressHolders.get(props.address);
      p.check(!holder, `${what}.address`, 'be unique in the cluster', props.address, `Pick another address: ${holder} already uses it.`);
    }
    if (props.proxmoxNode !== undefined) {
      p.check(this.props.proxmoxNodes.includes(props.proxmoxNode), `${what}.proxmoxNode`, `be one of the cluster's proxmoxNodes (${this.props.proxmoxNodes.join(', ')})`, props.proxmoxNode, 'Pick one of those nodes, or add it to the cluster\'s proxmoxNodes.');
    }
    p.throwIfAny();

    const address = CheckedAddress.inSubnet(props.address, net.subnet, net.gateway, net.nameservers);
    const network = addressing === 'meta' ? TalosNetwork.meta(address)
      : addressing === 'cloud-init' ? TalosNetwork.cloudInit(address) : TalosNetwork.dhcp({ reservedAddress: props.address });
    const boot = props.boot ?? TalosBoot.diskImage();
    // META makes every image node-specific; so do node-level extensions, kernel args and a config ISO.
    const talosVersion = props.talosVersion ?? this.talosVersion;
    const ownImage = talosVersion !== this.talosVersion || addressing === 'meta' || !!props.extensions?.length || !!props.kernelArgs?.length || boot.configIso !== undefined;
    const load = this.load[role];
    const hardware = role === 'controlplane' ? this.props.controlPlaneHardware : this.props.workerHardware;
    const { address: _a, proxmoxNode: _p, vmId: _v, extensions: _e, kernelArgs: _k, boot: _b, talosVersion: _t, ...nodeHardware } = props;

    const node = new TalosNode(this, `Node-${name}`, {
      ...hardware,
      ...nodeHardware,
      connection: this.props.connection,
      proxmoxNode: props.proxmoxNode ?? pickProxmoxNode(name, this.props.proxmoxNodes, load),
      hostname: name,
      role,
      network,
      talosVersion,
      boot,
      vmId: props.vmId,
      identitySeed: `${this.clusterName}/${name}`,
      tags: [this.clusterName],
      ...(ownImage
        ? { extensions: [...this.extensions, ...(props.extensions ?? [])], kernelArgs: props.kernelArgs, imageDatastore: this.props.imageDatastore }
        : { image: this.sharedImage(boot, network) }),
    });

    // The role's configuration is generated for the cluster's Talos version: its contract decides where the host name goes.
    const hostnameDocument = usesHostnameDocument(this.talosVersion);
    const apply = new MachineConfigurationApply(node, 'ConfigApply', {
      provider: talosProviderOf(this),
      clientConfiguration: asStruct(this.secrets.clientConfiguration),
      machineConfigurationInput: this.configs[role].machineConfiguration,
      nodeAttribute: props.address,
      endpoint: props.address,
      configPatches: [...this.perNodePatches[role], patchYaml(nodePatch({
        hostname: name,
        macAddress: node.macAddress,
        dhcp: addressing === 'dhcp',
        vip: role === 'controlplane' ? this.vip : undefined,
        // The node's own factory installer on every node, not the provider's default
        // (ghcr.io/siderolabs/installer:<the provider's machinery version>, another version and no extensions):
        // upgrades and reinstalls keep the node's Talos version and extensions.
        install: node.installTarget ?? { image: node.installerImage },
        hostnameDocument,
      })), ...(hostnameDocument ? [patchYaml(hostnamePatch(name))] : []),
      // Extra hardware (data-disk volumes, extra NICs) and topology labels for the Proxmox CCM/CSI (node-hardware.ts).
      ...node.hardwarePatches.map(patchYaml), patchYaml(topologyPatch(this.clusterName, node.proxmoxNode))],
      onDestroy: this.props.resetOnDestroy ? { reset: true, graceful: true, reboot: false } : undefined,
      // The node must be up before its configuration can be applied, and a replaced VM boots unconfigured
      // (maintenance mode): re-apply whenever the VM is replaced.
      dependsOn: [node.vm],
      // A bare address: cdktf writes a dependable here as "${...}", which Terraform rejects in replace_triggered_by.
      lifecycle: { replaceTriggeredBy: [dependable(node.vm)] },
    });
    this.upgrades.addNode(node, props.address, [apply]);
    this.nodes.set(name, { node, address: props.address, apply });
    this.byRole[role].push(node);
    // Only literal addresses are checked for uniqueness (a token is unknown until deploy).
    if (!Token.isUnresolved(props.address) && !this.addressHolders.has(props.address)) this.addressHolders.set(props.address, name);
    load.set(node.proxmoxNode, (load.get(node.proxmoxNode) ?? 0) + 1);
    if (role === 'controlplane' && this.byRole.controlplane.length === 1) this.bootstrap.dependsOn = [dependable(apply)];
    this.healthDependsOn.push(dependable(apply));
    this.health.dependsOn = this.healthDependsOn;
    return node;
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
      });
      this.images.set(boot.kind, image);
    }
    return image;
  }

  private tailscaleVariable(): TerraformVariable {
    const v = new TerraformVariable(this, 'TailscaleAuthKey', {
      type: 'string', sensitive: true, nullable: false, description: `Tailscale auth key of the Talos cluster ${this.props.clusterName}`,
    });
    v.overrideLogicalId(`${this.props.clusterName.replace(/-/g, '_')}_tailscale_auth_key`);
    return v;
  }

  /**
   * Adds the control planes' scheduling patch to their machine configuration, once, at synth (from the aspect in the
   * constructor): by default it depends on whether the cluster has workers, known only once every node is added. Set
   * here rather than through a lazy list, which would make an escape-hatch `addOverride('config_patches', [...])`
   * (appended by cdktf) fail to resolve.
   */
  private addSchedulingPatches(): void {
    if (this.schedulingDecided) return;
    this.schedulingDecided = true;
    const patches = controlPlaneSchedulingPatches(this.props.configPatches?.allowSchedulingOnControlPlanes, this.byRole.worker.length);
    if (patches.length > 0) this.configs.controlplane.configPatches = [...this.controlPlaneLiteralPatches, ...patches.map(patchYaml)];
  }

  private warnAboutQuorum(): void {
    if (this.quorumWarned) return;
    this.quorumWarned = true;
    const n = this.byRole.controlplane.length;
    if (n === 1) {
      Annotations.of(this).addWarning(`${this.node.path}: a single control plane has no etcd redundancy: losing it loses the cluster. Use 3.`);
    } else if (n > 0 && n % 2 === 0) {
      Annotations.of(this).addWarning(`${this.node.path}: ${n} control planes tolerate no more failures than ${n - 1} (etcd quorum), at more cost. Use an odd number.`);
    }
  }
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
