// relativeLocalBackend: the state file cdktf's default backend would use, written relative to the stack's
// directory instead of as an absolute path of the synthesizing machine.
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { relativeLocalBackend } from '../../constructs/core/local-backend';

const backendPath = (stack: TerraformStack): string => JSON.parse(Testing.synth(stack)).terraform.backend.local.path;

test('the default file, terraform.<stack id>.tfstate in the working directory, relative to the stack directory', () => {
  const app = Testing.app();
  const outdir = app.outdir;
  const stack = new TerraformStack(app, 'lab');
  relativeLocalBackend(stack);
  const p = backendPath(stack);
  expect(path.isAbsolute(p)).toBe(false);
  expect(p).toMatch(/^(\.\.\/)+.*terraform\.lab\.tfstate$/);
  expect(path.resolve(outdir, 'stacks', 'lab', p)).toBe(path.resolve('terraform.lab.tfstate'));
});

test('a directory and a state name; an absolute directory is kept', () => {
  const app = Testing.app();
  const a = new TerraformStack(app, 'a');
  relativeLocalBackend(a, { directory: 'state', stateName: 'alpha' });
  expect(path.resolve(app.outdir, 'stacks', 'a', backendPath(a))).toBe(path.resolve('state', 'alpha.tfstate'));
  expect(path.isAbsolute(backendPath(a))).toBe(false);
  const b = new TerraformStack(app, 'b');
  relativeLocalBackend(b, { directory: '/srv/state' });
  expect(backendPath(b)).toBe('/srv/state/b.tfstate');
});

test('two stacks of one app on one state file are refused, naming the prop and the other stack', () => {
  const app = Testing.app();
  relativeLocalBackend(new TerraformStack(app, 'a'), { stateName: 'same' });
  expect(() => relativeLocalBackend(new TerraformStack(app, 'b'), { stateName: 'same' }))
    .toThrow(/^b: 'stateName' must give each stack its own state, got the state file .*same\.tfstate of stack a\. Pass each stack's own id as stateName\./);
  expect(() => relativeLocalBackend(new TerraformStack(app, 'c'), { stateName: 'x/y' }))
    .toThrow('\'stateName\' must be usable as a file name (letters, digits, ".", "_", "-"), got "x/y". Use the stack\'s id.');
});
