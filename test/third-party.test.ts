// The third-party emulators, started by the harness at their pinned versions, against the
// checked-in baselines: CI turns red when an emulator (or the harness) changes behaviour, not
// because the emulators are imperfect. Loopback only; no process or directory left behind. The
// Python emulators (moto, LocalStack) are installed on first use into .emulators/; on a machine
// without a usable Python they are skipped, and the skip says why.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkFlags,
  installEmulator,
  MANAGED_EMULATORS,
  type ManagedEmulatorName,
  processSignature,
  unavailableReason,
} from '../harness/targets/managed/emulators.ts';
import { CLI_TIMEOUT_MS, removeTempDirs, ROOT, runCli, tempDir } from './support/cli.ts';

// Compared as sets, before and after: other runs on the same machine may have copies of their own.
const runningCopies = (name: ManagedEmulatorName) =>
  new Set(
    execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(processSignature(name)))
      .map((line) => line.trim().split(/\s+/)[0]),
  );
const leftoverDirs = (name: string) => new Set(readdirSync(tmpdir()).filter((entry) => entry.startsWith(`conformance-${name}-`)));
const added = <T>(after: Set<T>, before: Set<T>) => [...after].filter((item) => !before.has(item));

/** Polls until `done` holds or the deadline (CLI_TIMEOUT_MS from the test's start) has passed: only a hang fails, never a slow machine. */
async function waitFor(done: () => boolean, deadline: number): Promise<void> {
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

afterAll(removeTempDirs);

// Each test runs the command (or waits on it) for at most CLI_TIMEOUT_MS: only a hang fails one.
const withBaselines = MANAGED_EMULATORS.filter((name) => existsSync(join(ROOT, 'baselines', `${name}.json`)));
const unavailable = new Map(withBaselines.flatMap((name) => (unavailableReason(name) ? [[name, unavailableReason(name)]] : [])));
for (const [name, reason] of unavailable) console.warn(`third-party: skipped ${name} against its baseline: ${reason}`);

describe.each(withBaselines.map((name) => [name, unavailable.get(name)] as const))(
  '%s against its baseline',
  { timeout: CLI_TIMEOUT_MS + 10_000 },
  (name, skipped) => {
    if (skipped) {
      it.skip(`skipped: ${skipped}`, () => {});
      return;
    }
    // A Python emulator installs on first use (pip: a minute or two on a fresh machine): before the runs, not in their time.
    beforeAll(() => installEmulator(name), 900_000);
    it('finds exactly the known divergences, and leaves nothing running', async () => {
      const [dirsBefore, copiesBefore] = [leftoverDirs(name), runningCopies(name)];
      const reportDir = tempDir('conformance-3p-');
      const result = await runCli([
        'run',
        '--target',
        name,
        '--baseline',
        `baselines/${name}.json`,
        '--seed',
        '1',
        ...checkFlags(name),
        '--report-dir',
        reportDir,
      ]);
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(result.stdout).toContain(`matches the baseline baselines/${name}.json`);
      expect(added(runningCopies(name), copiesBefore)).toEqual([]);
      expect(added(leftoverDirs(name), dirsBefore)).toEqual([]);
    });

    it('stops the emulator when the run is interrupted', async () => {
      const [dirsBefore, copiesBefore] = [leftoverDirs(name), runningCopies(name)];
      const child = spawn(process.execPath, ['bin/conformance.mjs', 'run', '--target', name, ...checkFlags(name), '--report-dir', tempDir('conformance-3p-')], {
        cwd: ROOT,
        stdio: 'ignore',
      });
      const deadline = Date.now() + CLI_TIMEOUT_MS;
      await waitFor(() => child.exitCode !== null || added(runningCopies(name), copiesBefore).length > 0, deadline);
      expect(added(runningCopies(name), copiesBefore)).toHaveLength(1);
      child.kill('SIGINT');
      if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
      await waitFor(() => added(runningCopies(name), copiesBefore).length === 0, deadline);
      expect(added(runningCopies(name), copiesBefore)).toEqual([]);
      expect(added(leftoverDirs(name), dirsBefore)).toEqual([]);
    });
  },
);
