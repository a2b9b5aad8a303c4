// __tests__/helpers/tools.ts: how tests find external tools, and what happens when one is missing
// (skip loudly on a developer machine, fail in CI).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findTool, isCI, missingTools, requireTool, toolEnvVar } from '../helpers/tools';

describe('tools helper', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    jest.restoreAllMocks();
  });

  test('the override variable of a tool', () => {
    expect(toolEnvVar('terraform')).toBe('TERRAFORM_BIN');
    expect(toolEnvVar('qemu-system-x86_64')).toBe('QEMU_SYSTEM_X86_64_BIN');
    expect(toolEnvVar('ignition-validate')).toBe('IGNITION_VALIDATE_BIN');
  });

  test('finds tools on PATH and through the override; not non-executables', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tools-'));
    try {
      fs.writeFileSync(path.join(dir, 'my-tool'), '#!/bin/sh\n', { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'not-exec'), 'x', { mode: 0o644 });
      process.env.PATH = `${dir}${path.delimiter}${saved.PATH}`;
      expect(findTool('my-tool')).toBe(path.join(dir, 'my-tool'));
      expect(findTool('not-exec')).toBeNull();
      process.env.NOT_EXEC_BIN = path.join(dir, 'my-tool');
      expect(findTool('not-exec')).toBe(path.join(dir, 'my-tool'));
      expect(missingTools(['my-tool', 'surely-absent-tool-x'])).toEqual(['surely-absent-tool-x']);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('a missing tool: warning and null on a developer machine, an error in CI', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    delete process.env.CI;
    expect(isCI()).toBe(false);
    expect(requireTool('surely-absent-tool-x')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('SKIPPED: surely-absent-tool-x not found'));
    process.env.CI = 'true';
    expect(isCI()).toBe(true);
    expect(() => requireTool('surely-absent-tool-x')).toThrow('required tool missing in CI: surely-absent-tool-x');
  });
});
