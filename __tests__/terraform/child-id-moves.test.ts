// The VM constructs share the child id 'Vm' for their VM. FlatcarTemplate's VM was 'Resource' before: a stack
// applied then holds the VM at the address cdktf gave `<template>/Resource`. With real Terraform (offline fakes, see
// scripts/validate.js), that state plans to a move and nothing else; without the moved block it would be a
// destroy and a create (the check that the block is what keeps the VM). TalosNode's VM, renamed the same way, is
// planned from the previous release's own fixture in upgrade.test.ts.
import { App, Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { VirtualEnvironmentVm } from '../../.gen/providers/proxmox/virtual-environment-vm';
import * as validate from '../../scripts/validate';
import type { TfJson } from '../../scripts/validate';
import { buildTemplate } from '../flatcar/fixtures';
import { applyThenHandOverState, plannedChanges } from '../helpers/state-upgrade';
import { describeIfTool, OFFLINE_TERRAFORM } from '../helpers/tools';

const STACK = 'child-id-moves';
const VM = 'proxmox_virtual_environment_vm';

/** The address cdktf gives a VM with construct id `id` under the scopes of `like` (built in a fresh app). */
function addressUnder(like: Construct, id: string): string {
  const ids = like.node.scopes.slice(2, -1).map((c) => c.node.id); // without the app and the stack, and the VM itself
  let scope: Construct = new TerraformStack(Testing.app(), STACK);
  for (const i of ids) scope = new Construct(scope, i);
  return `${VM}.${new VirtualEnvironmentVm(scope, id, { nodeName: 'pve1' }).friendlyUniqueId}`;
}

describeIfTool([...OFFLINE_TERRAFORM], "FlatcarTemplate's VM moved from child id 'Resource' to 'Vm'", () => {
  afterAll(() => validate.stopHost());

  test('state at the old address plans to a move only; without the moved block, to destroy and create', async () => {
    const app: App = Testing.app();
    const stack = new TerraformStack(app, STACK);
    const template = buildTemplate(stack);
    const current: TfJson = validate.withoutProvisioners(JSON.parse(Testing.synth(stack)));
    const now = `${VM}.${template.vm.friendlyUniqueId}`;
    const old = addressUnder(template.vm, 'Resource');
    expect(template.vm.node.id).toBe('Vm');
    expect(old).not.toBe(now);
    expect(current.moved).toEqual(expect.arrayContaining([{ from: old, to: now }]));

    // The configuration as the previous release wrote it: the VM at its old name, no moved block for it.
    const withoutMove = { ...current, moved: (current.moved ?? []).filter((m: any) => m.to !== now) };
    const previous: TfJson = JSON.parse(JSON.stringify(withoutMove).split(now.slice(VM.length + 1)).join(old.slice(VM.length + 1)));
    const before = validate.Workspace.create({ name: 'child-id-old', config: previous });
    const after = validate.Workspace.create({ name: 'child-id-new', config: current });
    try {
      await applyThenHandOverState(before, after, { before: 'old', after: 'new' });

      const moved = plannedChanges(await after.planJson());
      expect(moved.find((c) => c.address === now)).toEqual({ address: now, from: old, actions: 'no-op' });
      expect(moved.filter((c) => c.actions !== 'no-op' && c.actions !== 'read')).toEqual([]);

      after.writeConfig(withoutMove);
      const lost = plannedChanges(await after.planJson());
      expect(lost.filter((c) => c.address === old || c.address === now).map((c) => [c.address, c.actions]).sort())
        .toEqual([[old, 'delete'], [now, 'create']].sort());
    } finally {
      before.cleanup();
      after.cleanup();
    }
  }, 180_000);
});
