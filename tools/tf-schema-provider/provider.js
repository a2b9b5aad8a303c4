#!/usr/bin/env node
// tf-schema-provider: a "schema-only" Terraform provider, used to check this project's synthesized
// Terraform (cdk.tf.json) with the real Terraform CLI, offline.
//
// Why: the machines this project is built and tested on cannot download Terraform providers, so
// `terraform validate/plan` cannot run with bpg/proxmox, siderolabs/talos, poseidon/ct, ... This
// program speaks Terraform's provider plugin protocol (tfplugin6 over hashicorp/go-plugin gRPC) and
// serves ONE provider's schema from a `terraform providers schema -json` file (schemas/*.json).
// Terraform core then does all the real work - schema validation (unknown arguments, block counts,
// types, required attributes), reference checks, planning, state - while this provider fakes the
// remote side in memory:
//   - plan: computed attributes with no value become unknown; attributes that the real provider
//     force-replaces request replacement (fakes.js REQUIRES_REPLACE);
//   - apply: unknowns are filled with deterministic, realistic fakes (fakes.js FAKES), except what the
//     real providers render locally (ct_config, Talos secrets and configurations), which comes from the
//     providers' own Go libraries (libs.js -> tools/provider-libs); provider-side validation of those too
//     (fakes.js VALIDATE);
//   - read/refresh returns the state unchanged, so a second plan shows no changes; import gives a
//     state with only `id` set; data sources are answered from their configuration.
// Other provider-side validators (enums, regexes, conflicts) are not in schema JSON and are not checked.
//
// Files: provider.js (this executable), service.js (the RPC handlers), fakes.js (ALL provider-
// specific behaviour: force-replace table, realistic fake values), cty.js (values on the wire),
// plugin-server.js + grpc.js (gRPC over node:http2, TLS), host.js (many providers in one Node
// process, to skip Node's start-up per provider launch), proto/ (our protocol descriptor).
//
// Usage (normally started by Terraform, through a filesystem-mirror shim written by
// scripts/validate.js):
//   node provider.js --schema schemas/bpg-proxmox-0.90.0.json [--provider registry.terraform.io/bpg/proxmox]
// Env: TF_SCHEMA_PROVIDER_LOG=<file> appends one line per RPC (names and timings, never values).
//      TF_SCHEMA_PROVIDER_CACHE=<dir> caches the self-signed TLS certificate and the parsed protocol
//      descriptor (default: $TMPDIR/tf-schema-provider-<uid>, used only if private to this user).
'use strict';
const T0 = process.hrtime.bigint();
const fs = require('fs');
const { startPluginServer, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, PROTOCOL_VERSION } = require('./plugin-server');

const LOG_FILE = process.env.TF_SCHEMA_PROVIDER_LOG;
const log = (msg) => { if (LOG_FILE) fs.appendFileSync(LOG_FILE, `[tf-schema-provider ${process.pid}] ${msg}\n`); };
function die(msg) {
  process.stderr.write(`tf-schema-provider: ${msg}\n`);
  process.exit(1);
}
function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
  die('this is a Terraform provider plugin; it is started by Terraform, not by hand (see scripts/validate.js)');
}
if (!(process.env.PLUGIN_PROTOCOL_VERSIONS || PROTOCOL_VERSION).split(',').includes(PROTOCOL_VERSION)) {
  die(`only plugin protocol ${PROTOCOL_VERSION} is supported; Terraform offered ${process.env.PLUGIN_PROTOCOL_VERSIONS}`);
}
const schemaFile = option('--schema');
if (!schemaFile) die('missing --schema <providers-schema.json>');

let service;
try {
  service = require('./service').createProviderService(schemaFile, option('--provider'), { log });
} catch (e) {
  die(e.message);
}
startPluginServer({
  handlers: service.handlers,
  clientCert: process.env.PLUGIN_CLIENT_CERT,
  onShutdown: () => process.exit(0),
  log,
}).then(({ handshake }) => {
  process.stdout.write(`${handshake}\n`);
  log(`${service.address} ready in ${(Number(process.hrtime.bigint() - T0) / 1e6).toFixed(0)}ms`);
}, (err) => die(`cannot listen: ${err.message}`));

// Terraform normally calls Shutdown or kills us; also leave if it went away without doing so.
const parentPid = process.ppid;
setInterval(() => { if (process.ppid !== parentPid) process.exit(0); }, 1000).unref();
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => { /* Terraform forwards Ctrl-C; it stops us with Shutdown */ });
