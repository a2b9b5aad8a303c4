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
import { configureBackend } from './backend';
import { HomelabConfig, ProxmoxSection } from './config';

/** Stack names; they are also the state names (files or PostgreSQL schemas): renaming one loses its state. */
export const STACK_NAMES = { templates: 'homelab-templates', vms: 'homelab-vms', talos: 'homelab-talos' } as const;

export interface Homelab {
  readonly templates?: TerraformStack;
  readonly vms?: TerraformStack;
  readonly talos?: TerraformStack;
}

function connect(stack: Construct, p: ProxmoxSection): ProxmoxConnection {
  return new ProxmoxConnection(stack, 'Proxmox', {
    endpoint: p.endpoint,
    authMode: p.authMode,
    apiTokenId: p.apiTokenId,
    insecure: p.insecure,
    ssh: { username: p.sshUsername, agent: true, nodeAddresses: p.nodeAddresses },
  });
}

function stack(app: App, name: string, cfg: HomelabConfig): TerraformStack {
  const s = new TerraformStack(app, name);
  configureBackend(s, name, cfg.backend);
  return s;
}

/** Adds the homelab's stacks to `app`; sections set to null are left out. */
export function buildHomelab(app: App, cfg: HomelabConfig): Homelab {
  let templates: TerraformStack | undefined;
  let vms: TerraformStack | undefined;
  let talos: TerraformStack | undefined;
  let debianTemplate: DebianGoldenTemplate | undefined;

  if (cfg.flatcar || cfg.debian) {
    templates = stack(app, STACK_NAMES.templates, cfg);
    const proxmox = connect(templates, cfg.proxmox);
    if (cfg.flatcar) {
      const f = cfg.flatcar;
      const image = new FlatcarImage(templates, 'FlatcarImage', {
        connection: proxmox,
        nodes: [f.nodeName],
        channel: f.channel,
        version: f.version,
        variant: f.variant,
        checksum: Checksum.sha512(f.imageSha512),
      });
      const flatcar = new FlatcarTemplate(templates, 'FlatcarTemplate', {
        connection: proxmox,
        image,
        name: f.name,
        nodeName: f.nodeName,
        cloneNodeNames: f.cloneNodeNames,
        // proxmoxve reads Ignition from the cloud-init drive (token is enough); qemu needs fw_cfg (root).
        ignitionDelivery: f.variant === 'proxmoxve' ? IgnitionDelivery.cloudInitUserData() : IgnitionDelivery.auto(),
        sshAuthorizedKeys: cfg.sshAuthorizedKeys,
        kubernetes: f.kubernetes
          ? KubernetesProfile.sysext({ version: f.kubernetes.version, checksum: Checksum.sha256(f.kubernetes.sysextSha256) })
          : undefined,
      });
      new TerraformOutput(templates, 'flatcar_template_vm_id', { value: flatcar.templateVmId });
    }
    if (cfg.debian) {
      const d = cfg.debian;
      debianTemplate = new DebianGoldenTemplate(templates, 'DebianGolden', {
        connection: proxmox,
        nodeName: d.nodeName,
        build: d.build,
        checksum: Checksum.sha512(d.imageSha512),
        vmId: d.templateVmId,
        chronyAllowCidrs: d.chronyAllowCidrs,
        sshAuthorizedKeys: cfg.sshAuthorizedKeys,
      });
      new TerraformOutput(templates, 'debian_template_vm_id', { value: debianTemplate.templateVmId });
    }
  }

  if (cfg.debian?.clone && debianTemplate && templates) {
    const c = cfg.debian.clone;
    vms = stack(app, STACK_NAMES.vms, cfg);
    // Deploy after the templates stack; the template is referred to by its id, known from the configuration,
    // so this stack plans even before the template exists and never reads the other stack's state.
    vms.addDependency(templates);
    const proxmox = connect(vms, cfg.proxmox);
    const template = VmTemplate.fromAttributes(vms, 'DebianTemplate', {
      templateVmId: debianTemplate.templateVmId,
      templateNodeName: debianTemplate.templateNodeName,
      onSharedStorage: debianTemplate.onSharedStorage,
      fromImportedDisk: debianTemplate.fromImportedDisk,
      osFamily: 'debian',
    });
    const clone = new ClonedVm(vms, 'Clone', {
      connection: proxmox,
      template,
      name: c.name,
      cores: c.cores,
      memoryMiB: c.memoryMiB,
      ipConfig: IpConfig.static(c.address, c.gateway),
      dnsServers: c.dnsServers,
      sshAuthorizedKeys: cfg.sshAuthorizedKeys,
    });
    new TerraformOutput(vms, 'clone_vm_id', { value: clone.vmId });
  }

  if (cfg.talos) {
    const t = cfg.talos;
    talos = stack(app, STACK_NAMES.talos, cfg);
    const proxmox = connect(talos, cfg.proxmox);
    const authKey = t.tailscaleLoginServer
      ? new TerraformVariable(talos, 'tailscale_auth_key', {
        type: 'string', sensitive: true, nullable: false, description: 'Tailscale/Headscale auth key for the nodes',
      })
      : undefined;
    const cluster = new TalosCluster(talos, 'Talos', {
      connection: proxmox,
      clusterName: t.clusterName,
      proxmoxNodes: t.proxmoxNodes,
      network: { subnet: t.subnet, gateway: t.gateway, nameservers: t.nameservers, addressing: 'meta' },
      vip: t.vip ?? undefined,
      talosVersion: t.talosVersion,
      kubernetesVersion: t.kubernetesVersion,
      cni: t.ciliumVersion ? TalosCni.cilium({ version: t.ciliumVersion }) : TalosCni.flannel(),
      tailscale: t.tailscaleLoginServer ? { loginServer: t.tailscaleLoginServer, authKey } : undefined,
    });
    for (const [name, n] of Object.entries(t.controlPlanes)) cluster.addControlPlane(name, n);
    for (const [name, n] of Object.entries(t.workers)) cluster.addWorker(name, n);
    new TerraformOutput(talos, 'cluster_endpoint', { value: cluster.clusterEndpoint });
    new TerraformOutput(talos, 'kubeconfig', { value: cluster.kubeconfigRaw, sensitive: true });
    new TerraformOutput(talos, 'talosconfig', { value: cluster.talosconfig, sensitive: true });
  }
  return { templates, vms, talos };
}
