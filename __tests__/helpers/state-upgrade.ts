// Shared steps of the real-Terraform tests that apply one configuration and plan another against its state
// (a previous release's stacks, a construct id that changed): what a user's next `terraform plan` after an
// upgrade of this library shows.
import * as fs from 'fs';
import * as path from 'path';
import * as validate from '../../scripts/validate';
import type { PlanJson } from '../../scripts/validate';

/** One planned change: the address, where Terraform moved it from (a `moved` block), and its actions joined by `+`. */
export interface PlannedChange {
  readonly address: string;
  readonly from?: string;
  readonly actions: string;
}

/** The resource changes of a plan as {@link PlannedChange}s. */
export function plannedChanges(plan: PlanJson): PlannedChange[] {
  return (plan.resource_changes ?? []).map((c: any) => ({ address: c.address, from: c.previous_address, actions: c.change.actions.join('+') }));
}

/**
 * Applies `before`'s configuration, gives its state to `after` and initializes `after`, ready to plan against it.
 * `labels` name the two sides in a failed step's message.
 */
export async function applyThenHandOverState(before: validate.Workspace, after: validate.Workspace,
  labels: { before: string; after: string }): Promise<void> {
  await handOverState(await applyWorkspace(before, labels.before), after, labels.after);
}

/** init, plan -out and apply of `ws` (`label` names it in a failed step's message); returns the state file it leaves. */
async function applyWorkspace(ws: validate.Workspace, label: string): Promise<string> {
  validate.check(`init (${label})`, await ws.init());
  validate.check(`plan (${label})`, await ws.plan(['-out', 'plan']));
  validate.check(`apply (${label})`, await ws.apply('plan'));
  return path.join(ws.dir, 'terraform.tfstate');
}

/** Gives `ws` a copy of the state file `state` and initializes it, ready to plan against that state. */
async function handOverState(state: string, ws: validate.Workspace, label: string): Promise<void> {
  fs.copyFileSync(state, path.join(ws.dir, 'terraform.tfstate'));
  validate.check(`init (${label})`, await ws.init());
}

/**
 * init, plan and apply of a configuration once per configuration, then a new working directory per caller holding a
 * copy of the state it left, initialized: tests that each plan their own change against the same applied stack share
 * one apply (the plan each test asserts on still runs in its own directory). Whichever test asks first applies, so
 * the tests may run in any order or alone. The state holds the stack's secrets: it stays in the temporary directories.
 */
export class AppliedOnce {
  private readonly states = new Map<string, Promise<string>>();
  private readonly workspaces: validate.Workspace[] = [];

  /** A new workspace of `config`, initialized, with the state that applying `config` leaves. */
  async workspace(name: string, config: validate.TfJson): Promise<validate.Workspace> {
    const key = JSON.stringify(config);
    if (!this.states.has(key)) this.states.set(key, this.apply(name, config));
    const state = await this.states.get(key)!;
    const ws = this.track(validate.Workspace.create({ name, config }));
    await handOverState(state, ws, name);
    return ws;
  }

  /** Removes every directory this made. */
  cleanup(): void {
    for (const ws of this.workspaces.splice(0)) ws.cleanup();
  }

  private apply(name: string, config: validate.TfJson): Promise<string> {
    return applyWorkspace(this.track(validate.Workspace.create({ name: `${name}-applied`, config })), name);
  }

  private track(ws: validate.Workspace): validate.Workspace {
    this.workspaces.push(ws);
    return ws;
  }
}
