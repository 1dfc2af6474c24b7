// The third-party emulators, started by the harness from the pinned dependencies, against the
// checked-in baselines: CI turns red when an emulator (or the harness) changes behaviour, not
// because the emulators are imperfect. Loopback only; no process or directory left behind.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANAGED_EMULATORS } from '../harness/targets/managed/emulators.ts';
import { ROOT, runCli } from './support/cli.ts';

const SCRIPT = { 'cognito-local': 'cognito-local/lib/bin/start.js', 'aws-ses-v2-local': 'aws-ses-v2-local/dist/cli.js' } as const;
const runningCopies = (name: keyof typeof SCRIPT) => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(SCRIPT[name])).length;
const leftoverDirs = (name: string) => readdirSync(tmpdir()).filter((entry) => entry.startsWith(`conformance-${name}-`));

describe.each(MANAGED_EMULATORS.filter((name) => existsSync(join(ROOT, 'baselines', `${name}.json`))))('%s against its baseline', (name) => {
  it('finds exactly the known divergences, and leaves nothing running', async () => {
    const before = leftoverDirs(name).length;
    const reportDir = mkdtempSync(join(tmpdir(), 'conformance-3p-'));
    const result = await runCli(['run', '--target', name, '--baseline', `baselines/${name}.json`, '--seed', '1', '--timeout-ms', '2000', '--report-dir', reportDir], {}, 240_000);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain(`matches the baseline baselines/${name}.json`);
    expect(runningCopies(name)).toBe(0);
    expect(leftoverDirs(name).length).toBe(before);
  });

  it('stops the emulator when the run is interrupted', async () => {
    const before = leftoverDirs(name).length;
    const child = spawn(process.execPath, ['bin/conformance.mjs', 'run', '--target', name, '--timeout-ms', '2000', '--report-dir', mkdtempSync(join(tmpdir(), 'conformance-3p-'))], { cwd: ROOT, stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (runningCopies(name) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(runningCopies(name)).toBe(1);
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    await new Promise((r) => setTimeout(r, 500));
    expect(runningCopies(name)).toBe(0);
    expect(leftoverDirs(name).length).toBe(before);
  });
});
