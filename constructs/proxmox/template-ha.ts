import { Construct } from 'constructs';
import { VirtualEnvironmentHaresource } from '../../.gen/providers/proxmox/virtual-environment-haresource';
import { Problems } from '../core/errors';
import { IProxmoxConnection } from './connection';
import { IVmTemplate } from './template';

/** Props of {@link TemplateHighAvailability}. */
export interface TemplateHighAvailabilityProps {
  readonly connection: IProxmoxConnection;
  /** The template to keep available. Must be on shared storage. */
  readonly template: IVmTemplate;
  /** HA group that limits the nodes it may move to. @default - any node */
  readonly group?: string;
}

/**
 * Keeps a template available when its node is down: the template becomes an HA resource in state `stopped`
 * (seed 001: `ha-manager add vm:<id> --state stopped`), so the HA manager moves its configuration to a live
 * node, where clones can still be made from it. `stopped` because a template can never run. Needs the
 * template's disks on shared storage (the HA manager relocates the configuration, not the disks), and the
 * `Sys.Console` privilege (see privileges.ts).
 * @see https://pve.proxmox.com/pve-docs/chapter-ha-manager.html
 */
export class TemplateHighAvailability extends Construct {
  /** The HA resource id, `vm:<id>`. */
  public readonly resourceId: string;

  constructor(scope: Construct, id: string, props: TemplateHighAvailabilityProps) {
    super(scope, id);
    const p = new Problems(this);
    p.check(props.template.onSharedStorage, 'template', 'be on shared storage to be highly available', props.template.node.path,
      'The HA manager moves the configuration to another node, not the disks: put every template disk on shared storage.');
    if (props.group !== undefined) p.check(/^[A-Za-z][A-Za-z0-9_.-]*$/.test(props.group), 'group', 'be an HA group id', props.group);
    p.throwIfAny();

    this.resourceId = `vm:${props.template.templateVmId}`;
    const res = new VirtualEnvironmentHaresource(this, 'Resource', {
      provider: props.connection.provider,
      resourceId: this.resourceId,
      type: 'vm',
      state: 'stopped',
      group: props.group,
      comment: `Template ${props.template.node.path}: kept available on a live node`,
      // The template must exist (and be converted) before it becomes an HA resource.
      dependsOn: props.template.dependable ? [props.template.dependable] : undefined,
    });
    this.node.defaultChild = res;
  }
}
