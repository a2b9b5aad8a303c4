// What tools/tf-schema-provider pretends the real providers do. ALL provider-specific behaviour
// of the fake lives in this file, in three tables:
//
//   REQUIRES_REPLACE      attributes whose change makes the real provider destroy and re-create
//                         the resource (SDKv2 `ForceNew` / framework `RequiresReplace`);
//   RECOMPUTE_WHEN        computed attributes the real provider recomputes (unknown in the plan)
//                         when some input changes in place;
//   FAKES                 realistic computed values, for results that constructs decode or
//                         depend on (image URLs, ids ...). Ignition (ct_config) and the Talos
//                         secrets and machine configurations are not faked: they come from the
//                         providers' own Go libraries (libs.js, tools/provider-libs).
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
const libs = require('./libs');

const { ProviderError } = libs;

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
  // siderolabs/talos is a plugin-framework provider: on any planned update the framework marks every computed
  // attribute without a plan modifier unknown. talos_machine_secrets keeps only `id` (UseStateForUnknown), so a
  // changed talos_version plans machine_secrets and client_configuration unknown (Update itself only records the
  // new version). https://github.com/hashicorp/terraform-plugin-framework/blob/v1.19.0/internal/fwserver/server_planresourcechange.go#L200-L252
  // https://github.com/siderolabs/terraform-provider-talos/blob/v0.11.0/pkg/talos/talos_machine_secrets_resource.go#L113-L160
  talos_machine_secrets: { inputs: [['talos_version']], outputs: [['machine_secrets'], ['client_configuration']] },
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

/** The Talos version the fakes report when a configuration names none (talos_machine_secrets, version lists). */
const TALOS_VERSION = 'v1.11.0';

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

// --- poseidon/ct and siderolabs/talos: the real libraries (tools/provider-libs) ----------------------
/** Memoized per RPC (ctx.memo): one library call answers several attributes of the same object. */
const memo = (ctx, key, f) => {
  if (!ctx.memo) return f();
  if (!ctx.memo.has(key)) ctx.memo.set(key, f());
  return ctx.memo.get(key);
};
/** ct_config as poseidon/ct 0.14.0 renders it; files_dir relative to Terraform's working directory. */
const ctConfig = (ctx) => memo(ctx, 'ct_config', () => {
  const c = ctx.config;
  return libs.call('ct_config', {
    content: c.content ?? '', snippets: c.snippets || [], pretty_print: !!c.pretty_print, strict: !!c.strict,
    files_dir: c.files_dir ? path.resolve(ctx.cwd || process.cwd(), c.files_dir) : '',
  }, ctx.providerVersion);
});
const talosSecrets = (ctx) => memo(ctx, 'secrets', () => libs.call('talos_machine_secrets', { talos_version: ctx.config.talos_version || TALOS_VERSION }, ctx.providerVersion));
const talosMachineConfiguration = (ctx) => memo(ctx, 'config', () => libs.call('talos_machine_configuration', ctx.config, ctx.providerVersion).machine_configuration);
const talosClientConfig = (ctx) => memo(ctx, 'client', () => libs.call('talos_client_configuration', ctx.config, ctx.providerVersion).talos_config);
/** The per-node configuration, patched like the provider's ModifyPlan (APPLY_CHECK validates it at apply). */
const talosApplied = (ctx) => memo(ctx, 'applied', () => libs.call('talos_machine_configuration_apply', {
  machine_configuration_input: ctx.config.machine_configuration_input, config_patches: (ctx.config.config_patches || []).map((p) => p ?? ''), validate: false,
}, ctx.providerVersion).machine_configuration);

/**
 * What the real providers compute at plan time (ModifyPlan), on the configuration with its unknowns:
 * type -> (planned, ctx) => void, setting computed attributes of `planned` that are known at plan.
 */
const MODIFY_PLAN = {
  // siderolabs/talos ModifyPlan: with node, endpoint, the input and every patch known, machine_configuration is
  // the patched input, already in the plan (so the plan after the secrets exist shows every node's configuration).
  // https://github.com/siderolabs/terraform-provider-talos/blob/v0.10.0/pkg/talos/talos_machine_configuration_apply_resource.go
  talos_machine_configuration_apply: (planned, ctx) => {
    const c = ctx.rawConfig;
    const known = (v) => v !== null && v !== undefined && !isUnknown(v);
    if (isUnknown(c.node) || isUnknown(c.endpoint) || !known(c.machine_configuration_input)) return;
    if (isUnknown(c.config_patches) || (c.config_patches || []).some(isUnknown)) return;
    planned.machine_configuration = talosApplied(ctx);
  },
};

/**
 * Checks at apply, on the new state: type -> (state, ctx) => void, throwing ProviderError. The remote side is faked,
 * so these stand for what the remote end would refuse.
 */
const APPLY_CHECK = {
  // A Talos node validates a configuration it is given (ApplyConfiguration): machinery's validation for the
  // machine type, as `talosctl validate` runs it.
  talos_machine_configuration_apply: (state, ctx) => {
    if (typeof state.machine_configuration !== 'string') return;
    libs.call('talos_machine_configuration_apply', { machine_configuration_input: state.machine_configuration, config_patches: [], validate: true }, ctx.providerVersion);
  },
};

/**
 * Provider-side checks of ValidateResourceConfig/ValidateDataResourceConfig, on the configuration with its
 * unknowns (cty.UNKNOWN): type -> (config, providerVersion) => void, throwing ProviderError.
 */
const VALIDATE = {
  // siderolabs/talos: cluster_endpoint and config_patches in ValidateConfig; what an unknown patch does there
  // depends on the provider version (tools/provider-libs talos.go, unknownPatchesSkipValidation).
  'data.talos_machine_configuration': (config, providerVersion) => {
    const patches = config.config_patches;
    const known = (v) => v !== null && v !== undefined && !isUnknown(v);
    const list = known(patches) ? patches : [];
    libs.call('talos_machine_configuration_validate', {
      cluster_endpoint: known(config.cluster_endpoint) ? String(config.cluster_endpoint) : null,
      config_patches: list.map((p) => (known(p) ? String(p) : '')),
      unknown_patches: list.flatMap((p, i) => (isUnknown(p) ? [i] : [])),
      null_patches: list.flatMap((p, i) => (p === null || p === undefined ? [i] : [])),
      config_patches_unknown: isUnknown(patches),
    }, providerVersion);
  },
};

const stringifyYamlDocs = (docs) => {
  const YAML = require('yaml');
  return docs.map((d) => YAML.stringify(d, { lineWidth: 0 })).join('---\n');
};
const hostOf = (endpoint) => String(endpoint).replace(/^[a-z]+:\/\//, '').replace(/:\d+$/, '').replace(/\/.*$/, '');

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
  'data.ct_config.rendered': (ctx) => ctConfig(ctx).rendered,
  'data.ct_config.id': (ctx) => ctConfig(ctx).id,

  // siderolabs/talos
  'talos_machine_secrets.machine_secrets': (ctx) => talosSecrets(ctx).machine_secrets,
  'talos_machine_secrets.client_configuration': (ctx) => talosSecrets(ctx).client_configuration,
  'talos_machine_secrets.talos_version': () => TALOS_VERSION,
  'talos_machine_secrets.id': () => 'machine_secrets',
  'data.talos_machine_configuration.machine_configuration': talosMachineConfiguration,
  'data.talos_machine_configuration.id': (ctx) => ctx.config.cluster_name,
  'data.talos_client_configuration.talos_config': talosClientConfig,
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
  'talos_machine_configuration_apply.machine_configuration': talosApplied,
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

module.exports = { REQUIRES_REPLACE, RECOMPUTE_WHEN, FAKES, VALIDATE, MODIFY_PLAN, APPLY_CHECK, FUNCTIONS, ProviderError, fillUnknowns, genericFake };
