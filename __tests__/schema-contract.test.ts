// What the constructs synthesize obeys the pinned provider schemas (schemas/*.json) where Terraform's JSON syntax is
// strict or the providers are about to drop something:
// - an attribute of object type (or a list/set/map of objects) carries every key of the object type, `null` where
//   unset: Terraform rejects a JSON object with a key missing ("attributes ... are required"). bpg 0.111 turned
//   the VM's `network_device` block into such an attribute;
// - no resource type and no attribute the schema marks deprecated (bpg 0.111 deprecates the long
//   `proxmox_virtual_environment_*` names of resources that have a short one).
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { ProxmoxConnection } from '../constructs/proxmox/connection';
import { TemplateHighAvailability } from '../constructs/proxmox/template-ha';
import { VmTemplate } from '../constructs/proxmox/template';
import { networkDevice } from '../constructs/proxmox/vm-hardware';
import { addDebianTemplateAndClone } from '../examples/debian-template';
import { addFlatcarTemplate } from '../examples/flatcar-template';
import { addLeastPrivilegeAccess } from '../examples/least-privilege-access';
import { addTalosCluster } from '../examples/talos-cluster';
import { buildHomelab } from '../homelab/app';
import { DEFAULT_HOMELAB } from '../homelab/config';

const SCHEMA_DIR = path.resolve(__dirname, '..', 'schemas');
type TypeExpr = string | [string, any];
interface Block { attributes?: Record<string, { type?: TypeExpr; deprecated?: boolean; nested_type?: any }>; block_types?: Record<string, { nesting_mode: string; block: Block }>; deprecated?: boolean }

/** Resource schemas of every pinned provider, by type name. */
function resourceSchemas(): Record<string, { block: Block }> {
  const out: Record<string, { block: Block }> = {};
  for (const f of fs.readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.json'))) {
    for (const p of Object.values<any>(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')).provider_schemas)) {
      Object.assign(out, p.resource_schemas ?? {});
    }
  }
  return out;
}
const SCHEMAS = resourceSchemas();

/** Problems of value `v` against type `t` at `where`: object keys missing (interpolation strings are not checked). */
function missingKeys(t: TypeExpr, v: unknown, where: string): string[] {
  if (v === null || v === undefined || typeof v === 'string' || typeof t === 'string') return [];
  const [kind, arg] = t;
  if ((kind === 'list' || kind === 'set') && Array.isArray(v)) return v.flatMap((e, i) => missingKeys(arg, e, `${where}[${i}]`));
  if (kind === 'map' && typeof v === 'object') return Object.entries(v as object).flatMap(([k, e]) => missingKeys(arg, e, `${where}.${k}`));
  if (kind === 'object' && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return [
      ...Object.keys(arg).filter((k) => !(k in o)).map((k) => `${where}: key "${k}" of the object type is missing`),
      ...Object.entries(arg).flatMap(([k, kt]) => missingKeys(kt as TypeExpr, o[k], `${where}.${k}`)),
    ];
  }
  return [];
}

/** Problems of one resource body against its schema block. */
function blockProblems(block: Block, body: Record<string, any>, where: string): string[] {
  const out: string[] = [];
  for (const [n, a] of Object.entries(block.attributes ?? {})) {
    if (body[n] === undefined || body[n] === null) continue;
    if (a.deprecated) out.push(`${where}.${n}: deprecated attribute is set`);
    if (a.type) out.push(...missingKeys(a.type, body[n], `${where}.${n}`));
  }
  for (const [n, bt] of Object.entries(block.block_types ?? {})) {
    const v = body[n];
    if (v === undefined || v === null) continue;
    const items = Array.isArray(v) ? v : [v];
    if (bt.block.deprecated && items.length) out.push(`${where}.${n}: deprecated block is set`);
    items.forEach((e, i) => out.push(...blockProblems(bt.block, e, `${where}.${n}[${i}]`)));
  }
  return out;
}

function stackProblems(json: any): string[] {
  const out: string[] = [];
  for (const [type, byName] of Object.entries<Record<string, any>>(json.resource ?? {})) {
    const s = SCHEMAS[type];
    if (!s) { if (type !== 'terraform_data') out.push(`${type}: not in any pinned schema`); continue; }
    if (s.block.deprecated) out.push(`${type}: the resource type is deprecated`);
    for (const [name, body] of Object.entries(byName)) out.push(...blockProblems(s.block, body, `${type}.${name}`));
  }
  return out;
}

function synthAll(): Record<string, any> {
  const app = Testing.app();
  buildHomelab(app, DEFAULT_HOMELAB);
  const example = (id: string, add: (s: TerraformStack, c: ProxmoxConnection) => unknown) => {
    const s = new TerraformStack(app, id);
    add(s, new ProxmoxConnection(s, 'Proxmox', { endpoint: 'https://pve1.home.arpa:8006/', ssh: {} }));
  };
  example('flatcar', addFlatcarTemplate);
  example('examples', addDebianTemplateAndClone);
  example('access', addLeastPrivilegeAccess);
  const talos = new TerraformStack(app, 'talos');
  addTalosCluster(talos, new ProxmoxConnection(talos, 'Proxmox', { endpoint: 'https://atlas.home.arpa:8006/' }));
  const ha = new TerraformStack(app, 'ha');
  const connection = new ProxmoxConnection(ha, 'Proxmox', { endpoint: 'https://pve1.home.arpa:8006/' });
  const template = VmTemplate.fromAttributes(ha, 'Tpl', { templateVmId: 9000, templateProxmoxNode: 'pve1', onSharedStorage: true });
  new TemplateHighAvailability(ha, 'Pve9', { connection, template, proxmoxNodes: { pve1: 1, pve2: 1 } });
  const t8 = VmTemplate.fromAttributes(ha, 'Tpl8', { templateVmId: 9001, templateProxmoxNode: 'pve1', onSharedStorage: true });
  new TemplateHighAvailability(ha, 'Pve8', { connection, template: t8, pveMajorVersion: 8, proxmoxNodes: { pve1: 1 } });
  const out: Record<string, any> = {};
  for (const c of app.node.children) if (c instanceof TerraformStack) out[c.node.id] = JSON.parse(Testing.synth(c));
  return out;
}

describe('synthesized JSON against the pinned provider schemas', () => {
  const stacks = synthAll();

  test('covers the resource types whose schema changed in bpg 0.111', () => {
    const types = new Set(Object.values(stacks).flatMap((j) => Object.keys(j.resource ?? {})));
    for (const t of ['proxmox_virtual_environment_vm', 'proxmox_download_file', 'proxmox_haresource', 'proxmox_harule', 'proxmox_hagroup', 'proxmox_acl', 'proxmox_user_token']) {
      expect([t, types.has(t)]).toEqual([t, true]);
    }
  });

  test.each(Object.keys(stacks))('%s: every object-typed attribute has all its keys; nothing deprecated', (name) => {
    expect(stackProblems(stacks[name])).toEqual([]);
  });

  test('network_device: every key of the object type in schemas/ (null where unset)', () => {
    const vm = SCHEMAS.proxmox_virtual_environment_vm.block.attributes!.network_device;
    expect(vm.type![0]).toBe('list');
    const keys = Object.keys(vm.type![1][1]).sort();
    const vmJson = Object.values<any>(stacks.examples.resource.proxmox_virtual_environment_vm)[0];
    expect(Object.keys(vmJson.network_device[0]).sort()).toEqual(keys);
    expect(vmJson.network_device[0].enabled).toBeNull(); // deprecated in 0.111: never set
    // the helper alone: one binding key per schema key
    expect(Object.keys(networkDevice({ bridge: 'vmbr1' })).sort()).toEqual(
      keys.map((k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())).sort());
  });

  test('the checker finds a missing key and a deprecated type', () => {
    const nd = Object.fromEntries(Object.keys(SCHEMAS.proxmox_virtual_environment_vm.block.attributes!.network_device.type![1][1]).map((k) => [k, null]));
    delete nd.mtu;
    expect(stackProblems({ resource: { proxmox_virtual_environment_vm: { v: { node_name: 'pve1', network_device: [nd] } } } }))
      .toEqual(['proxmox_virtual_environment_vm.v.network_device[0]: key "mtu" of the object type is missing']);
    expect(stackProblems({ resource: { proxmox_virtual_environment_acl: { a: { path: '/', role_id: 'r' } } } }))
      .toEqual(['proxmox_virtual_environment_acl: the resource type is deprecated']);
    // bpg 0.111 deprecates the user's acl block (proxmox_acl instead)
    expect(stackProblems({ resource: { proxmox_virtual_environment_user: { u: { user_id: 'a@pve', acl: [{ path: '/', role_id: 'r' }] } } } }))
      .toEqual(['proxmox_virtual_environment_user.u.acl: deprecated block is set']);
  });
});
