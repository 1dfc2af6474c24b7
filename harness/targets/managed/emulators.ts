// The third-party emulators the harness can start itself, at the versions the project pins: the
// npm ones from package.json, moto from its requirements file (into a project-local virtual
// environment). How to start each, how to tell it is up, and which services it emulates.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceName } from '../../../services/index.ts';
import { startManaged, type ManagedProcess } from './process.ts';
import { ensurePythonEnv, envPython, pinnedVersion, pythonProblem, type PythonPackage } from './python-env.ts';

const require = createRequire(import.meta.url);

export const MANAGED_EMULATORS = ['cognito-local', 'aws-ses-v2-local', 'moto', 'localstack'] as const;
export type ManagedEmulatorName = (typeof MANAGED_EMULATORS)[number];

/** An npm package's script, run with this Node. */
interface NodeRuntime {
  kind: 'node';
  script: string;
}
/** A Python module, run with the Python of the emulator's own virtual environment. */
interface PythonRuntime extends PythonPackage {
  kind: 'python';
  module: string;
}

/**
 * A module of a pinned PyPI package (`requirements/<file>`, the pip freeze on Python 3.11, so 3.11
 * or newer), and what to do instead where it cannot be installed.
 */
const pythonModule = (name: string, module: string, file: string, alternative: string): PythonRuntime => ({
  kind: 'python',
  name,
  module,
  requirements: fileURLToPath(new URL(`./requirements/${file}`, import.meta.url)),
  minimumPython: [3, 11],
  alternative,
});

/** Up once GET `path` answers 200. */
const okAt = (path: string) => async (url: string) => (await fetch(`${url}${path}`, { signal: AbortSignal.timeout(1_000) })).ok;

interface ManagedEmulatorSpec {
  /** The services it emulates: the default `--services` when it is the target. */
  services: ServiceName[];
  runtime: NodeRuntime | PythonRuntime;
  args: (port: number) => string[];
  env?: (port: number, workDir: string) => NodeJS.ProcessEnv;
  ready(url: string): Promise<boolean>;
  startupMs?: number;
  /** Runs per property for its baseline and matrix column, where the default would take too long, and why. */
  checkRuns?: { runs: number; why: string };
}

/** An Authorization header that names the service (emulators route by its credential scope); emulators do not check the signature. */
const SIGNED_FOR = (service: string) => `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;

const answers = async (url: string, init?: RequestInit) => (await fetch(url, { ...init, signal: AbortSignal.timeout(1_000) })).status > 0;

/** An emulator with SES and no clock to move waits out the documented rates in real time: 25 runs would take many minutes. */
const PACED_WITHOUT_CLOCK = { runs: 5, why: 'its SES calls are paced at the documented one a second, with no clock to move' };

const SPECS: Record<ManagedEmulatorName, ManagedEmulatorSpec> = {
  'cognito-local': {
    services: ['cognito-idp'],
    runtime: { kind: 'node', script: 'lib/bin/start.js' },
    args: () => [],
    env: (port) => ({ PORT: String(port), HOST: '127.0.0.1' }),
    ready: (url) =>
      answers(url, {
        method: 'POST',
        headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools', 'content-type': 'application/x-amz-json-1.1' },
        body: '{"MaxResults":1}',
      }),
  },
  'aws-ses-v2-local': {
    services: ['ses'],
    runtime: { kind: 'node', script: 'dist/cli.js' },
    args: (port) => ['--port', String(port), '--host', '127.0.0.1'],
    ready: okAt('/health-check'),
  },
  moto: {
    // moto's server answers for every service it knows on one port; of these five it has SES (v1)
    // and Cognito user pools. It has no Pinpoint Email, Lightsail or AmplifyBackend.
    services: ['ses', 'cognito-idp'],
    runtime: pythonModule(
      'moto',
      'moto.server',
      'moto.txt',
      'or start moto yourself (pip install "moto[server]"; moto_server -p 5000) and run --target endpoint --emulator moto --endpoint http://127.0.0.1:5000',
    ),
    args: (port) => ['-H', '127.0.0.1', '-p', String(port)],
    // Its dashboard route answers once the server is up (moto/moto_api/_internal/urls.py).
    ready: okAt('/moto-api/'),
    startupMs: 60_000,
    checkRuns: PACED_WITHOUT_CLOCK,
  },
  localstack: {
    // The community edition run on the host, without Docker (its `localstack start --host` mode,
    // started here as the module that mode runs). Of these five it has SES (v1) only; the others
    // answer 501 "not included in your current license plan or has not yet been emulated".
    services: ['ses'],
    runtime: pythonModule(
      'localstack-core',
      'localstack.runtime.main',
      'localstack.txt',
      'or run LocalStack yourself (e.g. a CI service container, image localstack/localstack) and use --target endpoint --emulator localstack --endpoint http://127.0.0.1:4566',
    ),
    args: () => [],
    env: (port, workDir) => ({
      GATEWAY_LISTEN: `127.0.0.1:${port}`,
      SERVICES: 'ses',
      // Load SES at start: its mailbox route (/_aws/ses) exists only once SES is loaded (localstack/services/ses/provider.py).
      EAGER_SERVICE_LOADING: '1',
      // Not in a container (these machines may look like one): keep every file in the working directory.
      OVERRIDE_IN_DOCKER: '0',
      FILESYSTEM_ROOT: join(workDir, 'localstack'),
      // No telemetry, no certificate download and no DNS server of its own.
      DISABLE_EVENTS: '1',
      SKIP_SSL_CERT_DOWNLOAD: '1',
      DNS_ADDRESS: '0',
    }),
    // Up once SES answers: its first call loads SES's code, which takes seconds (4 s here).
    ready: async (url) =>
      (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: SIGNED_FOR('ses') },
          body: 'Action=ListIdentities&Version=2010-12-01',
          signal: AbortSignal.timeout(30_000),
        })
      ).ok,
    startupMs: 90_000,
    checkRuns: PACED_WITHOUT_CLOCK,
  },
};

export const isManagedEmulator = (name: string): name is ManagedEmulatorName => MANAGED_EMULATORS.some((managed) => managed === name);

export const servicesOf = (name: ManagedEmulatorName) => SPECS[name].services;

function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new Error(`${name} is not installed: npm install --save-dev ${name} (the version is pinned in package.json)`);
  }
}

/** The pinned version, as the matrix and the report show it. */
export function emulatorVersion(name: ManagedEmulatorName): string | undefined {
  const { runtime } = SPECS[name];
  try {
    return runtime.kind === 'python' ? pinnedVersion(runtime) : JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** The flags its baseline and matrix runs add to `run --target <name>`. */
export function checkFlags(name: ManagedEmulatorName): string[] {
  const fewer = SPECS[name].checkRuns;
  return ['--timeout-ms', '3000', ...(fewer ? ['--runs', String(fewer.runs)] : [])];
}

/** Where its baseline and matrix runs use fewer runs than the default: how many, and why. */
export const checkRunsOf = (name: ManagedEmulatorName) => SPECS[name].checkRuns;

/** Why the harness cannot start it on this machine (a Python emulator without a usable Python), or undefined when it can. */
export function unavailableReason(name: ManagedEmulatorName): string | undefined {
  const { runtime } = SPECS[name];
  if (runtime.kind !== 'python') return undefined;
  const problem = pythonProblem(runtime);
  return problem && `${name} needs Python: ${problem}`;
}

/** What a running copy's command line contains, so tests can tell the harness left none behind. */
export function processSignature(name: ManagedEmulatorName): string {
  const { runtime } = SPECS[name];
  return runtime.kind === 'python' ? `${envPython(runtime)} -m ${runtime.module}` : join(name, runtime.script);
}

/** The command that runs it, and its leading arguments: a Python emulator's environment is installed first, on first use. */
export async function installEmulator(name: ManagedEmulatorName, progress?: (line: string) => void): Promise<[command: string, leading: string[]]> {
  const { runtime } = SPECS[name];
  return runtime.kind === 'python'
    ? [await ensurePythonEnv(runtime, progress), ['-m', runtime.module]]
    : [process.execPath, [join(packageDir(name), runtime.script)]];
}

/** Starts it on a free loopback port. */
export async function startEmulator(name: ManagedEmulatorName, progress?: (line: string) => void): Promise<ManagedProcess> {
  const spec = SPECS[name];
  const [command, leading] = await installEmulator(name, progress);
  return startManaged({ name, command, args: (port) => [...leading, ...spec.args(port)], env: spec.env, ready: spec.ready, startupMs: spec.startupMs });
}
