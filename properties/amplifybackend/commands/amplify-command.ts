// What every AmplifyBackend command shares. The commands work over one backend environment: create
// the auth resource, read it, update it (each sub-configuration, the verification message always),
// delete it, read a job.
import { jobStarted, type AmplifyModel } from '../../../models/amplifybackend/model.ts';
import type { RunContext } from '../../shared/context.ts';
import { BaseCommand, type ModelBox } from '../../shared/model-run.ts';

export type AmplifyBox = ModelBox<AmplifyModel>;

/** The run's backend environment, created by the property's set-up. */
const environments = new WeakMap<RunContext, string>();
export const setEnvironment = (ctx: RunContext, env: string) => environments.set(ctx, env);
export const envOf = (ctx: RunContext) => environments.get(ctx)!;

/** The job a call answered, if it named one (a missing JobId is AMPLIFY.JOB.RESPONSE_FIELDS's). */
export const withJob = (model: AmplifyModel, jobId: string | undefined, operation: string) => (jobId ? jobStarted(model, jobId, operation) : model);

export abstract class AmplifyCommand extends BaseCommand<AmplifyModel> {}
