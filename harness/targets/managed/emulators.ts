// The third-party emulators the harness can start itself, from the versions pinned in
// package.json: how to start each, how to tell it is up, and which services it emulates.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServiceName } from '../../../services/index.ts';
import { startManaged, type ManagedProcess } from './process.ts';

const require = createRequire(import.meta.url);

export const MANAGED_EMULATORS = ['cognito-local', 'aws-ses-v2-local'] as const;
export type ManagedEmulatorName = (typeof MANAGED_EMULATORS)[number];

interface ManagedEmulatorSpec {
  /** The services it emulates: the default `--services` when it is the target. */
  services: ServiceName[];
  script: string;
  args?: (port: number) => string[];
  env?: (port: number) => NodeJS.ProcessEnv;
  ready(url: string): Promise<boolean>;
}

const answers = async (url: string, init?: RequestInit) => (await fetch(url, { ...init, signal: AbortSignal.timeout(1_000) })).status > 0;

const SPECS: Record<ManagedEmulatorName, ManagedEmulatorSpec> = {
  'cognito-local': {
    services: ['cognito-idp'],
    script: 'lib/bin/start.js',
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
    script: 'dist/cli.js',
    args: (port) => ['--port', String(port), '--host', '127.0.0.1'],
    ready: async (url) => (await fetch(`${url}/health-check`, { signal: AbortSignal.timeout(1_000) })).ok,
  },
};

export const isManagedEmulator = (name: string): name is ManagedEmulatorName => MANAGED_EMULATORS.some((managed) => managed === name);

export const servicesOf = (name: ManagedEmulatorName) => SPECS[name].services;

function packageDir(name: ManagedEmulatorName): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new Error(`${name} is not installed: npm install --save-dev ${name} (the version is pinned in package.json)`);
  }
}

/** The installed version, as the matrix and the report show it. */
export function emulatorVersion(name: ManagedEmulatorName): string | undefined {
  try {
    return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

export function startEmulator(name: ManagedEmulatorName): Promise<ManagedProcess> {
  const spec = SPECS[name];
  return startManaged({ name, script: join(packageDir(name), spec.script), args: spec.args, env: spec.env, ready: spec.ready });
}
