// State movers of tools/tf-schema-provider: which resource types a provider moves state into from which other
// types (the MoveResourceState RPC, Terraform >= 1.8 `moved` blocks across resource types), mirroring the
// real providers.
'use strict';

/**
 * bpg/proxmox (ADR-007 phase 2, v0.99+): every short-name framework resource `proxmox_<x>` is registered next
 * to its deprecated long name `proxmox_virtual_environment_<x>` and moves state from it with
 * `migration.PrefixMoveState`: same schema, the decoded source state is copied as it is, and neither the source
 * provider address nor the schema version is checked. (The one other mover, `proxmox_vm` from
 * `proxmox_virtual_environment_vm2`, is not mirrored: nothing here uses the experimental VM.)
 * @see https://github.com/bpg/terraform-provider-proxmox/blob/v0.111.1/docs/adr/007-resource-type-name-migration.md
 * @see https://github.com/bpg/terraform-provider-proxmox/blob/v0.111.1/fwprovider/migration/migration.go
 */
function bpgPrefixMoves(resources, target) {
  const m = /^proxmox_(?!virtual_environment_)([a-z0-9_]+)$/.exec(target);
  if (!m) return [];
  const source = `proxmox_virtual_environment_${m[1]}`;
  // The long name is the deprecated twin registered for the transition.
  return resources[source] && resources[source].block && resources[source].block.deprecated ? [source] : [];
}

const MOVERS = {
  'registry.terraform.io/bpg/proxmox': bpgPrefixMoves,
};

/** The source resource types `target` accepts state from, for the provider at `address` (resource schemas `resources`). */
function moveSourcesOf(address, resources, target) {
  const f = MOVERS[address];
  return f ? f(resources, target) : [];
}

module.exports = { moveSourcesOf };
