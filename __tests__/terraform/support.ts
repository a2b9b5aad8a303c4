// Shared by the tests in __tests__/terraform: Terraform configurations in cdk.tf.json shape and
// small helpers around scripts/validate.js (which runs the real Terraform CLI against the
// schema-only provider in tools/tf-schema-provider).
import type { PlanJson, RunResult, TfJson, Workspace as WorkspaceT } from '../../scripts/validate';
import * as validate from '../../scripts/validate';

export { validate };

/** The providers this project pins (schemas/*.json), as `required_providers` entries. */
export const PROVIDERS = {
  proxmox: { source: 'bpg/proxmox', version: '0.111.1' },
  talos: { source: 'siderolabs/talos', version: '0.11.0' },
  ct: { source: 'poseidon/ct', version: '0.14.0' },
  null: { source: 'hashicorp/null', version: '3.2.4' },
  local: { source: 'hashicorp/local', version: '2.6.1' },
} as const;
export type ProviderName = keyof typeof PROVIDERS;

/**
 * A VM `network_device` element: since bpg 0.111 the attribute is a list of objects and Terraform needs every
 * key of the object type (null = unset), as the constructs emit it (vm-hardware.ts networkDevice()).
 */
export function nic(values: Record<string, unknown> = {}): Record<string, unknown> {
  const keys = ['bridge', 'disconnected', 'enabled', 'firewall', 'mac_address', 'model', 'mtu', 'queues', 'rate_limit', 'trunks', 'vlan_id'];
  return { ...Object.fromEntries(keys.map((k) => [k, null])), ...values };
}

/** A cdk.tf.json-shaped configuration using the given providers (with empty/minimal provider blocks). */
export function tfJson(providers: ProviderName[], body: TfJson): TfJson {
  const provider: TfJson = {};
  for (const p of providers) provider[p] = [p === 'proxmox' ? { endpoint: 'https://pve.example.test:8006/', insecure: true } : {}];
  return {
    terraform: { required_providers: Object.fromEntries(providers.map((p) => [p, { ...PROVIDERS[p] }])) },
    provider,
    ...body,
  };
}

/** Throw with Terraform's own output unless the command succeeded. */
export function ok(step: string, r: RunResult): RunResult {
  if (r.code !== 0) throw new Error(`terraform ${step} exited ${r.code}:\n${r.stderr}\n${r.stdout}`);
  return r;
}

/** A scratch workspace for `config`, already `terraform init`-ed. */
export async function initialized(name: string, config: TfJson): Promise<WorkspaceT> {
  const ws = validate.Workspace.create({ name, config });
  try {
    ok('init', await ws.init());
  } catch (e) {
    ws.cleanup();
    throw e;
  }
  return ws;
}

/** init (if needed) + plan -out + apply. */
export async function apply(ws: WorkspaceT): Promise<void> {
  ok('plan', await ws.plan(['-out', 'plan']));
  ok('apply', await ws.apply('plan'));
}

/** The planned actions of one resource address, e.g. ['delete', 'create'] for a replacement. */
export function actionsOf(plan: PlanJson, address: string): string[] {
  const rc = (plan.resource_changes ?? []).find((c) => c.address === address);
  if (!rc) throw new Error(`${address} is not in the plan (have: ${(plan.resource_changes ?? []).map((c) => c.address).join(', ')})`);
  return rc.change.actions;
}

/** A resource's attribute values in `terraform show -json` state output. */
export function stateValues(state: any, address: string): Record<string, any> {
  const r = (state.values?.root_module?.resources ?? []).find((x: any) => x.address === address);
  if (!r) throw new Error(`${address} is not in the state`);
  return r.values;
}

/** Terraform wraps its messages at ~78 columns: compare with whitespace collapsed. */
export const flat = (s: string): string => s.replace(/\s+/g, ' ');
