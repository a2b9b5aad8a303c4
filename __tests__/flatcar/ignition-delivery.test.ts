import { Problems } from '../../constructs/core/errors';
import { IgnitionDelivery, IgnitionDeliveryContext, resolveIgnitionDelivery } from '../../constructs/flatcar/ignition-delivery';

function resolve(d: IgnitionDelivery, ctx: Partial<IgnitionDeliveryContext>) {
  const p = new Problems('t');
  const r = resolveIgnitionDelivery(p, 'ignitionDelivery', d, { variant: 'qemu', canSetKvmArguments: true, hasSsh: true, ...ctx });
  let problems: string[] = [];
  try { p.throwIfAny(); } catch (e: any) { problems = e.problems; }
  return { ...r, problems };
}

describe('IgnitionDelivery', () => {
  test('auto: fw_cfg string for the qemu image, cloud-init user-data for proxmoxve', () => {
    expect(resolve(IgnitionDelivery.auto(), { variant: 'qemu' })).toEqual(expect.objectContaining({ kind: 'fw-cfg-string', usesSnippet: false, problems: [] }));
    expect(resolve(IgnitionDelivery.auto(), { variant: 'proxmoxve', canSetKvmArguments: false }))
      .toEqual(expect.objectContaining({ kind: 'cloud-init-user-data', usesSnippet: true, problems: [] }));
  });

  test('fw_cfg file: local datastore has a known host directory, others need one', () => {
    expect(resolve(IgnitionDelivery.fwCfgFile(), {}).hostSnippetDirectory).toBe('/var/lib/vz/snippets');
    expect(resolve(IgnitionDelivery.fwCfgFile({ snippetDatastore: { id: 'nfs', shared: true }, hostSnippetDirectory: '/mnt/pve/nfs/snippets/' }), {}))
      .toEqual(expect.objectContaining({ hostSnippetDirectory: '/mnt/pve/nfs/snippets', snippetDatastore: { id: 'nfs', shared: true }, problems: [] }));
    expect(resolve(IgnitionDelivery.fwCfgFile({ snippetDatastore: { id: 'nfs' } }), {}).problems[0]).toMatch(
      /^'ignitionDelivery\.hostSnippetDirectory' must be the absolute path of the 'nfs' datastore's snippets on the host/);
  });

  test('fails if the delivery does not match the image', () => {
    expect(resolve(IgnitionDelivery.fwCfgString(), { variant: 'proxmoxve' }).problems[0]).toBe(
      "'ignitionDelivery' must be IgnitionDelivery.cloudInitUserData() (or auto()) for the 'proxmoxve' image, got \"fw-cfg-string\". " +
      "The proxmoxve image reads Ignition from the cloud-init drive and ignores fw_cfg; use the 'qemu' image for fw_cfg.");
    expect(resolve(IgnitionDelivery.cloudInitUserData(), { variant: 'qemu' }).problems[0]).toMatch(
      /^'ignitionDelivery' must be a fw_cfg delivery for the 'qemu' image, got "cloud-init-user-data"/);
  });

  test('fails if a snippet delivery has no SSH', () => {
    const { problems } = resolve(IgnitionDelivery.cloudInitUserData(), { variant: 'proxmoxve', hasSsh: false });
    expect(problems).toEqual([expect.stringMatching(
      /^'ignitionDelivery' must have SSH on the connection to upload the Ignition snippet, got "cloud-init-user-data"\. The Proxmox API cannot upload snippets \(Bugzilla #2208\)/)]);
    expect(resolve(IgnitionDelivery.fwCfgString(), { hasSsh: false }).problems).toEqual([]);
  });
});
