// A third-party emulator, started by the harness at its pinned version, against its checked-in
// baseline: CI turns red when the emulator (or the harness) changes behaviour, not because the
// emulator is imperfect. Loopback only; no process or directory left behind. The Python emulators
// (moto, LocalStack) are installed on first use into .emulators/; on a machine without a usable
// Python they are skipped, and the skip says why. One file per emulator (test/third-party/), so
// that they run beside the other tests: they spend most of their time waiting out documented rates.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFlags, installEmulator, type ManagedEmulatorName, processSignature, unavailableReason } from '../../harness/targets/managed/emulators.ts';
import { CLI_TIMEOUT_MS, removeTempDirs, ROOT, runCli, tempDir } from './cli.ts';

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

/** The baseline test and the Ctrl-C test of one emulator. */
export function describeAgainstBaseline(name: ManagedEmulatorName): void {
  afterAll(removeTempDirs);
  const skipped = unavailableReason(name);
  if (skipped) console.warn(`third-party: skipped ${name} against its baseline: ${skipped}`);

  // Each test runs the command (or waits on it) for at most CLI_TIMEOUT_MS: only a hang fails one.
  describe(`${name} against its baseline`, { timeout: CLI_TIMEOUT_MS + 10_000 }, () => {
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
  });
}
