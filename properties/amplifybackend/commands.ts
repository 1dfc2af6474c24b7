// The AmplifyBackend model-based commands over one backend environment: create the auth resource,
// read it, update it (each sub-configuration, the verification message above all), read a job.
import fc from 'fast-check';
import { authCreated, authUpdated, jobStarted, type AmplifyModel } from '../../models/amplifybackend/model.ts';
import type { CreateResourceConfig, UpdateResourceConfig } from '../../models/amplifybackend/shapes.ts';
import type { RunContext } from '../shared/context.ts';
import { BaseCommand, type ModelBox } from '../shared/model-run.ts';
import { createConfig, updateConfig, type UpdateWithoutResources } from './arbitraries.ts';
import {
  appId, checkDocumentedError, checkGetAuth, checkJob, checkJobResponse, createAuth, expectDocumentedSuccess, getAuth, updateAuth,
} from './steps.ts';

export type AmplifyBox = ModelBox<AmplifyModel>;

/** The run's backend environment, created by the property's set-up. */
const environments = new WeakMap<RunContext, string>();
export const setEnvironment = (ctx: RunContext, env: string) => environments.set(ctx, env);
const envOf = (ctx: RunContext) => environments.get(ctx)!;

abstract class AmplifyCommand extends BaseCommand<AmplifyModel> {}

export class CreateAuth extends AmplifyCommand {
  constructor(readonly config: CreateResourceConfig) { super(); }
  check(box: Readonly<AmplifyBox>): boolean { return !box.state.auth; }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const env = envOf(ctx);
    const result = await createAuth(ctx, env, this.config, ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG']);
    const output = expectDocumentedSuccess(ctx, 'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', 'CreateBackendAuth', result, 'a documented ResourceConfig is accepted');
    const job = checkJobResponse(ctx, 'CreateBackendAuth', appId(), env, output);
    box.state = jobStarted(authCreated(box.state, this.config), job.JobId, 'CreateBackendAuth');
  }

  toString(): string { return `CreateBackendAuth(${describe(this.config)})`; }
}

export class UpdateAuth extends AmplifyCommand {
  constructor(readonly update: UpdateWithoutResources) { super(); }
  check(box: Readonly<AmplifyBox>): boolean { return box.state.auth !== undefined; }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const env = envOf(ctx);
    const config: UpdateResourceConfig = { AuthResources: box.state.auth!.current.AuthResources, ...this.update };
    const result = await updateAuth(ctx, env, config, ['AMPLIFY.UPDATE.APPLIED']);
    const output = expectDocumentedSuccess(ctx, 'AMPLIFY.UPDATE.APPLIED', 'UpdateBackendAuth', result, 'a documented update of an existing auth resource is accepted');
    const job = checkJobResponse(ctx, 'UpdateBackendAuth', appId(), env, output);
    box.state = jobStarted(authUpdated(box.state, config), job.JobId, 'UpdateBackendAuth');
  }

  toString(): string { return `UpdateBackendAuth(${Object.keys(this.update.UserPoolConfigs).join(', ') || 'no user pool sub-configuration'}${this.update.IdentityPoolConfigs ? ', IdentityPoolConfigs' : ''})`; }
}

export class GetAuth extends AmplifyCommand {
  check(): boolean { return true; }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const env = envOf(ctx);
    if (box.state.auth) return checkGetAuth(ctx, env, box.state.auth);
    // Nothing created yet: a documented client error, never a configuration.
    const result = await getAuth(ctx, env, ['AMPLIFY.ERRORS.DOCUMENTED']);
    if (result.ok) {
      checkDocumentedError(ctx, 'GetBackendAuth', { code: 'success', httpStatus: 200, message: 'answered an auth resource that was never created' });
    } else {
      checkDocumentedError(ctx, 'GetBackendAuth', result.error);
    }
  }

  toString(): string { return 'GetBackendAuth'; }
}

export class GetJob extends AmplifyCommand {
  constructor(readonly index: number) { super(); }
  check(box: Readonly<AmplifyBox>): boolean { return box.state.jobs.size > 0; }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const jobs = [...box.state.jobs];
    const [jobId, operation] = jobs[this.index % jobs.length];
    await checkJob(ctx, envOf(ctx), jobId, operation);
  }

  toString(): string { return `GetBackendJob(#${this.index})`; }
}

const describe = (config: CreateResourceConfig) =>
  [config.AuthResources, ...Object.keys(config.UserPoolConfigs).filter((k) => typeof (config.UserPoolConfigs as Record<string, unknown>)[k] === 'object' && !Array.isArray((config.UserPoolConfigs as Record<string, unknown>)[k]))].join(', ');

export const createAuthCommand = { arbitrary: createConfig().map((c) => new CreateAuth(c)) };
export const updateAuthCommand = { arbitrary: updateConfig.map((u) => new UpdateAuth(u)) };
export const getAuthCommand = { arbitrary: fc.constant(null).map(() => new GetAuth()) };
export const getJobCommand = { arbitrary: fc.nat({ max: 20 }).map((i) => new GetJob(i)) };
