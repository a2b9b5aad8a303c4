// Construct ids are the Terraform state contract: the example app's resource and data source addresses are those
// main had before the VM constructs shared one building block (fixtures/example-app/addresses.json, taken from
// `npm run synth` at commit 2bae1d8). Resources added since are allowed; none may be dropped, and one may only be
// renamed with a `moved` block from its fixture address: a renamed construct id without one would destroy and
// recreate the resource it names.
import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { buildHomelab } from '../../homelab/app';
import { resolveHomelabConfig } from '../../homelab/config';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'example-app', 'addresses.json');

/** `type.name` of every resource and `data.type.name` of every data source, sorted. */
function addresses(json: any): string[] {
  const out: string[] = [];
  for (const [t, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) for (const n of Object.keys(byName)) out.push(`${t}.${n}`);
  for (const [t, byName] of Object.entries<Record<string, unknown>>(json.data ?? {})) for (const n of Object.keys(byName)) out.push(`data.${t}.${n}`);
  return out.sort();
}

/** `from` -> `to` of every `moved` block. */
function moves(json: any): Map<string, string> {
  return new Map(((json.moved ?? []) as Array<{ from: string; to: string }>).map((m) => [m.from, m.to]));
}

/** Fixture addresses of `before` that are neither in `now` nor moved to an address in `now`. */
function lostAddresses(before: readonly string[], now: readonly string[], moved: ReadonlyMap<string, string>): string[] {
  return before.filter((a) => !now.includes(a) && !(moved.has(a) && now.includes(moved.get(a)!)));
}

test('the example app keeps every resource address of the fixture, or moves it', () => {
  const app = Testing.app();
  const lab = buildHomelab(app as App, resolveHomelabConfig({}, 'test.json'));
  const now: Record<string, { addresses: string[]; moved: Map<string, string> }> = {};
  for (const s of [lab.templates, lab.vms, lab.talos]) {
    if (!s) continue;
    const json = JSON.parse(Testing.synth(s));
    now[s.node.id] = { addresses: addresses(json), moved: moves(json) };
  }
  const before = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, string[]>;
  expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
  for (const stack of Object.keys(before)) {
    // every address main had is still there or moved by a `moved` block (new resources may be added)
    expect({ stack, missing: lostAddresses(before[stack], now[stack].addresses, now[stack].moved) }).toEqual({ stack, missing: [] });
  }
  // The VM constructs' primary child became 'Vm': the Flatcar template's and the Talos nodes' VMs are moved, not kept.
  // (Nodes added since, e.g. the default pool's, carry the same moved block from an address that never existed.)
  const fixtureAddresses = new Set(Object.values(before).flat());
  const renamed = Object.values(now).flatMap((n) => [...n.moved.entries()].filter(([from]) => fixtureAddresses.has(from) && !from.startsWith('proxmox_virtual_environment_download_file')));
  expect(renamed.filter(([from, to]) => from.startsWith('proxmox_virtual_environment_vm.') && to.includes('_Vm_')).length).toBe(6);
});

test('an address dropped without a moved block, or moved elsewhere, is reported', () => {
  const before = ['proxmox_virtual_environment_vm.A_1', 'proxmox_virtual_environment_vm.B_2'];
  expect(lostAddresses(before, ['proxmox_virtual_environment_vm.A_Vm_3'], new Map())).toEqual(before);
  expect(lostAddresses(before, ['proxmox_virtual_environment_vm.A_Vm_3', 'proxmox_virtual_environment_vm.B_2'],
    new Map([['proxmox_virtual_environment_vm.A_1', 'proxmox_virtual_environment_vm.A_Vm_3']]))).toEqual([]);
  // a moved block to an address the configuration does not have does not count
  expect(lostAddresses(before, ['proxmox_virtual_environment_vm.B_2'],
    new Map([['proxmox_virtual_environment_vm.A_1', 'proxmox_virtual_environment_vm.A_Vm_3']]))).toEqual(['proxmox_virtual_environment_vm.A_1']);
});
