// The homelab app: stacks split the way a team deploys them, built from one HomelabConfig.
//
//   homelab-templates  Flatcar and Debian images and VM templates (slow, rarely changed)
//   homelab-vms        VMs cloned from those templates (depends on homelab-templates)
//   homelab-talos      the Talos Kubernetes cluster (independent of the templates)
//
// Every stack has its own Proxmox connection (providers are per stack) and its own state (homelab/backend.ts).
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// Module by module rather than the package index: the app loads only what it uses (synthesis time is budgeted).
import { DebianGoldenTemplate } from '../constructs/debian/debian-golden-template';
import { FlatcarImage } from '../constructs/flatcar/flatcar-image';
import { FlatcarTemplate } from '../constructs/flatcar/flatcar-template';
import { IgnitionDelivery } from '../constructs/flatcar/ignition-delivery';
import { KubernetesProfile } from '../constructs/flatcar/kubernetes-profile';
import { ClonedVm } from '../constructs/proxmox/cloned-vm';
import { ProxmoxConnection } from '../constructs/proxmox/connection';
import { Checksum } from '../constructs/proxmox/image';
import { IpConfig } from '../constructs/proxmox/ip-config';
import { VmTemplate } from '../constructs/proxmox/template';
import { TalosCni } from '../constructs/talos/cilium';
import { TalosCluster } from '../constructs/talos/talos-cluster';
import { ValidationError } from '../constructs/core/errors';
import { configureBackend } from './backend';
import { homelabProblems, HomelabConfig, ProxmoxSection } from './config';

/** Stack names; they are also the state names (files or PostgreSQL schemas): renaming one loses its state. */
export const STACK_NAMES = { templates: 'homelab-templates', vms: 'homelab-vms', talos: 'homelab-talos' } as const;

export interface Homelab {
  readonly templates?: TerraformStack;
  readonly vms?: TerraformStack;
  readonly talos?: TerraformStack;
}

function connect(stack: Construct, p: ProxmoxSection, problems: string[]): ProxmoxConnection | undefined {
  return collect(problems, 'proxmox', () => new ProxmoxConnection(stack, 'Proxmox', {
    endpoint: p.endpoint,
    authMode: p.authMode,
    apiTokenId: p.apiTokenId,
    insecure: p.insecure,
    ssh: { username: p.sshUsername, agent: true, nodeAddresses: p.nodeAddresses },
  }));
}

function stack(app: App, name: string, cfg: HomelabConfig): TerraformStack {
  const s = new TerraformStack(app, name);
  configureBackend(s, name, cfg.backend);
  return s;
}

/**
 * Library prop -> homelab.json field, per construct, where the names differ; any other prop `x` of a construct
 * built from section `s` is reported as `s.x`. Keeps every message in the terms of the file the user edits.
 */
const FIELD_OF: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  proxmox: { 'ssh.username': 'proxmox.sshUsername', 'ssh.nodeAddresses': 'proxmox.nodeAddresses' },
  flatcar: { proxmoxNodes: 'flatcar.proxmoxNode', checksum: 'flatcar.imageSha512', sshAuthorizedKeys: 'sshAuthorizedKeys',
    'kubernetes.checksum': 'flatcar.kubernetes.sysextSha256' },
  debian: { checksum: 'debian.imageSha512', vmId: 'debian.templateVmId', sshAuthorizedKeys: 'sshAuthorizedKeys' },
  'debian.clone': { ipConfig: 'debian.clone.address', sshAuthorizedKeys: 'sshAuthorizedKeys' },
  talos: { network: 'talos', cni: 'talos.ciliumVersion', 'cni.version': 'talos.ciliumVersion', 'tailscale.loginServer': 'talos.tailscaleLoginServer' },
};

/** Pure: a construct's problem line with its leading `'<prop>'` renamed to the homelab.json field. */
export function inHomelabTerms(section: string, problem: string): string {
  const m = /^'([^']+)'/.exec(problem);
  if (!m) return `${section}: ${problem}`;
  let prop = m[1];
  const node = /^add(ControlPlane|Worker)\("([^"]+)"\)\.?(.*)$/.exec(prop);
  const pool = /^addPool\("([^"]+)"\)\.?(.*)$/.exec(prop);
  if (pool) {
    prop = `talos.pools.${pool[1]}${pool[2] ? `.${pool[2]}` : ''}`;
  } else if (node && section.startsWith('talos.pools.')) {
    // A pool node's own problem: the pool's field (its address comes from firstAddress).
    prop = `${section}${node[3] ? `.${node[3] === 'address' ? 'firstAddress' : node[3]}` : ''}`;
  } else if (node) {
    prop = `talos.${node[1] === 'Worker' ? 'workers' : 'controlPlanes'}.${node[2]}${node[3] ? `.${node[3]}` : ''}`;
  } else {
    const map = FIELD_OF[section] ?? {};
    const key = Object.keys(map).sort((a, b) => b.length - a.length).find((k) => prop === k || prop.startsWith(`${k}.`));
    prop = key ? map[key] + prop.slice(key.length) : `${section}.${prop}`;
    if (prop.startsWith('talos.talos.')) prop = prop.slice('talos.'.length);
  }
  return `'${prop}'${problem.slice(m[0].length)}`;
}

/**
 * Runs `build`; a ValidationError it throws is recorded in homelab.json terms instead (so every section is
 * checked in one run). Returns undefined when it failed.
 */
function collect<T>(problems: string[], section: string, build: () => T): T | undefined {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    problems.push(...e.problems.map((m) => inHomelabTerms(section, m)));
    return undefined;
  }
}

/**
 * Adds the homelab's stacks to `app`; sections set to null are left out. Every construct's problems are collected
 * and thrown at the end as one ValidationError on `source`, each named by its homelab.json field.
 */
export function buildHomelab(app: App, cfg: HomelabConfig, source = 'homelab.json'): Homelab {
  const semantic = homelabProblems(cfg);
  const fromConstructs: string[] = [];
  const homelab = buildStacks(app, cfg, fromConstructs);
  // A field the cross-section checks already named is reported once, by them.
  const field = (m: string) => /^'([^']+)'/.exec(m)?.[1];
  const named = new Set(semantic.map(field).filter((f): f is string => f !== undefined));
  const problems = [...new Set([...semantic, ...fromConstructs.filter((m) => !named.has(field(m) ?? ''))])];
  if (problems.length) throw new ValidationError(source, problems);
  return homelab;
}

function buildStacks(app: App, cfg: HomelabConfig, problems: string[]): Homelab {
  let templates: TerraformStack | undefined;
  let vms: TerraformStack | undefined;
  let talos: TerraformStack | undefined;
  let debianTemplate: DebianGoldenTemplate | undefined;

  if (cfg.flatcar || cfg.debian) {
    templates = stack(app, STACK_NAMES.templates, cfg);
    const proxmox = connect(templates, cfg.proxmox, problems);
    if (cfg.flatcar && proxmox) {
      const f = cfg.flatcar;
      const image = collect(problems, 'flatcar', () => new FlatcarImage(templates!, 'FlatcarImage', {
        connection: proxmox,
        proxmoxNodes: [f.proxmoxNode],
        channel: f.channel,
        version: f.version,
        variant: f.variant,
        checksum: Checksum.sha512(f.imageSha512),
      }));
      const flatcar = image && collect(problems, 'flatcar', () => new FlatcarTemplate(templates!, 'FlatcarTemplate', {
        connection: proxmox,
        image,
        name: f.name,
        proxmoxNode: f.proxmoxNode,
        cloneProxmoxNodes: f.cloneProxmoxNodes,
        // proxmoxve reads Ignition from the cloud-init drive (token is enough); qemu needs fw_cfg (root).
        ignitionDelivery: f.variant === 'proxmoxve' ? IgnitionDelivery.cloudInitUserData() : IgnitionDelivery.auto(),
        sshAuthorizedKeys: cfg.sshAuthorizedKeys,
        kubernetes: f.kubernetes
          ? KubernetesProfile.sysext({ version: f.kubernetes.version, checksum: Checksum.sha256(f.kubernetes.sysextSha256) })
          : undefined,
      }));
      if (flatcar) new TerraformOutput(templates, 'flatcar_template_vm_id', { value: flatcar.templateVmId });
    }
    if (cfg.debian && proxmox) {
      const d = cfg.debian;
      debianTemplate = collect(problems, 'debian', () => new DebianGoldenTemplate(templates!, 'DebianGolden', {
        connection: proxmox,
        proxmoxNode: d.proxmoxNode,
        build: d.build,
        checksum: Checksum.sha512(d.imageSha512),
        vmId: d.templateVmId,
        chronyAllowCidrs: d.chronyAllowCidrs,
        sshAuthorizedKeys: cfg.sshAuthorizedKeys,
      }));
      if (debianTemplate) new TerraformOutput(templates, 'debian_template_vm_id', { value: debianTemplate.templateVmId });
    }
  }

  if (cfg.debian?.clone && templates) {
    const c = cfg.debian.clone;
    // When the template itself has problems (reported already), the clone is still built from the configured
    // values so that its own problems are reported in the same run; nothing is synthesized then.
    const t = debianTemplate ?? { templateVmId: cfg.debian.templateVmId, templateProxmoxNode: cfg.debian.proxmoxNode, onSharedStorage: false, fromImportedDisk: true };
    vms = stack(app, STACK_NAMES.vms, cfg);
    // Deploy after the templates stack; the template is referred to by its id, known from the configuration,
    // so this stack plans even before the template exists and never reads the other stack's state.
    vms.addDependency(templates);
    const proxmox = connect(vms, cfg.proxmox, problems);
    const template = collect(problems, 'debian', () => VmTemplate.fromAttributes(vms!, 'DebianTemplate', {
      templateVmId: t.templateVmId,
      templateProxmoxNode: t.templateProxmoxNode,
      onSharedStorage: t.onSharedStorage,
      fromImportedDisk: t.fromImportedDisk,
      osFamily: 'debian',
    }));
    const clone = proxmox && template && collect(problems, 'debian.clone', () => new ClonedVm(vms!, 'Clone', {
      connection: proxmox,
      template,
      name: c.name,
      cores: c.cores,
      memoryMiB: c.memoryMiB,
      ipConfig: IpConfig.static(c.address, c.gateway),
      dnsServers: c.dnsServers,
      sshAuthorizedKeys: cfg.sshAuthorizedKeys,
    }));
    if (clone) new TerraformOutput(vms, 'clone_vm_id', { value: clone.vmId });
  }

  if (cfg.talos) {
    const t = cfg.talos;
    talos = stack(app, STACK_NAMES.talos, cfg);
    const proxmox = connect(talos, cfg.proxmox, problems);
    const authKey = t.tailscaleLoginServer
      ? new TerraformVariable(talos, 'tailscale_auth_key', {
        type: 'string', sensitive: true, nullable: false, description: 'Tailscale/Headscale auth key for the nodes',
      })
      : undefined;
    const cluster = proxmox && collect(problems, 'talos', () => new TalosCluster(talos!, 'Talos', {
      connection: proxmox,
      clusterName: t.clusterName,
      proxmoxNodes: t.proxmoxNodes,
      network: { subnet: t.subnet, gateway: t.gateway, nameservers: t.nameservers, addressing: 'meta' },
      vip: t.vip ?? undefined,
      talosVersion: t.talosVersion,
      kubernetesVersion: t.kubernetesVersion,
      cni: t.ciliumVersion ? TalosCni.cilium({ version: t.ciliumVersion }) : TalosCni.flannel(),
      tailscale: t.tailscaleLoginServer ? { loginServer: t.tailscaleLoginServer, authKey } : undefined,
      // The app, not the library, decides to write files: kubeconfig and talosconfig in the stack's directory.
      outputDirectory: '.',
    }));
    if (cluster) {
      for (const [name, n] of Object.entries(t.controlPlanes)) collect(problems, `talos.controlPlanes.${name}`, () => cluster.addControlPlane(name, n));
      for (const [name, n] of Object.entries(t.workers)) collect(problems, `talos.workers.${name}`, () => cluster.addWorker(name, n));
      for (const [name, pool] of Object.entries(t.pools ?? {})) collect(problems, `talos.pools.${name}`, () => cluster.addPool(name, pool));
      new TerraformOutput(talos, 'cluster_endpoint', { value: cluster.clusterEndpoint });
      new TerraformOutput(talos, 'kubeconfig', { value: cluster.kubeconfigRaw, sensitive: true });
      new TerraformOutput(talos, 'talosconfig', { value: cluster.talosconfig, sensitive: true });
    }
  }
  return { templates, vms, talos };
}
