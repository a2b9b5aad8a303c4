#!/usr/bin/env node
// Generates `.gen/providers/<name>` from the pinned schema snapshots in `schemas/`, offline.
// `cdktf get` would do the same from the registry; it cannot run here (no provider downloads), so we
// call the generator cdktf itself uses on the schema JSON that `terraform providers schema -json` prints.
//
//   node scripts/gen-bindings.js [outDir]     (default: .gen)
'use strict';
const fs = require('fs');
// @cdktf/commons asks `terraform version`; without a CLI config file Terraform prints a warning on every run.
if (!process.env.TF_CLI_CONFIG_FILE) process.env.TF_CLI_CONFIG_FILE = '/dev/null';
const path = require('path');
// The package index also loads the jsii toolchain: import the generator module itself.
const { TerraformProviderGenerator } = require('@cdktf/provider-generator/lib/get/generator/provider-generator');
const { CodeMaker } = require('codemaker');
const { ConstructsMakerProviderTarget, TerraformProviderConstraint } = require('@cdktf/commons');

const ROOT = path.resolve(__dirname, '..');
const cdktfJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8'));

/** provider constraint in cdktf.json ("bpg/proxmox@0.90.0") -> schema snapshot file */
const SNAPSHOTS = {
  'bpg/proxmox': 'bpg-proxmox',
  'siderolabs/talos': 'siderolabs-talos',
  'poseidon/ct': 'poseidon-ct',
};

async function generate(outDir) {
  for (const constraint of cdktfJson.terraformProviders) {
    const [source, version] = constraint.split('@');
    if (!SNAPSHOTS[source]) throw new Error(`scripts/gen-bindings.js: no schema snapshot mapping for '${source}'`);
    if (!/^\d+\.\d+\.\d+$/.test(version)) {
      throw new Error(`cdktf.json pins '${constraint}': pin an exact version (x.y.z) so bindings are reproducible`);
    }
    const file = path.join(ROOT, 'schemas', `${SNAPSHOTS[source]}-${version}.json`);
    if (!fs.existsSync(file)) {
      throw new Error(`no schema snapshot ${path.relative(ROOT, file)} for ${constraint}: add it (see README "Bumping a provider")`);
    }
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    schema.provider_versions = { [`registry.terraform.io/${source}`]: version };
    const code = new CodeMaker();
    new TerraformProviderGenerator(code, schema).generate(
      new ConstructsMakerProviderTarget(new TerraformProviderConstraint(constraint), 'typescript'),
    );
    await code.save(outDir);
  }
}

module.exports = { generate };

if (require.main === module) {
  const out = path.resolve(process.argv[2] || path.join(ROOT, '.gen'));
  fs.rmSync(path.join(out, 'providers'), { recursive: true, force: true });
  generate(out).then(
    () => process.stdout.write(`bindings written to ${path.relative(process.cwd(), out) || '.'}\n`),
    (e) => { process.stderr.write(`${e.message}\n`); process.exit(1); },
  );
}
