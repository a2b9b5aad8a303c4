import { Lazy, TerraformStack, TerraformVariable } from 'cdktf';
import { parse } from 'yaml';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosCni } from '../../constructs/talos/cilium';
import { TalosBoot } from '../../constructs/talos/talos-boot';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import { TalosClusterProps } from '../../constructs/talos/talos-cluster-props';
import { dataOf, onlyResource, resourcesOf, synthStack, warningsOf } from '../helpers/synth';

type Build = (c: TalosCluster, s: TerraformStack) => void;

/** Topology labels every node gets (node-hardware.ts): region = cluster, zone = Proxmox node. */
const TOPOLOGY = { machine: { nodeLabels: { 'topology.kubernetes.io/region': 'home', 'topology.kubernetes.io/zone': 'atlas' } } };

const SEED_NODES: Build = (c) => {
  c.addControlPlane('cp-1', { address: '10.0.0.11' });
  c.addControlPlane('cp-2', { address: '10.0.0.12' });
  c.addControlPlane('cp-3', { address: '10.0.0.13' });
  c.addWorker('w-1', { address: '10.0.0.21' });
  c.addWorker('w-2', { address: '10.0.0.22' });
};

function cluster(build: Build = SEED_NODES, props: Partial<TalosClusterProps> = {}) {
  let c!: TalosCluster;
  const out = synthStack((s) => {
    const connection = new ProxmoxConnection(s, 'Proxmox');
    c = new TalosCluster(s, 'Talos', {
      connection, clusterName: 'home', proxmoxNodes: ['atlas'],
      network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1' }, vip: '10.0.0.20', cni: TalosCni.cilium(), ...props,
    });
    build(c, s);
  });
  return { ...out, c };
}

/** The single resource (or data source) of `type` whose Terraform name starts with `prefix`. */
function named(entries: Array<[string, any]>, prefix: string): [string, any] {
  const found = entries.filter(([n]) => n.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one ${prefix}*, found ${found.map(([n]) => n).join(', ') || 'none'}`);
  return found[0];
}

/** The reference to a node's factory installer, as its config apply carries it. */
const installerOf = (node: string) => expect.stringMatching(new RegExp(`^\\$\\{data\\.talos_image_factory_urls\\.Talos_Node-${node}_Image_Urls_[0-9A-F]+\\.urls\\.installer\\}$`));

describe('TalosCluster', () => {
  const { json, text, c } = cluster(SEED_NODES, { outputDirectory: '.' });
  const applies = resourcesOf(json, 'talos_machine_configuration_apply');
  const configs = dataOf(json, 'talos_machine_configuration');
  const [, cpConfig] = named(configs, 'Talos_ControlPlaneConfig');
  const [, workerConfig] = named(configs, 'Talos_WorkerConfig');

  test('the unverified factory downloads of all nodes give one warning, on the cluster', () => {
    const unverified = warningsOf(c).filter((w) => w.includes('downloaded without checksum verification'));
    // Five nodes, five META images and downloads, one cause.
    expect(unverified).toEqual([`${c.node.path}: its images (the first: ${c.node.path}/Node-cp-1/Image/Proxmox-atlas, the image) are downloaded `
      + 'without checksum verification (the Talos Image Factory publishes no checksums; the image is addressed by schematic id and Talos '
      + 'version over HTTPS). A changed or tampered file would be used as it is.']);
    const on = c.node.findAll().filter((x) => x.node.metadata.some((m) => String(m.data).includes('without checksum verification')));
    expect(on.map((x) => x.node.path)).toEqual([c.node.path]);
  });

  test('one VM, image and config apply per node; one of each cluster resource', () => {
    const counts = Object.fromEntries(Object.entries(json.resource).map(([t, r]) => [t, Object.keys(r as object).length]));
    expect(counts).toEqual({
      proxmox_virtual_environment_vm: 5, proxmox_download_file: 5, talos_image_factory_schematic: 5,
      talos_machine_configuration_apply: 5, talos_machine_secrets: 1, talos_machine_bootstrap: 1, talos_cluster_kubeconfig: 1,
      local_sensitive_file: 2, terraform_data: 11,
    });
    expect(Object.fromEntries(Object.entries(json.data).map(([t, r]) => [t, Object.keys(r as object).length]))).toEqual({
      talos_image_factory_urls: 5, talos_machine_configuration: 2, talos_cluster_health: 1, talos_client_configuration: 1,
    });
    expect(c.controlPlanes.map((n) => n.hostname)).toEqual(['cp-1', 'cp-2', 'cp-3']);
    expect(c.workers.map((n) => n.hostname)).toEqual(['w-1', 'w-2']);
  });

  test('lifecycle order: VM -> config apply -> bootstrap -> health -> kubeconfig -> file', () => {
    const addr = (type: string, name: string) => `${type}.${name}`;
    const vms = Object.fromEntries(resourcesOf(json, 'proxmox_virtual_environment_vm').map(([n, r]) => [r.name, n]));
    for (const [name, apply] of applies) {
      const node = name.replace(/^Talos_Node-/, '').replace(/_ConfigApply_[0-9A-F]+$/, '');
      expect(apply.depends_on).toEqual([addr('proxmox_virtual_environment_vm', vms[node])]);
      // A replaced VM boots unconfigured: its config apply is replaced with it (and when its configuration's
      // inputs change, config-apply.ts).
      expect(apply.lifecycle.replace_triggered_by[0]).toEqual(addr('proxmox_virtual_environment_vm', vms[node]));
      expect(apply.lifecycle.replace_triggered_by[1]).toMatch(new RegExp(`^terraform_data\\.Talos_Node-${node}_ConfigInputs_[0-9A-F]+$`));
    }
    const [cp1Apply] = named(applies, 'Talos_Node-cp-1_');
    const [bootstrapName, bootstrap] = named(resourcesOf(json, 'talos_machine_bootstrap'), 'Talos_Bootstrap');
    expect(bootstrap.depends_on).toEqual([addr('talos_machine_configuration_apply', cp1Apply)]);
    const [healthName, health] = named(dataOf(json, 'talos_cluster_health'), 'Talos_Health');
    expect(health.depends_on).toEqual([addr('talos_machine_bootstrap', bootstrapName), ...applies.map(([n]) => addr('talos_machine_configuration_apply', n))]);
    const [kubeconfigName, kubeconfig] = named(resourcesOf(json, 'talos_cluster_kubeconfig'), 'Talos_Kubeconfig');
    expect(kubeconfig.depends_on).toEqual([`data.talos_cluster_health.${healthName}`]);
    const [, file] = named(resourcesOf(json, 'local_sensitive_file'), 'Talos_KubeconfigFile');
    expect(file.content).toBe(`\${talos_cluster_kubeconfig.${kubeconfigName}.kubeconfig_raw}`);
  });

  test('the cluster endpoint is the VIP; bootstrap and the first kubeconfig go to the first control plane itself', () => {
    expect(c.clusterEndpoint).toBe('https://10.0.0.20:6443');
    expect(cpConfig.cluster_endpoint).toBe('https://10.0.0.20:6443');
    expect(workerConfig.cluster_endpoint).toBe('https://10.0.0.20:6443');
    expect(onlyResource(json, 'talos_machine_bootstrap')).toEqual(expect.objectContaining({ node: '10.0.0.11', endpoint: '10.0.0.11' }));
    expect(onlyResource(json, 'talos_cluster_kubeconfig')).toEqual(expect.objectContaining({ node: '10.0.0.11', endpoint: '10.0.0.11' }));
    const [, health] = dataOf(json, 'talos_cluster_health')[0];
    expect(health).toEqual(expect.objectContaining({
      endpoints: ['10.0.0.11', '10.0.0.12', '10.0.0.13'], control_plane_nodes: ['10.0.0.11', '10.0.0.12', '10.0.0.13'],
      worker_nodes: ['10.0.0.21', '10.0.0.22'], skip_kubernetes_checks: true, timeouts: { read: '900s' },
    }));
    const [, client] = dataOf(json, 'talos_client_configuration')[0];
    expect(client.endpoints).toEqual(['10.0.0.11', '10.0.0.12', '10.0.0.13']);
  });

  test('machine configuration per role: versions, secrets by reference, Cilium patches, the install Job on control planes only', () => {
    for (const cfg of [cpConfig, workerConfig]) {
      expect(cfg).toEqual(expect.objectContaining({ cluster_name: 'home', talos_version: 'v1.13.10', kubernetes_version: '1.36.3', docs: false, examples: false }));
      expect(cfg.machine_secrets).toMatch(/^\$\{talos_machine_secrets\.Talos_Secrets_[0-9A-F]+\.machine_secrets\}$/);
      expect(parse(cfg.config_patches[0])).toEqual({
        machine: { features: { kubePrism: { enabled: true, port: 7445 } } },
        cluster: { network: { cni: { name: 'none' } }, proxy: { disabled: true } },
      });
    }
    expect(cpConfig.machine_type).toBe('controlplane');
    expect(workerConfig.machine_type).toBe('worker');
    const inline = cpConfig.config_patches.map((p: string) => parse(p)).find((p: any) => p.cluster?.inlineManifests);
    expect(inline.cluster.inlineManifests[0].name).toBe('cilium-install');
    expect(JSON.stringify(workerConfig.config_patches)).not.toContain('inlineManifests');
  });

  test('per-node patch: host name (a HostnameConfig document on Talos 1.13), and the VIP on control planes only', () => {
    const patchesOf = (node: string) => named(applies, `Talos_Node-${node}_`)[1].config_patches.map((p: string) => parse(p));
    expect(patchesOf('cp-2')).toEqual([
      {
        machine: {
          network: { interfaces: [{ deviceSelector: { hardwareAddr: c.controlPlanes[1].macAddress.toLowerCase() }, vip: { ip: '10.0.0.20' } }] },
          install: { image: installerOf('cp-2') },
        },
      },
      { apiVersion: 'v1alpha1', kind: 'HostnameConfig', auto: 'off', hostname: 'cp-2' },
      TOPOLOGY,
    ]);
    expect(patchesOf('w-1')).toEqual([
      { machine: { install: { image: installerOf('w-1') } } },
      { apiVersion: 'v1alpha1', kind: 'HostnameConfig', auto: 'off', hostname: 'w-1' },
      TOPOLOGY,
    ]);
    const [, apply] = named(applies, 'Talos_Node-w-1_');
    expect(apply).toEqual(expect.objectContaining({ node: '10.0.0.21', endpoint: '10.0.0.21' }));
    expect(apply.machine_configuration_input).toMatch(/^\$\{data\.talos_machine_configuration\.Talos_WorkerConfig_[0-9A-F]+\.machine_configuration\}$/);
    expect(apply.on_destroy).toBeUndefined();
  });

  test('without outputDirectory, no files (and no local provider): the app decides', () => {
    const plain = cluster().json;
    expect(plain.resource.local_sensitive_file).toBeUndefined();
    expect(plain.provider.local).toBeUndefined();
    const nested = cluster(SEED_NODES, { outputDirectory: 'secrets/' }).json;
    expect(resourcesOf(nested, 'local_sensitive_file').map(([, f]) => f.filename).sort()).toEqual(['secrets/home.kubeconfig', 'secrets/home.talosconfig']);
  });

  test.each(['', '  '])('fails if outputDirectory is blank: %p', (dir) => {
    expect(() => cluster(SEED_NODES, { outputDirectory: dir })).toThrow(
      `'outputDirectory' must be a directory path, got ${JSON.stringify(dir)}. Use '.' for the stack's directory, or leave it out to write no files.`);
  });

  test('kubeconfig and talosconfig written with mode 0600; secrets only as references', () => {
    for (const [, f] of resourcesOf(json, 'local_sensitive_file')) {
      expect(f).toEqual(expect.objectContaining({ file_permission: '0600', directory_permission: '0700' }));
    }
    expect(resourcesOf(json, 'local_sensitive_file').map(([, f]) => f.filename).sort()).toEqual(['./home.kubeconfig', './home.talosconfig']);
    expect(text).not.toMatch(/BEGIN|PRIVATE KEY|tskey-/);
    for (const [, a] of applies) expect(a.client_configuration).toMatch(/^\$\{talos_machine_secrets\.Talos_Secrets_[0-9A-F]+\.client_configuration\}$/);
  });

  test('static addresses via META: one image per node carrying its own address', () => {
    const metas = resourcesOf(json, 'talos_image_factory_schematic').map(([, r]) => parse(parse(r.schematic).customization.meta[0].value).addresses[0].address);
    expect(metas.sort()).toEqual(['10.0.0.11/16', '10.0.0.12/16', '10.0.0.13/16', '10.0.0.21/16', '10.0.0.22/16']);
  });

  test('adding a sixth node leaves every resource of the first five byte-for-byte as it was', () => {
    const five = cluster().json;
    const six = cluster((cl, s) => { SEED_NODES(cl, s); cl.addWorker('w-3', { address: '10.0.0.23' }); }).json;
    // The health check and talosconfig list every node: they are data sources (re-read each plan), no state.
    const listsAllNodes = new Set(['talos_cluster_health', 'talos_client_configuration']);
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, byName] of Object.entries<Record<string, unknown>>(five[kind])) {
        if (kind === 'data' && listsAllNodes.has(type)) continue;
        for (const [name, config] of Object.entries(byName)) {
          // The Kubernetes upgrade runs after the last node's Talos upgrade: its depends_on (ordering only, no
          // plan change; see __tests__/terraform/cluster-growth.test.ts) names the new last node.
          if (name.startsWith('Talos_KubernetesUpgrade_')) continue;
          expect(JSON.stringify(six[kind][type][name])).toBe(JSON.stringify(config));
        }
      }
    }
    const [[k8sName, k8sFive]] = resourcesOf(five, 'terraform_data').filter(([n]) => n.startsWith('Talos_KubernetesUpgrade_')) as Array<[string, any]>;
    const k8sSix = six.resource.terraform_data[k8sName];
    expect({ ...k8sSix, depends_on: undefined }).toEqual({ ...k8sFive, depends_on: undefined });
    expect(k8sSix.depends_on.filter((d: string) => d.startsWith('terraform_data.'))).toEqual([expect.stringMatching(/^terraform_data\.Talos_Node-w-3_TalosUpgrade_/)]);
    const added = Object.values<Record<string, unknown>>(six.resource).flatMap((r) => Object.keys(r)).filter((n) => !Object.values<Record<string, unknown>>(five.resource).some((r) => n in r));
    expect(added.every((n) => n.startsWith('Talos_Node-w-3_'))).toBe(true);
    expect(added).toHaveLength(6);
  });

  test('removing a node removes only its own resources', () => {
    const five = cluster().json;
    const four = cluster((cl) => {
      cl.addControlPlane('cp-1', { address: '10.0.0.11' });
      cl.addControlPlane('cp-2', { address: '10.0.0.12' });
      cl.addControlPlane('cp-3', { address: '10.0.0.13' });
      cl.addWorker('w-2', { address: '10.0.0.22' });
    }).json;
    for (const [type, byName] of Object.entries<Record<string, unknown>>(five.resource)) {
      for (const [name, config] of Object.entries(byName)) {
        if (name.startsWith('Talos_Node-w-1_')) expect(four.resource[type][name]).toBeUndefined();
        // w-2's upgrade step now follows the last control plane instead of w-1 (depends_on: ordering only).
        else if (name.startsWith('Talos_Node-w-2_TalosUpgrade_')) {
          const after = four.resource[type][name] as any;
          expect({ ...after, depends_on: undefined }).toEqual({ ...(config as any), depends_on: undefined });
          expect(after.depends_on.filter((d: string) => d.startsWith('terraform_data.'))).toEqual([expect.stringMatching(/^terraform_data\.Talos_Node-cp-3_TalosUpgrade_/)]);
        } else expect(JSON.stringify(four.resource[type][name])).toBe(JSON.stringify(config));
      }
    }
  });

  test('Talos 1.11 (before the HostnameConfig document) keeps the host name in machine.network', () => {
    const { json: j } = cluster(SEED_NODES, { talosVersion: 'v1.11.5', kubernetesVersion: '1.34.1' });
    const patches = named(resourcesOf(j, 'talos_machine_configuration_apply'), 'Talos_Node-w-1_')[1].config_patches.map((p: string) => parse(p));
    expect(patches).toEqual([{ machine: { network: { hostname: 'w-1' }, install: { image: installerOf('w-1') } } }, TOPOLOGY]);
  });

  test('without a VIP the endpoint is the first control plane', () => {
    const { json: j, c: cl } = cluster(SEED_NODES, { vip: undefined });
    expect(dataOf(j, 'talos_machine_configuration').map(([, d]) => d.cluster_endpoint)).toEqual(['https://10.0.0.11:6443', 'https://10.0.0.11:6443']);
    expect(parse(named(resourcesOf(j, 'talos_machine_configuration_apply'), 'Talos_Node-cp-1_')[1].config_patches[0]).machine.network).toBeUndefined();
    expect(cl.vip).toBeUndefined();
  });

  test('flannel: no CNI patches, Kubernetes checks in the health gate', () => {
    const { json: j } = cluster(SEED_NODES, { cni: TalosCni.flannel() });
    expect(dataOf(j, 'talos_cluster_health')[0][1].skip_kubernetes_checks).toBe(false);
    for (const [, d] of dataOf(j, 'talos_machine_configuration')) expect(d.config_patches).toEqual([]);
  });

  test('tailscale: the extension in every image, its config a patch whose key is a sensitive variable', () => {
    const { json: j } = cluster(SEED_NODES, { tailscale: { loginServer: 'https://hs.example.com:8080' } });
    for (const [, r] of resourcesOf(j, 'talos_image_factory_schematic')) {
      expect(parse(r.schematic).customization.systemExtensions.officialExtensions).toEqual(['siderolabs/qemu-guest-agent', 'siderolabs/tailscale']);
    }
    expect(j.variable.home_tailscale_auth_key).toEqual(expect.objectContaining({ sensitive: true, type: 'string', nullable: false }));
    const ts = '${yamlencode({"apiVersion" = "v1alpha1", "kind" = "ExtensionServiceConfig", "name" = "tailscale", ' +
      '"environment" = ["TS_AUTHKEY=${var.home_tailscale_auth_key}", "TS_AUTH_ONCE=true", "TS_EXTRA_ARGS=--login-server=https://hs.example.com:8080"]})}';
    // The patch holds a variable (unknown at validate): on every node's apply, never on the data sources, which the
    // talos provider 0.10.0 validates with unknowns as "" ("config_patches are invalid: open : no such file or directory").
    for (const [, d] of dataOf(j, 'talos_machine_configuration')) {
      expect(d.config_patches.some((p: string) => p.includes('${'))).toBe(false);
    }
    const applies = resourcesOf(j, 'talos_machine_configuration_apply');
    expect(applies).toHaveLength(5);
    for (const [, a] of applies) {
      expect(a.config_patches).toHaveLength(4);
      expect(a.config_patches[0]).toBe(ts);
      // the node's own patches last: its install image (and network), its HostnameConfig document, its topology labels
      expect(parse(a.config_patches[1]).machine.install.image).toBeDefined();
      expect(parse(a.config_patches[2]).kind).toBe('HostnameConfig');
      expect(parse(a.config_patches[3]).machine.nodeLabels).toBeDefined();
    }
  });

  test("a user's patch holding a reference goes to each node's apply; literal patches stay on the data source", () => {
    const { json: j } = cluster((cl, s) => {
      const v = new TerraformVariable(s, 'registry', { type: 'string' });
      cl.addControlPlane('cp-1', { address: '10.0.0.11' });
      cl.addWorker('w-1', { address: '10.0.0.21' });
      (cl as any).__registry = v;
    }, {
      configPatches: {
        all: [{ machine: { time: { servers: ['time.example.com'] } } }],
        worker: [{ machine: { registries: { mirrors: { 'docker.io': { endpoints: ['${var.registry}'] } } } } }],
      },
    });
    const [, worker] = named(dataOf(j, 'talos_machine_configuration'), 'Talos_WorkerConfig');
    expect(worker.config_patches.map((p: string) => parse(p).machine?.time?.servers).filter(Boolean)).toEqual([['time.example.com']]);
    expect(worker.config_patches.join('\n')).not.toContain('${var.registry}');
    const [, wApply] = named(resourcesOf(j, 'talos_machine_configuration_apply'), 'Talos_Node-w-1_');
    expect(parse(wApply.config_patches[0]).machine.registries.mirrors['docker.io'].endpoints).toEqual(['${var.registry}']);
    const [, cpApply] = named(resourcesOf(j, 'talos_machine_configuration_apply'), 'Talos_Node-cp-1_');
    expect(cpApply.config_patches).toHaveLength(3); // node patch, HostnameConfig, topology: the worker-only patch is not there
    expect(cpApply.config_patches.join('\n')).not.toContain('${var.registry}');
  });

  test('a patch holding a reference put on the data source directly is refused at synth, naming the data source', () => {
    expect(() => cluster((cl) => {
      cl.addControlPlane('cp-1', { address: '10.0.0.11' });
      (cl.node.findChild('ControlPlaneConfig') as any).addOverride('config_patches', ['machine:\n  env:\n    KEY: ${var.key}\n']);
    })).toThrow(/Talos\/ControlPlaneConfig: config_patches must not hold a Terraform reference, got "machine:.*KEY: \$\{var\.key\}.*open : no such file or directory.*talos_machine_configuration_apply/s);
  });

  test('patches given lazily are checked once resolved: literal ones pass, one holding a reference is refused', () => {
    const withLazy = (patches: string[]) => () => cluster((cl) => {
      cl.addControlPlane('cp-1', { address: '10.0.0.11' });
      (cl.node.findChild('WorkerConfig') as any).configPatches = Lazy.listValue({ produce: () => patches });
    });
    expect(withLazy(['machine:\n  sysctls:\n    a: "1"\n'])).not.toThrow();
    expect(withLazy(['machine:\n  env:\n    K: ${var.k}\n'])).toThrow(/Talos\/WorkerConfig: config_patches must not hold a Terraform reference/);
  });

  test('every node installs and upgrades from its own factory installer (disk image and ISO)', () => {
    const { json: j } = cluster((cl) => {
      cl.addControlPlane('cp-1', { address: '10.0.0.11' });
      cl.addWorker('w-iso', { address: '10.0.0.21', boot: TalosBoot.iso() });
    });
    const urls = dataOf(j, 'talos_image_factory_urls');
    for (const [node, boot] of [['cp-1', 'disk-image'], ['w-iso', 'iso']]) {
      const [, a] = named(resourcesOf(j, 'talos_machine_configuration_apply'), `Talos_Node-${node}_`);
      const install = a.config_patches.map((p: string) => parse(p)).find((p: any) => p.machine?.install).machine.install;
      const m = /^\$\{data\.talos_image_factory_urls\.([\w-]+)\.urls\.installer\}$/.exec(install.image);
      expect(m).not.toBeNull();
      // that node's own schematic
      const [, u] = urls.find(([n]) => n === m![1])!;
      expect(u.schematic_id).toMatch(new RegExp(`^\\$\\{talos_image_factory_schematic\\.Talos_Node-${node}_`));
      expect(install.disk).toBe(boot === 'iso' ? '/dev/sda' : undefined);
    }
  });

  test('DHCP reservations: one shared image, dhcp kept on for the VIP link; cloud-init: nocloud drive', () => {
    const dhcp = cluster(SEED_NODES, { network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing: 'dhcp' } }).json;
    expect(resourcesOf(dhcp, 'talos_image_factory_schematic')).toHaveLength(1);
    expect(resourcesOf(dhcp, 'proxmox_download_file')).toHaveLength(1);
    expect(parse(named(resourcesOf(dhcp, 'talos_machine_configuration_apply'), 'Talos_Node-cp-1_')[1].config_patches[0]).machine.network.interfaces[0].dhcp).toBe(true);
    const ci = cluster(SEED_NODES, { network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing: 'cloud-init' } }).json;
    const vm = resourcesOf(ci, 'proxmox_virtual_environment_vm').find(([, r]) => r.name === 'w-2')![1];
    expect(vm.initialization.ip_config).toEqual([{ ipv4: { address: '10.0.0.22/16', gateway: '10.0.0.1' } }]);
    expect(resourcesOf(ci, 'talos_image_factory_schematic')).toHaveLength(1);
  });

  test('control planes are spread over the Proxmox nodes', () => {
    const { json: j } = cluster(SEED_NODES, { proxmoxNodes: ['pve1', 'pve2', 'pve3'] });
    const cps = resourcesOf(j, 'proxmox_virtual_environment_vm').filter(([, r]) => r.name.startsWith('cp-')).map(([, r]) => r.node_name);
    expect(new Set(cps).size).toBe(3);
  });

  test('two clusters in a stack share the providers and get distinct identities', () => {
    const { json: j } = cluster((cl, s) => {
      SEED_NODES(cl, s);
      const other = new TalosCluster(s, 'Lab', {
        connection: new ProxmoxConnection(s, 'Proxmox2', { variablePrefix: 'lab' }), clusterName: 'lab', proxmoxNodes: ['atlas'],
        network: { subnet: '10.1.0.0/24', gateway: '10.1.0.1' }, outputDirectory: 'lab',
      });
      other.addControlPlane('cp-1', { address: '10.1.0.11' });
    }, { outputDirectory: '.' });
    expect(Object.keys(j.provider.talos)).toHaveLength(1);
    expect(Object.keys(j.provider.local)).toHaveLength(1);
  });

  test('warnings: a single or an even number of control planes', () => {
    const one = cluster((cl) => cl.addControlPlane('cp-1', { address: '10.0.0.11' }));
    expect(warningsOf(one.stack).join('\n')).toContain('test/Talos: a single control plane has no etcd redundancy');
    const two = cluster((cl) => { cl.addControlPlane('cp-1', { address: '10.0.0.11' }); cl.addControlPlane('cp-2', { address: '10.0.0.12' }); });
    expect(warningsOf(two.stack).join('\n')).toContain('test/Talos: 2 control planes tolerate no more failures than 1 (etcd quorum)');
    expect(warningsOf(cluster().stack).filter((w) => w.includes('control plane'))).toEqual([]);
  });

  test('tokens are not validated', () => {
    expect(() => cluster((cl, s) => {
      const v = (id: string) => new TerraformVariable(s, id, { type: 'string' }).stringValue;
      cl.addControlPlane('cp-1', { address: v('cp1') });
      cl.addWorker('w-1', { address: v('w1') });
    }, { vip: '10.0.0.20' })).not.toThrow();
  });

  describe('fails', () => {
    test.each<[string, Build, string]>([
      ['a name is used twice', (cl) => { cl.addControlPlane('n', { address: '10.0.0.11' }); cl.addWorker('n', { address: '10.0.0.21' }); },
        "'addWorker(\"n\").name' must be unique in the cluster, got \"n\". Pick another name: it is already a controlplane."],
      ['an address is used twice', (cl) => { cl.addControlPlane('a', { address: '10.0.0.11' }); cl.addWorker('b', { address: '10.0.0.11' }); },
        "'addWorker(\"b\").address' must be unique in the cluster, got \"10.0.0.11\". Pick another address: a already uses it."],
      ['a MAC is used twice', (cl) => { cl.addControlPlane('a', { address: '10.0.0.11', macAddress: '02:00:00:00:00:01' }); cl.addWorker('b', { address: '10.0.0.21', macAddress: '02:00:00:00:00:01' }); },
        "test/Talos/Node-b: 'macAddress' must be unique in the stack, got \"02:00:00:00:00:01\", already used by test/Talos/Node-a."],
      ['a VM id is used twice', (cl) => { cl.addControlPlane('a', { address: '10.0.0.11', vmId: 300 }); cl.addWorker('b', { address: '10.0.0.21', vmId: 300 }); },
        "test/Talos/Node-b: 'vmId' must be unique in the stack, got 300, already used by test/Talos/Node-a."],
      ['an address is outside the subnet', (cl) => cl.addControlPlane('a', { address: '10.1.0.11' }),
        "'addControlPlane(\"a\").address' must be inside the subnet 10.0.0.0/16, got \"10.1.0.11\"."],
      ['an address is the VIP', (cl) => cl.addControlPlane('a', { address: '10.0.0.20' }),
        "'addControlPlane(\"a\").address' must differ from the cluster VIP, got \"10.0.0.20\"."],
      ['an address is the gateway', (cl) => cl.addWorker('a', { address: '10.0.0.1' }), "'addWorker(\"a\").address' must differ from the gateway, got \"10.0.0.1\"."],
      ['a Proxmox node is not the cluster\'s', (cl) => cl.addWorker('a', { address: '10.0.0.21', proxmoxNode: 'pve9' }),
        "'addWorker(\"a\").proxmoxNode' must be one of the cluster's proxmoxNodes (atlas), got \"pve9\"."],
      ['there is no control plane', (cl) => cl.addWorker('w', { address: '10.0.0.21' }),
        "[test/Talos] 'controlPlanes' must contain at least one node, got none. Call addControlPlane(): etcd and the API server run there."],
    ])('if %s', (_what, build, message) => {
      expect(() => cluster(build)).toThrow(message);
    });

    test.each<[string, Partial<TalosClusterProps>, string]>([
      ['the VIP is outside the subnet', { vip: '10.1.0.20' }, "'vip' must be inside the subnet 10.0.0.0/16, got \"10.1.0.20\"."],
      ['the VIP is the gateway', { vip: '10.0.0.1' }, "'vip' must differ from the gateway, got \"10.0.0.1\"."],
      ['the gateway is outside the subnet', { network: { subnet: '10.0.0.0/24', gateway: '10.0.1.1' }, vip: undefined },
        "'network.gateway' must be inside the subnet 10.0.0.0/24, got \"10.0.1.1\"."],
      ['the subnet is not one', { network: { subnet: '10.0.0.0', gateway: '10.0.0.1' } }, "'network.subnet' must be an IPv4 subnet like \"10.0.0.0/16\", got \"10.0.0.0\"."],
      ['the Talos version is malformed', { talosVersion: 'v1.11' }, "'talosVersion' must be a Talos release like \"v1.11.5\" (with the leading v), got \"v1.11\"."],
      ['the Kubernetes version is malformed', { kubernetesVersion: 'v1.32.1' }, "'kubernetesVersion' must be a Kubernetes release like \"1.32.1\" (without a leading v), got \"v1.32.1\"."],
      ['Talos does not support the Kubernetes version', { talosVersion: 'v1.10.7', kubernetesVersion: '1.34.1' },
        "'kubernetesVersion' must be a Kubernetes version Talos 1.10 supports (1.28 to 1.33), got \"1.34.1\"."],
      ['the cluster name is not a DNS label', { clusterName: 'Home_Lab' }, "'clusterName' must be a lower-case DNS label (a-z, 0-9, -), got \"Home_Lab\"."],
      ['the tailscale login server is not a URL', { tailscale: { loginServer: 'hs.example.com' } }, "'tailscale.loginServer' must be an http(s) URL, got \"hs.example.com\"."],
    ])('if %s', (_what, props, message) => {
      expect(() => cluster(SEED_NODES, props)).toThrow(message);
    });

    test('if the tailscale auth key variable is not sensitive', () => {
      expect(() => synthStack((s) => new TalosCluster(s, 'Talos', {
        connection: new ProxmoxConnection(s, 'Proxmox'), clusterName: 'home', proxmoxNodes: ['atlas'],
        network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1' },
        tailscale: { authKey: new TerraformVariable(s, 'ts', { type: 'string' }) },
      }))).toThrow("'tailscale.authKey' must be a sensitive TerraformVariable, got \"test/ts\". Declare it with sensitive: true.");
    });

    test('every problem of the props at once', () => {
      expect(() => cluster(SEED_NODES, { vip: '10.1.0.20', kubernetesVersion: '1.20.0' })).toThrow(/vip.*\n.*kubernetesVersion/s);
    });
  });
});
