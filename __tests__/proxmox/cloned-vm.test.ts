import { TerraformStack, TerraformVariable } from 'cdktf';
import { ClonePlacement, spreadNode } from '../../constructs/proxmox/clone-placement';
import { ClonedVm, ClonedVmProps } from '../../constructs/proxmox/cloned-vm';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { IpConfig } from '../../constructs/proxmox/ip-config';
import { IVmTemplate, VmTemplate, VmTemplateAttributes } from '../../constructs/proxmox/template';
import { TemplateHighAvailability, TemplateHighAvailabilityProps } from '../../constructs/proxmox/template-ha';
import { onlyResource, resourcesOf, synthStack } from '../helpers/synth';

const VM = 'proxmox_virtual_environment_vm';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFDYWOCYXsx/YEGKrwzFq1h/QsJXCohAlanozKzQ9lRc admin@example';

function clones(specs: Record<string, Partial<ClonedVmProps>>, attrs: Partial<VmTemplateAttributes> = {}, build?: (s: TerraformStack, t: IVmTemplate, c: ProxmoxConnection) => void) {
  const made: Record<string, ClonedVm> = {};
  const out = synthStack((s) => {
    const connection = new ProxmoxConnection(s, 'Proxmox');
    const template = VmTemplate.fromAttributes(s, 'Tpl', { templateVmId: 9000, templateProxmoxNode: 'pve1', ...attrs });
    for (const [id, p] of Object.entries(specs)) made[id] = new ClonedVm(s, id, { connection, template, ...p });
    build?.(s, template, connection);
  });
  const byName = (n: string) => resourcesOf(out.json, VM).find(([k]) => k.startsWith(`${n}_`))![1];
  return { ...out, made, byName };
}

describe('ClonedVm', () => {
  test('a full clone on the template node, configured through cloud-init, with the seed\'s timeouts', () => {
    const { json, made } = clones({
      Web1: { ipConfig: IpConfig.static('10.0.0.21/24', '10.0.0.1'), dnsServers: ['10.0.0.1'], dnsDomain: 'home.arpa', username: 'ops', sshAuthorizedKeys: [KEY] },
    });
    const vm = onlyResource(json, VM);
    expect(vm).toEqual(expect.objectContaining({
      name: 'web1', node_name: 'pve1', vm_id: made.Web1.vmId, started: true, on_boot: true,
      clone: { vm_id: 9000, node_name: 'pve1', full: true, retries: 3 },
      timeout_clone: 180, timeout_create: 180, timeout_start_vm: 120,
      agent: { enabled: true, timeout: '2m', trim: true },
      initialization: {
        ip_config: [{ ipv4: { address: '10.0.0.21/24', gateway: '10.0.0.1' } }],
        dns: { servers: ['10.0.0.1'], domain: 'home.arpa' },
        user_account: { username: 'ops', keys: [KEY] },
      },
    }));
    expect(vm.network_device).toEqual([expect.objectContaining({ bridge: 'vmbr0', model: 'virtio', mac_address: expect.stringMatching(/^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/) })]);
    // Left out: the template's values stay (bpg applies only configured blocks to a clone).
    expect(vm.cpu).toBeUndefined();
    expect(vm.memory).toBeUndefined();
    expect(vm.disk).toBeUndefined();
    expect(made.Web1.proxmoxNode).toBe('pve1');
  });

  test('overrides: cores with CPU type, memory, a grown disk on the named storage', () => {
    const { json } = clones({ Big: { cores: 8, memoryMiB: 16384, diskSizeGiB: 64, diskDatastore: { id: 'rbd-vm' } } });
    const vm = onlyResource(json, VM);
    expect(vm.cpu).toEqual({ cores: 8, type: 'host' });
    expect(vm.memory).toEqual({ dedicated: 16384 });
    expect(vm.disk).toEqual([expect.objectContaining({ interface: 'scsi0', size: 64, datastore_id: 'rbd-vm' })]);
    expect(vm.clone.datastore_id).toBe('rbd-vm');
    expect(vm.initialization.datastore_id).toBe('rbd-vm');
  });

  test('serialize (default): clones of one template wait for each other; another template is not chained', () => {
    const { byName } = clones({ A: {}, B: {}, C: { serialize: false }, D: {} }, {}, (s, _t, connection) => {
      const other = VmTemplate.fromAttributes(s, 'Other', { templateVmId: 9001, templateProxmoxNode: 'pve1' });
      new ClonedVm(s, 'E', { connection, template: other });
    });
    expect(byName('A').depends_on).toBeUndefined();
    expect(byName('B').depends_on).toEqual([expect.stringMatching(/^proxmox_virtual_environment_vm\.A_Vm_/)]);
    expect(byName('C').depends_on).toBeUndefined();
    expect(byName('D').depends_on).toEqual([expect.stringMatching(/^proxmox_virtual_environment_vm\.B_Vm_/)]);
    expect(byName('E').depends_on).toBeUndefined();
  });

  test('spread over nodes: cross-node full clones of a shared-storage template, stable when clones are added', () => {
    const nodes = ['pve3', 'pve1', 'pve2'];
    const names = Array.from({ length: 12 }, (_, i) => `W${i}`);
    const few = clones(Object.fromEntries(names.slice(0, 6).map((n) => [n, { placement: ClonePlacement.spread(nodes) }])), { onSharedStorage: true });
    const all = clones(Object.fromEntries(names.map((n) => [n, { placement: ClonePlacement.spread(nodes) }])), { onSharedStorage: true });
    for (const n of names.slice(0, 6)) expect(all.made[n].proxmoxNode).toBe(few.made[n].proxmoxNode);
    expect(new Set(names.map((n) => all.made[n].proxmoxNode))).toEqual(new Set(nodes));
    const moved = names.map((n) => all.byName(n)).find((vm) => vm.node_name !== 'pve1')!;
    expect(moved.clone).toEqual(expect.objectContaining({ node_name: 'pve1', full: true }));
  });

  test('spreadNode: rendezvous hashing, independent of node order; adding a node only moves clones onto it', () => {
    const names = Array.from({ length: 200 }, (_, i) => `vm-${i}`);
    for (const n of names.slice(0, 20)) expect(spreadNode(n, ['b', 'a', 'c'])).toBe(spreadNode(n, ['a', 'b', 'c']));
    for (const n of names) {
      const before = spreadNode(n, ['a', 'b', 'c']);
      const after = spreadNode(n, ['a', 'b', 'c', 'd']);
      expect(after === before || after === 'd').toBe(true);
    }
    const counts = names.reduce<Record<string, number>>((m, n) => ({ ...m, [spreadNode(n, ['a', 'b', 'c'])]: (m[spreadNode(n, ['a', 'b', 'c'])] ?? 0) + 1 }), {});
    for (const c of Object.values(counts)) expect(c).toBeGreaterThan(40);
  });

  test('a linked clone on the template node of a template not made from an imported disk', () => {
    const { json } = clones({ L: { fullClone: false } }, { fromImportedDisk: false });
    expect(onlyResource(json, VM).clone.full).toBe(false);
  });

  test('token values are not validated', () => {
    expect(() => clones({}, {}, (s, template, connection) => {
      const mem = new TerraformVariable(s, 'mem', { type: 'number' });
      const ip = new TerraformVariable(s, 'ip', { type: 'string' });
      new ClonedVm(s, 'T', { connection, template, memoryMiB: mem.numberValue, ipConfig: IpConfig.static(ip.stringValue, '10.0.0.1'), vmId: mem.numberValue });
    })).not.toThrow();
  });

  test.each<[string, Partial<ClonedVmProps>, Partial<VmTemplateAttributes>, string]>([
    ['a linked clone goes to another node', { fullClone: false, placement: ClonePlacement.node('pve2') }, { onSharedStorage: true, fromImportedDisk: false },
      "'fullClone' must be true for a clone on another node than the template's ('pve1'), got false. Set fullClone to true: a linked clone shares the template's disks"],
    ['a linked clone of an imported-disk template', { fullClone: false }, { fromImportedDisk: true },
      "'fullClone' must be true for a template whose boot disk was imported from an image, got false. Set fullClone to true: Proxmox cannot linked-clone such a template (bpg issue #1959)"],
    ['a cross-node clone of a template on local storage', { placement: ClonePlacement.node('pve2') }, {},
      "'placement' must keep the clone on the template's node 'pve1' unless the template is on shared storage, got \"pve2\"."],
    ['a disk size without a datastore', { diskSizeGiB: 40 }, {},
      "'diskDatastore' must be set when diskSizeGiB is set, got undefined. Name the clone's storage: bpg's disk block defaults datastore_id to 'local-lvm'"],
    ['the gateway is outside the subnet', { ipConfig: IpConfig.static('10.0.0.21/24', '10.0.1.1') }, {}, "'ipConfig.gateway' must be inside the subnet 10.0.0.0/24, got \"10.0.1.1\"."],
    ['an address has no prefix', { ipConfig: IpConfig.static('10.0.0.21') }, {}, "'ipConfig.cidr' must be an address with prefix length"],
    ['spread names no node', { placement: ClonePlacement.spread([]) }, {}, "'placement' must spread over at least one node, got []."],
    ['the name is not a DNS name', { name: 'Web_1' }, {}, "'name' must be a DNS name (lower case letters, digits, dashes), got \"Web_1\"."],
    ['memory is tiny', { memoryMiB: 64 }, {}, "'memoryMiB' must be an integer of at least 512, got 64."],
    ['a DNS server is not an IP', { dnsServers: ['dns.local'] }, {}, "'dnsServers' must be an IP address like \"10.0.0.11\", got \"dns.local\"."],
  ])('fails if %s', (_what, props, attrs, message) => {
    expect(() => clones({ X: props }, attrs)).toThrow(message);
  });

  test('two clones with the same name collide on the derived VM id', () => {
    expect(() => clones({ A: { name: 'same' }, B: { name: 'same' } })).toThrow(/'vmId' must be unique in the stack/);
  });
});

describe('TemplateHighAvailability', () => {
  const ha = (props: Partial<TemplateHighAvailabilityProps>, attrs: Partial<VmTemplateAttributes> = { onSharedStorage: true }) =>
    clones({}, attrs, (s, template, connection) => { new TemplateHighAvailability(s, 'Ha', { connection, template, ...props }); });

  test('an HA resource in state stopped for the template (short bpg name, moved from the long one)', () => {
    const { json } = ha({});
    expect(onlyResource(json, 'proxmox_haresource')).toEqual(expect.objectContaining({ resource_id: 'vm:9000', type: 'vm', state: 'stopped' }));
    expect(onlyResource(json, 'proxmox_haresource').group).toBeUndefined();
    const [[name]] = resourcesOf(json, 'proxmox_haresource');
    expect(json.moved).toEqual([{ from: `proxmox_virtual_environment_haresource.${name}`, to: `proxmox_haresource.${name}` }]);
    expect(json.resource.proxmox_harule).toBeUndefined();
  });

  test('PVE 9: the nodes become a strict node-affinity HA rule on the HA resource, no HA group', () => {
    const { json } = ha({ proxmoxNodes: { pve1: 2, pve2: 1 } });
    const [[resName]] = resourcesOf(json, 'proxmox_haresource');
    expect(onlyResource(json, 'proxmox_harule')).toEqual(expect.objectContaining({
      rule: 'template-9000', type: 'node-affinity', strict: true, nodes: { pve1: 2, pve2: 1 },
      resources: [`\${proxmox_haresource.${resName}.resource_id}`],
    }));
    expect(json.resource.proxmox_hagroup).toBeUndefined();
  });

  test('PVE 8: the nodes become a restricted HA group the HA resource is a member of', () => {
    const { json } = ha({ pveMajorVersion: 8, proxmoxNodes: { pve1: 1, pve2: 1 }, placementId: 'templates' });
    const [[groupName, group]] = resourcesOf(json, 'proxmox_hagroup');
    expect(group).toEqual(expect.objectContaining({ group: 'templates', nodes: { pve1: 1, pve2: 1 }, restricted: true }));
    expect(onlyResource(json, 'proxmox_haresource').group).toBe(`\${proxmox_hagroup.${groupName}.group}`);
    expect(json.resource.proxmox_harule).toBeUndefined();
  });

  test('PVE 8: an existing HA group by name', () => {
    const { json } = ha({ pveMajorVersion: 8, group: 'templates' });
    expect(onlyResource(json, 'proxmox_haresource').group).toBe('templates');
  });

  test('refuses an HA group on PVE 9, and bad nodes, naming the fix', () => {
    expect(() => ha({ group: 'templates' })).toThrow("'group' must be unset on Proxmox VE 9, got \"templates\". PVE 9 migrates HA groups");
    expect(() => ha({ pveMajorVersion: 10 })).toThrow("'pveMajorVersion' must be 8 or 9, got 10.");
    expect(() => ha({ proxmoxNodes: { pve_1: 1.5 } })).toThrow(/'proxmoxNodes' must have Proxmox node names as keys, got "pve_1"[\s\S]*'proxmoxNodes' must have integer priorities of at least 0, got 1.5/);
    expect(() => ha({ pveMajorVersion: 8, group: 'g', proxmoxNodes: { pve1: 1 } })).toThrow("'group' must not be set together with 'proxmoxNodes'");
  });

  test('fails for a template on local storage', () => {
    expect(() => ha({}, {})).toThrow("'template' must be on shared storage to be highly available, got \"test/Tpl\".");
  });
});
