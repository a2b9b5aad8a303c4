// Bad props of the Proxmox building blocks (connection, access, images, templates, clones, HA): each row must
// fail with the construct path, the prop, the bad value and a fix sentence (see shape.ts).
import { TerraformStack } from 'cdktf';
import { ClonedVm, ClonedVmProps } from '../../constructs/proxmox/cloned-vm';
import { ClonePlacement } from '../../constructs/proxmox/clone-placement';
import { IpConfig } from '../../constructs/proxmox/ip-config';
import { ProxmoxAccess, ProxmoxAccessProps } from '../../constructs/proxmox/access';
import { ProxmoxConnection, ProxmoxConnectionProps } from '../../constructs/proxmox/connection';
import { Checksum, ProxmoxImage, ProxmoxImageProps } from '../../constructs/proxmox/image';
import { VmTemplate, VmTemplateAttributes } from '../../constructs/proxmox/template';
import { TemplateHighAvailability, TemplateHighAvailabilityProps } from '../../constructs/proxmox/template-ha';
import { SHA256 } from './keys';
import { expectBadInput, Row } from './shape';

const connect = (s: TerraformStack) => new ProxmoxConnection(s, 'Proxmox', { ssh: { agent: true } });

describe('ProxmoxConnection bad input', () => {
  test.each<Row<ProxmoxConnectionProps>>([
    ['an unknown authMode', { authMode: 'password' as any }, 'authMode', '"password"'],
    ['an unknown secretSource', { secretSource: 'vault' as any }, 'secretSource', '"vault"'],
    ['environment secrets with two identities', { authMode: 'api-token+root-password', secretSource: 'provider-environment' }, 'secretSource', '"provider-environment"'],
    ['a token id without a token name', { apiTokenId: 'terraform@pve' }, 'apiTokenId', '"terraform@pve"'],
    ['a variable prefix Terraform refuses', { variablePrefix: 'Proxmox-1' }, 'variablePrefix', '"Proxmox-1"'],
    ['an endpoint with a path', { endpoint: 'https://pve1:8006/api2/json' }, 'endpoint', '"https://pve1:8006/api2/json"'],
    ['an empty SSH address', { ssh: { agent: true, proxmoxNodeAddresses: { pve1: ' ' } } }, 'ssh.proxmoxNodeAddresses.pve1', '" "'],
  ])('%s', (_d, props, prop, value) => {
    expectBadInput((s) => new ProxmoxConnection(s, 'Proxmox', props), 'test/Proxmox', prop, value);
  });
});

describe('ProxmoxAccess bad input', () => {
  test.each<Row<Partial<ProxmoxAccessProps>>>([
    ['an unknown Proxmox VE version', { pveMajorVersion: 7 }, 'pveMajorVersion', '7'],
    ['an unknown job', { jobs: ['backup' as any] }, 'jobs', '"backup"'],
    ['no job', { jobs: [] }, 'jobs', '[]'],
    ['a user id without realm', { userId: 'terraform' }, 'userId', '"terraform"'],
    ['a token name starting with a digit', { tokenName: '1token' }, 'tokenName', '"1token"'],
    ['a role id with a space', { roleId: 'my role' }, 'roleId', '"my role"'],
    ['a built-in role id', { roleId: 'PVEAdmin' }, 'roleId', '"PVEAdmin"'],
    ['a storage id with a slash', { storageIds: ['local/x'] }, 'storageIds', '"local/x"'],
    ['a storage listed twice', { storageIds: ['local', 'local'] }, 'storageIds', '["local","local"]'],
    ['a storage role equal to the role', { roleId: 'Cdktf', storageRoleId: 'Cdktf' }, 'storageRoleId', '"Cdktf"'],
    ['an ACL path without leading slash', { aclPath: 'vms' }, 'aclPath', '"vms"'],
    ['an expiry without timezone', { tokenExpirationDate: '2027-01-01' }, 'tokenExpirationDate', '"2027-01-01"'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => new ProxmoxAccess(s, 'Access', { connection: connect(s), pveMajorVersion: 9, jobs: ['clone-vms'], ...override }),
      'test/Access', prop, value);
  });
});

describe('ProxmoxImage bad input', () => {
  test.each<Row<Partial<ProxmoxImageProps>>>([
    ['a URL that is not http(s)', { url: 'ftp://example.com/a.qcow2' }, 'url', '"ftp://example.com/a.qcow2"'],
    ['an unknown content type', { contentType: 'vztmpl' as any }, 'contentType', '"vztmpl"'],
    ['a file name Proxmox refuses for disk images', { fileName: 'disk.raw.gz' }, 'fileName', '"disk.raw.gz"'],
    ['no Proxmox node', { proxmoxNodes: [] }, 'proxmoxNodes', '[]'],
    ['a node name with a space', { proxmoxNodes: ['pve 1'] }, 'proxmoxNodes', '"pve 1"'],
    ['a node listed twice', { proxmoxNodes: ['pve1', 'pve1'] }, 'proxmoxNodes', '["pve1","pve1"]'],
    ['no checksum', { checksum: undefined }, 'checksum', 'undefined'],
    ['a checksum of the wrong length', { checksum: Checksum.sha256('abc') }, 'checksum', '"abc"'],
    ['an opt-out without reason', { checksum: Checksum.none(' ') }, 'checksum', '" "'],
    ['a zero upload timeout', { uploadTimeoutSeconds: 0 }, 'uploadTimeoutSeconds', '0'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => new ProxmoxImage(s, 'Img', {
      connection: connect(s), url: 'https://example.com/disk.qcow2', checksum: SHA256, proxmoxNodes: ['pve1'], ...override,
    }), 'test/Img', prop, value);
  });
});

describe('VmTemplate.fromAttributes bad input', () => {
  test.each<Row<Partial<VmTemplateAttributes>>>([
    ['a VM id below 100', { templateVmId: 42 }, 'templateVmId', '42'],
    ['a node name with an underscore', { templateProxmoxNode: 'pve_1' }, 'templateProxmoxNode', '"pve_1"'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => VmTemplate.fromAttributes(s, 'Tpl', { templateVmId: 9000, templateProxmoxNode: 'pve1', ...override }), 'test/Tpl', prop, value);
  });
});

describe('ClonedVm bad input', () => {
  test.each<Row<Partial<ClonedVmProps>>>([
    ['a name Proxmox refuses', { name: 'Web_1' }, 'name', '"Web_1"'],
    ['a placement node with a space', { placement: ClonePlacement.spread(['pve 2']) }, 'placement', '"pve 2"'],
    ['a spread over no node', { placement: ClonePlacement.spread([]) }, 'placement', '[]'],
    ['a spread naming a node twice', { placement: ClonePlacement.spread(['pve1', 'pve1']) }, 'placement', '["pve1","pve1"]'],
    ['a user name Linux refuses', { username: 'Admin' }, 'username', '"Admin"'],
    ['a zero clone timeout', { cloneTimeoutSeconds: 0 }, 'cloneTimeoutSeconds', '0'],
    ['a fractional start timeout', { startTimeoutSeconds: 1.5 }, 'startTimeoutSeconds', '1.5'],
    ['more memory than an integer', { memoryMiB: 1024.5 }, 'memoryMiB', '1024.5'],
    ['a VM id above the range', { vmId: 1e9 }, 'vmId', '1000000000'],
    ['a linked clone of an imported disk', { fullClone: false }, 'fullClone', 'false'],
    ['a disk size without datastore', { diskSizeGiB: 20 }, 'diskDatastore', 'undefined'],
    ['a clone on another node of a local template', { placement: ClonePlacement.node('pve2') }, 'placement', '"pve2"'],
    ['a static address without prefix', { ipConfig: IpConfig.static('10.0.0.21', '10.0.0.1') }, 'ipConfig.cidr', '"10.0.0.21"'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => {
      const template = VmTemplate.fromAttributes(s, 'Tpl', { templateVmId: 9000, templateProxmoxNode: 'pve1', fromImportedDisk: true });
      new ClonedVm(s, 'Web', { connection: connect(s), template, ...override });
    }, 'test/Web', prop, value);
  });
});

describe('TemplateHighAvailability bad input', () => {
  test.each<Row<Partial<TemplateHighAvailabilityProps>>>([
    ['an unknown Proxmox VE version', { pveMajorVersion: 7 as any }, 'pveMajorVersion', '7'],
    ['a group id with a space', { pveMajorVersion: 8, group: 'my group' }, 'group', '"my group"'],
    ['a group on Proxmox VE 9', { pveMajorVersion: 9, group: 'templates' }, 'group', '"templates"'],
    ['no node', { proxmoxNodes: {} }, 'proxmoxNodes', '{}'],
    ['a node name with a space', { proxmoxNodes: { 'pve 1': 1 } }, 'proxmoxNodes', '"pve 1"'],
    ['a negative priority', { proxmoxNodes: { pve1: -1 } }, 'proxmoxNodes', '-1'],
    ['a group and nodes together', { pveMajorVersion: 8, group: 'templates', proxmoxNodes: { pve1: 1 } }, 'group', '"templates"'],
    ['a rule id with a space', { proxmoxNodes: { pve1: 1 }, placementId: 'my rule' }, 'placementId', '"my rule"'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => {
      const template = VmTemplate.fromAttributes(s, 'Tpl', { templateVmId: 9000, templateProxmoxNode: 'pve1', onSharedStorage: true });
      new TemplateHighAvailability(s, 'Ha', { connection: connect(s), template, ...override });
    }, 'test/Ha', prop, value);
  });

  test('a template on local storage', () => {
    expectBadInput((s) => {
      const template = VmTemplate.fromAttributes(s, 'Tpl', { templateVmId: 9000, templateProxmoxNode: 'pve1' });
      new TemplateHighAvailability(s, 'Ha', { connection: connect(s), template });
    }, 'test/Ha', 'template', '"test/Tpl"');
  });
});
