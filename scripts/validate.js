#!/usr/bin/env node
// `npm run validate`: check every stack of the example app with the real Terraform CLI, offline.
//
// Synthesizes the app into a temporary directory, then for each stack, in a scratch copy, the same steps in
// every mode:
//   terraform init, validate, plan; for a Talos stack (one with talos_machine_secrets) a local-only
//   `apply -target` of the machine secrets and a second plan, so that the Talos data sources (machine
//   configurations, client configuration) render for real from real secrets.
// Offline (the default) the providers are tools/tf-schema-provider with the pinned schemas in schemas/ and the
// providers' own Go libraries (tools/provider-libs: Butane, Talos machinery); it then also applies the whole
// plan (the remote side faked) and checks that a second plan shows no changes.
// With --plugin-dir the providers are real provider binaries from a Terraform filesystem mirror, and every
// Proxmox provider endpoint is pointed at loopback (https://127.0.0.1:1/) so nothing leaves the machine.
// Prints one line per stack (mode, provider versions, resources to add, data sources read, seconds); exits
// non-zero on any failure and shows Terraform's own message.
//
//   node scripts/validate.js [--outdir cdktf.out] [--stack NAME]... [--var NAME=VALUE]... [--plugin-dir DIR] [--json] [--keep]
//     --outdir      validate an already synthesized cdktf output directory instead of running the app
//     --stack       only these stacks
//     --var         value for a stack variable (default: a dummy value from the variable's type)
//     --plugin-dir  real provider binaries laid out as a Terraform filesystem mirror: what
//                   `terraform providers mirror DIR` writes on an online machine (packed .zip), or the unpacked
//                   layout DIR/registry.terraform.io/<namespace>/<type>/<version>/<os>_<arch>/terraform-provider-*
//     --json        print a JSON array of results (with `terraform show -json` of each plan) on stdout
//     --keep        keep the scratch directories (their paths are printed)
//
// Env: TF_BINARY picks the engine (a path, or `tofu` for OpenTofu on PATH), else TERRAFORM_BIN, else `terraform`
// on PATH; TF_SCHEMA_PROVIDER_NO_HOST=1 runs one provider
// process per launch instead of serving them from this process (slower; same results);
// TF_SCHEMA_PROVIDER_LOG=<file> logs provider RPCs. Inherited TF_* settings are ignored, except
// TF_LOG* and TF_VAR_* (explicit variable values).
//
// The functions are exported for tests (see __tests__/terraform and scripts/validate.d.ts).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const PROVIDER_JS = path.join(ROOT, 'tools', 'tf-schema-provider', 'provider.js');
const SCHEMA_DIR = path.join(ROOT, 'schemas');

// ---------------------------------------------------------------------------------------------
// Terraform binary and environment

/**
 * Path of the engine binary, or null: $TF_BINARY (a path, or a command looked up on PATH: `TF_BINARY=tofu`
 * runs everything with OpenTofu), else $TERRAFORM_BIN, else the first `terraform` on PATH.
 */
function findTerraform() {
  const chosen = process.env.TF_BINARY;
  if (chosen && chosen.includes('/')) return fs.existsSync(chosen) ? chosen : null;
  if (!chosen && process.env.TERRAFORM_BIN) return fs.existsSync(process.env.TERRAFORM_BIN) ? process.env.TERRAFORM_BIN : null;
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir || '.', chosen || 'terraform');
    try { fs.accessSync(p, fs.constants.X_OK); if (fs.statSync(p).isFile()) return p; } catch { /* next */ }
  }
  return null;
}

/** Providers we have schemas for: "registry.terraform.io/ns/type" -> { namespace, type, version, file }. */
function schemaCatalog(schemaDir = SCHEMA_DIR) {
  const out = {};
  for (const f of fs.readdirSync(schemaDir).filter((n) => n.endsWith('.json')).sort()) {
    const m = /^(.+)-(\d+\.\d+\.\d+(?:[-+][\w.]+)?)\.json$/.exec(f);
    if (!m) continue;
    const file = path.join(schemaDir, f);
    const schemas = JSON.parse(fs.readFileSync(file, 'utf8')).provider_schemas || {};
    for (const address of Object.keys(schemas)) {
      const [, namespace, type] = address.split('/');
      out[address] = { address, namespace, type, version: m[2], file };
    }
  }
  return out;
}

/** The default provider registry of OpenTofu, the hostname it gives a source address without one. */
const OPENTOFU_REGISTRY = 'registry.opentofu.org';

const platform = () => `${process.platform}_${{ x64: 'amd64', arm64: 'arm64', ia32: '386' }[process.arch] || process.arch}`;

/**
 * A provider filesystem mirror (unpacked layout) where every provider of the catalog is a small
 * bash script standing for tools/tf-schema-provider with that provider's schema, plus a Terraform
 * CLI config that installs from it. Returns { dir, cliConfig }.
 *
 * The script asks the in-process provider host (tools/tf-schema-provider/host.js) named by
 * $TF_SCHEMA_PROVIDER_HOST to serve the provider (fast: no Node start-up per launch), and falls
 * back to running provider.js as a plain plugin process.
 */
function writeMirror(dir, catalog = schemaCatalog()) {
  // OpenTofu reads a short source ("bpg/proxmox", as cdktf writes it) as registry.opentofu.org/bpg/proxmox:
  // the same shims serve that hostname too (https://opentofu.org/docs/language/providers/requirements/#source-addresses).
  for (const p of Object.values(catalog)) for (const host of ['registry.terraform.io', OPENTOFU_REGISTRY]) {
    const pkgDir = path.join(dir, host, p.namespace, p.type, p.version, platform());
    fs.mkdirSync(pkgDir, { recursive: true });
    const shim = path.join(pkgDir, `terraform-provider-${p.type}_v${p.version}`);
    fs.writeFileSync(shim, `#!/bin/bash
# Schema-only fake of ${p.address} ${p.version}: tools/tf-schema-provider (written by scripts/validate.js).
provider=${sh(p.address)}
schema=${sh(p.file)}
host="\${TF_SCHEMA_PROVIDER_HOST:-}"
if [ -n "$host" ] && [ -n "\${TF_PLUGIN_MAGIC_COOKIE:-}" ] && { exec 3<>"/dev/tcp/\${host%:*}/\${host##*:}"; } 2>/dev/null; then
  printf 'launch\\n%s\\n%s\\n%s\\n%s\\n%s\\n.\\n' "$provider" "$schema" "$PWD" "\${PLUGIN_PROTOCOL_VERSIONS:-6}" "\${PLUGIN_CLIENT_CERT:-}" >&3
  IFS= read -r line <&3 || { echo "tf-schema-provider: no answer from the provider host $host" >&2; exit 1; }
  case "$line" in
    "1|"*) printf '%s\\n' "$line" ;;
    *) echo "tf-schema-provider: $line" >&2; exit 1 ;;
  esac
  while IFS= read -r _ <&3; do :; done  # the host closes the connection when Terraform calls Shutdown
  exit 0
fi
exec ${sh(process.execPath)} ${sh(PROVIDER_JS)} --schema "$schema" --provider "$provider" "$@"
`, { mode: 0o755 });
  }
  const cliConfig = path.join(dir, 'terraformrc');
  fs.writeFileSync(cliConfig, [
    'disable_checkpoint = true',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(dir)}`,
    `    include = ["registry.terraform.io/*/*", "${OPENTOFU_REGISTRY}/*/*"]`,
    '  }',
    '}',
    '',
  ].join('\n'));
  return { dir, cliConfig };
}
const sh = (s) => `'${String(s).replace(/'/g, "'\\''")}'`;

/**
 * A CLI config that installs every provider from the filesystem mirror `dir` (real binaries): what
 * `terraform providers mirror` writes (registry.terraform.io/...) or `tofu providers mirror` (registry.opentofu.org/...,
 * where OpenTofu looks for a source without hostname).
 */
function pluginDirMirror(dir, cliConfigFile) {
  const abs = path.resolve(dir);
  const hosts = ['registry.terraform.io', OPENTOFU_REGISTRY].filter((h) => fs.existsSync(path.join(abs, h)));
  if (!hosts.length) {
    throw new Error(`--plugin-dir ${abs}: no registry.terraform.io/ folder; expected a Terraform filesystem mirror (terraform providers mirror ${abs})`);
  }
  fs.writeFileSync(cliConfigFile, [
    'disable_checkpoint = true',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(abs)}`,
    `    include = [${hosts.map((h) => JSON.stringify(`${h}/*/*`)).join(', ')}]`,
    '  }',
    '}',
    '',
  ].join('\n'));
  return { dir: abs, cliConfig: cliConfigFile, real: true };
}

/** The loopback address Proxmox endpoints point at with real providers: a closed port, so nothing leaves the machine. */
const LOOPBACK_PROXMOX = 'https://127.0.0.1:1/';

/** A copy of a configuration whose bpg/proxmox provider blocks talk to loopback only. */
function withLoopbackProxmox(tfJson) {
  const copy = JSON.parse(JSON.stringify(tfJson));
  const blocks = copy.provider && copy.provider.proxmox;
  for (const b of Array.isArray(blocks) ? blocks : blocks ? [blocks] : []) {
    b.endpoint = LOOPBACK_PROXMOX;
    b.insecure = true;
    if (b.ssh) for (const ssh of Array.isArray(b.ssh) ? b.ssh : [b.ssh]) delete ssh.node;
  }
  return copy;
}


/** The environment Terraform runs with: isolated from the user's Terraform settings. */
function terraformEnv(cliConfig, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // keep TF_LOG*/TF_SCHEMA_PROVIDER_* for debugging and explicit TF_VAR_* overrides
    if (k.startsWith('TF_') && !/^TF_(LOG|LOG_PATH|LOG_CORE|LOG_PROVIDER|SCHEMA_PROVIDER_\w+|VAR_\w+)$/.test(k)) continue;
    env[k] = v;
  }
  return Object.assign(env, {
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_REGISTRY_DISCOVERY_RETRY: '0',
  }, extra);
}

// ---------------------------------------------------------------------------------------------
// Variables: dummy values from type expressions

/** A dummy value (HCL literal, or a raw string for `string`) for a Terraform type expression. */
function dummyForType(typeExpr, name) {
  const src = String(typeExpr || 'any').trim().replace(/^\$\{([\s\S]*)\}$/, '$1');
  let i = 0;
  const ws = () => { while (/\s/.test(src[i] || '')) i++; };
  const ident = () => { ws(); const m = /^[A-Za-z_][\w-]*/.exec(src.slice(i)); if (!m) throw new Error(`bad type ${src}`); i += m[0].length; return m[0]; };
  const eat = (c) => { ws(); if (src[i] !== c) throw new Error(`bad type ${src}: expected ${c} at ${i}`); i++; };
  const skipDefault = () => { // optional(T, default): skip the default expression
    let depth = 0;
    while (i < src.length) {
      const c = src[i];
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) { if (depth === 0) return; depth--; }
      i++;
    }
  };
  const parse = () => {
    const t = ident();
    switch (t) {
      case 'string': case 'any': return JSON.stringify(`dummy-${name}`);
      case 'number': return '1';
      case 'bool': return 'false';
      case 'list': case 'set': case 'map': { eat('('); parse(); eat(')'); return t === 'map' ? '{}' : '[]'; }
      case 'tuple': {
        eat('('); eat('['); const parts = [];
        ws(); while (src[i] !== ']') { parts.push(parse()); ws(); if (src[i] === ',') i++; ws(); }
        eat(']'); eat(')'); return `[${parts.join(', ')}]`;
      }
      case 'object': {
        eat('('); eat('{'); const parts = [];
        ws(); while (src[i] !== '}') {
          const key = ident(); ws(); if (src[i] === '=' || src[i] === ':') i++;
          ws(); const optional = src.startsWith('optional', i);
          const v = parse();
          if (!optional) parts.push(`${key} = ${v}`);
          ws(); if (src[i] === ',') i++; ws();
        }
        eat('}'); eat(')'); return `{ ${parts.join(', ')} }`;
      }
      case 'optional': { eat('('); const v = parse(); ws(); if (src[i] === ',') { i++; skipDefault(); } eat(')'); return v; }
      default: throw new Error(`unknown type ${t} in ${src}`);
    }
  };
  const v = parse();
  // TF_VAR_ values of type string are taken literally; everything else is parsed as HCL.
  return /^(string|any)$/.test(src) ? JSON.parse(v) : v;
}

/** TF_VAR_* for every variable without a default: overrides, else a (non-secret) dummy value. */
function dummyVariables(tfJson, overrides = {}) {
  const env = {};
  for (const [name, v] of Object.entries(tfJson.variable || {})) {
    if (name in overrides) env[`TF_VAR_${name}`] = String(overrides[name]);
    else if (v.default === undefined && process.env[`TF_VAR_${name}`] === undefined) env[`TF_VAR_${name}`] = dummyForType(v.type, name);
  }
  return env;
}

// ---------------------------------------------------------------------------------------------
// A scratch Terraform working directory

function copyDir(src, dst) {
  fs.mkdirSync(dst, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    if (e.name === '.terraform' || e.name === '.terraform.lock.hcl' || /\.tfstate(\.backup)?$/.test(e.name) || e.name === 'plan') continue;
    const s = path.join(src, e.name);
    const d = path.join(dst, e.name);
    if (e.isDirectory()) copyDir(s, d);
    else if (e.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(s), d);
    else fs.copyFileSync(s, d);
  }
}

/** State stays in the scratch directory whatever backend the stack declares (no remote access here). */
function localBackend(tfJson) {
  const t = tfJson.terraform || (tfJson.terraform = {});
  delete t.cloud;
  t.backend = { local: { path: 'terraform.tfstate' } };
  return tfJson;
}

// ---------------------------------------------------------------------------------------------
// The provider host: serves every provider launch of this process's Terraform runs from this Node
// process (see tools/tf-schema-provider/host.js). Set TF_SCHEMA_PROVIDER_NO_HOST=1 to run one
// provider process per launch instead.

let hostPromise = null;
/** Start (once) the in-process provider host; resolves to it, or null when disabled. */
function ensureHost() {
  if (process.env.TF_SCHEMA_PROVIDER_NO_HOST === '1') return Promise.resolve(null);
  if (!hostPromise) {
    const logFile = process.env.TF_SCHEMA_PROVIDER_LOG;
    const log = logFile ? (m) => fs.appendFileSync(logFile, `[tf-schema-provider host ${process.pid}] ${m}\n`) : undefined;
    hostPromise = require(path.join(ROOT, 'tools', 'tf-schema-provider', 'host.js')).startHost({ log });
  }
  return hostPromise;
}
/** Stop the provider host (tests call this in afterAll; otherwise it does not keep Node alive). */
async function stopHost() {
  if (!hostPromise) return;
  const h = await hostPromise;
  hostPromise = null;
  if (h) await h.close();
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)}s`;

class TerraformError extends Error {
  constructor(step, result) {
    const out = [result.stderr, result.stdout].filter((s) => s && s.trim()).join('\n').trim();
    super(`terraform ${step} failed (exit ${result.code}):\n${out}`);
    this.step = step;
    this.result = result;
  }
}

/**
 * A scratch directory holding one stack's configuration (cdk.tf.json), its own state, and a
 * provider mirror. Every method runs one Terraform command and resolves to
 * { code, stdout, stderr, ms } (it does not throw on a non-zero exit; `check()` does).
 */
class Workspace {
  /**
   * @param {object} o  { config: <cdk.tf.json object> } or { stackDir }, plus optional
   *   { name, vars, keep, mirror: {dir, cliConfig} (shared), terraform }.
   */
  static create(o) {
    const terraform = o.terraform || findTerraform();
    if (!terraform) throw new Error('terraform not found on PATH (set TERRAFORM_BIN)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tf-validate-${(o.name || 'stack').replace(/[^\w.-]/g, '_')}-`));
    const ownMirror = !o.mirror;
    const mirror = o.mirror || writeMirror(path.join(dir, '.mirror'));
    const ws = new Workspace(dir, terraform, mirror, ownMirror, o);
    if (o.stackDir) {
      copyDir(o.stackDir, dir);
      ws.writeConfig(JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')));
    } else {
      ws.writeConfig(o.config);
    }
    return ws;
  }

  constructor(dir, terraform, mirror, ownMirror, o) {
    this.dir = dir;
    this.terraform = terraform;
    this.mirror = mirror;
    this.ownMirror = ownMirror;
    this.name = o.name || path.basename(o.stackDir || 'stack');
    this.vars = o.vars || {};
    this.keep = !!o.keep;
    this.useHost = o.useHost !== false && !mirror.real;
    this.mode = mirror.real ? 'plugin-dir' : 'offline';
  }

  /** Replace the configuration (backend forced to a local state file in this directory). */
  writeConfig(tfJson) {
    this.config = localBackend(JSON.parse(JSON.stringify(this.mirror.real ? withLoopbackProxmox(tfJson) : tfJson)));
    fs.writeFileSync(path.join(this.dir, 'cdk.tf.json'), JSON.stringify(this.config, null, 2));
    this.env = terraformEnv(this.mirror.cliConfig, dummyVariables(this.config, this.vars));
  }

  async run(args) {
    const host = this.useHost ? await ensureHost() : null;
    const env = host ? { ...this.env, ...host.env } : this.env;
    const t = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn(this.terraform, [...args, ...(args[0] === 'show' ? [] : ['-no-color'])], { cwd: this.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const out = [];
      const err = [];
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => err.push(d));
      child.on('error', reject);
      child.on('close', (code) => resolve({
        code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - t,
      }));
    });
  }

  init() { return this.run(['init', '-input=false', '-backend=true']); }
  validate() { return this.run(['validate']); }
  plan(extra = []) { return this.run(['plan', '-input=false', '-lock=false', ...extra]); }
  apply(planFile = 'plan') { return this.run(['apply', '-input=false', '-lock=false', '-auto-approve', planFile]); }
  /** apply -target of the given addresses only (no plan file). */
  applyTargets(addresses) { return this.run(['apply', '-input=false', '-lock=false', '-auto-approve', ...addresses.map((a) => `-target=${a}`)]); }
  /**
   * Selected provider versions ({ "registry.terraform.io/ns/type": "1.2.3" }) after init: what `version -json` calls
   * provider_selections, read from the dependency lock file that init wrote (one Terraform start less), else from
   * `version -json`.
   */
  async providerVersions() {
    const locked = lockedVersions(path.join(this.dir, '.terraform.lock.hcl'));
    if (locked) return locked;
    const r = await this.run(['version', '-json']);
    try { return JSON.parse(r.stdout).provider_selections || {}; } catch { return {}; }
  }
  importResource(address, id) { return this.run(['import', '-input=false', '-lock=false', address, id]); }

  /** `terraform show -json` of a saved plan file. */
  async showJson(planFile = 'plan') {
    const r = await this.run(['show', '-json', '-no-color', planFile]);
    check('show -json', r);
    return JSON.parse(r.stdout);
  }

  /** plan -out + show -json: the planned changes as Terraform's JSON plan representation. */
  async planJson(planFile = 'plan') {
    check('plan', await this.plan(['-out', planFile]));
    return this.showJson(planFile);
  }

  /** `terraform output -json` (values of the current state). */
  async outputs() {
    const r = await this.run(['output', '-json', '-no-color']);
    check('output', r);
    return JSON.parse(r.stdout);
  }

  /** `terraform show -json` of the current state. */
  async state() {
    const r = await this.run(['show', '-json', '-no-color']);
    check('show -json', r);
    return JSON.parse(r.stdout);
  }

  cleanup() {
    if (!this.keep) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The provider versions of a dependency lock file (https://developer.hashicorp.com/terraform/language/files/dependency-lock:
 * `provider "<address>" {` blocks, each with `version = "<version>"`), or null without a lock file.
 */
function lockedVersions(file) {
  let text;
  try { text = fs.readFileSync(file, 'utf8'); } catch { return null; }
  const out = {};
  for (const m of text.matchAll(/^provider\s+"([^"]+)"\s*\{([^}]*)/gm)) {
    const v = /^\s*version\s*=\s*"([^"]+)"/m.exec(m[2]);
    if (v) out[m[1]] = v[1];
  }
  return out;
}

function check(step, r) {
  if (r.code !== 0) throw new TerraformError(step, r);
  return r;
}

/** "Plan: 3 to add, 0 to change, 0 to destroy." -> { add, change, destroy } (zeros for "No changes"). */
function planSummary(stdout) {
  const m = /Plan: (\d+) to add, (\d+) to change, (\d+) to destroy/.exec(stdout);
  return m ? { add: +m[1], change: +m[2], destroy: +m[3] } : { add: 0, change: 0, destroy: 0 };
}

/** The "Warning: Deprecated…" / "Argument is deprecated" lines of Terraform's human-readable output (each with the line after). */
function deprecationWarnings(output) {
  const lines = output.split('\n');
  const out = [];
  lines.forEach((l, i) => { if (/Warning: (Deprecated|Argument is deprecated|Attribute Deprecated)/.test(l)) out.push(`${l.trim()} ${(lines[i + 2] || '').trim()}`); });
  return out;
}

/** A copy of a configuration with every resource's `provisioner` blocks removed. */
function withoutProvisioners(tfJson) {
  const copy = JSON.parse(JSON.stringify(tfJson));
  for (const byName of Object.values(copy.resource || {})) {
    for (const r of Object.values(byName)) delete r.provisioner;
  }
  return copy;
}

/** Addresses of the talos_machine_secrets resources of a configuration (local-only to create). */
function talosSecretsAddresses(tfJson) {
  return Object.keys((tfJson.resource || {}).talos_machine_secrets || {}).map((n) => `talos_machine_secrets.${n}`);
}

/** Data sources read during a plan ("<address>: Read complete after ..." lines). */
const dataSourcesRead = (stdout) => (String(stdout).match(/^data\.\S+: Read complete after/gm) || []).length;

/**
 * The check of one stack: init, validate, plan -out; for a Talos stack, apply -target of talos_machine_secrets
 * and a second plan (the Talos data sources render from the real secrets). Offline, also apply (faked remote
 * side) and plan -detailed-exitcode, which must show no changes. Throws TerraformError (with Terraform's
 * output) on the first failure. `planJson: true` adds the last plan's `show -json`, `stateJson: true` (offline) the
 * applied state's.
 * @returns {Promise<{name, dir, mode, providers, resources, dataSources, dataSourcesRead, timings, plan, planJson?}>}
 */
async function validateStack(o) {
  const ws = Workspace.create(o);
  const timings = {};
  const step = async (name, p) => { const r = await p; timings[name] = r.ms; return check(name, r); };
  try {
    await step('init', ws.init());
    const providers = await ws.providerVersions();
    const validated = await step('validate', ws.validate());
    // A provider's deprecation warning means the library emits something the provider is about to drop.
    const deprecations = deprecationWarnings(`${validated.stdout}\n${validated.stderr}`);
    if (deprecations.length) {
      throw new TerraformError('validate (deprecation warnings)', { ...validated, stderr: `${validated.stderr}\n${deprecations.join('\n')}` });
    }
    // Provisioners run real commands at apply (ssh to a Proxmox node, local scripts) and Terraform has no flag
    // to skip them; `validate` has just checked them, so the applies go on without them.
    ws.writeConfig(withoutProvisioners(ws.config));
    const firstPlan = await step('plan', ws.plan(['-out', 'plan']));
    let plan = firstPlan;
    const secrets = talosSecretsAddresses(ws.config);
    if (secrets.length) {
      // Local only: the talos provider generates the secrets in process (no node is contacted).
      await step('secrets', ws.applyTargets(secrets));
      plan = await step('plan2', ws.plan(['-out', 'plan']));
    }
    const planJson = o.planJson ? await ws.showJson('plan') : undefined;
    let stateJson;
    if (ws.mode === 'offline') {
      await step('apply', ws.apply('plan'));
      const replan = await ws.plan(['-detailed-exitcode']);
      timings.replan = replan.ms;
      if (replan.code === 2) {
        throw new TerraformError('plan after apply (expected no changes)', { ...replan, stderr: `${replan.stderr}\nThe second plan shows changes: the configuration does not converge.` });
      }
      check('plan after apply', replan);
      if (o.stateJson) stateJson = await ws.state();
    }
    const count = (k) => Object.values(ws.config[k] || {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
    return {
      name: ws.name, dir: ws.dir, mode: ws.mode, providers, resources: count('resource'), dataSources: count('data'),
      // resources to add: the first plan's (everything); data sources read: the last plan's (Talos ones render there)
      dataSourcesRead: dataSourcesRead(plan.stdout), timings, plan: planSummary(firstPlan.stdout), planJson,
      ...(stateJson ? { state: stateJson } : {}),
    };
  } finally {
    ws.cleanup();
  }
}

/** validateStack for a synthesized stack directory (the one holding cdk.tf.json). */
const validateStackDir = (stackDir, o = {}) => validateStack({ ...o, stackDir, name: o.name || path.basename(stackDir) });

/** Plan a configuration (cdk.tf.json object or stack directory) and return `terraform show -json`. */
async function planJson(configOrDir, o = {}) {
  const ws = Workspace.create(typeof configOrDir === 'string' ? { ...o, stackDir: configOrDir } : { ...o, config: configOrDir });
  try {
    check('init', await ws.init());
    return await ws.planJson();
  } finally {
    ws.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// The app

/** The command that runs the app: cdktf.json "app" if its script exists, else dist/main.js. */
function appCommand(root = ROOT) {
  let app;
  try { app = JSON.parse(fs.readFileSync(path.join(root, 'cdktf.json'), 'utf8')).app; } catch { /* none */ }
  const m = app && /^node\s+(\S+)(.*)$/.exec(app.trim());
  if (m && fs.existsSync(path.join(root, m[1]))) return { cmd: process.execPath, args: [m[1], ...m[2].trim().split(/\s+/).filter(Boolean)], label: app };
  if (fs.existsSync(path.join(root, 'dist', 'main.js'))) {
    const main = path.join(root, 'main.ts');
    if (fs.existsSync(main) && fs.statSync(main).mtimeMs > fs.statSync(path.join(root, 'dist', 'main.js')).mtimeMs) {
      process.stderr.write('warning: dist/main.js is older than main.ts: run `npm run build` first\n');
    }
    return { cmd: process.execPath, args: ['dist/main.js'], label: 'node dist/main.js' };
  }
  if (app) return { cmd: '/bin/sh', args: ['-c', app], label: app };
  throw new Error('no app to synthesize: neither cdktf.json "app" nor dist/main.js (run `npm run build`)');
}

/** Run the app with CDKTF_OUTDIR=outdir; returns the stacks: [{ name, dir }] ([] if it wrote no manifest). */
function synthesize(outdir, root = ROOT) {
  const { cmd, args, label } = appCommand(root);
  const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, CDKTF_OUTDIR: outdir }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`synthesis (${label}) failed:\n${r.stderr || ''}${r.stdout || ''}`);
  return fs.existsSync(path.join(outdir, 'manifest.json')) ? stacksOf(outdir) : [];
}

/** Stacks listed in a cdktf output directory's manifest.json. */
function stacksOf(outdir) {
  const file = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} not found: the app synthesized nothing`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.entries(manifest.stacks || {}).map(([name, s]) => ({
    name, dir: path.join(outdir, path.dirname(s.synthesizedStackPath || `stacks/${name}/cdk.tf.json`)),
  }));
}

async function pool(items, n, f) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; results[i] = await f(items[i], i); } };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}

function parseArgs(argv) {
  const o = { stacks: [], vars: {}, json: false, keep: false, outdir: null, pluginDir: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--outdir') o.outdir = path.resolve(argv[++i]);
    else if (a === '--stack') o.stacks.push(argv[++i]);
    else if (a === '--var') { const [k, ...v] = argv[++i].split('='); o.vars[k] = v.join('='); }
    else if (a === '--plugin-dir') o.pluginDir = path.resolve(argv[++i]);
    else if (a === '--json') o.json = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '-h' || a === '--help') { o.help = true; }
    else throw new Error(`unknown argument ${a} (see --help)`);
  }
  return o;
}

async function main(argv = process.argv.slice(2)) {
  const t0 = Date.now();
  const o = parseArgs(argv);
  if (o.help) {
    const lines = fs.readFileSync(__filename, 'utf8').split('\n').slice(1);
    process.stdout.write(`${lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n')}\n`);
    return 0;
  }
  const say = (s) => (o.json ? process.stderr : process.stdout).write(`${s}\n`);
  const terraform = findTerraform();
  if (!terraform) { process.stderr.write('validate: terraform not found on PATH (set TERRAFORM_BIN)\n'); return 1; }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-validate-'));
  try {
    let stacks;
    const tSynth = Date.now();
    const outdir = o.outdir || path.join(tmp, 'cdktf.out');
    if (!o.outdir) synthesize(outdir);
    if (!fs.existsSync(path.join(outdir, 'manifest.json'))) {
      say(`validate: WARNING: ${o.outdir ? outdir : 'the app'} produced no manifest.json (no App.synth()?): nothing to check`);
      return 0;
    }
    stacks = stacksOf(outdir);
    const synthMs = Date.now() - tSynth;
    if (o.stacks.length) {
      const missing = o.stacks.filter((s) => !stacks.some((x) => x.name === s));
      if (missing.length) throw new Error(`no such stack: ${missing.join(', ')} (have: ${stacks.map((s) => s.name).join(', ') || 'none'})`);
      stacks = stacks.filter((s) => o.stacks.includes(s.name));
    }
    say(`validate: ${stacks.length} stack(s), synthesized in ${seconds(synthMs)} (${o.outdir ? o.outdir : 'app'}); terraform ${terraform}`);
    if (!stacks.length) { say('validate: WARNING: the app has no stacks; nothing to check'); return 0; }
    let mirror;
    if (o.pluginDir) {
      mirror = pluginDirMirror(o.pluginDir, path.join(tmp, 'terraformrc'));
    } else {
      const libs = require(path.join(ROOT, 'scripts', 'build-provider-libs.js'));
      const b = libs.build({ log: say });
      if (b.missingGo) throw new Error(libs.MISSING_GO);
      say(`validate: tools/provider-libs ${b.cached ? 'cached' : 'built'} in ${seconds(b.ms)} (${b.bin})`);
      mirror = writeMirror(path.join(tmp, 'mirror'));
    }
    let failed = 0;
    const results = await pool(stacks, Math.max(1, Math.min(os.cpus().length, 4)), async (s) => {
      try {
        const r = await validateStack({ stackDir: s.dir, name: s.name, mirror, vars: o.vars, keep: o.keep, planJson: o.json, terraform });
        const t = r.timings;
        const total = Object.values(t).reduce((a, b) => a + b, 0);
        const versions = Object.entries(r.providers).map(([a, v]) => `${a.replace(/^registry\.(terraform\.io|opentofu\.org)\//, '')} ${v}`).join(', ');
        const steps = ['init', 'validate', 'plan', 'secrets', 'plan2', 'apply', 'replan'].filter((k) => k in t)
          .map((k) => `${k} ${seconds(t[k])}${k === 'replan' ? ' (no changes)' : ''}`).join(' ');
        say(`ok   ${r.name} [${r.mode}]: ${r.resources} resources, ${r.dataSources} data sources; plan +${r.plan.add} ~${r.plan.change} -${r.plan.destroy}, `
          + `${r.dataSourcesRead} data sources read; ${steps} = ${seconds(total)}; providers: ${versions || 'none'}`
          + (o.keep ? ` [${r.dir}]` : ''));
        return { ok: true, ...r };
      } catch (e) {
        failed++;
        say(`FAIL ${s.name}: ${e.message}`);
        return { ok: false, name: s.name, error: e.message };
      }
    });
    say(`validate: ${stacks.length - failed} of ${stacks.length} stack(s) ok in ${seconds(Date.now() - t0)} wall time`);
    if (o.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return failed ? 1 : 0;
  } finally {
    if (o.keep) say(`validate: kept ${tmp} (provider mirror, synthesized app)`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = {
  withoutProvisioners,
  findTerraform, schemaCatalog, writeMirror, pluginDirMirror, withLoopbackProxmox, talosSecretsAddresses, dataSourcesRead, LOOPBACK_PROXMOX, ensureHost, stopHost, terraformEnv, dummyForType, dummyVariables, Workspace, TerraformError,
  check, planSummary, deprecationWarnings, validateStack, validateStackDir, planJson, appCommand, synthesize, stacksOf, main,
};

if (require.main === module) {
  main().then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`validate: ${e.message}\n`); process.exitCode = 1; });
}
