import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { Hagroup } from '../../.gen/providers/proxmox/hagroup';
import { Haresource } from '../../.gen/providers/proxmox/haresource';
import { Harule } from '../../.gen/providers/proxmox/harule';
import { Problems } from '../core/errors';
import { movedFromLongProxmoxName } from '../core/moved';
import { PROXMOX_NODE_NAME_RE } from '../core/names';
import { IProxmoxConnection } from './connection';
import { IVmTemplate } from './template';

/** Props of {@link TemplateHighAvailability}. */
export interface TemplateHighAvailabilityProps {
  /** The Proxmox connection the HA resources are made through. */
  readonly connection: IProxmoxConnection;
  /** The template to keep available. Must be on shared storage. */
  readonly template: IVmTemplate;
  /**
   * Major version of the Proxmox VE cluster. PVE 9 replaced HA groups with HA rules: once every node runs 9 the
   * groups are migrated to node-affinity rules and no new group can be made. 8 and 9 are supported.
   * @default 9
   */
  readonly pveMajorVersion?: number;
  /**
   * The nodes the template may be moved to, with their priority (higher first; equal priorities share).
   * PVE 9: a strict `node-affinity` HA rule (`proxmox_harule`); PVE 8: a restricted HA group (`proxmox_hagroup`).
   * @default - any node of the cluster
   */
  readonly proxmoxNodes?: Readonly<Record<string, number>>;
  /**
   * Id of the HA rule (PVE 9) or group (PVE 8) made for {@link proxmoxNodes}.
   * @default `template-<template VM id>`
   */
  readonly placementId?: string;
  /**
   * An HA group that exists already (PVE 8 only; on PVE 9 use {@link proxmoxNodes}). Not together with `proxmoxNodes`.
   * @default - none
   */
  readonly group?: string;
}

/** Proxmox config ids (`pve-configid`): HA group and rule ids. */
const CONFIG_ID_RE = /^[A-Za-z][A-Za-z0-9_-]+$/;

/**
 * Keeps a template available when its node is down: the template becomes an HA resource in state `stopped`
 * (`ha-manager add vm:<id> --state stopped`), so the HA manager moves its configuration to a live node, where
 * clones can still be made from it. `stopped` because a template can never run. Needs the template's disks on
 * shared storage (the HA manager relocates the configuration, not the disks), and the `Sys.Console` privilege
 * on `/` (see privileges.ts).
 *
 * Where it may go ({@link TemplateHighAvailabilityProps.proxmoxNodes}) is an HA group on PVE 8 and a node-affinity HA
 * rule on PVE 9, whose HA manager refuses new groups once they have been migrated to rules.
 * @see https://pve.proxmox.com/pve-docs/chapter-ha-manager.html
 * @see https://github.com/bpg/terraform-provider-proxmox/blob/v0.111.1/fwprovider/cluster/ha/resource_harule.go
 */
export class TemplateHighAvailability extends Construct {
  /** The HA resource id, `vm:<id>`. */
  public readonly resourceId: string;
  /** The HA resource (`proxmox_haresource`). */
  public readonly haResource: Haresource;
  /** The node-affinity rule (PVE 9 with `proxmoxNodes`). */
  public readonly rule?: Harule;
  /** The HA group (PVE 8 with `proxmoxNodes`). */
  public readonly group?: Hagroup;

  constructor(scope: Construct, id: string, props: TemplateHighAvailabilityProps) {
    super(scope, id);
    const pve = props.pveMajorVersion ?? 9;
    const vmId = props.template.templateVmId;
    const placementId = props.placementId ?? (Token.isUnresolved(vmId) ? undefined : `template-${vmId}`);
    const p = new Problems(this);
    p.check(props.template.onSharedStorage, 'template', 'be on shared storage to be highly available', props.template.node.path,
      'The HA manager moves the configuration to another node, not the disks: put every template disk on shared storage.');
    p.check(pve === 8 || pve === 9, 'pveMajorVersion', 'be 8 or 9', pve, 'Set the major version of your Proxmox VE cluster.');
    if (props.group !== undefined) {
      p.check(CONFIG_ID_RE.test(props.group), 'group', 'be an HA group id', props.group, 'Use the id of an existing HA group: a letter, then letters, digits, - or _.');
      p.check(pve !== 9, 'group', 'be unset on Proxmox VE 9', props.group,
        'PVE 9 migrates HA groups to HA rules and makes no new ones: give the nodes in \'proxmoxNodes\' (a node-affinity rule is made).');
      p.check(props.proxmoxNodes === undefined, 'group', "not be set together with 'proxmoxNodes'", props.group,
        "Either name an existing group or let the construct make one from 'proxmoxNodes'.");
    }
    if (props.proxmoxNodes !== undefined) {
      const entries = Object.entries(props.proxmoxNodes);
      p.check(entries.length > 0, 'proxmoxNodes', 'name at least one node', props.proxmoxNodes, 'Name at least one node with its priority, or leave proxmoxNodes out.');
      for (const [node, priority] of entries) {
        p.check(PROXMOX_NODE_NAME_RE.test(node), 'proxmoxNodes', 'have Proxmox node names as keys', node, 'Use node names as shown by `pvecm nodes` (letters, digits, hyphens).');
        p.check(Number.isInteger(priority) && priority >= 0, 'proxmoxNodes', 'have integer priorities of at least 0', priority, 'Give each node a whole-number priority of 0 or more (higher is preferred).');
      }
      p.check(placementId !== undefined, 'placementId', 'be set when the template VM id is a reference', placementId,
        "Set 'placementId' to the HA rule or group id to use.");
      if (placementId !== undefined) p.check(CONFIG_ID_RE.test(placementId), 'placementId', 'be an HA rule/group id (a letter, then letters, digits, - or _)', placementId, 'Rename it: a letter, then letters, digits, - or _.');
    }
    p.throwIfAny();

    this.resourceId = `vm:${vmId}`;
    const made = this.build(props, pve, placementId);
    this.group = made.group;
    this.haResource = made.haResource;
    this.rule = made.rule;
    this.node.defaultChild = this.haResource;
  }

  /** The HA resource, and the HA group (PVE 8) or node-affinity rule (PVE 9) that keeps it on `proxmoxNodes`. */
  private build(props: TemplateHighAvailabilityProps, pve: number, placementId: string | undefined):
    { haResource: Haresource; group?: Hagroup; rule?: Harule } {
    const provider = props.connection.provider;
    let groupId = props.group;
    let group: Hagroup | undefined;
    let rule: Harule | undefined;
    if (props.proxmoxNodes !== undefined && pve === 8) {
      // restricted: the resource may only run (here: be kept) on these nodes, like a strict rule on PVE 9.
      group = new Hagroup(this, 'Group', {
        provider, group: placementId!, nodes: { ...props.proxmoxNodes }, restricted: true,
        comment: `Nodes of template ${props.template.node.path}`,
      });
      groupId = group.group;
    }
    // Renamed from proxmox_virtual_environment_haresource in bpg 0.111: the moved block keeps the state.
    const haResource = movedFromLongProxmoxName(new Haresource(this, 'Resource', {
      provider,
      resourceId: this.resourceId,
      type: 'vm',
      state: 'stopped',
      group: groupId,
      comment: `Template ${props.template.node.path}: kept available on a live node`,
      // The template must exist (and be converted) before it becomes an HA resource.
      dependsOn: props.template.dependable ? [props.template.dependable] : undefined,
    }));
    if (props.proxmoxNodes !== undefined && pve === 9) {
      // A rule may only name resources HA manages already ("cannot use unmanaged resource(s)"): the reference to
      // the HA resource orders the rule after it.
      rule = new Harule(this, 'NodeAffinity', {
        provider,
        rule: placementId!,
        type: 'node-affinity',
        resources: [haResource.resourceId],
        nodes: { ...props.proxmoxNodes },
        strict: true,
        comment: `Nodes of template ${props.template.node.path}`,
      });
    }
    return { haResource, group, rule };
  }
}
