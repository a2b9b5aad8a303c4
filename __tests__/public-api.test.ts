// The package index (constructs/index.ts, the package's "main") exports the library API only: constructs, their
// props and value types, and the defaults their docs name; internals stay importable by module path only.
import * as api from '../constructs';

const exported = Object.keys(api);

test('the constructs and their value types are exported', () => {
  expect(exported).toEqual(expect.arrayContaining([
    'ProxmoxConnection', 'ProxmoxImage', 'VmTemplate', 'TemplateHighAvailability', 'ClonedVm', 'IpConfig', 'ProxmoxAccess',
    'FlatcarImage', 'FlatcarTemplate', 'IgnitionDelivery', 'KubernetesProfile',
    'TalosImage', 'TalosNode', 'TalosCluster', 'TalosNetwork', 'CheckedAddress', 'TalosBoot', 'TalosCni',
    'DebianGoldenTemplate', 'I915Sriov', 'ValidationError', 'TALOS_VERSION', 'PLACEHOLDER_SSH_PUBLIC_KEY',
    'planVmMedia', 'fwCfgArgument', 'deriveVmId',
  ]));
});

test.each([
  'show', 'fail', 'Problems', 'terraformData', 'skipTokenCreationStacks', 'deferUnusedCdktfModules', 'TOKEN_TRACES_ENV',
  'defaultProviderOf', 'loadTemplate', 'renderTemplate', 'renderTemplateFile', 'checkIp', 'parseCidr', 'IdentityRegistry',
  'assertKvmArgumentsAllowed', 'checkVmHardware', 'vmResourceConfig', 'allShared', 'movedFromChildId', 'checkStaticAddress', 'nodePatch', 'splitPatches',
  'checkButaneSpec', 'renderButaneYaml', 'renderDebianUserData', 'renderFinalizeScript', 'warnPlaceholderSshKeys',
])('%s (an internal) is not exported', (name) => {
  expect(exported).not.toContain(name);
});

test('no regular expression is exported', () => {
  expect(exported.filter((k) => /_RE$/.test(k) || (api as Record<string, unknown>)[k] instanceof RegExp)).toEqual([]);
});
