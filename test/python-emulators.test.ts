// The Python emulators' installation as a user meets it: without Python, or without the package
// index, `run --target moto` ends with one line saying what is missing and how to use a moto they
// started, exit 2; an environment is made once, completely or not at all, and then reused.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ensurePythonEnv, pythonProblem } from '../harness/targets/managed/python-env.ts';
import { removeTempDirs, runCli, tempDir } from './support/cli.ts';

const python = pythonProblem({ minimumPython: [3, 0] });
afterEach(() => vi.unstubAllEnvs());
afterAll(removeTempDirs);

describe('--target moto when moto cannot be installed', () => {
  it('without Python: one line naming what is missing and the endpoint alternative, exit 2', async () => {
    const result = await runCli(['run', '--target', 'moto', '--report-dir', tempDir('conformance-py-')], {
      CONFORMANCE_PYTHON: '/nonexistent/python3',
      CONFORMANCE_EMULATORS_DIR: tempDir('conformance-py-'),
    });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/moto 5\.2\.5 could not be installed: \/nonexistent\/python3 is not on PATH/);
    expect(lines[0]).toContain('--target endpoint --emulator moto --endpoint');
  });

  it.skipIf(python)('without the package index: one line saying pip cannot reach it, exit 2, nothing half-made left', async () => {
    const dir = tempDir('conformance-py-');
    const result = await runCli(['run', '--target', 'moto', '--report-dir', tempDir('conformance-py-')], {
      CONFORMANCE_EMULATORS_DIR: dir,
      // A closed port stands for an index out of reach; one retry (pip says why it retries), refused at once.
      PIP_INDEX_URL: 'http://127.0.0.1:9/simple',
      PIP_RETRIES: '1',
      PIP_TIMEOUT: '2',
    });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^conformance: moto 5\.2\.5 could not be installed: pip cannot reach the Python package index \(/);
    expect(lines.at(-1)).toContain('--target endpoint --emulator moto --endpoint');
    expect(lines.slice(0, -1).every((line) => line.startsWith('conformance: installing moto'))).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a Python emulator environment', () => {
  it('names an interpreter that is too old', () => {
    expect(pythonProblem({ minimumPython: [99, 0] })).toMatch(/needs Python 99\.0 or newer/);
  });

  it.skipIf(python)('is made once, completely, and reused', async () => {
    const dir = tempDir('conformance-py-');
    vi.stubEnv('CONFORMANCE_EMULATORS_DIR', dir);
    const requirements = join(dir, 'nothing.txt');
    writeFileSync(requirements, '# nothing to install: only the environment itself\n');
    const pkg = { name: 'nothing', requirements, minimumPython: [3, 0] as const, alternative: 'or not' };
    const heard: string[] = [];
    const first = await ensurePythonEnv(pkg, (line) => heard.push(line));
    expect(heard).toHaveLength(1);
    expect(existsSync(first)).toBe(true);
    expect(existsSync(join(first, '..', '..', 'installed.json'))).toBe(true);
    expect(await ensurePythonEnv(pkg, (line) => heard.push(line))).toBe(first);
    expect(heard).toHaveLength(1);
    expect(readdirSync(dir).filter((entry) => entry.includes('.building-'))).toEqual([]);
  });
});
