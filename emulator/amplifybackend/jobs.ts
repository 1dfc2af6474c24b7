// Backend jobs: every Create/Update/Delete starts one. The documents name no lifecycle, so the
// emulator's is IN_PROGRESS for JOB_DURATION_MS of virtual time after the start, then COMPLETED.
// The configuration itself is applied at once; the job only reports on it.
import { randomUUID } from 'node:crypto';
import type { AmplifyApp, BackendJob } from './store.ts';

const JOB_DURATION_MS = 10_000;
type JobStatus = 'IN_PROGRESS' | 'COMPLETED';

export function startJob(app: AmplifyApp, environment: string, operation: string, now: number): BackendJob {
  const job: BackendJob = { jobId: randomUUID(), environment, operation, startedAt: now };
  app.jobs.set(job.jobId, job);
  return job;
}

export function jobStatus(job: BackendJob, now: number): JobStatus {
  return now >= job.startedAt + JOB_DURATION_MS ? 'COMPLETED' : 'IN_PROGRESS';
}

/** CreateTime and UpdateTime (the last status change) as ISO 8601 strings: the model types them as strings. */
export function jobTimes(job: BackendJob, now: number): { CreateTime: string; UpdateTime: string } {
  const changedAt = jobStatus(job, now) === 'COMPLETED' ? job.startedAt + JOB_DURATION_MS : job.startedAt;
  return { CreateTime: new Date(job.startedAt).toISOString(), UpdateTime: new Date(changedAt).toISOString() };
}
