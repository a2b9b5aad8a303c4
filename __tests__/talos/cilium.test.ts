import { parseAllDocuments } from 'yaml';
import { Problems } from '../../constructs/core/errors';
import { loadTemplate } from '../../constructs/core/templates';
import { CILIUM_CLI_IMAGE, CILIUM_INSTALL_TEMPLATE, ciliumInstallManifest, cniPatches, TalosCni } from '../../constructs/talos/cilium';

const docsOf = (text: string) => parseAllDocuments(text).map((d) => {
  expect(d.errors).toEqual([]);
  return d.toJS();
}).filter((d) => d !== null);

describe('Cilium on Talos', () => {
  const manifest = ciliumInstallManifest(TalosCni.cilium({ version: '1.16.5' }));
  const [sa, crb, job] = docsOf(manifest);
  const pod = job.spec.template.spec;
  const container = pod.containers[0];
  const sets = container.command.flatMap((a: string, i: number, all: string[]) => (all[i - 1] === '--set' ? [a] : []));

  test('the template file is valid YAML as it is (placeholders quoted)', () => {
    expect(docsOf(loadTemplate(CILIUM_INSTALL_TEMPLATE)).map((d) => d.kind)).toEqual(['ServiceAccount', 'ClusterRoleBinding', 'Job']);
  });

  test('a service account bound to cluster-admin, and a Job in kube-system', () => {
    expect(sa).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'cilium-install', namespace: 'kube-system' } });
    expect(crb.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' });
    expect(crb.subjects).toEqual([{ kind: 'ServiceAccount', name: 'cilium-install', namespace: 'kube-system' }]);
    expect(job).toEqual(expect.objectContaining({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'cilium-install', namespace: 'kube-system' } }));
  });

  test('runs on a not-ready control plane on the host network, talking to its own API server', () => {
    expect(pod.hostNetwork).toBe(true);
    expect(pod.tolerations).toContainEqual({ operator: 'Exists' });
    expect(pod.serviceAccountName).toBe('cilium-install');
    expect(JSON.stringify(pod.affinity)).toContain('node-role.kubernetes.io/control-plane');
    expect(container.env).toEqual([
      { name: 'KUBERNETES_SERVICE_HOST', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      { name: 'KUBERNETES_SERVICE_PORT', value: '6443' },
    ]);
  });

  test('installs the pinned Cilium with the values of the Talos guide', () => {
    expect(container.image).toBe(CILIUM_CLI_IMAGE);
    expect(container.command.slice(0, 3)).toEqual(['/usr/local/bin/cilium', 'install', '--version=1.16.5']);
    expect(sets).toEqual([
      'ipam.mode=kubernetes',
      'kubeProxyReplacement=true',
      'securityContext.capabilities.ciliumAgent={CHOWN,KILL,NET_ADMIN,NET_RAW,IPC_LOCK,SYS_ADMIN,SYS_RESOURCE,DAC_OVERRIDE,FOWNER,SETGID,SETUID}',
      'securityContext.capabilities.cleanCiliumState={NET_ADMIN,SYS_ADMIN,SYS_RESOURCE}',
      'cgroup.autoMount.enabled=false',
      'cgroup.hostRoot=/sys/fs/cgroup',
      'k8sServiceHost=localhost',
      'k8sServicePort=7445',
    ]);
    expect(manifest).not.toContain('{{');
  });

  test('patches: CNI none, kube-proxy off, KubePrism on everywhere; the manifest on control planes only', () => {
    const patches = cniPatches(TalosCni.cilium());
    expect(patches.all).toEqual([{
      machine: { features: { kubePrism: { enabled: true, port: 7445 } } },
      cluster: { network: { cni: { name: 'none' } }, proxy: { disabled: true } },
    }]);
    expect(patches.controlPlane).toEqual([{ cluster: { inlineManifests: [{ name: 'cilium-install', contents: ciliumInstallManifest(TalosCni.cilium()) }] } }]);
    expect(cniPatches(TalosCni.flannel())).toEqual({ all: [], controlPlane: [] });
    expect(TalosCni.cilium().installedAfterBootstrap).toBe(true);
    expect(TalosCni.flannel().installedAfterBootstrap).toBe(false);
  });

  test.each<[TalosCni, string]>([
    [TalosCni.cilium({ version: 'v1.16.5' }), "'cni.version' must be a Cilium release like \"1.16.5\" (no leading v), got \"v1.16.5\"."],
    [TalosCni.cilium({ cliImage: 'cilium cli' }), "'cni.cliImage' must be an image reference like \"quay.io/cilium/cilium-cli:v0.18.7\", got \"cilium cli\"."],
  ])('fails on bad options %#', (cni, message) => {
    const p = new Problems('c');
    cni.check(p, 'cni');
    expect(() => p.throwIfAny()).toThrow(message);
  });
});
