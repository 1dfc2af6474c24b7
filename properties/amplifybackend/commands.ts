// The AmplifyBackend model-based commands over one backend environment: create the auth resource,
// read it, update it (each sub-configuration, the verification message always), delete it, read a job.
import fc from 'fast-check';
import { authCreated, authDeleted, authRead, authRebased, authUpdated, jobStarted, type AmplifyModel } from '../../models/amplifybackend/model.ts';
import type { CreateResourceConfig, UpdateResourceConfig } from '../../models/amplifybackend/shapes.ts';
import { expectSetup, expectSuccess } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { BaseCommand, type ModelBox } from '../shared/model-run.ts';
import { changedMessage, createConfig, messageConfig, updateConfig, type UpdateWithoutResources } from './arbitraries.ts';
import {
  appId, checkGetAuth, checkJob, checkJobResponse, createAuth, deleteAuth, describeConfig, expectNotFound, getAuth, updateAuth, verificationOf,
} from './steps.ts';

export type AmplifyBox = ModelBox<AmplifyModel>;

/** The run's backend environment, created by the property's set-up. */
const environments = new WeakMap<RunContext, string>();
export const setEnvironment = (ctx: RunContext, env: string) => environments.set(ctx, env);
const envOf = (ctx: RunContext) => environments.get(ctx)!;

/** The job a call answered, if it named one (a missing JobId is AMPLIFY.JOB.RESPONSE_FIELDS's). */
const withJob = (model: AmplifyModel, jobId: string | undefined, operation: string) => (jobId ? jobStarted(model, jobId, operation) : model);

abstract class AmplifyCommand extends BaseCommand<AmplifyModel> {}

export class CreateAuth extends AmplifyCommand {
  constructor(readonly config: CreateResourceConfig) { super(); }
  check(box: Readonly<AmplifyBox>): boolean { return !box.state.auth; }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const env = envOf(ctx);
    const result = await createAuth(ctx, env, this.config, ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG']);
    const output = expectSuccess(ctx, 'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', 'CreateBackendAuth', result, 'a documented ResourceConfig is accepted', `${describeConfig(this.config)} → accepted`);
    const job = checkJobResponse(ctx, 'CreateBackendAuth', appId(), env, output);
    // A job answered without its JobId is simply not recorded: the model holds what the target answered.
    ctx.brokeInStep = false;
    box.state = withJob(authCreated(box.state, this.config), job.JobId, 'CreateBackendAuth');
  }

  toString(): string { return `CreateBackendAuth(${describe(this.config)})`; }
}

/** An update; its verification message always differs from the one set, so that an update not applied shows. */
export class UpdateAuth extends AmplifyCommand {
  constructor(readonly update: UpdateWithoutResources) { super(); }
  // Each update is read back before the next: an update not applied is then judged on its own.
  check(box: Readonly<AmplifyBox>): boolean { return box.state.auth !== undefined && (!box.state.auth.beforeUpdate || box.state.auth.lastRead !== undefined); }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const env = envOf(ctx);
    const current = box.state.auth!.current;
    const message = changedMessage(verificationOf(current), this.update.UserPoolConfigs.VerificationMessage ?? { DeliveryMethod: 'EMAIL' });
    const config: UpdateResourceConfig = { AuthResources: current.AuthResources, ...this.update, UserPoolConfigs: { ...this.update.UserPoolConfigs, VerificationMessage: message } };
    const result = await updateAuth(ctx, env, config, ['AMPLIFY.UPDATE.APPLIED']);
    const output = expectSetup(ctx, 'AMPLIFY.UPDATE.APPLIED', 'UpdateBackendAuth', result, 'a documented update of an existing auth resource is accepted');
    const job = checkJobResponse(ctx, 'UpdateBackendAuth', appId(), env, output);
    // A job answered without its JobId is simply not recorded: the model holds what the target answered.
    ctx.brokeInStep = false;
    box.state = withJob(authUpdated(box.state, config), job.JobId, 'UpdateBackendAuth');
  }

  toString(): string { return `UpdateBackendAuth(${Object.keys(this.update.UserPoolConfigs).join(', ') || 'VerificationMessage'}${this.update.IdentityPoolConfigs ? ', IdentityPoolConfigs' : ''})`; }
}

export class GetAuth extends AmplifyCommand {
  check(): boolean { return true; }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const env = envOf(ctx);
    if (box.state.auth) {
      const answer = await checkGetAuth(ctx, env, box.state.auth);
      // A deviation already found: later steps judge from what the target now holds.
      box.state = ctx.brokeInStep ? authRebased(box.state, answer) : authRead(box.state, answer);
      ctx.brokeInStep = false;
      return;
    }
    const result = await getAuth(ctx, env, ['AMPLIFY.ERRORS.NOT_FOUND']);
    expectNotFound(ctx, 'GetBackendAuth', result, 'the auth resource (never created, or deleted)', 'GetBackendAuth of an unknown auth resource → NotFoundException');
  }

  toString(): string { return 'GetBackendAuth'; }
}

/** Deletes the auth resource: its job is read like any other (the delete answers its JobId). */
export class DeleteAuth extends AmplifyCommand {
  check(box: Readonly<AmplifyBox>): boolean { return box.state.auth !== undefined; }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const result = await deleteAuth(ctx, envOf(ctx), ['AMPLIFY.JOB.STATUS']);
    const output = expectSetup(ctx, 'AMPLIFY.JOB.STATUS', 'DeleteBackendAuth', result, 'an existing auth resource can be deleted');
    box.state = withJob(authDeleted(box.state), output.JobId || undefined, 'DeleteBackendAuth');
  }

  toString(): string { return 'DeleteBackendAuth'; }
}

/** Reads job `index` (modulo the jobs started), or the latest when `index` is negative. */
export class GetJob extends AmplifyCommand {
  constructor(readonly index: number) { super(); }
  check(box: Readonly<AmplifyBox>): boolean { return box.state.jobs.size > 0; }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const jobs = [...box.state.jobs];
    const [jobId, operation] = this.index < 0 ? jobs.at(-1)! : jobs[this.index % jobs.length]!;
    await checkJob(ctx, envOf(ctx), jobId, operation);
  }

  toString(): string { return this.index < 0 ? 'GetBackendJob(latest)' : `GetBackendJob(#${this.index})`; }
}

const describe = (config: CreateResourceConfig) =>
  [config.AuthResources, ...Object.keys(config.UserPoolConfigs).filter((k) => typeof (config.UserPoolConfigs as Record<string, unknown>)[k] === 'object' && !Array.isArray((config.UserPoolConfigs as Record<string, unknown>)[k]))].join(', ');

// Created with a verification message, so that every update changes one that was set.
export const createAuthCommand = { arbitrary: createConfig(false, true).map((c) => new CreateAuth(c)) };
export const updateAuthCommand = { arbitrary: fc.tuple(updateConfig, messageConfig).map(([u, m]) => new UpdateAuth({ ...u, UserPoolConfigs: { ...u.UserPoolConfigs, VerificationMessage: m } })) };
export const getAuthCommand = { arbitrary: fc.constant(null).map(() => new GetAuth()) };
export const deleteAuthCommand = { operations: ['DeleteBackendAuth'], arbitrary: fc.constant(null).map(() => new DeleteAuth()) };
export const getJobCommand = { arbitrary: fc.oneof(fc.constant(-1), fc.nat({ max: 20 })).map((i) => new GetJob(i)) };
