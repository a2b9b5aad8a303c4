import { TerraformStack, TerraformVariable } from 'cdktf';
import { parse } from 'yaml';
import { deriveMacAddress, deriveVmId } from '../../constructs/core/identity';
import { ProxmoxAuthMode, ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosBoot } from '../../constructs/talos/talos-boot';
import { TalosImage } from '../../constructs/talos/talos-image';
import { TalosNetwork } from '../../constructs/talos/talos-network';
import { TalosNode, TalosNodeProps } from '../../constructs/talos/talos-node';
import * as vmBlock from '../../constructs/proxmox/vm';
import { onlyResource, resolveIn, resourcesOf, synthStack } from '../helpers/synth';
import { describeIfTool, OFFLINE_TERRAFORM } from '../helpers/tools';

// The shared VM building block, observed (calls pass through to it).
jest.mock('../../constructs/proxmox/vm', () => {
  const actual = jest.requireActual('../../constructs/proxmox/vm');
  return { ...actual, addVm: jest.fn(actual.addVm) };
});

const META = TalosNetwork.meta({ address: '10.0.0.11/16', gateway: '10.0.0.1' });

function node(props: Partial<TalosNodeProps> = {}, authMode: ProxmoxAuthMode = 'api-token', build?: (s: TerraformStack, c: ProxmoxConnection) => void) {
  let n!: TalosNode;
  const out = synthStack((s) => {
    const connection = new ProxmoxConnection(s, 'Proxmox', { authMode });
    n = new TalosNode(s, 'cp-1', { connection, proxmoxNode: 'atlas', ...props });
    build?.(s, connection);
  });
  const vm = resourcesOf(out.json, 'proxmox_virtual_environment_vm').find(([, r]) => r.name === 'cp-1')![1];
  const schematic = resourcesOf(out.json, 'talos_image_factory_schematic').map(([, r]) => parse(r.schematic).customization);
  return { ...out, n, vm, schematic: schematic[0] };
}

describe('TalosNode', () => {
  test('builds its VM through the shared VM building block (addVm: lifecycle merged, the VM as node.defaultChild)', () => {
    const addVm = jest.mocked(vmBlock.addVm);
    addVm.mockClear();
    const { n, vm } = node({ boot: TalosBoot.iso() });
    expect(addVm).toHaveBeenCalledTimes(1);
    expect(addVm.mock.calls[0][0]).toBe(n);
    expect(addVm.mock.calls[0][1]).toBe('Vm'); // the construct id every VM construct uses (moved from 'Resource')
    expect(addVm.mock.results[0].value).toBe(n.vm);
    expect(n.node.defaultChild).toBe(n.vm);
    // The ISO boot's empty install disk is the shared boot disk definition, raw.
    const disk = vmBlock.bootDisk({ interface: 'scsi0', datastoreId: 'local-lvm', sizeGiB: 64 });
    expect(vm.disk[0]).toEqual({
      interface: disk.interface, datastore_id: disk.datastoreId, size: disk.size, iothread: disk.iothread, discard: disk.discard, ssd: disk.ssd,
      cache: disk.cache, file_format: 'raw',
    });
    expect(vm.lifecycle).toEqual({ ignore_changes: ['cdrom[0].file_id'] });
  });

  test('default: a metal DHCP worker booting the factory disk image on a UEFI q35 VM with the guest agent', () => {
    const { vm, n, schematic, json } = node();
    expect(vm).toEqual(expect.objectContaining({
      node_name: 'atlas', name: 'cp-1', machine: 'q35', bios: 'ovmf', on_boot: true,
      vm_id: deriveVmId('cp-1'), boot_order: ['scsi0'],
      cpu: { cores: 4, type: 'host' }, memory: { dedicated: 8192 },
      agent: { enabled: true, timeout: '2m', trim: true },
      network_device: [expect.objectContaining({ bridge: 'vmbr0', model: 'virtio', mac_address: deriveMacAddress('cp-1') })],
      tags: ['talos', 'worker'],
      lifecycle: { ignore_changes: ['disk[0].import_from'] },
    }));
    expect(vm.disk).toEqual([expect.objectContaining({ interface: 'scsi0', size: 64, import_from: expect.stringMatching(/^\$\{proxmox_download_file\.cp-1_Image_Proxmox-atlas_Download-atlas_[0-9A-F]+\.id\}$/) })]);
    expect(vm.cdrom).toBeUndefined();
    expect(vm.kvm_arguments).toBeUndefined();
    expect(vm.initialization).toBeUndefined();
    expect(schematic).toEqual({ systemExtensions: { officialExtensions: ['siderolabs/qemu-guest-agent'] } });
    expect(n.ipv4Address).toBeUndefined();
    expect(n.vmId).toBe(deriveVmId('cp-1'));
    expect(n.macAddress).toBe(deriveMacAddress('cp-1'));
    expect(resourcesOf(json, 'proxmox_download_file')).toHaveLength(1);
  });

  test('control plane sizing by role', () => {
    const { vm } = node({ role: 'controlplane' });
    expect(vm.cpu.cores).toBe(4);
    expect(vm.memory.dedicated).toBe(4096);
    expect(vm.disk[0].size).toBe(32);
    expect(vm.tags).toEqual(['controlplane', 'talos']);
  });

  test('META: the static address goes into the image (key 10) with net.ifnames=0, and is the node address', () => {
    const { schematic, n, vm } = node({ network: META, role: 'controlplane' });
    expect(schematic.extraKernelArgs).toEqual(['net.ifnames=0']);
    expect(schematic.meta).toHaveLength(1);
    expect(schematic.meta[0].key).toBe(10);
    const value = parse(schematic.meta[0].value);
    expect(value.addresses[0].address).toBe('10.0.0.11/16');
    expect(value.routes[0].gateway).toBe('10.0.0.1');
    expect(value.hostnames).toEqual([{ hostname: 'cp-1', layer: 'platform' }]);
    expect(n.ipv4Address).toBe('10.0.0.11');
    expect(n.platform).toBe('metal');
    expect(vm.initialization).toBeUndefined();
  });

  test('cloud-init: nocloud image, address on the cloud-init drive', () => {
    const { vm, n, json } = node({ network: TalosNetwork.cloudInit({ address: '10.0.0.31/24', gateway: '10.0.0.1', nameservers: ['10.0.0.1'] }) });
    expect(n.platform).toBe('nocloud');
    expect(vm.initialization).toEqual({
      interface: 'ide2', datastore_id: 'local-lvm',
      ip_config: [{ ipv4: { address: '10.0.0.31/24', gateway: '10.0.0.1' } }],
      dns: { servers: ['10.0.0.1'] },
    });
    expect(onlyResource(json, 'proxmox_download_file').url).toMatch(/nocloud-amd64\.qcow2$/);
    expect(n.ipv4Address).toBe('10.0.0.31');
  });

  test('ISO boot: the factory ISO in the one cdrom, an empty disk first in the boot order, kernel args in the schematic', () => {
    const { vm, n, schematic, json, stack } = node({ boot: TalosBoot.iso(), kernelArgs: ['console=ttyS0'] });
    expect(vm.cdrom).toEqual({ interface: 'ide2', file_id: expect.stringMatching(/download_file\..*\.id\}$/) });
    expect(vm.disk).toEqual([expect.objectContaining({ interface: 'scsi0', size: 64, file_format: 'raw' })]);
    expect(vm.disk[0].import_from).toBeUndefined();
    expect(vm.boot_order).toEqual(['scsi0', 'ide2']);
    expect(vm.kvm_arguments).toBeUndefined();
    expect(vm.lifecycle).toEqual({ ignore_changes: ['cdrom[0].file_id'] });
    expect(schematic.extraKernelArgs).toEqual(['console=ttyS0']);
    expect(onlyResource(json, 'proxmox_download_file').content_type).toBe('iso');
    expect(n.installTarget?.disk).toBe('/dev/sda');
    expect(resolveIn(stack, n.installTarget?.image)).toMatch(/urls\.installer\}$/);
  });

  test('a config ISO next to a disk image takes the one cdrom, and the image reads it (talos.config=metal-iso)', () => {
    const { vm, schematic } = node({ boot: TalosBoot.diskImage({ configIso: { fileId: 'local:iso/cp-1-config.iso' } }) });
    expect(vm.cdrom).toEqual({ interface: 'ide2', file_id: 'local:iso/cp-1-config.iso' });
    expect(schematic.extraKernelArgs).toEqual(['talos.config=metal-iso']);
    expect(vm.kvm_arguments).toBeUndefined();
  });

  test('a config ISO next to a boot ISO needs kvm_arguments: routed through the root@pam alias when the connection has one', () => {
    const { vm } = node({ boot: TalosBoot.iso({ configIso: { fileId: 'local:iso/c.iso', hostPath: '/var/lib/vz/template/iso/c.iso' } }) }, 'api-token+root-password');
    expect(vm.provider).toBe('proxmox.proxmox_root');
    expect(vm.kvm_arguments).toBe('-drive "file=/var/lib/vz/template/iso/c.iso,if=none,id=cfgiso0,media=cdrom,readonly=on" -device ide-cd,drive=cfgiso0,bus=ide.4');
  });

  test('without the guest agent extension the agent is off (nothing would answer)', () => {
    expect(node({ extensions: ['siderolabs/tailscale'] }).vm.agent.enabled).toBe(false);
  });

  test('replaceOnImageChange drops the ignore_changes', () => {
    expect(node({ replaceOnImageChange: true }).vm.lifecycle).toBeUndefined();
  });

  test('a shared image is downloaded once per Proxmox node for every node using it', () => {
    const { json } = node({}, 'api-token', (s, connection) => {
      const image = new TalosImage(s, 'Shared', { connection });
      new TalosNode(s, 'w-1', { connection, proxmoxNode: 'pve1', image });
      new TalosNode(s, 'w-2', { connection, proxmoxNode: 'pve1', image });
      new TalosNode(s, 'w-3', { connection, proxmoxNode: 'pve2', image });
    });
    const dls = resourcesOf(json, 'proxmox_download_file').map(([name]) => name.replace(/_[0-9A-F]+$/, '')).sort();
    expect(dls).toEqual(['Shared_Proxmox-pve1_Download-pve1', 'Shared_Proxmox-pve2_Download-pve2', 'cp-1_Image_Proxmox-atlas_Download-atlas']);
  });

  test('tokens are not validated', () => {
    const { json } = node({}, 'api-token', (s, connection) => {
      const v = new TerraformVariable(s, 'addr', { type: 'string' });
      const vmId = new TerraformVariable(s, 'vmid', { type: 'number' });
      new TalosNode(s, 'tok', {
        connection, proxmoxNode: 'atlas', vmId: vmId.numberValue,
        network: TalosNetwork.meta({ address: v.stringValue, gateway: v.stringValue, nameservers: [v.stringValue] }),
        kernelArgs: [v.stringValue],
      });
    });
    const tok = resourcesOf(json, 'proxmox_virtual_environment_vm').find(([, r]) => r.name === 'tok')![1];
    expect(tok.vm_id).toBe('${var.vmid}');
  });

  describe('fails', () => {
    test.each<[string, Partial<TalosNodeProps>, string]>([
      ['META with the nocloud platform', { network: META, platform: 'nocloud' },
        "'platform' must be 'metal' when the network is TalosNetwork.meta() (only the metal platform reads META key 10), got \"nocloud\"."],
      ['cloud-init with the metal platform', { network: TalosNetwork.cloudInit({ address: '10.0.0.31/24', gateway: '10.0.0.1' }), platform: 'metal' },
        "'platform' must be 'nocloud' when the network is TalosNetwork.cloudInit() (only nocloud reads the cloud-init drive), got \"metal\"."],
      ['the gateway is outside the subnet', { network: TalosNetwork.meta({ address: '10.0.0.11/24', gateway: '10.0.1.1' }) },
        "'network.gateway' must be inside the subnet 10.0.0.0/24, got \"10.0.1.1\"."],
      ['the name is not a host name', { hostname: 'CP_1' }, "'hostname' must be a lower-case host name (a-z, 0-9, -; at most 63 characters), got \"CP_1\"."],
      ['the control plane is too small', { role: 'controlplane', memoryMiB: 1024 }, "'memoryMiB' must be an integer of at least 2048, got 1024."],
      ['the disk is below Talos minimum', { diskSizeGiB: 8 }, "'diskSizeGiB' must be an integer of at least 10, got 8."],
      ['the VM id is out of range', { vmId: 99 }, "'vmId' must be an integer from 100 to 999999999 (Proxmox VM id range), got 99."],
      ['the Talos version is malformed', { talosVersion: '1.11.5' }, "'talosVersion' must be a Talos release like \"v1.11.5\" (with the leading v), got \"1.11.5\"."],
      ['a kernel arg would upload the machine config to the factory', { kernelArgs: ['talos.config.inline=abc'] },
        "'kernelArgs' must not contain talos.config.inline= or talos.config.early=, got \"talos.config.inline=abc\"."],
    ])('if %s', (_what, props, message) => {
      expect(() => node(props)).toThrow(message);
    });

    test('if a second ISO would need kvm_arguments on an API token connection', () => {
      expect(() => node({ boot: TalosBoot.iso({ configIso: { fileId: 'local:iso/c.iso', hostPath: '/x/c.iso' } }) })).toThrow(
        "'boot' must fit in one cdrom, got 2 ISOs (Talos installer ISO, Talos config ISO (metal-iso)): bpg/proxmox allows a single cdrom block (issue #718).");
    });

    test('if a META node is given a shared image', () => {
      expect(() => synthStack((s) => {
        const connection = new ProxmoxConnection(s, 'Proxmox');
        const image = new TalosImage(s, 'Shared', { connection });
        new TalosNode(s, 'n', { connection, proxmoxNode: 'atlas', network: META, image });
      })).toThrow("'image' must not be shared when the network is TalosNetwork.meta() (the address is baked into the image), got \"test/Shared\".");
    });

    test('if talosVersion differs from the shared image it would silently not apply to', () => {
      expect(() => synthStack((s) => {
        const connection = new ProxmoxConnection(s, 'Proxmox');
        const image = new TalosImage(s, 'Shared', { connection, talosVersion: 'v1.11.5' });
        new TalosNode(s, 'n', { connection, proxmoxNode: 'atlas', image, talosVersion: 'v1.10.7' });
      })).toThrow("'talosVersion' must be unset or equal to the shared image's version (v1.11.5), got \"v1.10.7\". Leave talosVersion unset: the node runs the version of its image.");
    });

    test('if two nodes derive or claim the same VM id or MAC', () => {
      expect(() => node({ vmId: 300 }, 'api-token', (s, connection) => new TalosNode(s, 'other', { connection, proxmoxNode: 'atlas', vmId: 300 })))
        .toThrow("test/other: 'vmId' must be unique in the stack, got 300, already used by test/cp-1. Choose another VM id.");
      expect(() => node({ macAddress: '02:00:00:00:00:01' }, 'api-token', (s, connection) => new TalosNode(s, 'other', { connection, proxmoxNode: 'atlas', macAddress: '02:00:00:00:00:01' })))
        .toThrow("test/other: 'macAddress' must be unique in the stack, got \"02:00:00:00:00:01\", already used by test/cp-1. Choose another MAC address.");
    });
  });
});

describeIfTool([...OFFLINE_TERRAFORM], 'terraform accepts the other variants', () => {
  test('ISO boot with a config ISO through the root alias, cloud-init, DHCP, replaceOnImageChange', async () => {
    const { json } = synthStack((s) => {
      const connection = new ProxmoxConnection(s, 'Proxmox', { authMode: 'api-token+root-password' });
      new TalosNode(s, 'iso', {
        connection, proxmoxNode: 'pve1', role: 'controlplane',
        boot: TalosBoot.iso({ configIso: { fileId: 'local:iso/c.iso', hostPath: '/var/lib/vz/template/iso/c.iso' } }),
      });
      new TalosNode(s, 'ci', { connection, proxmoxNode: 'pve1', network: TalosNetwork.cloudInit({ address: '10.0.0.31/24', gateway: '10.0.0.1' }) });
      new TalosNode(s, 'dhcp', { connection, proxmoxNode: 'pve2', replaceOnImageChange: true });
    });
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { validateStack } = require('../../scripts/validate.js') as typeof import('../../scripts/validate');
    const result = await validateStack({ config: json, name: 'talos-node-variants' });
    expect(result.plan).toEqual({ add: 9, change: 0, destroy: 0 });
  }, 120000);
});
