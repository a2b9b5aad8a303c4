// Day 2 of a Talos cluster on two Proxmox hosts: storage workers with a data disk mounted as a Talos user volume
// and a second NIC on a jumbo-frame storage VLAN, a pool of GPU workers (PCI passthrough through a Proxmox
// resource mapping, TPM), and rolling upgrades two workers at a time. Change talosVersion or kubernetesVersion
// and `terraform apply` upgrades the nodes in place (README "Upgrading").
// Run: npm run example -- talos-day2   (writes cdktf.out/examples/talos-day2/)
// In your own app, import the same names from 'proxmox-cdktf-constructs' (here: the package root, ../constructs).
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { IProxmoxConnection, ProxmoxConnection, relativeLocalBackend, TalosCluster, TalosCni } from '../constructs';

/** The storage network: VLAN 30 on bridge vmbr1, MTU 9000 (the bridge and switch ports must allow it). */
const STORAGE_NIC = { bridge: 'vmbr1', vlanId: 30, mtu: 9000 } as const;

/** Adds the day-2 example cluster to `stack`. */
export function addDay2Cluster(stack: TerraformStack, connection: IProxmoxConnection): TalosCluster {
  const cluster = new TalosCluster(stack, 'TalosLab', {
    connection,
    clusterName: 'lab',
    proxmoxNodes: ['atlas', 'hermes'],
    network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing: 'dhcp' },
    vip: '10.0.1.10',
    cni: TalosCni.cilium(),
    upgrades: { maxParallelWorkers: 2 },
  });
  for (const [i, proxmoxNode] of ['atlas', 'hermes', 'atlas'].entries()) {
    cluster.addControlPlane(`lab-cp-0${i + 1}`, { address: `10.0.1.1${i + 1}`, proxmoxNode });
  }
  // A worker for Longhorn: 200 GiB mounted at /var/mnt/longhorn, replicas over the storage VLAN.
  cluster.addWorker('lab-storage-01', {
    address: '10.0.1.21',
    dataDisks: [{ sizeGiB: 200, volume: 'longhorn' }],
    extraNics: [{ ...STORAGE_NIC, address: '10.30.0.21/24' }],
  });
  // GPU workers lab-gpu-01, lab-gpu-02: the mapping `gpu` must exist (Datacenter > Resource Mappings) on each host.
  cluster.addPool('lab-gpu', {
    count: 2,
    firstAddress: '10.0.1.31',
    memoryMiB: 16384,
    pciDevices: [{ mapping: 'gpu' }],
    tpm: true,
    extensions: ['siderolabs/nvidia-open-gpu-kernel-modules-production', 'siderolabs/nvidia-container-toolkit-production'],
  });
  new TerraformOutput(stack, 'cluster_endpoint', { value: cluster.clusterEndpoint });
  new TerraformOutput(stack, 'kubeconfig', { value: cluster.kubeconfigRaw, sensitive: true });
  return cluster;
}

if (require.main === module) {
  const app = new App();
  const stack = new TerraformStack(app, 'example-talos-day2');
  // State in terraform.<stack>.tfstate next to the app, written relative to the stack's directory (no absolute path).
  relativeLocalBackend(stack);
  addDay2Cluster(stack, new ProxmoxConnection(stack, 'Proxmox', { endpoint: 'https://atlas.home.arpa:8006/' }));
  app.synth();
}
