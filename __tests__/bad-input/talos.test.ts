// Bad props of the Talos constructs (cluster, its nodes, pools and node hardware, standalone nodes and images):
// each row must fail with the construct path, the prop, the bad value and a fix sentence (see shape.ts).
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosCni } from '../../constructs/talos/cilium';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import { TalosClusterNodeProps, TalosClusterProps } from '../../constructs/talos/talos-cluster-props';
import { TalosImage, TalosImageProps } from '../../constructs/talos/talos-image';
import { TalosNetwork } from '../../constructs/talos/talos-network';
import { TalosNode, TalosNodeProps } from '../../constructs/talos/talos-node';
import { TalosNodePoolProps } from '../../constructs/talos/node-pool';
import { expectBadInput, Row } from './shape';

function cluster(s: TerraformStack, props: Partial<TalosClusterProps> = {}): TalosCluster {
  return new TalosCluster(s, 'Talos', {
    connection: new ProxmoxConnection(s, 'Proxmox'), clusterName: 'home', proxmoxNodes: ['atlas', 'hermes'],
    network: { subnet: '10.0.0.0/24', gateway: '10.0.0.1' }, vip: '10.0.0.20', cni: TalosCni.cilium(), ...props,
  });
}
const NET = { subnet: '10.0.0.0/24', gateway: '10.0.0.1' };

describe('TalosCluster bad input', () => {
  test.each<Row<Partial<TalosClusterProps>>>([
    ['a cluster name with capitals', { clusterName: 'Home' }, 'clusterName', '"Home"'],
    ['no Proxmox node', { proxmoxNodes: [] }, 'proxmoxNodes', '[]'],
    ['a Proxmox node listed twice', { proxmoxNodes: ['atlas', 'atlas'] }, 'proxmoxNodes', '["atlas","atlas"]'],
    ['an unknown addressing', { network: { ...NET, addressing: 'static' as any } }, 'network.addressing', '"static"'],
    ['an IPv6 subnet', { network: { ...NET, subnet: 'fd00::/64' } }, 'network.subnet', '"fd00::/64"'],
    ['a gateway that is no IP', { network: { ...NET, gateway: 'router' } }, 'network.gateway', '"router"'],
    ['a gateway outside the subnet', { network: { ...NET, gateway: '10.0.1.1' } }, 'network.gateway', '"10.0.1.1"'],
    ['no nameserver', { network: { ...NET, nameservers: [] } }, 'network.nameservers', '[]'],
    ['a nameserver that is no IP', { network: { ...NET, nameservers: ['dns.example'] } }, 'network.nameservers', '"dns.example"'],
    ['a VIP outside the subnet', { vip: '10.0.1.20' }, 'vip', '"10.0.1.20"'],
    ['the gateway as VIP', { vip: '10.0.0.1' }, 'vip', '"10.0.0.1"'],
    ['a Talos version without v', { talosVersion: '1.11.5' }, 'talosVersion', '"1.11.5"'],
    ['a Talos minor outside the support matrix', { talosVersion: 'v1.2.0' }, 'talosVersion', '"v1.2.0"'],
    ['a Kubernetes version with v', { kubernetesVersion: 'v1.34.1' }, 'kubernetesVersion', '"v1.34.1"'],
    ['a Kubernetes version the Talos release does not support', { kubernetesVersion: '1.20.0' }, 'kubernetesVersion', '"1.20.0"'],
    ['a Cilium version with v', { cni: TalosCni.cilium({ version: 'v1.16.5' }) }, 'cni.version', '"v1.16.5"'],
    ['a Cilium CLI image that is no reference', { cni: TalosCni.cilium({ cliImage: 'cilium cli' }) }, 'cni.cliImage', '"cilium cli"'],
    ['an extension that is no official name', { extensions: ['qemu-guest-agent'] }, 'extensions', '"qemu-guest-agent"'],
    ['a tailscale login server that is no URL', { tailscale: { loginServer: 'headscale.home.arpa' } }, 'tailscale.loginServer', '"headscale.home.arpa"'],
    ['a tailscale flag with a space', { tailscale: { extraArgs: ['--hostname x'] } }, 'tailscale.extraArgs', '"--hostname x"'],
    ['a zero health timeout', { healthTimeoutSeconds: 0 }, 'healthTimeoutSeconds', '0'],
    ['an empty output directory', { outputDirectory: ' ' }, 'outputDirectory', '" "'],
    ['no parallel worker upgrade', { upgrades: { maxParallelWorkers: 0 } }, 'upgrades.maxParallelWorkers', '0'],
    ['an upgrade timeout under a minute', { upgrades: { timeoutSeconds: 30 } }, 'upgrades.timeoutSeconds', '30'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => cluster(s, override), 'test/Talos', prop, value);
  });

  test('a tailscale auth key that is not sensitive', () => {
    expectBadInput((s) => {
      const key = new TerraformVariable(s, 'ts', { type: 'string' });
      cluster(s, { tailscale: { authKey: key } });
    }, 'test/Talos', 'tailscale.authKey', '"test/ts"');
  });
});

describe('TalosCluster nodes bad input', () => {
  test.each<Row<Partial<TalosClusterNodeProps>>>([
    ['an address that is no IP', { address: '10.0.0.300' }, 'addWorker("w-1").address', '"10.0.0.300"'],
    ['an address outside the subnet', { address: '10.0.1.21' }, 'addWorker("w-1").address', '"10.0.1.21"'],
    ['the network address', { address: '10.0.0.0' }, 'addWorker("w-1").address', '"10.0.0.0"'],
    ['the VIP', { address: '10.0.0.20' }, 'addWorker("w-1").address', '"10.0.0.20"'],
    ['the gateway', { address: '10.0.0.1' }, 'addWorker("w-1").address', '"10.0.0.1"'],
    ['the address of another node', { address: '10.0.0.11' }, 'addWorker("w-1").address', '"10.0.0.11"'],
    ['a Proxmox node outside the cluster', { proxmoxNode: 'zeus' }, 'addWorker("w-1").proxmoxNode', '"zeus"'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => {
      const c = cluster(s);
      c.addControlPlane('cp-1', { address: '10.0.0.11' });
      c.addWorker('w-1', { address: '10.0.0.21', ...override });
    }, 'test/Talos', prop, value);
  });

  test('a node name used twice', () => {
    expectBadInput((s) => {
      const c = cluster(s);
      c.addControlPlane('n', { address: '10.0.0.11' });
      c.addWorker('n', { address: '10.0.0.21' });
    }, 'test/Talos', 'addWorker("n").name', '"n"');
  });
});

describe('TalosCluster.addPool bad input', () => {
  test.each<[string, string, TalosNodePoolProps, string, string]>([
    ['a pool name with capitals', 'GPU', { count: 2, firstAddress: '10.0.0.31' }, 'addPool("GPU").name', '"GPU"'],
    ['no node', 'gpu', { count: 0, firstAddress: '10.0.0.31' }, 'addPool("gpu").count', '0'],
    ['a first address that is no IPv4', 'gpu', { count: 2, firstAddress: 'fd00::31' }, 'addPool("gpu").firstAddress', '"fd00::31"'],
    ['more nodes than addresses before .255', 'gpu', { count: 9, firstAddress: '10.0.0.250' }, 'addPool("gpu").count', '9'],
  ])('%s', (_d, name, props, prop, value) => {
    expectBadInput((s) => {
      const c = cluster(s);
      c.addControlPlane('cp-1', { address: '10.0.0.11' });
      c.addPool(name, props);
    }, 'test/Talos', prop, value);
  });
});

describe('Talos node hardware bad input', () => {
  test.each<Row<Partial<TalosNodeProps>>>([
    ['too little memory for a control plane', { role: 'controlplane', memoryMiB: 1024 }, 'memoryMiB', '1024'],
    ['a disk below the Talos minimum', { diskSizeGiB: 8 }, 'diskSizeGiB', '8'],
    ['a data disk of 0 GiB', { dataDisks: [{ sizeGiB: 0 }] }, 'dataDisks[0].sizeGiB', '0'],
    ['a volume name with capitals', { dataDisks: [{ sizeGiB: 10, volume: 'Data' }] }, 'dataDisks[0].volume', '"Data"'],
    ['a volume name used twice', { dataDisks: [{ sizeGiB: 10, volume: 'data' }, { sizeGiB: 10, volume: 'data' }] }, 'dataDisks[1].volume', '"data"'],
    ['a bridge name with a space', { extraNics: [{ bridge: 'vmbr 1' }] }, 'extraNics[0].bridge', '"vmbr 1"'],
    ['a NIC VLAN tag out of range', { extraNics: [{ bridge: 'vmbr1', vlanId: 0 }] }, 'extraNics[0].vlanId', '0'],
    ['a NIC MTU too small', { extraNics: [{ bridge: 'vmbr1', mtu: 100 }] }, 'extraNics[0].mtu', '100'],
    ['a NIC address without prefix', { extraNics: [{ bridge: 'vmbr1', address: '10.30.0.21' }] }, 'extraNics[0].address', '"10.30.0.21"'],
    ['a NIC MAC that is not one', { extraNics: [{ bridge: 'vmbr1', macAddress: 'zz' }] }, 'extraNics[0].macAddress', '"zz"'],
    ['a PCI mapping name with a space', { pciDevices: [{ mapping: 'my gpu' }] }, 'pciDevices[0].mapping', '"my gpu"'],
    ['a hostname with capitals', { hostname: 'CP-1' }, 'hostname', '"CP-1"'],
    ['a proxmoxNode with a space', { proxmoxNode: 'pve 1' }, 'proxmoxNode', '"pve 1"'],
    ['an unknown role', { role: 'etcd' as any }, 'role', '"etcd"'],
    ['an unknown platform', { platform: 'aws' as any }, 'platform', '"aws"'],
    ['META addressing on nocloud', { platform: 'nocloud' }, 'platform', '"nocloud"'],
    ['a kernel argument with a space', { kernelArgs: ['a b'] }, 'kernelArgs', '"a b"'],
    ['a vmId above the range', { vmId: 1e9 }, 'vmId', '1000000000'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => new TalosNode(s, 'cp-1', {
      connection: new ProxmoxConnection(s, 'Proxmox'), proxmoxNode: 'atlas',
      network: TalosNetwork.meta({ address: '10.0.0.11/24', gateway: '10.0.0.1' }), ...override,
    }), 'test/cp-1', prop, value);
  });

  test.each<Row<{ address?: string; gateway?: string; nameservers?: string[] }>>([
    ['a static address without prefix', { address: '10.0.0.11' }, 'network.address', '"10.0.0.11"'],
    ['the network address as static address', { address: '10.0.0.0/24' }, 'network.address', '"10.0.0.0/24"'],
    ['the node itself as gateway', { gateway: '10.0.0.11' }, 'network.gateway', '"10.0.0.11"'],
    ['no resolver', { nameservers: [] }, 'network.nameservers', '[]'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => new TalosNode(s, 'cp-1', {
      connection: new ProxmoxConnection(s, 'Proxmox'), proxmoxNode: 'atlas',
      network: TalosNetwork.meta({ address: '10.0.0.11/24', gateway: '10.0.0.1', ...override }),
    }), 'test/cp-1', prop, value);
  });
});

describe('TalosNode with a shared image bad input', () => {
  test.each<[string, Partial<TalosImageProps>, Partial<TalosNodeProps>, string, string]>([
    ['a shared image with META addressing', {}, { network: TalosNetwork.meta({ address: '10.0.0.11/24', gateway: '10.0.0.1' }) }, 'image', '"test/Shared"'],
    ['an image for another platform', { platform: 'nocloud' }, { platform: 'metal' }, 'image', '"nocloud"'],
    ['a node version other than the image\'s', { talosVersion: 'v1.10.7' }, { talosVersion: 'v1.11.5' }, 'talosVersion', '"v1.11.5"'],
    ['kernel arguments of its own', {}, { kernelArgs: ['console=ttyS0'] }, 'kernelArgs', '["console=ttyS0"]'],
  ])('%s', (_d, imageProps, override, prop, value) => {
    expectBadInput((s) => {
      const connection = new ProxmoxConnection(s, 'Proxmox');
      const image = new TalosImage(s, 'Shared', { connection, ...imageProps });
      new TalosNode(s, 'w-1', { connection, proxmoxNode: 'atlas', network: TalosNetwork.dhcp(), image, ...override });
    }, 'test/w-1', prop, value);
  });
});

describe('TalosImage bad input', () => {
  test.each<Row<Partial<TalosImageProps>>>([
    ['an unknown platform', { platform: 'aws' as any }, 'platform', '"aws"'],
    ['an unknown architecture', { architecture: 'riscv64' as any }, 'architecture', '"riscv64"'],
    ['an unknown format', { format: 'qcow2' as any }, 'format', '"qcow2"'],
    ['a factory URL with a path', { imageFactoryUrl: 'https://factory.talos.dev/image' }, 'imageFactoryUrl', '"https://factory.talos.dev/image"'],
    ['a META key above 255', { meta: [{ key: 256, value: 'x' }] }, 'meta', '256'],
    ['a META key twice', { meta: [{ key: 12, value: 'x' }, { key: 12, value: 'y' }] }, 'meta', '12'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => new TalosImage(s, 'Img', { connection: new ProxmoxConnection(s, 'Proxmox'), ...override }), 'test/Img', prop, value);
  });
});
