// What every AmplifyBackend command shares. The commands work over one backend environment: create
// the auth resource, read it, update it (each sub-configuration, the verification message always),
// delete it, read a job.
import { changeRequested, jobEnded, type AmplifyModel, type PendingChange } from '../../../models/amplifybackend/model.ts';
import type { RunContext } from '../../shared/context.ts';
import { BaseCommand, type ModelBox } from '../../shared/model-run.ts';
import { awaitJob, type JobWatch } from '../steps.ts';

export type AmplifyBox = ModelBox<AmplifyModel>;

/** The run's backend environment, created by the property's set-up. */
const environments = new WeakMap<RunContext, string>();
export const setEnvironment = (ctx: RunContext, env: string) => environments.set(ctx, env);
export const envOf = (ctx: RunContext) => environments.get(ctx)!;

/**
 * The lifecycle's wait for a change's job: every poll a check of AMPLIFY.JOB.STATUS; a job that does
 * not complete leaves what the next steps judge unjudged (a set-up failure).
 */
export const LIFECYCLE_WATCH: JobWatch = {
  rules: [
    'AMPLIFY.GET.ROUND_TRIP',
    'AMPLIFY.VERIFICATION.ROUND_TRIP',
    'AMPLIFY.VERIFICATION.DELIVERY_METHOD_ENUM',
    'AMPLIFY.ENUMS',
    'AMPLIFY.UPDATE.APPLIED',
    'AMPLIFY.UPDATE.IMMUTABLE_PRESERVED',
    'AMPLIFY.ERRORS.NOT_FOUND',
  ],
  judge: true,
};

/**
 * A change the target accepted, answering `jobId`: pending in the model until its job ends, then
 * applied (the read-back reflects it only now). Each step waits for its job, so the next one (a read,
 * an update, a delete) never meets a job still running.
 */
export async function changed(ctx: RunContext, box: AmplifyBox, operation: string, jobId: string | undefined, change: PendingChange): Promise<void> {
  box.state = changeRequested(box.state, operation, jobId, change);
  await awaitJob(ctx, envOf(ctx), { jobId, operation }, LIFECYCLE_WATCH);
  // COMPLETED, or waited out where the job could not be read: a FAILED or unfinished job ended the run.
  box.state = jobEnded(box.state, 'completed');
}

export abstract class AmplifyCommand extends BaseCommand<AmplifyModel> {}
