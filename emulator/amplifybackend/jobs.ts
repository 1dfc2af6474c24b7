// Backend jobs: every Create/Update/Delete starts one. The documents name no lifecycle (the API
// model types Status as a bare string, "The current status of the request."), so the emulator's is
// IN_PROGRESS for JOB_DURATION_MS of virtual time after the start, then COMPLETED. An auth job's
// change (CreateBackendAuth, UpdateBackendAuth, DeleteBackendAuth) takes effect when its job
// completes, as a deployment would: until then GetBackendAuth answers the configuration as it stood.
// Jobs complete in the order they started; their changes are applied lazily, at the next request
// that reads the app (`settleJobs`), which no request can tell apart from applying them on time.
// Backend environments (CreateBackend, DeleteBackend) change at once.
import { randomUUID } from 'node:crypto';
import type { AmplifyApp, BackendJob } from './store.ts';

const JOB_DURATION_MS = 10_000;
type JobStatus = 'IN_PROGRESS' | 'COMPLETED';

/** Starts a job; an auth job names its resource and what it does to the stored configuration once it completes. */
export function startJob(
  app: AmplifyApp,
  environment: string,
  operation: string,
  now: number,
  auth?: { resourceName: string; change: () => void },
): BackendJob {
  const job: BackendJob = {
    jobId: randomUUID(),
    environment,
    operation,
    startedAt: now,
    resourceName: auth?.resourceName,
    change: auth?.change,
    settled: auth === undefined,
  };
  app.jobs.set(job.jobId, job);
  return job;
}

export function jobStatus(job: BackendJob, now: number): JobStatus {
  return now >= job.startedAt + JOB_DURATION_MS ? 'COMPLETED' : 'IN_PROGRESS';
}

/** Applies, in the order they started, the changes of the app's jobs that have completed by `now`. */
export function settleJobs(app: AmplifyApp, now: number): void {
  for (const job of app.jobs.values()) {
    if (job.settled || jobStatus(job, now) !== 'COMPLETED') continue;
    job.settled = true;
    job.change?.();
  }
}

/** Whether a job of `operation` on `resourceName` in `environment` has not completed yet. */
export function jobRunning(app: AmplifyApp, environment: string, operation: string, resourceName: string): boolean {
  return [...app.jobs.values()].some((j) => !j.settled && j.environment === environment && j.operation === operation && j.resourceName === resourceName);
}

/** CreateTime and UpdateTime (the last status change) as ISO 8601 strings: the model types them as strings. */
export function jobTimes(job: BackendJob, now: number): { CreateTime: string; UpdateTime: string } {
  const changedAt = jobStatus(job, now) === 'COMPLETED' ? job.startedAt + JOB_DURATION_MS : job.startedAt;
  return { CreateTime: new Date(job.startedAt).toISOString(), UpdateTime: new Date(changedAt).toISOString() };
}
