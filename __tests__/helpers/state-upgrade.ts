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
  validate.check(`init (${labels.before})`, await before.init());
  validate.check(`plan (${labels.before})`, await before.plan(['-out', 'plan']));
  validate.check(`apply (${labels.before})`, await before.apply('plan'));
  fs.copyFileSync(path.join(before.dir, 'terraform.tfstate'), path.join(after.dir, 'terraform.tfstate'));
  validate.check(`init (${labels.after})`, await after.init());
}
