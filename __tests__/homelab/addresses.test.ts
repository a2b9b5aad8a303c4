// Construct ids are the Terraform state contract: the example app's resource and data source addresses are those
// main had before the VM constructs shared one building block (fixtures/example-app/addresses.json, taken from
// `npm run synth` at commit 2bae1d8). Resources added since are allowed; none may be renamed or dropped: a
// renamed construct id would destroy and recreate the resource it names.
import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { buildHomelab } from '../../homelab/app';
import { resolveHomelabConfig } from '../../homelab/config';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'example-app', 'addresses.json');

/** `type.name` of every resource and `data.type.name` of every data source, sorted. */
function addresses(json: any): string[] {
  const out: string[] = [];
  for (const [t, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) for (const n of Object.keys(byName)) out.push(`${t}.${n}`);
  for (const [t, byName] of Object.entries<Record<string, unknown>>(json.data ?? {})) for (const n of Object.keys(byName)) out.push(`data.${t}.${n}`);
  return out.sort();
}

test('the example app keeps every resource address of the fixture', () => {
  const app = Testing.app();
  const lab = buildHomelab(app as App, resolveHomelabConfig({}, 'test.json'));
  const now: Record<string, string[]> = {};
  for (const s of [lab.templates, lab.vms, lab.talos]) if (s) now[s.node.id] = addresses(JSON.parse(Testing.synth(s)));
  const before = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, string[]>;
  expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
  for (const stack of Object.keys(before)) {
    // every address main had is still there (new resources may be added, none renamed or dropped)
    expect({ stack, missing: before[stack].filter((a) => !now[stack].includes(a)) }).toEqual({ stack, missing: [] });
  }
});
