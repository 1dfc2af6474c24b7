// AmplifyBackend state, per account and region: apps (known once CreateBackend names them), their
// backend environments with the auth resources configured in them, and the jobs that were started.
import { RegionalStore } from '../regional-store.ts';
import type { StoredAuthConfig } from './shapes.ts';

export interface BackendJob {
  jobId: string;
  environment: string;
  operation: string;
  /** Virtual time the job started. */
  startedAt: number;
  /** The auth resource an auth job is about. */
  resourceName?: string;
  /** What the job does to the stored configuration when it completes (jobs.ts). */
  change?: () => void;
  /** Its change has been applied (or it has none). */
  settled: boolean;
}

export interface BackendEnvironment {
  name: string;
  /** Auth resources by ResourceName. */
  auth: Map<string, StoredAuthConfig>;
}

export interface AmplifyApp {
  appId: string;
  appName: string;
  environments: Map<string, BackendEnvironment>;
  /** By jobId; jobs outlive the environment they ran in, so a delete's job can still be read. */
  jobs: Map<string, BackendJob>;
}

export interface AmplifyRegion {
  apps: Map<string, AmplifyApp>;
}

export function createAmplifyStore(): RegionalStore<AmplifyRegion> {
  return new RegionalStore(() => ({ apps: new Map() }));
}
