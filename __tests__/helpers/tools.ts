// Tests that need an external program (terraform, perl, qemu-system-x86_64, cloud-init,
// ignition-validate, ...) use these helpers, so that a missing tool is handled the same way
// everywhere:
//   - on a developer machine the tests are SKIPPED, with a loud warning saying what is missing;
//   - in CI (env CI=true) a missing tool FAILS the run: CI must have every tool installed.
// A tool is looked up as $<NAME>_BIN (e.g. TERRAFORM_BIN, QEMU_SYSTEM_X86_64_BIN), then on PATH
// (PostgreSQL's programs then in /usr/lib/postgresql/<major>/bin, where Debian installs them).
//
//   describeIfTool('terraform', 'terraform validate', () => { test(...) });
//   describeIfTool(['qemu-system-x86_64', 'cloud-init'], 'boots', () => { ... });
//   const perl = requireTool('perl'); // path, or null after a warning (throws in CI)
import { accessSync, constants, readdirSync, statSync } from 'fs';
import { delimiter, join } from 'path';

/** The environment variable that overrides a tool's path: "qemu-system-x86_64" -> QEMU_SYSTEM_X86_64_BIN. */
export function toolEnvVar(name: string): string {
  return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_BIN`;
}

const executable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** Absolute path of a tool ($<NAME>_BIN, else the first match on PATH, else see findPostgresBin / OFF_PATH), or null. */
export function findTool(name: string): string | null {
  // TF_BINARY picks the Terraform engine (a path, or a command on PATH: TF_BINARY=tofu), as in scripts/validate.js.
  const engine = name === 'terraform' ? process.env.TF_BINARY : undefined;
  if (engine) return engine.includes('/') ? (executable(engine) ? engine : null) : findTool(engine);
  const override = process.env[toolEnvVar(name)];
  if (override) return executable(override) ? override : null;
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), ...(OFF_PATH[name] ?? [])]) {
    if (!dir) continue;
    const p = join(dir, name);
    if (executable(p)) return p;
  }
  return POSTGRES_PROGRAMS.includes(name) ? findPostgresBin(name) : null;
}

/** Where tools are installed off PATH: Go's official tarball unpacks to /usr/local/go (https://go.dev/doc/install). */
const OFF_PATH: Readonly<Record<string, readonly string[]>> = { go: ['/usr/local/go/bin'] };

/**
 * What the offline Terraform check needs: terraform, and Go for tools/provider-libs (the providers' own Butane and
 * Talos libraries that tools/tf-schema-provider renders ct_config and Talos configurations with; built by
 * scripts/build-provider-libs.js, which jest's global setup runs).
 */
export const OFFLINE_TERRAFORM: readonly string[] = ['terraform', 'go'];

/** PostgreSQL programs that findTool also looks for in Debian's version directories. */
export const POSTGRES_PROGRAMS: readonly string[] = ['initdb', 'pg_ctl', 'postgres', 'psql'];

/**
 * A PostgreSQL program in `<root>/<major>/bin`, newest major first: Debian's postgresql package keeps the
 * server programs (initdb, pg_ctl, postgres) there, off PATH. Null when no installed version has it.
 */
export function findPostgresBin(name: string, root = '/usr/lib/postgresql'): string | null {
  let majors: string[];
  try {
    majors = readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    return null;
  }
  majors.sort((a, b) => parseFloat(b) - parseFloat(a));
  for (const v of majors) {
    const p = join(root, v, 'bin', name);
    if (executable(p)) return p;
  }
  return null;
}

/** True when running in CI, where missing tools are errors. */
export function isCI(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

const missingMessage = (names: string[], what: string): string =>
  `${names.join(', ')} not found (PATH or ${names.map(toolEnvVar).join('/')}): ${what}`;

function warnSkipped(names: string[], what: string): void {
  // eslint-disable-next-line no-console
  console.warn(`\n*** SKIPPED: ${missingMessage(names, what)} ***\n*** Install it to run these tests; in CI (CI=true) this is a failure. ***\n`);
}

/** The tool's path; if missing: throws in CI, else warns loudly and returns null. */
export function requireTool(name: string, what = 'tests that need it are skipped'): string | null {
  const p = findTool(name);
  if (p) return p;
  if (isCI()) throw new Error(`required tool missing in CI: ${missingMessage([name], what)}`);
  warnSkipped([name], what);
  return null;
}

/** Names of the listed tools that are not installed. */
export function missingTools(names: string | string[]): string[] {
  return (Array.isArray(names) ? names : [names]).filter((n) => !findTool(n));
}

/**
 * `describe` when all tools are present. Otherwise: in CI a failing test naming the missing
 * tools; elsewhere `describe.skip` after a loud warning.
 */
export function describeIfTool(names: string | string[], title: string, fn: () => void): void {
  const missing = missingTools(names);
  if (!missing.length) {
    describe(title, fn);
  } else if (isCI()) {
    describe(title, () => {
      test(`requires ${missing.join(', ')}`, () => {
        throw new Error(`required tool missing in CI: ${missingMessage(missing, title)}`);
      });
    });
  } else {
    warnSkipped(missing, `skipping "${title}"`);
    describe.skip(title, fn);
  }
}

/** Like describeIfTool, for a single test. */
export function testIfTool(names: string | string[], title: string, fn: () => unknown, timeout?: number): void {
  const missing = missingTools(names);
  if (!missing.length) {
    test(title, fn as jest.ProvidesCallback, timeout);
  } else if (isCI()) {
    test(title, () => {
      throw new Error(`required tool missing in CI: ${missingMessage(missing, title)}`);
    });
  } else {
    warnSkipped(missing, `skipping "${title}"`);
    test.skip(title, fn as jest.ProvidesCallback);
  }
}
