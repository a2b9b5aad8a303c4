// What tools/tf-schema-provider pretends the real providers do. ALL provider-specific behaviour
// of the fake lives in this file, in three tables:
//
//   REQUIRES_REPLACE      attributes whose change makes the real provider destroy and re-create
//                         the resource (SDKv2 `ForceNew` / framework `RequiresReplace`);
//   RECOMPUTE_WHEN        computed attributes the real provider recomputes (unknown in the plan)
//                         when some input changes in place;
//   FAKES                 realistic computed values, for results that constructs decode or
//                         depend on (Ignition JSON, Talos YAML, image URLs, ids ...).
//
// Everything not listed gets a generic deterministic fake (GENERIC below). Every value is a pure
// function of the resource/data source configuration, so plans are reproducible and a second
// plan after apply shows no changes. Add a row when a construct test needs a behaviour; say where
// the real behaviour comes from.
'use strict';
const crypto = require('crypto');
const path = require('path');
const fs = require('fs');
const { isUnknown, refinements } = require('./cty');

/** An error that the provider turns into an error diagnostic, as the real provider would. */
class ProviderError extends Error {
  constructor(summary, detail = '') { super(summary); this.summary = summary; this.detail = detail; }
}

// ---------------------------------------------------------------------------------------------
// REQUIRES_REPLACE: resource type -> list of attribute paths (arrays; a block name stands for the
// whole block). `when(config)` may restrict the rule.
const REQUIRES_REPLACE = {
  // hashicorp/null: `triggers` is the whole point of null_resource (RequiresReplace).
  null_resource: [['triggers']],
  // hashicorp/local: every argument of the file resources is RequiresReplace.
  local_file: ['content', 'content_base64', 'sensitive_content', 'source', 'filename', 'file_permission', 'directory_permission'].map((a) => [a]),
  local_sensitive_file: ['content', 'content_base64', 'source', 'filename', 'file_permission', 'directory_permission'].map((a) => [a]),
  // bpg/proxmox (SDKv2 VM, proxmoxtf/resource/vm): CustomizeDiff ForceNewIf on node_name unless
  // `migrate = true`, and on vm_id; every `clone` argument is ForceNew.
  proxmox_virtual_environment_vm: [
    { path: ['node_name'], when: (cfg) => cfg.migrate !== true },
    ['vm_id'],
    ['clone'],
    // disk.file_id is ForceNew; disk.import_from is not ("only used during initial creation").
    // https://github.com/bpg/terraform-provider-proxmox/blob/v0.111.1/proxmoxtf/resource/vm/disk/schema.go
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => ['disk', i, 'file_id']),
  ],
  // bpg/proxmox: a downloaded file is replaced when what/where to download changes.
  proxmox_virtual_environment_download_file: ['url', 'node_name', 'datastore_id', 'file_name', 'content_type'].map((a) => [a]),
  // bpg/proxmox: uploaded files (snippets, ISOs) are ForceNew on every source/location argument.
  proxmox_virtual_environment_file: ['node_name', 'datastore_id', 'content_type', 'source_raw', 'source_file'].map((a) => [a]),
};

// ---------------------------------------------------------------------------------------------
// RECOMPUTE_WHEN: resource type -> { inputs, outputs }: when any input path changes in an update,
// the outputs are planned as unknown (the real providers recompute them on update).
const RECOMPUTE_WHEN = {
  talos_image_factory_schematic: { inputs: [['schematic']], outputs: [['id']] },
  talos_machine_configuration_apply: { inputs: [['machine_configuration_input'], ['config_patches']], outputs: [['machine_configuration']] },
  talos_cluster_kubeconfig: {
    inputs: [['node'], ['endpoint'], ['client_configuration']],
    outputs: [['kubeconfig_raw'], ['kubernetes_client_configuration']],
  },
};

// ---------------------------------------------------------------------------------------------
// Helpers for FAKES.
const sha256 = (s) => crypto.createHash('sha256').update(String(s)).digest('hex');
const b64 = (s) => Buffer.from(s).toString('base64');
/** Deterministic pseudo-random bytes for a label. */
const bytes = (label, n) => {
  let out = Buffer.alloc(0);
  for (let i = 0; out.length < n; i++) out = Buffer.concat([out, crypto.createHash('sha256').update(`${label}#${i}`).digest()]);
  return out.subarray(0, n);
};
/** A PEM-looking block whose body is deterministic bytes (not a real certificate). */
const pem = (kind, label) => {
  const body = bytes(label, 180).toString('base64').replace(/(.{64})/g, '$1\n').trim();
  return `-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----\n`;
};
/** Talos stores certificates and keys as base64 of the PEM text. */
const pemB64 = (kind, label) => b64(pem(kind, label));
const talosToken = (label) => { const h = sha256(label); return `${h.slice(0, 6)}.${h.slice(6, 22)}`; };

/** The Talos version the talos provider 0.10 defaults to, and its default Kubernetes version. */
const TALOS_VERSION = 'v1.11.0';
const KUBERNETES_VERSION = '1.34.0';

const basename = (url) => path.posix.basename(String(url).split(/[?#]/)[0]) || 'download';

/** A VM id in Proxmox's default auto-allocation range when the config does not pin one. */
const vmId = (ctx) => (typeof ctx.config.vm_id === 'number' ? ctx.config.vm_id : 100 + (parseInt(sha256(ctx.seed).slice(0, 6), 16) % 9000));
const mac = (label) => {
  const b = bytes(label, 3);
  return `BC:24:11:${[...b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(':')}`; // Proxmox's OUI
};
/** IPv4 address of the n-th network device: the static address from cloud-init config, else a TEST-NET-1 address. */
function vmIpv4(ctx, n) {
  const init = (ctx.config.initialization || [])[0];
  const ipc = init && (init.ip_config || [])[n];
  const addr = ipc && ipc.ipv4 && ipc.ipv4[0] && ipc.ipv4[0].address;
  if (addr && addr !== 'dhcp') return String(addr).split('/')[0];
  return `192.0.2.${2 + (parseInt(sha256(`${ctx.seed}/ip${n}`).slice(0, 4), 16) % 250)}`;
}
const vmMac = (ctx, n) => {
  const dev = (ctx.config.network_device || [])[n];
  return (dev && dev.mac_address) || mac(`${ctx.seed}/nic${n}`);
};
const nicCount = (ctx) => (ctx.config.network_device || []).length;

// --- Butane -> Ignition (poseidon/ct) ---------------------------------------------------------
// Not the real Butane translator: enough of it that `rendered` is valid, compact Ignition JSON that
// follows the Butane input (users, files, units, ...), so that a changed Butane config changes
// `rendered` exactly as the real data source would.
const IGNITION_VERSION = {
  flatcar: { '1.0.0': '3.3.0', '1.1.0': '3.4.0' },
  fcos: { '1.3.0': '3.2.0', '1.4.0': '3.3.0', '1.5.0': '3.4.0', '1.6.0': '3.5.0' },
};
const camel = (k) => k.replace(/_mib$/, '_MiB').replace(/_([a-zA-Z])/g, (_, c) => c.toUpperCase());
function parseYaml(text, what) {
  const YAML = require('yaml');
  // YAML 1.1 like Butane's parser, so that `mode: 0644` is octal.
  const docs = YAML.parseAllDocuments(String(text), { version: '1.1' });
  for (const d of docs) if (d.errors.length) throw new ProviderError(`${what}: invalid YAML`, d.errors[0].message);
  return docs.map((d) => d.toJS());
}
function mergeDeep(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? mergeDeep(out[k], v) : v;
    return out;
  }
  return b === undefined ? a : b;
}
function butaneToIgnition(cfg, cwd = process.cwd()) {
  const sources = [cfg.content, ...(cfg.snippets || [])];
  let merged = {};
  let version;
  sources.forEach((src, i) => {
    const what = i === 0 ? 'ct_config content' : `ct_config snippets[${i - 1}]`;
    const docs = parseYaml(src, what);
    if (docs.length !== 1 || !docs[0] || typeof docs[0] !== 'object') throw new ProviderError(`${what}: expected one Butane YAML document`);
    const { variant, version: v, ...rest } = docs[0];
    const ign = IGNITION_VERSION[variant] && IGNITION_VERSION[variant][v];
    if (!ign) throw new ProviderError(`${what}: unsupported Butane variant/version "${variant}" "${v}"`, `supported: ${JSON.stringify(IGNITION_VERSION)}`);
    if (i === 0) version = ign;
    merged = mergeDeep(merged, rest);
  });
  const resource = (r, where) => {
    if (!r || typeof r !== 'object') return r;
    const { inline, local, ...rest } = r;
    if (inline !== undefined) return { ...rest, source: `data:,${encodeURIComponent(String(inline))}` };
    if (local !== undefined) {
      if (!cfg.files_dir) throw new ProviderError(`ct_config: ${where}.local needs files_dir`);
      const file = path.resolve(cwd, cfg.files_dir, local);
      if (!fs.existsSync(file)) throw new ProviderError(`ct_config: local file ${file} not found`);
      return { ...rest, source: `data:;base64,${fs.readFileSync(file).toString('base64')}` };
    }
    return rest;
  };
  const storage = merged.storage;
  if (storage && storage.trees) throw new ProviderError('ct_config: storage.trees is not supported by this fake');
  if (storage && storage.files) {
    storage.files = storage.files.map((f, i) => ({
      ...f,
      ...(f.contents ? { contents: resource(f.contents, `storage.files[${i}].contents`) } : {}),
      ...(f.append ? { append: f.append.map((a, j) => resource(a, `storage.files[${i}].append[${j}]`)) } : {}),
    }));
  }
  if (merged.ignition && merged.ignition.config) {
    const c = merged.ignition.config;
    if (c.merge) c.merge = c.merge.map((r, i) => resource(r, `ignition.config.merge[${i}]`));
    if (c.replace) c.replace = resource(c.replace, 'ignition.config.replace');
  }
  // Butane field names are snake_case; Ignition's are camelCase. Convert keys only.
  const keys = (x) => (Array.isArray(x) ? x.map(keys)
    : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [camel(k), keys(v)])) : x);
  const { ignition = {}, ...body } = keys(merged);
  const out = { ignition: { ...ignition, version }, ...body };
  return cfg.pretty_print ? JSON.stringify(out, null, 2) : JSON.stringify(out);
}

// --- Talos --------------------------------------------------------------------------------------
function talosSecrets(seed) {
  const certs = (name, keyKind = 'EC PRIVATE KEY') => ({ cert: pemB64('CERTIFICATE', `${seed}/${name}/crt`), key: pemB64(keyKind, `${seed}/${name}/key`) });
  return {
    certs: {
      etcd: certs('etcd'),
      k8s: certs('k8s'),
      k8s_aggregator: certs('k8s_aggregator'),
      k8s_serviceaccount: { key: pemB64('EC PRIVATE KEY', `${seed}/sa/key`) },
      os: certs('os', 'ED25519 PRIVATE KEY'),
    },
    cluster: { id: bytes(`${seed}/cluster/id`, 32).toString('base64'), secret: bytes(`${seed}/cluster/secret`, 32).toString('base64') },
    secrets: {
      aescbc_encryption_secret: null, // Talos >= 1.3 uses secretbox only
      bootstrap_token: talosToken(`${seed}/bootstrap`),
      secretbox_encryption_secret: bytes(`${seed}/secretbox`, 32).toString('base64'),
    },
    trustdinfo: { token: talosToken(`${seed}/trustd`) },
  };
}
const talosClientConfiguration = (seed) => ({
  ca_certificate: pemB64('CERTIFICATE', `${seed}/os/crt`),
  client_certificate: pemB64('CERTIFICATE', `${seed}/admin/crt`),
  client_key: pemB64('ED25519 PRIVATE KEY', `${seed}/admin/key`),
});

/** Apply Talos config patches (strategic merge YAML, JSON6902 lists, extra documents). */
function applyTalosPatches(docs, patches, what) {
  for (const [i, patch] of (patches || []).entries()) {
    for (const p of parseYaml(patch, `${what}[${i}]`)) {
      if (p === null || p === undefined) continue;
      if (Array.isArray(p)) { docs[0] = jsonPatch(docs[0], p, `${what}[${i}]`); continue; }
      if (typeof p !== 'object') throw new ProviderError(`${what}[${i}]: a patch must be a YAML mapping or a JSON patch list`);
      if (p.apiVersion && p.kind && !p.machine && !p.cluster) {
        const at = docs.findIndex((d, j) => j > 0 && d.kind === p.kind && (d.name === undefined || d.name === p.name));
        if (at > 0) docs[at] = talosMerge(docs[at], p); else docs.push(p);
      } else {
        docs[0] = talosMerge(docs[0], p);
      }
    }
  }
  return docs;
}
function talosMerge(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) {
      if (v && typeof v === 'object' && v.$patch === 'delete') delete out[k];
      else out[k] = k in out ? talosMerge(out[k], v) : v;
    }
    return out;
  }
  return b;
}
function jsonPatch(doc, ops, what) {
  const out = JSON.parse(JSON.stringify(doc));
  for (const op of ops) {
    const parts = String(op.path || '').split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop();
    let parent = out;
    for (const p of parts) {
      if (parent[p] === undefined) {
        if (op.op !== 'add') throw new ProviderError(`${what}: JSON patch path ${op.path} not found`);
        parent[p] = {};
      }
      parent = parent[p];
    }
    if (op.op === 'add' || op.op === 'replace') {
      if (Array.isArray(parent) && last === '-') parent.push(op.value); else parent[last] = op.value;
    } else if (op.op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1); else delete parent[last];
    } else throw new ProviderError(`${what}: unsupported JSON patch op ${op.op}`);
  }
  return out;
}
const stringifyYamlDocs = (docs) => {
  const YAML = require('yaml');
  return docs.map((d) => YAML.stringify(d, { lineWidth: 0 })).join('---\n');
};
const hostOf = (endpoint) => String(endpoint).replace(/^[a-z]+:\/\//, '').replace(/:\d+$/, '').replace(/\/.*$/, '');

function talosMachineConfiguration(cfg) {
  const s = cfg.machine_secrets;
  const cp = cfg.machine_type === 'controlplane' || cfg.machine_type === 'init';
  const talos = cfg.talos_version || TALOS_VERSION;
  const k8s = String(cfg.kubernetes_version || KUBERNETES_VERSION).replace(/^v/, '');
  const keyIf = (k) => (cp ? k : '');
  const doc = {
    version: 'v1alpha1',
    debug: false,
    persist: true,
    machine: {
      type: cfg.machine_type,
      token: s.trustdinfo.token,
      ca: { crt: s.certs.os.cert, key: keyIf(s.certs.os.key) },
      certSANs: [],
      kubelet: { image: `ghcr.io/siderolabs/kubelet:v${k8s}`, defaultRuntimeSeccompProfileEnabled: true, disableManifestsDirectory: true },
      network: {},
      install: { disk: '/dev/sda', image: `ghcr.io/siderolabs/installer:${talos}`, wipe: false },
      features: { rbac: true, stableHostname: true, apidCheckExtKeyUsage: true, diskQuotaSupport: true, kubePrism: { enabled: true, port: 7445 }, hostDNS: { enabled: true, forwardKubeDNSToHost: true } },
    },
    cluster: {
      id: s.cluster.id,
      secret: s.cluster.secret,
      controlPlane: { endpoint: cfg.cluster_endpoint },
      clusterName: cfg.cluster_name,
      network: { dnsDomain: 'cluster.local', podSubnets: ['10.244.0.0/16'], serviceSubnets: ['10.96.0.0/12'] },
      token: s.secrets.bootstrap_token,
      ...(cp ? { secretboxEncryptionSecret: s.secrets.secretbox_encryption_secret } : {}),
      ca: { crt: s.certs.k8s.cert, key: keyIf(s.certs.k8s.key) },
      ...(cp ? {
        aggregatorCA: { crt: s.certs.k8s_aggregator.cert, key: s.certs.k8s_aggregator.key },
        serviceAccount: { key: s.certs.k8s_serviceaccount.key },
        apiServer: { image: `registry.k8s.io/kube-apiserver:v${k8s}`, certSANs: [hostOf(cfg.cluster_endpoint)] },
        controllerManager: { image: `registry.k8s.io/kube-controller-manager:v${k8s}` },
        scheduler: { image: `registry.k8s.io/kube-scheduler:v${k8s}` },
        etcd: { ca: { crt: s.certs.etcd.cert, key: s.certs.etcd.key } },
      } : {}),
      proxy: { image: `registry.k8s.io/kube-proxy:v${k8s}` },
      discovery: { enabled: true, registries: { kubernetes: { disabled: true }, service: {} } },
    },
  };
  return stringifyYamlDocs(applyTalosPatches([doc], cfg.config_patches, 'config_patches'));
}
function talosConfigApplied(cfg) {
  const docs = parseYaml(cfg.machine_configuration_input, 'machine_configuration_input');
  return stringifyYamlDocs(applyTalosPatches(docs, cfg.config_patches, 'config_patches'));
}
const kubeHost = (ctx) => {
  const h = hostOf(ctx.config.endpoint || ctx.config.node);
  return `https://${h.includes(':') ? `[${h}]` : h}:6443`;
};
const kubeClient = (ctx) => ({
  host: kubeHost(ctx),
  ca_certificate: pemB64('CERTIFICATE', `${ctx.seed}/k8s/ca`),
  client_certificate: pemB64('CERTIFICATE', `${ctx.seed}/k8s/admin`),
  client_key: pemB64('EC PRIVATE KEY', `${ctx.seed}/k8s/admin-key`),
});
function kubeconfig(ctx) {
  const k = kubeClient(ctx);
  const name = 'talos';
  return stringifyYamlDocs([{
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: k.host, 'certificate-authority-data': k.ca_certificate } }],
    users: [{ name: `admin@${name}`, user: { 'client-certificate-data': k.client_certificate, 'client-key-data': k.client_key } }],
    contexts: [{ context: { cluster: name, namespace: 'default', user: `admin@${name}` }, name: `admin@${name}` }],
    'current-context': `admin@${name}`,
  }]);
}
function talosUrls(cfg) {
  const id = cfg.schematic_id;
  const v = cfg.talos_version;
  const arch = cfg.architecture || 'amd64';
  const platform = cfg.platform || 'metal';
  const img = `https://factory.talos.dev/image/${id}/${v}`;
  const base = cfg.sbc ? `${img}/metal-${arch}` : `${img}/${platform}-${arch}`;
  return {
    disk_image: `${base}.raw.zst`,
    disk_image_secureboot: `${base}-secureboot.raw.zst`,
    initramfs: `${img}/initramfs-${arch}.xz`,
    installer: `factory.talos.dev/${platform}-installer/${id}:${v}`,
    installer_secureboot: `factory.talos.dev/${platform}-installer-secureboot/${id}:${v}`,
    iso: `${base}.iso`,
    iso_secureboot: `${base}-secureboot.iso`,
    kernel: `${img}/kernel-${arch}`,
    kernel_command_line: `${img}/cmdline-${platform}-${arch}`,
    pxe: `https://pxe.factory.talos.dev/pxe/${id}/${v}/${platform}-${arch}`,
    uki: `${base}-uki.efi`,
  };
}
const TALOS_EXTENSIONS = ['qemu-guest-agent', 'iscsi-tools', 'util-linux-tools', 'intel-ucode', 'amd-ucode'];

// --- hashicorp/local ----------------------------------------------------------------------------
const fileBytes = (cfg) => (cfg.content_base64 != null ? Buffer.from(cfg.content_base64, 'base64')
  : Buffer.from(String(cfg.content ?? cfg.sensitive_content ?? '')));
const digest = (alg, enc) => (ctx) => crypto.createHash(alg).update(fileBytes(ctx.config)).digest(enc);
const LOCAL_FILE_FAKES = (t) => ({
  [`${t}.id`]: digest('sha1', 'hex'),
  [`${t}.content_md5`]: digest('md5', 'hex'),
  [`${t}.content_sha1`]: digest('sha1', 'hex'),
  [`${t}.content_sha256`]: digest('sha256', 'hex'),
  [`${t}.content_sha512`]: digest('sha512', 'hex'),
  [`${t}.content_base64sha256`]: digest('sha256', 'base64'),
  [`${t}.content_base64sha512`]: digest('sha512', 'base64'),
  [`${t}.file_permission`]: () => '0777',
  [`${t}.directory_permission`]: () => '0777',
});
function readLocalFile(ctx) {
  const file = path.resolve(ctx.cwd || process.cwd(), ctx.config.filename);
  try { return fs.readFileSync(file); } catch (e) { throw new ProviderError('Read local file data source error', `The file at given path cannot be read.\n\n+Original Error: ${e.message}`); }
}

// ---------------------------------------------------------------------------------------------
// FAKES: "<resource type>.<attr>[.<nested attr>...]" or "data.<data source type>.<attr>..." ->
// (ctx) => value, where ctx = { type, config (plain JS, null for unset), seed (stable per
// configuration), path (with indexes) }. The value must have the attribute's type.
const FAKES = {
  // poseidon/ct
  'data.ct_config.rendered': (ctx) => butaneToIgnition(ctx.config, ctx.cwd),
  'data.ct_config.id': (ctx) => sha256(butaneToIgnition(ctx.config, ctx.cwd)).slice(0, 16),

  // siderolabs/talos
  'talos_machine_secrets.machine_secrets': (ctx) => talosSecrets(ctx.seed),
  'talos_machine_secrets.client_configuration': (ctx) => talosClientConfiguration(ctx.seed),
  'talos_machine_secrets.talos_version': () => TALOS_VERSION,
  'talos_machine_secrets.id': () => 'machine_secrets',
  'data.talos_machine_configuration.machine_configuration': (ctx) => talosMachineConfiguration(ctx.config),
  'data.talos_machine_configuration.id': (ctx) => ctx.config.cluster_name,
  'data.talos_client_configuration.talos_config': (ctx) => {
    const c = ctx.config;
    const ctxName = c.cluster_name;
    const entry = { endpoints: c.endpoints || [], ...(c.nodes && c.nodes.length ? { nodes: c.nodes } : {}), ca: c.client_configuration.ca_certificate, crt: c.client_configuration.client_certificate, key: c.client_configuration.client_key };
    return stringifyYamlDocs([{ context: ctxName, contexts: { [ctxName]: entry } }]);
  },
  'data.talos_client_configuration.id': (ctx) => ctx.config.cluster_name,
  'talos_cluster_kubeconfig.kubeconfig_raw': kubeconfig,
  'talos_cluster_kubeconfig.kubernetes_client_configuration': kubeClient,
  'talos_cluster_kubeconfig.endpoint': (ctx) => ctx.config.node,
  'talos_cluster_kubeconfig.certificate_renewal_duration': () => '720h',
  'talos_cluster_kubeconfig.id': (ctx) => ctx.config.node,
  'data.talos_cluster_kubeconfig.kubeconfig_raw': kubeconfig,
  'data.talos_cluster_kubeconfig.kubernetes_client_configuration': kubeClient,
  'data.talos_cluster_kubeconfig.endpoint': (ctx) => ctx.config.node,
  'talos_machine_bootstrap.endpoint': (ctx) => ctx.config.node,
  'talos_machine_bootstrap.id': (ctx) => `machine_bootstrap:${ctx.config.node}`,
  'talos_machine_configuration_apply.machine_configuration': (ctx) => talosConfigApplied(ctx.config),
  'talos_machine_configuration_apply.endpoint': (ctx) => ctx.config.node,
  'talos_machine_configuration_apply.apply_mode': () => 'auto',
  'talos_machine_configuration_apply.id': (ctx) => `machine_configuration_apply:${ctx.config.node}`,
  'talos_image_factory_schematic.id': (ctx) => sha256(ctx.config.schematic ?? ''), // the factory's id is a sha256 of the schematic
  'data.talos_image_factory_urls.urls': (ctx) => talosUrls(ctx.config),
  'data.talos_image_factory_urls.architecture': () => 'amd64',
  'data.talos_image_factory_versions.talos_versions': () => ['v1.9.0', 'v1.9.5', 'v1.10.0', 'v1.10.7', TALOS_VERSION],
  'data.talos_image_factory_extensions_versions.extensions_info': (ctx) => {
    const names = (ctx.config.filters && ctx.config.filters.names) || [];
    return TALOS_EXTENSIONS.filter((n) => !names.length || names.some((f) => n.includes(f))).map((n) => ({
      name: `siderolabs/${n}`, ref: `ghcr.io/siderolabs/${n}:${ctx.config.talos_version}`, digest: `sha256:${sha256(n + ctx.config.talos_version)}`, author: 'Sidero Labs', description: `${n} system extension`,
    }));
  },

  // bpg/proxmox
  'proxmox_virtual_environment_vm.vm_id': vmId,
  'proxmox_virtual_environment_vm.id': (ctx) => String(vmId(ctx)),
  'proxmox_virtual_environment_vm.ipv4_addresses': (ctx) => [['127.0.0.1'], ...Array.from({ length: nicCount(ctx) }, (_, i) => [vmIpv4(ctx, i)])],
  'proxmox_virtual_environment_vm.ipv6_addresses': (ctx) => [['::1'], ...Array.from({ length: nicCount(ctx) }, (_, i) => [`fe80::${sha256(`${ctx.seed}/v6/${i}`).slice(0, 4)}`])],
  'proxmox_virtual_environment_vm.mac_addresses': (ctx) => ['00:00:00:00:00:00', ...Array.from({ length: nicCount(ctx) }, (_, i) => vmMac(ctx, i))],
  'proxmox_virtual_environment_vm.network_interface_names': (ctx) => ['lo', ...Array.from({ length: nicCount(ctx) }, (_, i) => `eth${i}`)],
  'proxmox_virtual_environment_vm.network_device.mac_address': (ctx) => vmMac(ctx, ctx.path[1]),
  'proxmox_virtual_environment_vm.boot_order': () => [],
  'proxmox_virtual_environment_container.vm_id': vmId,
  'proxmox_virtual_environment_container.id': (ctx) => String(vmId(ctx)),
  'proxmox_virtual_environment_vm2.id': vmId,
  'proxmox_virtual_environment_cloned_vm.id': vmId,
  'proxmox_virtual_environment_download_file.file_name': (ctx) => basename(ctx.config.url),
  'proxmox_virtual_environment_download_file.id': (ctx) => `${ctx.config.datastore_id}:${ctx.config.content_type}/${ctx.config.file_name || basename(ctx.config.url)}`,
  'proxmox_virtual_environment_download_file.size': (ctx) => 1024 * 1024 * (100 + (parseInt(sha256(ctx.config.url).slice(0, 4), 16) % 900)),
  'proxmox_virtual_environment_file.file_name': (ctx) => fileName(ctx.config),
  'proxmox_virtual_environment_file.content_type': (ctx) => fileContentType(ctx.config),
  'proxmox_virtual_environment_file.id': (ctx) => `${ctx.config.datastore_id}:${ctx.config.content_type || fileContentType(ctx.config)}/${fileName(ctx.config)}`,
  'proxmox_virtual_environment_file.file_size': (ctx) => Buffer.byteLength(String(((ctx.config.source_raw || [])[0] || {}).data || '')),
  'proxmox_virtual_environment_file.file_modification_date': () => '2025-01-01T00:00:00Z',
  'proxmox_virtual_environment_file.file_tag': (ctx) => sha256(ctx.seed).slice(0, 32),

  // hashicorp/local (hashes computed for real; files are not written)
  ...LOCAL_FILE_FAKES('local_file'),
  ...LOCAL_FILE_FAKES('local_sensitive_file'),
  'data.local_file.content': (ctx) => readLocalFile(ctx).toString('utf8'),
  'data.local_file.content_base64': (ctx) => readLocalFile(ctx).toString('base64'),
  'data.local_sensitive_file.content': (ctx) => readLocalFile(ctx).toString('utf8'),
  'data.local_sensitive_file.content_base64': (ctx) => readLocalFile(ctx).toString('base64'),
  ...Object.fromEntries(['local_file', 'local_sensitive_file'].flatMap((t) => [
    ['id', 'sha1', 'hex'], ['content_md5', 'md5', 'hex'], ['content_sha1', 'sha1', 'hex'], ['content_sha256', 'sha256', 'hex'],
    ['content_sha512', 'sha512', 'hex'], ['content_base64sha256', 'sha256', 'base64'], ['content_base64sha512', 'sha512', 'base64'],
  ].map(([a, alg, enc]) => [`data.${t}.${a}`, (ctx) => crypto.createHash(alg).update(readLocalFile(ctx)).digest(enc)]))),
  'data.local_command.exit_code': () => 0,
  'data.local_command.stdout': () => '',
  'data.local_command.stderr': () => '',

  // hashicorp/null
  'data.null_data_source.outputs': (ctx) => ctx.config.inputs || {},
  'data.null_data_source.has_computed_default': () => 'default',
};

function fileName(cfg) {
  const raw = (cfg.source_raw || [])[0];
  const src = (cfg.source_file || [])[0];
  if (raw) return raw.file_name;
  if (src) return src.file_name || basename(src.path);
  return 'file';
}
function fileContentType(cfg) {
  const ext = path.extname(fileName(cfg)).toLowerCase();
  if (ext === '.iso' || ext === '.img') return 'iso';
  if (['.tar', '.gz', '.xz', '.zst', '.tgz'].includes(ext)) return 'vztmpl';
  return 'snippets';
}

// ---------------------------------------------------------------------------------------------
// GENERIC: any other unknown value of a computed attribute.
function genericFake(type, unknown, label) {
  const r = refinements(unknown);
  const h = sha256(label).slice(0, 12);
  if (type === 'string') return `${r.prefix || ''}fake-${h}`;
  if (type === 'number') {
    if (Array.isArray(r.lower)) return Number(r.lower[0]) + (r.lower[1] ? 0 : 1);
    return 0;
  }
  if (type === 'bool') return false;
  if (type === 'dynamic') return [Buffer.from('"string"'), `fake-${h}`];
  const [kind, arg] = type;
  if (kind === 'list' || kind === 'set') return Array.from({ length: Number(r.minLen || 0) }, (_, i) => genericFake(arg, null, `${label}[${i}]`));
  if (kind === 'map') return {};
  if (kind === 'object') return Object.fromEntries(Object.entries(arg).map(([n, t]) => [n, genericFake(t, null, `${label}.${n}`)]));
  if (kind === 'tuple') return arg.map((t, i) => genericFake(t, null, `${label}[${i}]`));
  throw new Error(`cannot fake type ${JSON.stringify(type)}`);
}

/**
 * Replace every unknown inside `value` (of cty `type`) by a fake: the FAKES entry for its
 * attribute path if there is one, else GENERIC. `ctx` = { type, kind: 'resource'|'data', config, seed }.
 */
function fillUnknowns(type, value, ctx, p = []) {
  if (isUnknown(value)) {
    const key = [ctx.kind === 'data' ? `data.${ctx.type}` : ctx.type, ...p.filter((s) => typeof s === 'string')].join('.');
    const f = FAKES[key];
    const label = p.map((s) => (typeof s === 'object' ? `[${JSON.stringify(s.key)}]` : s)).join('.');
    return f ? f({ ...ctx, path: p }) : genericFake(type, value, `${ctx.seed}/${label}`);
  }
  if (value === null || value === undefined) return null;
  if (type === 'dynamic') return [value[0], fillUnknowns(JSON.parse(Buffer.from(value[0]).toString('utf8')), value[1], ctx, p)];
  if (typeof type === 'string') return value;
  const [kind, arg] = type;
  switch (kind) {
    case 'list':
    case 'set': return value.map((e, i) => fillUnknowns(arg, e, ctx, [...p, i]));
    // a map key is not an attribute name: keep it out of the FAKES key
    case 'map': return Object.fromEntries(Object.entries(value).map(([k, e]) => [k, fillUnknowns(arg, e, ctx, [...p, { key: k }])]));
    case 'tuple': return arg.map((t, i) => fillUnknowns(t, value[i], ctx, [...p, i]));
    case 'object': return Object.fromEntries(Object.entries(arg).map(([n, t]) => [n, fillUnknowns(t, value[n] ?? null, ctx, [...p, n])]));
    default: throw new Error(`unsupported type ${JSON.stringify(type)}`);
  }
}

/** Provider functions (hashicorp/local's `direxists` really checks the directory). */
// bpg/proxmox 0.111 short names (ADR-007) wrap the same implementation as the deprecated long names.
for (const long of ['proxmox_virtual_environment_download_file']) {
  const short = long.replace('proxmox_virtual_environment_', 'proxmox_');
  REQUIRES_REPLACE[short] = REQUIRES_REPLACE[long];
  for (const k of Object.keys(FAKES).filter((x) => x.startsWith(`${long}.`))) FAKES[short + k.slice(long.length)] = FAKES[k];
}

const FUNCTIONS = {
  direxists: ([p], { cwd }) => { try { return fs.statSync(path.resolve(cwd, p)).isDirectory(); } catch { return false; } },
};

module.exports = { REQUIRES_REPLACE, RECOMPUTE_WHEN, FAKES, FUNCTIONS, ProviderError, fillUnknowns, genericFake, butaneToIgnition };
