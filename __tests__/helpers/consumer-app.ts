// A consumer's app, as a user writes it against the packed library: the packaging tests (cdktf and the CDK Terrain
// flavour) install the tarball into `app`, then call this to type-check the app with tsc and synthesize it.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Writes `main.ts` (one ProxmoxImage from `library`, on `framework`'s App), compiles it with the project's tsc in
 * strict mode against the installed declarations, runs it, and returns the synthesized `consumer` stack.
 */
export function synthConsumerApp(app: string, framework: 'cdktf' | 'cdktn', library: string): any {
  fs.writeFileSync(path.join(app, 'main.ts'), [
    `import { App, TerraformStack } from '${framework}';`,
    `import { Checksum, ProxmoxConnection, ProxmoxImage } from '${library}';`,
    'const app = new App();',
    "const stack = new TerraformStack(app, 'consumer');",
    "const connection = new ProxmoxConnection(stack, 'Proxmox', { endpoint: 'https://pve:8006/' });",
    "new ProxmoxImage(stack, 'Iso', { connection, url: 'https://example.com/x.iso', checksum: Checksum.sha256('a'.repeat(64)), proxmoxNodes: ['pve1'] });",
    'app.synth();',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: false, types: [] },
    files: ['main.ts'],
  }));
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
  execFileSync(process.execPath, ['main.js'], { cwd: app, env: { ...process.env, CDKTF_OUTDIR: path.join(app, 'out') } });
  return JSON.parse(fs.readFileSync(path.join(app, 'out', 'stacks', 'consumer', 'cdk.tf.json'), 'utf8'));
}
