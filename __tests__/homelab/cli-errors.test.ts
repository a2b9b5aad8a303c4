// homelab.json mistakes as a user meets them: through `npm run synth` (scripts/app.js), every problem at once,
// each named by its homelab.json field, never a stack trace.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inHomelabTerms } from '../../homelab/app';
import { duplicateJsonKeys } from '../../homelab/config';

const ROOT = path.resolve(__dirname, '..', '..');
let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-cli-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the app on `text` as homelab.json; returns exit status and stderr. */
function synth(text: string): { status: number | null; stderr: string; file: string } {
  const file = path.join(dir, `homelab-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, text);
  const r = spawnSync(process.execPath, ['scripts/app.js'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMELAB_CONFIG: file, CDKTF_OUTDIR: path.join(dir, 'out') },
  });
  return { status: r.status, stderr: r.stderr, file };
}
const problems = (...lines: string[]) => lines.map((l) => `\n  - ${l}`).join('');

describe('homelab.json semantic errors through the CLI', () => {
  test('every problem at once, across sections, in homelab.json terms', () => {
    const r = synth(JSON.stringify({
      proxmox: { proxmoxNodeAddresses: { pve1: '10.0.0.300', pve2: '10.0.0.12' } },
      debian: { templateVmId: 300, clone: { name: 'k8s-node-1', address: '10.0.1.21/16', gateway: '10.0.0.1', dnsServers: ['10.0.0.1'], cores: 0, memoryMiB: 4096 } },
      talos: { workers: { w1: { address: '10.0.0.3000' }, w2: { address: '10.0.1.21', vmId: 304 } } },
    }));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${r.file}: ${problems(
      "'proxmox.proxmoxNodeAddresses.pve1' must be a valid IP address, got \"10.0.0.300\". Write the address the node is reached at: an IP address or a DNS name.",
      "'talos.controlPlanes.talos-cp-01.vmId' must not reuse the VM id of 'debian.templateVmId', got 300. Choose another id: Proxmox VM ids are unique per cluster, across every stack.",
      "'talos.controlPlanes.talos-cp-02.address' must not reuse an address of 'proxmox.proxmoxNodeAddresses.pve2', got \"10.0.0.12\". Give each VM, VIP and Proxmox node its own address.",
      "'talos.workers.w1.address' must be an IP address like \"10.0.0.11\", got \"10.0.0.3000\". Write a plain IPv4 address, without prefix length.",
      "'talos.workers.w2.address' must not reuse an address of 'debian.clone.address', got \"10.0.1.21\". Give each VM, VIP and Proxmox node its own address.",
      "'debian.clone.cores' must be an integer from 1 to 512, got 0. Give a whole number of cores from 1 to 512.",
    )}\n`);
  });

  test('node problems are reported even when a cluster-wide field is wrong too', () => {
    const r = synth(JSON.stringify({ talos: { vip: '10.9.0.20', workers: { w1: { address: '10.1.0.31', vmId: 5, proxmoxNode: 'pve9' } } } }));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${r.file}: ${problems(
      "'talos.workers.w1.address' must be inside the subnet 10.0.0.0/16, got \"10.1.0.31\". Pick an address inside 10.0.0.0/16, or change talos.subnet.",
      "'talos.workers.w1.vmId' must be an integer from 100 to 999999999 (Proxmox VM id range), got 5. Pick an unused VM id from 100 to 999999999.",
      "'talos.workers.w1.proxmoxNode' must be one of talos.proxmoxNodes (pve1), got \"pve9\". Pick one of those nodes, or add it to talos.proxmoxNodes.",
      "'talos.vip' must be inside the subnet 10.0.0.0/16, got \"10.9.0.20\". Pick an address inside 10.0.0.0/16, or change the subnet.",
    )}\n`);
  });

  test('the Debian clone is checked even when its template has problems', () => {
    const r = synth(JSON.stringify({ debian: { build: 'bad', imageSha512: 'ab'.repeat(64),
      clone: { name: 'k8s-node-1', address: '10.0.1.21/16', gateway: '10.0.0.1', dnsServers: ['10.0.0.1'], cores: 4, memoryMiB: 100 } } }));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*: \n  - 'debian\.build' must be a dated build like .*\n  - 'debian\.clone\.memoryMiB' must be an integer of at least 512, got 100\. Give 512 MiB or more\.\n$/);
  });

  test('a duplicated key is refused (JSON.parse would keep the last node silently)', () => {
    const r = synth('{"talos": {"workers": {"w1": {"address": "10.0.0.31"}, "w1": {"address": "10.0.0.32"}}}}');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${r.file}: 'talos.workers.w1' must be given once (JSON keeps only the last), got it twice. Remove or rename one of them.\n`);
  });

  test('all sections null, and an empty controlPlanes, are errors (not an empty output or a stack trace)', () => {
    const none = synth('{"flatcar": null, "debian": null, "talos": null}');
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(`error: ${none.file}: 'flatcar' must not be null when 'debian' and 'talos' are null too (nothing would be synthesized), got null. Keep at least one section.\n`);
    const empty = synth('{"talos": {"controlPlanes": {}}}');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe(`error: ${empty.file}: 'talos.controlPlanes' must name at least one node, got {}. ` +
      'Add a control plane (etcd and the Kubernetes API server run there), or set talos to null to leave the cluster out.\n');
  });

  test('keys of 0.1 that were renamed are named, with where they were found and their new name', () => {
    const r = synth(JSON.stringify({
      proxmox: { nodeAddresses: { pve1: '10.0.0.2' } }, flatcar: { nodeName: 'pve2', cloneNodeNames: [] }, debian: { nodeName: 'pve2' },
    }));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${r.file}: ${problems(
      "'proxmox.nodeAddresses' must be renamed to 'proxmoxNodeAddresses' (its name since 0.2), got {\"pve1\":\"10.0.0.2\"}. Write 'proxmox.proxmoxNodeAddresses' instead.",
      "'flatcar.nodeName' must be renamed to 'proxmoxNode' (its name since 0.2), got \"pve2\". Write 'flatcar.proxmoxNode' instead.",
      "'flatcar.cloneNodeNames' must be renamed to 'cloneProxmoxNodes' (its name since 0.2), got []. Write 'flatcar.cloneProxmoxNodes' instead.",
      "'debian.nodeName' must be renamed to 'proxmoxNode' (its name since 0.2), got \"pve2\". Write 'debian.proxmoxNode' instead.",
    )}\n`);
    // The new names are accepted.
    expect(synth(JSON.stringify({
      proxmox: { proxmoxNodeAddresses: { pve1: '10.0.0.2' } }, flatcar: { proxmoxNode: 'pve2', cloneProxmoxNodes: [] }, debian: { proxmoxNode: 'pve2' },
    })).status).toBe(0);
  });

  test('a new flatcar.kubernetes.version without a new checksum is an error', () => {
    const r = synth('{"flatcar": {"kubernetes": {"version": "v1.34.1"}}}');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${r.file}: 'flatcar.kubernetes.sysextSha256' must be the digest of flatcar.kubernetes.version "v1.34.1", ` +
      "got the default's, which is for \"v1.33.5\". Set it from the release's checksum file whenever 'flatcar.kubernetes.version' changes.\n");
  });
});

describe('homelab.json pools and node hardware through the CLI', () => {
  test('wrong types and unknown fields of the new keys are shape errors, named by their path', () => {
    const r = synth(JSON.stringify({ talos: {
      workers: { w1: { address: '10.0.0.21', tpm: 'yes' } },
      pools: { gpu: { count: 2, firstAddress: '10.0.0.41', pciDevices: [{ mapping: 'gpu0', id: '0000:01:00.0' }] }, big: { count: 1, firstAddress: '10.0.0.50', role: 'master' } },
    } }));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${r.file}: ${problems(
      "'talos.workers.w1.tpm' must be a boolean, got \"yes\". Write a JSON boolean.",
      "'talos.pools.gpu.pciDevices[0].id' must be a known field (known here: mapping, pcie, xvga, rombar), got \"0000:01:00.0\". Correct its spelling, or remove it.",
      "'talos.pools.big.role' must be one of \"worker\", \"controlplane\", got \"master\". Pick one of those values.",
    )}\n`);
  });

  test('bad values: the file\'s checks and the cluster\'s, all at once, in homelab.json terms', () => {
    const r = synth(JSON.stringify({ talos: {
      workers: { w1: { address: '10.0.0.21', dataDisks: [{ sizeGiB: 0, volume: 'Bad_Vol' }], extraNics: [{ bridge: 'vmbr0', address: '10.0.0.11/24' }] } },
      pools: {
        gpu: { count: 2, firstAddress: '10.0.0.21', extraNics: [{ bridge: 'vmbr1', address: '10.20.0.5/24' }] },
        big: { count: 100, firstAddress: '10.0.0.50' },
        edge: { count: 3, firstAddress: '10.0.255.253', proxmoxNode: 'pve7' },
        far: { count: 2, firstAddress: '10.1.0.1' },
      },
    } }));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${r.file}: ${problems(
      "'talos.workers.w1.extraNics[0].address' must not reuse an address of 'talos.controlPlanes.talos-cp-01.address', got \"10.0.0.11/24\". Give each VM, VIP and Proxmox node its own address.",
      "'talos.pools.gpu.firstAddress (node gpu-01)' must not reuse an address of 'talos.workers.w1.address', got \"10.0.0.21\". Give each VM, VIP and Proxmox node its own address.",
      "'talos.pools.gpu.extraNics[0].address' must be unset in a pool of more than one node (every node would get it), got \"10.20.0.5/24\". Leave it out for DHCP on that link, or list the nodes under talos.workers with an address each.",
      "'talos.pools.edge.proxmoxNode' must be one of talos.proxmoxNodes (pve1), got \"pve7\". Pick one of those nodes, or add it to talos.proxmoxNodes.",
      "'talos.pools.far.firstAddress' must leave all 2 addresses of the pool inside the subnet 10.0.0.0/16, got \"10.1.0.1\". Move the pool or shorten it: it uses 10.1.0.1 to 10.1.0.2.",
      "'talos.workers.w1.dataDisks[0].sizeGiB' must be a whole number of GiB, at least 1, got 0. Give a whole number of GiB, 1 or more.",
      "'talos.workers.w1.dataDisks[0].volume' must be a lower-case name of at most 32 characters (a-z, 0-9, -), got \"Bad_Vol\". Rename it: it becomes the mount point /var/mnt/<volume>.",
      "'talos.pools.big.count' must be a whole number from 1 to 99, got 100. Use a second pool for more nodes.",
      "'talos.pools.edge.count' must fit 3 consecutive host addresses from 10.0.255.253 without crossing a .0 or .255, got 3. Lower count or start the pool lower.",
    )}\n`);
  });

  test('a pool whose node name is a listed worker\'s is refused', () => {
    const r = synth(JSON.stringify({ talos: { workers: { 'db-01': { address: '10.0.0.21' } }, pools: { db: { count: 1, firstAddress: '10.0.0.61' } } } }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("'talos.pools.db' must not make a node that talos.workers lists too (node names are unique in a cluster), got \"db-01\". Rename the pool or the node.");
  });
});

describe('helpers', () => {
  test('duplicateJsonKeys finds repeats at any depth, in arrays too, and nothing else', () => {
    expect(duplicateJsonKeys('{"a":1,"b":{"c":"x\\"y","c":2},"l":[{"k":1,"k":[]}],"a":{}}')).toEqual(['b.c', 'l[0].k', 'a']);
    expect(duplicateJsonKeys('{"a":{"b":1},"c":{"b":1}, "s": "{\\"a\\":1,\\"a\\":2}"}')).toEqual([]);
  });

  test('inHomelabTerms renames library props to homelab.json fields', () => {
    expect(inHomelabTerms('talos', '\'addWorker("x").address\' must be an IP address, got "1".')).toBe("'talos.workers.x.address' must be an IP address, got \"1\".");
    expect(inHomelabTerms('debian.clone', "'memoryMiB' must be at least 512, got 1.")).toBe("'debian.clone.memoryMiB' must be at least 512, got 1.");
    expect(inHomelabTerms('proxmox', "'ssh.proxmoxNodeAddresses.pve1' must be set.")).toBe("'proxmox.proxmoxNodeAddresses.pve1' must be set.");
    expect(inHomelabTerms('talos', "'network.subnet' must be a CIDR.")).toBe("'talos.subnet' must be a CIDR.");
    expect(inHomelabTerms('talos', "'cni.version' must be pinned.")).toBe("'talos.ciliumVersion' must be pinned.");
    expect(inHomelabTerms('flatcar', 'free text')).toBe('flatcar: free text');
    expect(inHomelabTerms('talos.pools.gpu', '\'addPool("gpu").count\' must be a whole number, got 0.')).toBe("'talos.pools.gpu.count' must be a whole number, got 0.");
    expect(inHomelabTerms('talos.pools.gpu', '\'addWorker("gpu-02").address\' must be unique, got "1".')).toBe("'talos.pools.gpu.firstAddress' must be unique, got \"1\".");
    expect(inHomelabTerms('talos.pools.gpu', "'extraNics[0].bridge' must be a bridge name.")).toBe("'talos.pools.gpu.extraNics[0].bridge' must be a bridge name.");
  });
});
