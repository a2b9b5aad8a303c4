// homelab/backend.ts: the JSON of both backends (never a connection string), its validation, and the pg
// backend for real: a throw-away PostgreSQL server on loopback, real Terraform with the offline provider
// mirror of scripts/validate.js, state written to and shared through PostgreSQL, the state lock keeping a
// second Terraform out, and a cdktf cross-stack reference read back through terraform_remote_state.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { App, DataResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
import {
  BackendConfig, DEFAULT_PG_SCHEMA_PREFIX, PG_CONN_STR_ENV, configureBackend, localStatePath, pgSchemaName,
} from '../../homelab/backend';
import { describeIfTool, findPostgresBin, findTool } from '../helpers/tools';
import { synthStack } from '../helpers/synth';
import { flat } from '../terraform/support';
import * as validate from '../../scripts/validate';

/** A stack like the homelab's image stack: a null_resource (from the provider mirror) and a terraform_data. */
function imagesStack(scope: App, id: string, cfg: BackendConfig): DataResource {
  const stack = new TerraformStack(scope, id);
  configureBackend(stack, id, cfg);
  new NullProvider(stack, 'Null');
  new NullResource(stack, 'Marker', { triggers: { release: '2025-11' } });
  return new DataResource(stack, 'Image', { input: { name: 'debian-13' } });
}

/** A stack that uses `image`'s id through a cdktf cross-stack reference. */
function clusterStack(scope: App, id: string, cfg: BackendConfig, image: DataResource): TerraformStack {
  const stack = new TerraformStack(scope, id);
  configureBackend(stack, id, cfg);
  new DataResource(stack, 'Node', { input: { imageId: image.id } });
  return stack;
}

/** The stacks' JSON as `app.synth()` writes it: prepareStack adds the default backend and the cross-stack wiring. */
const synthJson = (...stacks: TerraformStack[]): any[] => {
  stacks.forEach((s) => s.prepareStack());
  return stacks.map((s) => JSON.parse(Testing.synth(s)));
};

/** Runs `fn` with a fresh temporary directory as the working directory (an App creates its outdir there). */
function inTmpDir<T>(fn: () => T): T {
  const saved = process.cwd();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-'));
  process.chdir(dir);
  try {
    return fn();
  } finally {
    process.chdir(saved);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('configureBackend', () => {
  test('pg: only the schema name, <prefix>_<stack in lower_snake_case>, no connection string', () => {
    const { json } = synthStack((stack) => configureBackend(stack, 'homelab-images', { type: 'pg' }), 'homelab-images');
    expect(json.terraform.backend).toEqual({ pg: { schema_name: 'tfstate_homelab_images' } });
    expect(DEFAULT_PG_SCHEMA_PREFIX).toBe('tfstate');
    const custom = synthStack((stack) => configureBackend(stack, 'Lab.Cluster-2', { type: 'pg', schemaPrefix: 'team_a' }));
    expect(custom.json.terraform.backend).toEqual({ pg: { schema_name: 'team_a_lab_cluster_2' } });
  });

  test('pg: the connection string in the environment at synth time stays out of the JSON', () => {
    const saved = process.env[PG_CONN_STR_ENV];
    process.env[PG_CONN_STR_ENV] = 'postgres://terraform:synth-time-secret@db.example.test/tf';
    try {
      const { text } = synthStack((stack) => configureBackend(stack, 'homelab-images', { type: 'pg' }));
      expect(text).not.toContain('synth-time-secret');
      expect(text).not.toContain('conn_str');
    } finally {
      if (saved === undefined) delete process.env[PG_CONN_STR_ENV];
      else process.env[PG_CONN_STR_ENV] = saved;
    }
  });

  test('pg: a cross-stack reference reads the producer\'s schema, without a connection string', () => {
    const app = Testing.app();
    const image = imagesStack(app, 'homelab-images', { type: 'pg' });
    const cluster = clusterStack(app, 'homelab-cluster', { type: 'pg' }, image);
    const [producer, consumer] = synthJson(TerraformStack.of(image), cluster);
    const remote = Object.values(consumer.data.terraform_remote_state) as any[];
    expect(remote).toEqual([{ backend: 'pg', config: { schema_name: 'tfstate_homelab_images' }, workspace: '${terraform.workspace}' }]);
    expect(consumer.terraform.backend).toEqual({ pg: { schema_name: 'tfstate_homelab_cluster' } });
    // cdktf makes the producer's side a sensitive output
    expect(Object.values(producer.output)).toEqual([{ sensitive: true, value: '${terraform_data.Image.id}' }]);
  });

  test('local with a relative directory: <directory>/<stack>.tfstate relative to the stack\'s working directory', () => {
    inTmpDir(() => {
      const app = new App({ outdir: 'cdktf.out' });
      const stack = new TerraformStack(app, 'homelab-images');
      configureBackend(stack, 'homelab-images', { type: 'local', directory: 'state' });
      expect(synthJson(stack)[0].terraform.backend).toEqual({ local: { path: '../../../state/homelab-images.tfstate' } });
    });
  });

  test('local with an absolute directory: written as given', () => {
    inTmpDir(() => {
      const app = new App({ outdir: 'cdktf.out' });
      const stack = new TerraformStack(app, 'homelab-images');
      configureBackend(stack, 'homelab-images', { type: 'local', directory: '/var/lib/tfstate' });
      expect(synthJson(stack)[0].terraform.backend).toEqual({ local: { path: '/var/lib/tfstate/homelab-images.tfstate' } });
    });
  });

  test('local without a directory: cdktf\'s file terraform.<stack>.tfstate in the app\'s directory, as a relative path', () => {
    inTmpDir(() => {
      const app = (fs.mkdirSync('out'), new App({ outdir: 'out/cdktf' }));
      const stack = new TerraformStack(app, 'homelab-images');
      configureBackend(stack, 'homelab-images', { type: 'local' });
      const json = synthJson(stack)[0];
      expect(json.terraform.backend).toEqual({ local: { path: '../../../../terraform.homelab-images.tfstate' } });
      expect(JSON.stringify(json)).not.toContain(process.cwd());
    });
  });

  test('local: a cross-stack reference reads the producer\'s file by the same relative path', () => {
    inTmpDir(() => {
      const app = new App({ outdir: 'cdktf.out' });
      const image = imagesStack(app, 'homelab-images', { type: 'local' });
      const cluster = clusterStack(app, 'homelab-cluster', { type: 'local' }, image);
      const [, consumer] = synthJson(TerraformStack.of(image), cluster);
      expect(Object.values(consumer.data.terraform_remote_state)).toEqual([
        { backend: 'local', config: { path: '../../../terraform.homelab-images.tfstate' }, workspace: '${terraform.workspace}' },
      ]);
    });
  });

  test('localStatePath: relative with / separators, absolute only when asked', () => {
    expect(localStatePath('/a/b/cdktf.out/stacks/s', '/a/b/terraform.s.tfstate')).toBe('../../../terraform.s.tfstate');
    expect(localStatePath('/a/b/cdktf.out/stacks/s', '/a/b/cdktf.out/stacks/s/x.tfstate')).toBe('x.tfstate');
    expect(localStatePath('/a/b/cdktf.out/stacks/s', '/srv/state/s.tfstate', true)).toBe('/srv/state/s.tfstate');
  });

  test('fails if two stacks of an app would share a default state file', () => {
    inTmpDir(() => {
      const app = new App({ outdir: 'cdktf.out' });
      configureBackend(new TerraformStack(app, 'a'), 'same', { type: 'local' });
      expect(() => configureBackend(new TerraformStack(app, 'b'), 'same', { type: 'local' })).toThrow(
        /^b: 'stackName' must give each stack its own state, got the state file .*terraform\.same\.tfstate of stack a\./);
    });
  });

  test.each([
    ['Team', '"Team"'], ['1lab', '"1lab"'], ['team-a', '"team-a"'], ['team__a', '"team__a"'], ['', '""'],
  ])('fails if schemaPrefix is not lower_snake_case: %p', (prefix, shown) => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'homelab-images');
    expect(() => configureBackend(stack, 'homelab-images', { type: 'pg', schemaPrefix: prefix })).toThrow(
      `homelab-images: 'schemaPrefix' must be lower_snake_case (a-z, 0-9, single _, starting with a letter), got ${shown}. Use e.g. "tfstate".`);
  });

  test('fails if schemaPrefix is a token: backends cannot use variables', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'homelab-images');
    const prefix = new TerraformVariable(stack, 'prefix', { type: 'string' }).stringValue;
    expect(() => configureBackend(stack, 'homelab-images', { type: 'pg', schemaPrefix: prefix }))
      .toThrow(/'schemaPrefix' must be a literal string \(a backend cannot use variables or references\), got "\$\{TfToken\[.*Write the prefix in the app\./);
    const dir = new TerraformVariable(stack, 'dir', { type: 'string' }).stringValue;
    expect(() => configureBackend(stack, 'homelab-images', { type: 'local', directory: dir }))
      .toThrow(/'directory' must be a literal path \(a backend cannot use variables or references\)/);
  });

  test('fails if the schema name would exceed PostgreSQL\'s 63 bytes', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const prefix = 'p'.repeat(60);
    expect(() => configureBackend(stack, 'homelab-images', { type: 'pg', schemaPrefix: prefix })).toThrow(
      `'schemaPrefix' must leave the schema name "<prefix>_<stack>" at most 63 bytes (PostgreSQL truncates longer names), got "${prefix}_homelab_images". Use a shorter prefix or stack name.`);
  });

  test('fails if the stack name cannot name a state, listing every problem', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    expect(() => configureBackend(stack, '--', { type: 'pg', schemaPrefix: 'Bad' })).toThrow(
      /'schemaPrefix' must be lower_snake_case.*\n.*'stackName' must contain a letter or digit, got "--"\. Use the stack's id\./);
    expect(() => configureBackend(stack, 'a/b', { type: 'local', directory: 'state' })).toThrow(
      '\'stackName\' must be usable as a file name (letters, digits, ".", "_", "-"), got "a/b".');
    expect(() => configureBackend(stack, 'x', { type: 'local', directory: ' ' })).toThrow('\'directory\' must be a non-empty path, got " ".');
  });

  test('fails if two stacks of an app would share one state', () => {
    const app = Testing.app();
    const images = new TerraformStack(app, 'homelab-images');
    const cluster = new TerraformStack(app, 'homelab-cluster');
    configureBackend(images, 'homelab-images', { type: 'pg' });
    expect(() => configureBackend(cluster, 'homelab_images', { type: 'pg' })).toThrow(
      'homelab-cluster: \'stackName\' must give each stack its own state, got the PostgreSQL schema tfstate_homelab_images of stack homelab-images.');
    configureBackend(new TerraformStack(app, 'other'), 'other', { type: 'local', directory: 's' });
    expect(() => configureBackend(cluster, 'other', { type: 'local', directory: 's' })).toThrow(/must give each stack its own state, got the state file .*other\.tfstate of stack other\./);
    // another app may reuse the names
    expect(() => configureBackend(new TerraformStack(Testing.app(), 'homelab-images'), 'homelab-images', { type: 'pg' })).not.toThrow();
  });

  test('pgSchemaName: lower_snake_case of the stack name', () => {
    expect(pgSchemaName('homelab-images')).toBe('tfstate_homelab_images');
    expect(pgSchemaName('--Lab.Cluster--2--', 'x')).toBe('x_lab_cluster_2');
  });
});

describe('findPostgresBin', () => {
  test('takes the newest major version that has the program', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pglib-'));
    try {
      for (const [v, names] of [['9.6', ['initdb', 'psql']], ['15', ['initdb']], ['17', []]] as const) {
        fs.mkdirSync(path.join(root, v, 'bin'), { recursive: true });
        for (const n of names) fs.writeFileSync(path.join(root, v, 'bin', n), '#!/bin/sh\n', { mode: 0o755 });
      }
      fs.writeFileSync(path.join(root, '17', 'bin', 'pg_ctl'), 'not executable', { mode: 0o644 });
      expect(findPostgresBin('initdb', root)).toBe(path.join(root, '15', 'bin', 'initdb'));
      expect(findPostgresBin('psql', root)).toBe(path.join(root, '9.6', 'bin', 'psql'));
      expect(findPostgresBin('pg_ctl', root)).toBeNull();
      expect(findPostgresBin('initdb', path.join(root, 'absent'))).toBeNull();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Against a real PostgreSQL

interface Run { code: number | null; stdout: string; stderr: string; ms: number }

/** Runs a program; never longer than `timeoutMs` (then SIGKILL and a rejection naming the command). */
function start(cmd: string, args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; stdin?: boolean }):
  { child: ChildProcess; done: Promise<Run> } {
  const t = Date.now();
  const child = spawn(cmd, args, { cwd: o.cwd, env: o.env, stdio: [o.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => err.push(d));
  const done = new Promise<Run>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${o.timeoutMs} ms: ${cmd} ${args.join(' ')}\n${Buffer.concat(err)}${Buffer.concat(out)}`));
    }, o.timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - t });
    });
  });
  return { child, done };
}
const exec = (cmd: string, args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> =>
  start(cmd, args, o).done;
const must = (what: string, r: Run): Run => {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stderr}\n${r.stdout}`);
  return r;
};

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as net.AddressInfo;
    s.close(() => resolve(port));
  });
});

/** The environment without the caller's libpq/pg backend settings, so that only ours count. */
const withoutPg = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter(([k]) => !/^PG/.test(k)));

/** Every file below `dir` (including .terraform/) that contains `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && fs.readFileSync(p).includes(needle)) hits.push(p);
    }
  };
  walk(dir);
  return hits;
}

// PostgreSQL refuses to run as root: as root (here and in CI) the server runs as Debian's `postgres` user.
const asRoot = process.getuid?.() === 0;
const PG_TOOLS = ['terraform', 'initdb', 'pg_ctl', 'psql', ...(asRoot ? ['runuser'] : [])];
const SECRET = 'pw-must-not-reach-disk';

describeIfTool(PG_TOOLS, 'pg backend on a real PostgreSQL', () => {
  let tmp = '';
  let dataDir = '';
  let started = false;
  let connStr = '';
  let mirror: validate.Mirror;

  /** initdb/pg_ctl as the server's owner. */
  const asOwner = (bin: string, args: string[]): [string, string[]] =>
    (asRoot ? [findTool('runuser')!, ['-u', 'postgres', '--', bin, ...args]] : [bin, args]);
  const pg = (name: string, args: string[], timeoutMs = 20_000): Promise<Run> => {
    const [cmd, argv] = asOwner(findTool(name)!, args);
    return exec(cmd, argv, { cwd: tmp, env: withoutPg(process.env), timeoutMs });
  };
  const psql = async (sql: string): Promise<string> =>
    must('psql', await exec(findTool('psql')!, ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', connStr, '-c', sql],
      { env: withoutPg(process.env), timeoutMs: 10_000 })).stdout.trim();

  const tfEnv = async (): Promise<NodeJS.ProcessEnv> => {
    const host = await validate.ensureHost();
    return { ...withoutPg(validate.terraformEnv(mirror.cliConfig, host?.env)), [PG_CONN_STR_ENV]: connStr };
  };
  const tf = async (dir: string, args: string[], timeoutMs = 30_000): Promise<Run> =>
    exec(validate.findTerraform()!, [...args, '-no-color'], { cwd: dir, env: await tfEnv(), timeoutMs });

  /** Synthesizes an app into a fresh directory; returns each stack's working directory. */
  function synthApp(name: string, build: (app: App) => void): Record<string, string> {
    const outdir = path.join(tmp, name);
    const app = new App({ outdir });
    build(app);
    app.synth();
    return Object.fromEntries(validate.stacksOf(outdir).map((s) => [s.name, s.dir]));
  }

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-backend-'));
    dataDir = path.join(tmp, 'data');
    if (asRoot) {
      const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8', timeout: 5000 }).stdout);
      const [uid, gid] = [id('-u'), id('-g')];
      if (!uid) throw new Error('running as root, but there is no `postgres` user to run the server (Debian\'s postgresql package creates it)');
      fs.chownSync(tmp, uid, gid);
    }
    const port = await freePort();
    must(`initdb (${tmp} must be reachable by the server's user)`,
      await pg('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']));
    // loopback only; the socket in our own directory (not /var/run/postgresql); no fsync: throw-away data
    const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -k '${tmp}' -c fsync=off`;
    started = true; // before waiting: a start that times out may still leave a server for afterAll to stop
    const startRun = await pg('pg_ctl', ['-D', dataDir, '-l', path.join(tmp, 'server.log'), '-w', '-t', '15', '-o', serverOptions, 'start']);
    if (startRun.code !== 0) {
      const log = fs.existsSync(path.join(tmp, 'server.log')) ? fs.readFileSync(path.join(tmp, 'server.log'), 'utf8') : '';
      must('pg_ctl start', { ...startRun, stderr: `${startRun.stderr}\n${log}` });
    }
    // trust auth ignores the password: it only stands for a real one, to prove it never reaches disk
    connStr = `postgres://postgres:${SECRET}@127.0.0.1:${port}/postgres?sslmode=disable`;
    await psql('CREATE DATABASE tfstate');
    connStr = connStr.replace('/postgres?', '/tfstate?');
    mirror = validate.writeMirror(path.join(tmp, 'mirror'));
  }, 40_000);

  afterAll(async () => {
    try {
      if (started) await pg('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', 'stop'], 15_000);
    } finally {
      await validate.stopHost();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 20_000);

  const cfg: BackendConfig = { type: 'pg', schemaPrefix: 'it' };
  let first = '';
  let second = '';

  test('apply writes the state to the stack\'s schema in PostgreSQL, and nothing secret to disk', async () => {
    const dirs = synthApp('app', (app) => { imagesStack(app, 'homelab-images', cfg); });
    first = dirs['homelab-images'];
    must('terraform init', await tf(first, ['init', '-input=false']));
    must('terraform apply', await tf(first, ['apply', '-input=false', '-auto-approve']));

    const schema = pgSchemaName('homelab-images', 'it');
    expect(schema).toBe('it_homelab_images');
    expect(await psql(`SELECT name FROM ${schema}.states`)).toBe('default');
    const state = JSON.parse(await psql(`SELECT data FROM ${schema}.states WHERE name = 'default'`));
    expect(state.resources.map((r: any) => `${r.type}.${r.name}`).sort()).toEqual(['null_resource.Marker', 'terraform_data.Image']);
    expect(fs.readdirSync(first).filter((f) => f.endsWith('.tfstate'))).toEqual([]);
    expect(filesContaining(first, SECRET)).toEqual([]);
    expect(JSON.stringify(state)).not.toContain(SECRET);
  }, 40_000);

  test('a second working copy of the configuration sees the same state', async () => {
    second = path.join(tmp, 'second');
    fs.mkdirSync(second);
    fs.copyFileSync(path.join(first, 'cdk.tf.json'), path.join(second, 'cdk.tf.json'));
    must('terraform init', await tf(second, ['init', '-input=false']));
    const list = must('terraform state list', await tf(second, ['state', 'list']));
    expect(list.stdout.trim().split('\n').sort()).toEqual(['null_resource.Marker', 'terraform_data.Image']);
    const plan = await tf(second, ['plan', '-input=false', '-detailed-exitcode']);
    expect({ code: plan.code, out: plan.stdout }).toEqual({ code: 0, out: expect.stringContaining('No changes') });
  }, 40_000);

  test('the state lock keeps a second Terraform out while the first holds it', async () => {
    const advisoryLocks = (): Promise<string> => psql('SELECT count(*) FROM pg_locks WHERE locktype = \'advisory\' AND granted');
    expect(await advisoryLocks()).toBe('0');
    // `terraform console` holds the state lock until its input ends
    const holder = start(validate.findTerraform()!, ['console', '-no-color'], { cwd: first, env: await tfEnv(), timeoutMs: 30_000, stdin: true });
    try {
      const deadline = Date.now() + 15_000;
      while (await advisoryLocks() === '0') {
        if (Date.now() > deadline) throw new Error('terraform console did not take the state lock within 15 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      const blocked = await tf(second, ['plan', '-input=false', '-lock-timeout=1s']);
      expect(blocked.code).toBe(1);
      expect(flat(blocked.stderr)).toContain('Error acquiring the state lock');
      expect(flat(blocked.stderr)).toContain('Workspace is already locked: default');
    } finally {
      holder.child.stdin!.end();
    }
    must('terraform console', await holder.done);
    expect(await advisoryLocks()).toBe('0');
    const after = await tf(second, ['plan', '-input=false', '-lock-timeout=5s', '-detailed-exitcode']);
    expect({ code: after.code, err: after.stderr }).toEqual({ code: 0, err: '' });
  }, 60_000);

  test('a cross-stack reference is read from the producer\'s schema through terraform_remote_state', async () => {
    const xs: BackendConfig = { type: 'pg', schemaPrefix: 'xs' };
    const dirs = synthApp('cross', (app) => {
      const image = imagesStack(app, 'homelab-images', xs);
      clusterStack(app, 'homelab-cluster', xs, image);
    });
    const [producer, consumer] = [dirs['homelab-images'], dirs['homelab-cluster']];
    must('terraform init (producer)', await tf(producer, ['init', '-input=false']));
    must('terraform apply (producer)', await tf(producer, ['apply', '-input=false', '-auto-approve']));
    const state = JSON.parse(must('terraform show', await tf(producer, ['show', '-json'])).stdout);
    const imageId = state.values.root_module.resources.find((r: any) => r.address === 'terraform_data.Image').values.id;
    expect(imageId).toMatch(/^[0-9a-f-]{36}$/); // known only after apply: the consumer can only read it from the state

    must('terraform init (consumer)', await tf(consumer, ['init', '-input=false']));
    must('terraform plan (consumer)', await tf(consumer, ['plan', '-input=false', '-out=plan']));
    const plan = JSON.parse(must('terraform show plan', await tf(consumer, ['show', '-json', 'plan'])).stdout);
    const node = plan.planned_values.root_module.resources.find((r: any) => r.address === 'terraform_data.Node');
    expect(node.values.input).toEqual({ imageId });
    expect(await psql('SELECT nspname FROM pg_namespace WHERE nspname LIKE \'xs\\_%\' ORDER BY 1')).toBe('xs_homelab_cluster\nxs_homelab_images');
    expect(filesContaining(consumer, SECRET)).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// The local backend with real Terraform: relative paths, moved checkouts, cross-stack references

describeIfTool(['terraform'], 'local backend with real Terraform', () => {
  let tmp = '';
  let mirror: validate.Mirror;
  const tf = async (dir: string, args: string[]): Promise<Run> => {
    const host = await validate.ensureHost();
    return exec(validate.findTerraform()!, [...args, '-no-color'],
      { cwd: dir, env: validate.terraformEnv(mirror.cliConfig, host?.env), timeoutMs: 30_000 });
  };

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'local-backend-'));
    mirror = validate.writeMirror(path.join(tmp, 'mirror'));
  });
  afterAll(async () => {
    await validate.stopHost();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('state lands beside the app; a moved checkout and a cross-stack reference still find it', async () => {
    const checkout = path.join(tmp, 'laptop');
    fs.mkdirSync(checkout);
    const saved = process.cwd();
    process.chdir(checkout);
    try {
      const app = new App({ outdir: 'cdktf.out' });
      const image = imagesStack(app, 'homelab-images', { type: 'local' });
      clusterStack(app, 'homelab-cluster', { type: 'local' }, image);
      app.synth();
    } finally {
      process.chdir(saved);
    }
    // the pipeline runs the same JSON in another directory
    const moved = path.join(tmp, 'pipeline');
    fs.renameSync(checkout, moved);
    const dir = (s: string): string => path.join(moved, 'cdktf.out', 'stacks', s);
    must('terraform init (producer)', await tf(dir('homelab-images'), ['init', '-input=false']));
    must('terraform apply (producer)', await tf(dir('homelab-images'), ['apply', '-input=false', '-auto-approve']));
    expect(fs.existsSync(path.join(moved, 'terraform.homelab-images.tfstate'))).toBe(true);
    const state = JSON.parse(fs.readFileSync(path.join(moved, 'terraform.homelab-images.tfstate'), 'utf8'));
    const imageId = state.resources.find((r: any) => r.name === 'Image').instances[0].attributes.id;
    expect(imageId).toMatch(/^[0-9a-f-]{36}$/);

    must('terraform init (consumer)', await tf(dir('homelab-cluster'), ['init', '-input=false']));
    must('terraform plan (consumer)', await tf(dir('homelab-cluster'), ['plan', '-input=false', '-out=plan']));
    const plan = JSON.parse(must('terraform show plan', await tf(dir('homelab-cluster'), ['show', '-json', 'plan'])).stdout);
    const node = plan.planned_values.root_module.resources.find((r: any) => r.address === 'terraform_data.Node');
    expect(node.values.input).toEqual({ imageId });
    expect(fs.existsSync(checkout)).toBe(false);
  }, 60_000);
});
