// Upgrading keeps the state: stacks synthesized by the previous release (bpg/proxmox 0.90.0, talos provider 0.10.0,
// the long `proxmox_virtual_environment_*` names) and applied, then synthesized by this release (bpg 0.111.1,
// talos 0.11.0, the short names with `moved` blocks) plan with real Terraform to moves and in-place updates only:
// nothing destroyed or replaced, nothing the previous release made created again. The fake provider serves each side's schema, and moves state across resource types the
// way bpg's short-name resources do (MoveResourceState, tools/tf-schema-provider/movers.js).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing, TerraformStack } from 'cdktf';
import * as validate from '../../scripts/validate';
import type { TfJson } from '../../scripts/validate';
import { buildUpgradeStacks } from '../fixtures/upgrade/stacks';
import { applyThenHandOverState, plannedChanges } from '../helpers/state-upgrade';
import { describeIfTool } from '../helpers/tools';
import { reuseTalosSecrets } from '../helpers/shared-validation';

reuseTalosSecrets(); // the Talos keys are not what this file checks: made once per jest run

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, '__tests__', 'fixtures', 'upgrade');

/** A schema directory for the previous release: its bpg and talos schemas, the unchanged providers from schemas/. */
function previousSchemas(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['bpg-proxmox-0.90.0.json', 'siderolabs-talos-0.10.0.json']) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
  for (const f of ['poseidon-ct-0.14.0.json', 'hashicorp-null-3.2.4.json', 'hashicorp-local-2.6.1.json']) {
    fs.copyFileSync(path.join(ROOT, 'schemas', f), path.join(dir, f));
  }
  return dir;
}

function currentStacks(): Record<string, TfJson> {
  const app = Testing.app();
  buildUpgradeStacks(app);
  const out: Record<string, TfJson> = {};
  for (const c of app.node.children) if (c instanceof TerraformStack) out[c.node.id] = JSON.parse(Testing.synth(c));
  return out;
}

const STACKS = ['upgrade-access', 'upgrade-vms', 'upgrade-talos'];

describeIfTool('terraform', 'upgrading from the previous release (bpg 0.90.0 -> 0.111.1, talos 0.10.0 -> 0.11.0)', () => {
  let tmp: string;
  let oldMirror: { dir: string; cliConfig: string };
  const current = currentStacks();
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'upgrade-'));
    oldMirror = validate.writeMirror(path.join(tmp, 'mirror-old'), validate.schemaCatalog(previousSchemas(path.join(tmp, 'schemas-old'))));
  });
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await validate.stopHost();
  });

  test('the fixtures are the previous release: long names, no moved blocks, the old pins', () => {
    const old = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'v0.1.0', 'upgrade-access.tf.json'), 'utf8'));
    expect(old.terraform.required_providers.proxmox.version).toBe('0.90.0');
    expect(Object.keys(old.resource)).toContain('proxmox_virtual_environment_acl');
    expect(old.moved).toBeUndefined();
    expect(Object.keys(current).sort()).toEqual([...STACKS].sort());
  });

  test.each(STACKS)('%s: applied by the previous release, plans to moves and in-place updates only', async (name) => {
    const old = validate.withoutProvisioners(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'v0.1.0', `${name}.tf.json`), 'utf8')));
    const before = validate.Workspace.create({ name: `${name}-old`, config: old, mirror: oldMirror });
    const after = validate.Workspace.create({ name: `${name}-new`, config: validate.withoutProvisioners(current[name]) });
    try {
      await applyThenHandOverState(before, after, { before: 'previous release', after: 'this release' });
      const changes = plannedChanges(await after.planJson());
      // Nothing the previous release made is destroyed or replaced; a create is only allowed for a resource the
      // previous release did not have (a feature added since, e.g. the per-storage ACLs of ProxmoxAccess, or the Talos cluster's upgrade steps:
      // terraform_data whose talosctl guard finds every node already on its image on the first apply).
      const previous = new Set(Object.entries<Record<string, unknown>>(old.resource ?? {}).flatMap(([t, byName]) => Object.keys(byName).map((n) => `${t}.${n}`)));
      const longName = (a: string) => a.replace(/^proxmox_(?!virtual_environment_)/, 'proxmox_virtual_environment_');
      const existed = (c: { address: string; from?: string }) => previous.has(c.from ?? c.address) || previous.has(longName(c.address));
      // One exception: a golden template is rebuilt when what it is built from changes. This release fixes the
      // Debian template's setup (CNI path, journal, DKMS kernel, ...), so its user-data differs and the template's
      // build (snippet, build VM, finalize) is replaced; the VMs cloned from it are not touched.
      const rebuilt = /^(proxmox_virtual_environment_file|proxmox_virtual_environment_vm|terraform_data)\.DebianGolden_(UserData|Vm|Finalize)_[0-9A-F]+$/;
      const userData = (j: TfJson) => Object.entries<any>(j.resource?.proxmox_virtual_environment_file ?? {})
        .filter(([n]) => n.startsWith('DebianGolden_UserData_')).map(([, r]) => r.source_raw.data);
      const templateChanged = JSON.stringify(userData(old)) !== JSON.stringify(userData(current[name]));
      const destructive = changes.filter((c) => c.actions.includes('delete') || (c.actions === 'create' && existed(c))
        || !['no-op', 'update', 'read', 'create'].includes(c.actions))
        .filter((c) => !(templateChanged && c.actions === 'delete+create' && rebuilt.test(c.address)));
      expect(destructive).toEqual([]);
      if (name === 'upgrade-talos') {
        // Each config apply gains replace_triggered_by on a new terraform_data (its configuration's inputs): being
        // created, it triggers nothing, so no apply is replaced; and its ignore_changes keeps the new release's
        // configuration (other versions, installers) off the running nodes.
        const applies = changes.filter((c) => c.address.startsWith('talos_machine_configuration_apply.'));
        expect(applies.length).toBeGreaterThan(0);
        expect(applies.filter((c) => c.actions !== 'no-op')).toEqual([]);
        const inputs = changes.filter((c) => /^terraform_data\..*_ConfigInputs_[0-9A-F]+$/.test(c.address));
        expect(inputs.map((c) => c.actions)).toEqual(applies.map(() => 'create'));
      }
      // Every resource whose type changed was moved, from its long name to its short one.
      const moved = changes.filter((c) => c.from).map((c) => `${c.from} -> ${c.address}`);
      const oldTypes = Object.keys(old.resource ?? {});
      const renamed = oldTypes.filter((t) => !(current[name].resource ?? {})[t]);
      const expected = renamed.flatMap((t) => Object.keys(old.resource[t]).map((n) =>
        `${t}.${n} -> ${t.replace('proxmox_virtual_environment_', 'proxmox_')}.${n}`));
      // ... and every VM whose construct id changed ('Resource' -> 'Vm': TalosNode's VM) was moved to its new address.
      const vmIdMoves = ((current[name].moved ?? []) as Array<{ from: string; to: string }>)
        .filter((m) => m.from.startsWith('proxmox_virtual_environment_vm.') && previous.has(m.from)).map((m) => `${m.from} -> ${m.to}`);
      if (name === 'upgrade-talos') expect(vmIdMoves).toHaveLength(2);
      expect(renamed.length).toBeGreaterThan(0);
      expect(moved.sort()).toEqual([...expected, ...vmIdMoves].sort());
    } finally {
      before.cleanup();
      after.cleanup();
    }
  }, 180_000);
});
