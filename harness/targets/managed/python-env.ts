// A Python emulator (moto) lives in a virtual environment of its own inside the project,
// created with `python3 -m venv` and filled by pip from a pinned requirements file on first use,
// then reused. It is built beside its final place and renamed into it once complete, so a run
// interrupted mid-install, or two runs installing at once, never leave a half-filled environment
// that a later run would trust. The environment is run as `<env>/bin/python -m <module>`: unlike
// its console scripts, that keeps working after the rename.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the environments go: `.emulators/` in the project, or CONFORMANCE_EMULATORS_DIR. */
const emulatorsDir = (env: NodeJS.ProcessEnv = process.env) => env.CONFORMANCE_EMULATORS_DIR || join(ROOT, '.emulators');

export interface PythonPackage {
  /** The pinned distribution, e.g. moto: its version is read from the requirements file. */
  name: string;
  /** A requirements file pinning the package and everything it installs. */
  requirements: string;
  /** The oldest Python the pinned set installs on, e.g. [3, 11]. */
  minimumPython: readonly [number, number];
  /** What to tell a user who cannot install it: how to point the harness at one they run. */
  alternative: string;
}

/** Why a Python emulator cannot be installed: one line, with what to do instead. */
class PythonEnvError extends Error {
  override readonly name = 'PythonEnvError';
}

/** The version the requirements file pins the package at. */
export function pinnedVersion(pkg: Pick<PythonPackage, 'name' | 'requirements'>): string | undefined {
  const pinned = new RegExp(`^${pkg.name}(\\[[^\\]]*\\])?==([^\\s;#]+)`, 'im').exec(readFileSync(pkg.requirements, 'utf8'));
  return pinned?.[2];
}

interface Ran {
  code: number | null;
  output: string;
  missing: boolean;
}

/** Runs a command to its end, keeping the tail of what it printed; `missing` when the program does not exist. */
function runCommand(command: string, args: string[], timeoutMs: number): Promise<Ran> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' } });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ code: null, output: error.message, missing: error.code === 'ENOENT' });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, missing: false });
    });
  });
}

/** pip's words (in its retry warnings) for "the index cannot be reached", as opposed to a pin it has no such version of, or a build that failed. */
const OFFLINE = /Failed to establish a new connection|Temporary failure in name resolution|Name or service not known|ProxyError|Network is unreachable/;

const lastLine = (output: string) =>
  output
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^(notice|hint)\b/i.test(line))
    .at(-1) ?? '';

const interpreter = () => process.env.CONFORMANCE_PYTHON || 'python3';

/** Why no environment can be made for the package here (no Python, too old, no venv module), or undefined when one can. */
export function pythonProblem(pkg: Pick<PythonPackage, 'minimumPython'>): string | undefined {
  const python = interpreter();
  const probe = spawnSync(python, ['-c', 'import sys, venv; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.error) return `${python} is not on PATH (install Python 3, or name it with CONFORMANCE_PYTHON)`;
  if (probe.status !== 0) return `${python} has no venv module (${lastLine(probe.stderr)})`;
  const [major, minor] = probe.stdout.trim().split('.').map(Number);
  const [needMajor, needMinor] = pkg.minimumPython;
  if (major < needMajor || (major === needMajor && minor < needMinor))
    return `it needs Python ${needMajor}.${needMinor} or newer and ${python} is ${probe.stdout.trim()} (name another with CONFORMANCE_PYTHON)`;
  return undefined;
}

const envDigest = (pkg: Pick<PythonPackage, 'requirements'>) => createHash('sha256').update(readFileSync(pkg.requirements, 'utf8')).digest('hex').slice(0, 12);

/** The Python of the package's environment (made or not): one environment per package, version and requirements file. */
export const envPython = (pkg: Pick<PythonPackage, 'name' | 'requirements'>) =>
  join(emulatorsDir(), `${pkg.name}-${pinnedVersion(pkg) ?? 'unpinned'}-${envDigest(pkg)}`, 'bin', 'python');

/**
 * The environment's Python, installing the package first when the environment is missing or was
 * made from other requirements. `progress` hears one line before a (slow) install starts.
 */
export async function ensurePythonEnv(pkg: PythonPackage, progress: (line: string) => void = () => {}): Promise<string> {
  const python = envPython(pkg);
  const dir = join(python, '..', '..');
  const version = pinnedVersion(pkg) ?? 'unpinned';
  const digest = envDigest(pkg);
  const marker = join(dir, 'installed.json');
  if (existsSync(marker) && existsSync(python)) return python;

  const fail = (what: string): never => {
    throw new PythonEnvError(`${pkg.name} ${version} could not be installed: ${what}; ${pkg.alternative}`);
  };
  const problem = pythonProblem(pkg);
  if (problem) fail(problem);
  const python3 = interpreter();

  mkdirSync(emulatorsDir(), { recursive: true });
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  progress(`installing ${pkg.name} ${version} into ${dir} (first use) ...`);
  try {
    const venv = await runCommand(python3, ['-m', 'venv', building], 120_000);
    if (venv.code !== 0) fail(`${python3} -m venv failed (${lastLine(venv.output)}; Debian: apt-get install python3-venv)`);
    const pip = await runCommand(
      join(building, 'bin', 'python'),
      ['-m', 'pip', 'install', '--no-input', '--quiet', '--requirement', pkg.requirements],
      15 * 60_000,
    );
    if (pip.missing || pip.code !== 0) {
      const cause = lastLine(pip.output);
      fail(OFFLINE.test(pip.output) ? `pip cannot reach the Python package index (${cause})` : `pip install failed (${cause})`);
    }
    writeFileSync(join(building, 'installed.json'), `${JSON.stringify({ package: pkg.name, version, requirements: digest }, null, 2)}\n`);
    // Another run may have finished the same environment meanwhile: theirs is as good, and in use.
    if (!existsSync(marker)) {
      rmSync(dir, { recursive: true, force: true }); // unfinished: no marker
      try {
        renameSync(building, dir);
      } catch (error) {
        if (!existsSync(marker)) throw error;
      }
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return python;
}
