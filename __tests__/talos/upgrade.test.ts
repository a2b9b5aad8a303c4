// Rolling Talos and Kubernetes upgrades: the order and gates as synthesized (terraform_data per node, chained by
// depends_on), the commands they run, and the bad inputs.
import { TerraformStack } from 'cdktf';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosCni } from '../../constructs/talos/cilium';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import { TalosClusterProps } from '../../constructs/talos/talos-cluster-props';
import { upgradeOrder } from '../../constructs/talos/upgrade';
import { resourcesOf, synthStack } from '../helpers/synth';

type Build = (c: TalosCluster, s: TerraformStack) => void;

const NODES: Build = (c) => {
  c.addWorker('w-1', { address: '10.0.0.21' });
  c.addControlPlane('cp-1', { address: '10.0.0.11' });
  c.addWorker('w-2', { address: '10.0.0.22' });
  c.addControlPlane('cp-2', { address: '10.0.0.12' });
  c.addWorker('w-3', { address: '10.0.0.23' });
  c.addControlPlane('cp-3', { address: '10.0.0.13' });
};

function cluster(build: Build = NODES, props: Partial<TalosClusterProps> = {}) {
  return synthStack((s) => {
    const connection = new ProxmoxConnection(s, 'Proxmox');
    const c = new TalosCluster(s, 'Talos', {
      connection, clusterName: 'home', proxmoxNodes: ['atlas'], network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1' },
      vip: '10.0.0.20', cni: TalosCni.cilium(), ...props,
    });
    build(c, s);
  });
}

/** terraform_data resources by node name (from `Talos_Node-<name>_TalosUpgrade_<hash>`), and the Kubernetes step. */
function steps(json: any) {
  const all = resourcesOf(json, 'terraform_data');
  const byNode = new Map<string, { id: string; r: any }>();
  let k8s: { id: string; r: any } | undefined;
  for (const [id, r] of all) {
    const m = /^Talos_Node-(.+)_TalosUpgrade_/.exec(id);
    if (m) byNode.set(m[1], { id, r });
    else if (id.startsWith('Talos_KubernetesUpgrade')) k8s = { id, r };
  }
  const ref = (name: string) => `terraform_data.${byNode.get(name)!.id}`;
  const after = (r: any) => (r.depends_on as string[]).filter((d) => d.startsWith('terraform_data.'));
  return { byNode, k8s: k8s!, ref, after };
}

describe('upgradeOrder', () => {
  const nodes = [
    { name: 'w1', role: 'worker' as const }, { name: 'c1', role: 'controlplane' as const }, { name: 'w2', role: 'worker' as const },
    { name: 'c2', role: 'controlplane' as const }, { name: 'w3', role: 'worker' as const },
  ];
  test('control planes one at a time first, then workers one at a time', () => {
    const { after, last } = upgradeOrder(nodes, 1);
    expect(Object.fromEntries(after)).toEqual({ c1: [], c2: ['c1'], w1: ['c2'], w2: ['w1'], w3: ['w2'] });
    expect(last).toEqual(['w3']);
  });
  test('workers in waves of maxParallelWorkers, each wave after the whole previous one', () => {
    const { after, last } = upgradeOrder(nodes, 2);
    expect(Object.fromEntries(after)).toEqual({ c1: [], c2: ['c1'], w1: ['c2'], w2: ['c2'], w3: ['w1', 'w2'] });
    expect(last).toEqual(['w3']);
  });
  test('control planes only: the Kubernetes upgrade waits for the last one', () => {
    expect(upgradeOrder(nodes.filter((n) => n.role === 'controlplane'), 3).last).toEqual(['c2']);
  });
});

describe('TalosCluster upgrade steps', () => {
  const { json } = cluster();
  const { byNode, k8s, ref, after } = steps(json);

  test('one step per node, triggered by the installer image of its schematic', () => {
    expect([...byNode.keys()].sort()).toEqual(['cp-1', 'cp-2', 'cp-3', 'w-1', 'w-2', 'w-3']);
    for (const [name, { r }] of byNode) {
      // META addressing: every node has its own image, hence its own installer reference.
      expect(r.triggers_replace.installer_image).toMatch(new RegExp(`^\\$\\{data\\.talos_image_factory_urls\\.Talos_Node-${name}_Image_Urls_[0-9A-F]+\\.urls\\.installer\\}$`));
      expect(r.provisioner[0]['local-exec'].environment.TALOS_IMAGE).toBe(r.triggers_replace.installer_image);
    }
  });

  test('control planes in the order added, one at a time, then workers one at a time (default maxParallelWorkers 1)', () => {
    expect(after(byNode.get('cp-1')!.r)).toEqual([]);
    expect(after(byNode.get('cp-2')!.r)).toEqual([ref('cp-1')]);
    expect(after(byNode.get('cp-3')!.r)).toEqual([ref('cp-2')]);
    expect(after(byNode.get('w-1')!.r)).toEqual([ref('cp-3')]);
    expect(after(byNode.get('w-2')!.r)).toEqual([ref('w-1')]);
    expect(after(byNode.get('w-3')!.r)).toEqual([ref('w-2')]);
  });

  test('every step waits for the cluster health gate and its own node configuration', () => {
    for (const [name, { r }] of byNode) {
      expect(r.depends_on.filter((d: string) => d.startsWith('data.'))).toEqual([expect.stringMatching(/^data\.talos_cluster_health\.Talos_Health_[0-9A-F]+$/)]);
      expect(r.depends_on.filter((d: string) => d.startsWith('talos_machine_configuration_apply.'))).toEqual(
        [expect.stringMatching(new RegExp(`^talos_machine_configuration_apply\\.Talos_Node-${name}_ConfigApply_`))]);
    }
  });

  test('Kubernetes upgrade: once, after the last Talos step, triggered by the Kubernetes version', () => {
    expect(after(k8s.r)).toEqual([ref('w-3')]);
    expect(k8s.r.triggers_replace).toEqual({ kubernetes_version: '1.36.3' });
    const env = k8s.r.provisioner[0]['local-exec'].environment;
    expect(env.KUBERNETES_VERSION).toBe('1.36.3');
    expect(env.TALOS_CONTROL_PLANE).toBe('10.0.0.11');
    expect(k8s.r.provisioner[0]['local-exec'].command).toContain('upgrade-k8s --to "$KUBERNETES_VERSION"');
  });

  test('the command: talosctl upgrade with --preserve --wait on that node, after checking talosctl', () => {
    const le = byNode.get('w-2')!.r.provisioner[0]['local-exec'];
    expect(le.interpreter).toEqual(['bash', '-c']);
    expect(le.environment.TALOS_NODE).toBe('10.0.0.22');
    expect(le.environment.TALOS_HEALTH_NODE).toBe('10.0.0.11');
    expect(le.environment.TALOS_TIMEOUT_SECONDS).toBe('1800');
    expect(le.command).toContain('talosctl upgrade --nodes "$TALOS_NODE" --image "$TALOS_IMAGE" --preserve --wait');
    expect(le.command.indexOf('command -v talosctl')).toBeLessThan(le.command.indexOf('talosctl upgrade --nodes'));
    expect(le.command).not.toMatch(/(^|[^$])\$\{/); // every shell ${ escaped for Terraform
  });

  test('the talosconfig reaches the script only as a sensitive reference, never as text', () => {
    for (const { r } of [...byNode.values(), k8s]) {
      expect(r.provisioner[0]['local-exec'].environment.TALOSCONFIG_DATA).toMatch(/^\$\{sensitive\(data\.talos_client_configuration\.Talos_ClientConfig_[0-9A-F]+\.talos_config\)\}$/);
    }
    expect(JSON.stringify(json)).not.toMatch(/BEGIN|client_key|ca: /);
  });
});

describe('upgrade options', () => {
  test('maxParallelWorkers groups workers into waves', () => {
    const { byNode, ref, after } = steps(cluster(NODES, { upgrades: { maxParallelWorkers: 2 } }).json);
    expect(after(byNode.get('w-1')!.r)).toEqual([ref('cp-3')]);
    expect(after(byNode.get('w-2')!.r)).toEqual([ref('cp-3')]);
    expect(after(byNode.get('w-3')!.r).sort()).toEqual([ref('w-1'), ref('w-2')].sort());
  });

  test('a node-level talosVersion upgrades that node alone (its own image and installer)', () => {
    const build: Build = (c) => {
      c.addControlPlane('cp-1', { address: '10.0.0.11' });
      c.addWorker('w-1', { address: '10.0.0.21', talosVersion: 'v1.13.9' });
    };
    const { json } = cluster(build, { network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing: 'dhcp' } });
    const urls = Object.entries(json.data.talos_image_factory_urls) as Array<[string, any]>;
    expect(urls.map(([id, u]) => `${id.replace(/_[0-9A-F]+$/, '')}=${u.talos_version}`).sort())
      .toEqual(['Talos_Image_Urls=v1.13.10', 'Talos_Node-w-1_Image_Urls=v1.13.9']);
  });

  test('enabled: false makes no upgrade steps', () => {
    // The config applies' ConfigInputs stay (version changes still do not reach running nodes through the applies).
    const data = resourcesOf(cluster(NODES, { upgrades: { enabled: false } }).json, 'terraform_data').map(([n]) => n);
    expect(data.filter((n) => !/_ConfigInputs_[0-9A-F]+$/.test(n))).toEqual([]);
    expect(data.length).toBeGreaterThan(0);
  });

  test.each([
    [{ maxParallelWorkers: 0 }, "Talos: 'upgrades.maxParallelWorkers' must be a whole number of at least 1, got 0."],
    [{ maxParallelWorkers: 1.5 }, "'upgrades.maxParallelWorkers' must be a whole number of at least 1, got 1.5."],
    [{ timeoutSeconds: 30 }, "'upgrades.timeoutSeconds' must be a whole number of seconds, at least 60, got 30."],
  ])('bad options %j', (upgrades, message) => {
    expect(() => cluster(NODES, { upgrades })).toThrow(message);
  });

  test('a bad node-level talosVersion names the node', () => {
    expect(() => cluster((c) => c.addControlPlane('cp-1', { address: '10.0.0.11', talosVersion: '1.13' }))).toThrow(/Talos\/Node-cp-1: 'talosVersion'/);
  });
});
