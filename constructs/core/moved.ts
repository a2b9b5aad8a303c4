import { TerraformResource, TerraformStack } from 'cdktf';
import { Node } from 'constructs';
import { CROSS_TYPE_MOVE_ENGINE, MOVED_BLOCK_ENGINE, requireEngineVersion } from './engine-version';

/**
 * Keeps the state of a resource whose Terraform type was renamed under the same construct path: emits a `moved`
 * block from `<legacyType>.<address>` to the resource's current address, and returns the resource.
 *
 * bpg/proxmox renames its plugin-framework resources from `proxmox_virtual_environment_<x>` to `proxmox_<x>`
 * (ADR-007 phase 2, v0.99+). Each short-name resource implements MoveResourceState with a state mover from its
 * long name (`migration.PrefixMoveState`), so Terraform >= 1.8 moves the object across types without a
 * destroy/create. Stacks applied with an earlier release of this library hold the long names; the block is
 * harmless where there is nothing to move (a new stack), so it is kept for good. The stack declares the engine
 * release that follows such a move (`terraform.required_version`, see {@link requireEngineVersion}).
 * @see https://github.com/bpg/terraform-provider-proxmox/blob/v0.111.1/docs/adr/007-resource-type-name-migration.md
 * @see https://github.com/bpg/terraform-provider-proxmox/blob/v0.111.1/fwprovider/migration/migration.go
 * @see https://developer.hashicorp.com/terraform/language/modules/develop/refactoring#moved-block-syntax
 */
export function movedFromLegacyType<T extends TerraformResource>(resource: T, legacyType: string): T {
  resource.moveFromId(`${legacyType}.${resource.friendlyUniqueId}`);
  requireEngineVersion(resource, legacyType === resource.terraformResourceType ? MOVED_BLOCK_ENGINE : CROSS_TYPE_MOVE_ENGINE);
  return resource;
}

/** `proxmox_download_file` -> `proxmox_virtual_environment_download_file`: the name bpg 0.90 and earlier used. */
export function legacyProxmoxType(type: string): string {
  if (!/^proxmox_[a-z0-9_]+$/.test(type) || type.startsWith('proxmox_virtual_environment_')) {
    throw new Error(`legacyProxmoxType: '${type}' is not a short bpg resource type`);
  }
  return type.replace(/^proxmox_/, 'proxmox_virtual_environment_');
}

/** {@link movedFromLegacyType} for a bpg short-name resource: moved from its `proxmox_virtual_environment_` name. */
export function movedFromLongProxmoxName<T extends TerraformResource>(resource: T): T {
  return movedFromLegacyType(resource, legacyProxmoxType(resource.terraformResourceType));
}

/**
 * Keeps the state of a resource whose construct id changed (same parent, same type): emits a `moved` block from the
 * address the stack gave it under `oldId` to its current one, and returns the resource. The old name is allocated
 * by the stack itself (`getLogicalId`, which a stack may override), so it is the name earlier syntheses used.
 * The stack declares Terraform >= 1.5 (`terraform.required_version`, see {@link requireEngineVersion}), the release
 * cdktf checks for moves.
 * @see https://developer.hashicorp.com/terraform/language/modules/develop/refactoring#moved-block-syntax
 */
export function movedFromChildId<T extends TerraformResource>(resource: T, oldId: string): T {
  const scopes = [...resource.node.scopes.slice(0, -1), { node: { id: oldId } }];
  const oldName = TerraformStack.of(resource).getLogicalId({ scopes } as unknown as Node);
  resource.moveFromId(`${resource.terraformResourceType}.${oldName}`);
  requireEngineVersion(resource, MOVED_BLOCK_ENGINE);
  return resource;
}
