// homelab.json mistakes as the user meets them: through the CLI (`npm run synth` = scripts/app.js), exit code 1,
// one `'<field>' must <rule>, got <value>. <Fix>.` line per mistake after the file's path, and no stack trace.
// Starting the app is the slow part: the rows share a few files (the CLI reports every problem of a file at
// once) and the runs go in parallel.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scaledTimeout } from '../helpers/timeouts';
import { expectProblemShape, PROBLEM } from './shape';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildIfStale, root: ROOT } = require('../../scripts/build-if-stale');

interface Run { readonly status: number | null; readonly stderr: string; readonly file: string; readonly problems: string[] }

let dir: string;

/** Runs the app on `text` as $HOMELAB_CONFIG (`file` names it; a missing file is never written). */
function synth(name: string, text: string | undefined): Promise<Run> {
  const file = path.join(dir, `${name}.json`);
  if (text !== undefined) fs.writeFileSync(file, text);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/app.js'], {
      cwd: ROOT, env: { ...process.env, HOMELAB_CONFIG: file, CDKTF_OUTDIR: path.join(dir, `out-${name}`) },
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => {
      const body = stderr.startsWith(`error: ${file}: `) ? stderr.slice(`error: ${file}: `.length).replace(/\n$/, '') : '';
      const problems = body.startsWith('\n  - ') ? body.slice('\n  - '.length).split('\n  - ') : body ? [body] : [];
      resolve({ status, stderr, file, problems });
    });
  });
}

const BATCHES = {
  // Each field against the configuration's shape (types, known keys, allowed values).
  shape: {
    proxmox: { insecure: 'yes', authMode: 'token' },
    backend: { type: 's3' },
    flatcar: { nodeName: 'pve2', channel: 'edge' },
    debian: { clone: { name: 'k8s-node-1', address: '10.0.1.21/16', gateway: '10.0.0.1', dnsServers: ['10.0.0.1'], cores: '4', memoryMiB: 4096 } },
    talos: {
      nameservers: '1.1.1.1', workers: { w1: { vmId: 310 }, w2: { adress: '10.0.0.32' }, w3: { address: '10.0.0.33', tpm: 'yes' } },
      pools: { big: { count: 1, firstAddress: '10.0.0.50', role: 'master' } },
    },
  },
  // Values of the right type that a rule across fields, or a construct, refuses.
  values: {
    proxmox: { proxmoxNodeAddresses: { pve1: '10.0.0.300', pve2: '10.0.0.12' } },
    flatcar: { kubernetes: { version: 'v1.34.1', sysextSha256: '0'.repeat(64) }, cloneProxmoxNodes: ['pve1'] },
    debian: { build: 'bad', templateVmId: 300,
      clone: { name: 'k8s-node-1', address: '10.0.1.21/16', gateway: '10.0.0.1', dnsServers: ['10.0.0.1'], cores: 4, memoryMiB: 100 } },
    talos: {
      vip: '10.9.0.20', ciliumVersion: 'v1.16.5', tailscaleLoginServer: 'headscale.home.arpa',
      workers: {
        'w1': { address: '10.0.0.3000' }, 'w2': { address: '10.1.0.31' }, 'w3': { address: '10.0.0.33', vmId: 5 },
        'w4': { address: '10.0.0.34', proxmoxNode: 'pve9' }, 'talos-cp-01': { address: '10.0.0.35' },
      },
    },
  },
  // Node hardware and pools (a cluster-wide problem would stop the nodes from being built: none here).
  pools: { talos: {
    workers: { w1: { address: '10.0.0.21', dataDisks: [{ sizeGiB: 0 }, { sizeGiB: 10, volume: 'Bad_Vol' }], extraNics: [{ bridge: 'vmbr 1' }] } },
    pools: {
      gpu: { count: 2, firstAddress: '10.0.0.41', extraNics: [{ bridge: 'vmbr1', address: '10.20.0.5/24' }] },
      big: { count: 100, firstAddress: '10.0.0.100' },
      edge: { count: 1, firstAddress: '10.0.0.90', proxmoxNode: 'pve7' },
      far: { count: 2, firstAddress: '10.1.0.1' },
    },
  } },
  // A connection problem stops every stack (each needs the connection): alone in its file.
  connection: { proxmox: { endpoint: 'http://pve1.home.arpa:8006/' } },
} as const;
const NOT_JSON = '{"talos": {"vip": "10.0.0.20",}}';
/** What JSON.parse says about NOT_JSON (its wording depends on the Node.js version). */
const syntaxError = (): string => { try { JSON.parse(NOT_JSON); return ''; } catch (e) { return (e as Error).message; } };

const runs: Record<string, Run> = {};
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-bad-'));
  buildIfStale(); // once, not in every parallel run
  const all: Array<[string, string | undefined]> = [
    ...Object.entries(BATCHES).map(([k, v]) => [k, JSON.stringify(v)] as [string, string]),
    ['not-json', NOT_JSON],
    ['array', '[]'],
    ['duplicate', '{"talos": {"workers": {"w1": {"address": "10.0.0.31"}, "w1": {"address": "10.0.0.32"}}}}'],
    ['all-null', '{"flatcar": null, "debian": null, "talos": null}'],
    ['no-control-plane', '{"talos": {"controlPlanes": {}}}'],
    ['missing', undefined],
  ];
  const results = await Promise.all(all.map(([name, text]) => synth(name, text)));
  all.forEach(([name], i) => { runs[name] = results[i]; });
}, scaledTimeout(180_000));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type CliRow = [description: string, run: string, field: string, value: string];

describe('homelab.json bad input through the CLI', () => {
  test.each<CliRow>([
    ['a boolean written as a string', 'shape', 'proxmox.insecure', '"yes"'],
    ['an unknown authMode', 'shape', 'proxmox.authMode', '"token"'],
    ['an unknown backend type', 'shape', 'backend.type', '"s3"'],
    ['a key renamed in 0.2', 'shape', 'flatcar.nodeName', '"pve2"'],
    ['an unknown Flatcar channel', 'shape', 'flatcar.channel', '"edge"'],
    ['a number written as a string', 'shape', 'debian.clone.cores', '"4"'],
    ['a list written as a string', 'shape', 'talos.nameservers', '"1.1.1.1"'],
    ['a node without address', 'shape', 'talos.workers.w1.address', 'undefined'],
    ['a misspelt node field', 'shape', 'talos.workers.w2.adress', '"10.0.0.32"'],
    ['a TPM flag written as a string', 'shape', 'talos.workers.w3.tpm', '"yes"'],
    ['an unknown pool role', 'shape', 'talos.pools.big.role', '"master"'],
    ['a data disk of 0 GiB', 'pools', 'talos.workers.w1.dataDisks[0].sizeGiB', '0'],
    ['a volume name with capitals', 'pools', 'talos.workers.w1.dataDisks[1].volume', '"Bad_Vol"'],
    ['a NIC bridge name with a space', 'pools', 'talos.workers.w1.extraNics[0].bridge', '"vmbr 1"'],
    ['one NIC address for every node of a pool', 'pools', 'talos.pools.gpu.extraNics[0].address', '"10.20.0.5/24"'],
    ['a pool too large', 'pools', 'talos.pools.big.count', '100'],
    ['a pool on a Proxmox node outside the cluster', 'pools', 'talos.pools.edge.proxmoxNode', '"pve7"'],
    ['a pool outside the subnet', 'pools', 'talos.pools.far.firstAddress', '"10.1.0.1"'],
    ['an endpoint over http', 'connection', 'proxmox.endpoint', '"http://pve1.home.arpa:8006/"'],
    ['a Proxmox node address that is no IP', 'values', 'proxmox.proxmoxNodeAddresses.pve1', '"10.0.0.300"'],
    ['a clone node equal to the template node', 'values', 'flatcar.cloneProxmoxNodes', '"pve1"'],
    ['a new sysext version with the old checksum', 'values', 'flatcar.kubernetes.sysextSha256', 'the default\'s, which is for "v1.33.5"'],
    ['a Debian build that is no dated folder', 'values', 'debian.build', '"bad"'],
    ['a Debian clone with too little memory', 'values', 'debian.clone.memoryMiB', '100'],
    ['a VM id used by two stacks', 'values', 'talos.controlPlanes.talos-cp-01.vmId', '300'],
    ['a node address used by a Proxmox node', 'values', 'talos.controlPlanes.talos-cp-02.address', '"10.0.0.12"'],
    ['a node address that is no IP', 'values', 'talos.workers.w1.address', '"10.0.0.3000"'],
    ['a node address outside the subnet', 'values', 'talos.workers.w2.address', '"10.1.0.31"'],
    ['a node VM id below the Proxmox range', 'values', 'talos.workers.w3.vmId', '5'],
    ['a node on a Proxmox node outside the cluster', 'values', 'talos.workers.w4.proxmoxNode', '"pve9"'],
    ['a worker named like a control plane', 'values', 'talos.workers.talos-cp-01', '"talos-cp-01"'],
    ['a VIP outside the subnet', 'values', 'talos.vip', '"10.9.0.20"'],
    ['a Cilium version with a leading v', 'values', 'talos.ciliumVersion', '"v1.16.5"'],
    ['a tailscale login server that is no URL', 'values', 'talos.tailscaleLoginServer', '"headscale.home.arpa"'],
    ['a file that is not JSON', 'not-json', '<root>', '<syntax>'],
    ['a file that is not an object', 'array', '<root>', '[]'],
    ['a key given twice', 'duplicate', 'talos.workers.w1', 'it twice'],
    ['every section null', 'all-null', 'flatcar', 'null'],
    ['a cluster without control plane', 'no-control-plane', 'talos.controlPlanes', '{}'],
    ['a file that does not exist', 'missing', 'HOMELAB_CONFIG', '<file>'],
  ])('%s', (_d, run, field, value) => {
    const r = runs[run];
    expect(r.status).toBe(1);
    expect(r.stderr.startsWith(`error: ${r.file}: `)).toBe(true);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const shown = value === '<file>' ? JSON.stringify(r.file) : value === '<syntax>' ? `a syntax error: ${syntaxError()}` : value;
    expect(r.problems).toContainEqual(expect.stringMatching(new RegExp(`^'${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' must `)));
    expectProblemShape(r.problems.find((p) => p.startsWith(`'${field}' must `) && p.includes(`, got ${shown}. `)) ?? r.problems.join('\n'), field, shown);
    for (const p of r.problems) expect(p).toMatch(PROBLEM);
  });
});
