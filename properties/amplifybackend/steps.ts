// AmplifyBackend steps shared by the stateless properties and the model-based commands: the app
// and backend environment of a run, the auth calls, and the checks of their answers.
import {
  CreateBackendAuthCommand, CreateBackendCommand, DeleteBackendCommand, GetBackendAuthCommand, GetBackendJobCommand, UpdateBackendAuthCommand,
} from '@aws-sdk/client-amplifybackend';
import { at, compareAuth, type AuthResource } from '../../models/amplifybackend/model.ts';
import {
  DOCUMENTED_ERRORS, ENUM_PATHS, GetBackendAuthResponse, GetBackendJobResponse, JOB_FIELDS, JobResponse, VERIFICATION_DELIVERY_PATH, DELIVERY_METHODS,
  type CreateResourceConfig, type UpdateResourceConfig,
} from '../../models/amplifybackend/shapes.ts';
import type { ObservedError } from '../../models/shared/aws-error.ts';
import type { Target } from '../../harness/targets/target.ts';
import { redactValue } from '../../harness/transport/redact.ts';
import type { RuleId } from '../../spec/index.ts';
import { call, type CallResult } from '../shared/call.ts';
import { checkThat, expectMember, expectRejected, expectShape, expectSuccess, fail } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { TargetError } from '../shared/failure.ts';

/** The Amplify app every run works in: on AWS an existing one (never created by the harness). */
export const AMPLIFY_APP_ID_VARIABLE = 'CONFORMANCE_AMPLIFY_APP_ID';
const EMULATOR_APP_ID = 'd1avcconformance';

export function unavailableOn(target: Target): string | undefined {
  if (target.kind === 'aws' && !process.env[AMPLIFY_APP_ID_VARIABLE]) {
    return `CreateBackend needs an existing Amplify app: set ${AMPLIFY_APP_ID_VARIABLE} to its AppId (the harness never creates Amplify apps)`;
  }
  return undefined;
}

export const appId = () => process.env[AMPLIFY_APP_ID_VARIABLE] || EMULATOR_APP_ID;

/** An app id no target knows. */
export const UNKNOWN_APP_ID = 'd0avcnosuchapp';

/** A backend environment name of this run: lowercase letters only, at most 10 (Amplify's limits). */
export function envName(ctx: RunContext, label: string): string {
  const prefix = ctx.naming.domain(label).split('.')[0].replace(/^avc-/, '');
  return prefix.replace(/[^a-z0-9]/g, '').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]).slice(-10);
}

/** `resourceName` null: the request leaves ResourceName out. */
/** Printable, with every secret redacted: findings quote configurations. */
export const show = (value: unknown) => JSON.stringify(redactValue(value));

export const RESOURCE_NAME = 'avcauth';

/** A backend environment of this run (removed after it), created through CreateBackend. */
export async function setUpBackend(ctx: RunContext, rules: readonly RuleId[], label = 'env'): Promise<{ env: string; jobId: string }> {
  const env = envName(ctx, label);
  const app = appId();
  ctx.target.resources.add(`amplifybackend:${app}/${env}`, () => ctx.target.client('amplifybackend').send(new DeleteBackendCommand({ AppId: app, BackendEnvironmentName: env })));
  const result = await call(ctx, 'amplifybackend', new CreateBackendCommand({ AppId: app, AppName: 'avc-conformance', BackendEnvironmentName: env }), rules);
  if (!result.ok) throw new TargetError(rules, 'CreateBackend', `set-up CreateBackend failed: ${result.error.code} (HTTP ${result.error.httpStatus}) ${result.error.message}`, ctx.evidence());
  const job = checkJobResponse(ctx, 'CreateBackend', app, env, result.output);
  return { env, jobId: job.JobId };
}

export const createAuth = (ctx: RunContext, env: string, config: unknown, rules: readonly RuleId[], app = appId(), resourceName: string | null = RESOURCE_NAME) =>
  call(ctx, 'amplifybackend', new CreateBackendAuthCommand({ AppId: app, BackendEnvironmentName: env, ResourceName: resourceName ?? undefined, ResourceConfig: config } as never), rules);

export const updateAuth = (ctx: RunContext, env: string, config: unknown, rules: readonly RuleId[], app = appId(), resourceName: string | null = RESOURCE_NAME) =>
  call(ctx, 'amplifybackend', new UpdateBackendAuthCommand({ AppId: app, BackendEnvironmentName: env, ResourceName: resourceName ?? undefined, ResourceConfig: config } as never), rules);

export const getAuth = (ctx: RunContext, env: string, rules: readonly RuleId[], app = appId()) =>
  call(ctx, 'amplifybackend', new GetBackendAuthCommand({ AppId: app, BackendEnvironmentName: env, ResourceName: RESOURCE_NAME }), rules);

export const getJob = (ctx: RunContext, env: string, jobId: string, rules: readonly RuleId[], app = appId()) =>
  call(ctx, 'amplifybackend', new GetBackendJobCommand({ AppId: app, BackendEnvironmentName: env, JobId: jobId }), rules);

/** Every rejection: one of the documented errors, with its documented HTTP status. */
export function checkDocumentedError(ctx: RunContext, operation: string, error: ObservedError): void {
  const status = DOCUMENTED_ERRORS[error.code];
  checkThat(ctx, 'AMPLIFY.ERRORS.DOCUMENTED', operation, status === error.httpStatus, () => ({
    message: status === undefined ? `${operation} answered an undocumented error` : `${error.code} answered with the wrong HTTP status`,
    expected: Object.entries(DOCUMENTED_ERRORS).map(([code, s]) => `${code} (HTTP ${s})`).join(', '),
    actual: `${error.code} (HTTP ${error.httpStatus}): ${error.message}`,
  }));
}

export function expectDocumentedSuccess<O>(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<O>, expected: string): O {
  if (!result.ok) checkDocumentedError(ctx, operation, result.error);
  return expectSuccess(ctx, ruleId, operation, result, expected);
}

/** A missing required member: BadRequestException (HTTP 400). */
export function expectBadRequest(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<unknown>, expected: string): void {
  const error = expectRejected(ctx, ruleId, operation, result, `${expected}: BadRequestException (HTTP 400)`, ['BadRequestException']);
  checkThat(ctx, ruleId, operation, error.httpStatus === 400, () => ({ message: 'BadRequestException with a status other than 400', expected: 'HTTP 400', actual: `HTTP ${error.httpStatus}` }));
}

/** An unknown app or environment: NotFoundException (HTTP 404). */
export function expectNotFound(ctx: RunContext, operation: string, result: CallResult<unknown>, what: string): void {
  const error = expectRejected(ctx, 'AMPLIFY.ERRORS.NOT_FOUND', operation, result, `${what} is unknown: NotFoundException (HTTP 404)`, ['NotFoundException']);
  checkThat(ctx, 'AMPLIFY.ERRORS.NOT_FOUND', operation, error.httpStatus === 404, () => ({ message: 'NotFoundException with a status other than 404', expected: 'HTTP 404', actual: `HTTP ${error.httpStatus}` }));
}

/** Create/Update/CreateBackend answer the job they started: every field there, AppId and environment those of the request. */
export function checkJobResponse(ctx: RunContext, operation: string, app: string, env: string, output: unknown): { JobId: string; Operation: string } {
  const job = expectShape(ctx, 'AMPLIFY.JOB.RESPONSE_FIELDS', operation, JobResponse, output);
  const missing = JOB_FIELDS.filter((field) => !job[field]);
  checkThat(ctx, 'AMPLIFY.JOB.RESPONSE_FIELDS', operation, missing.length === 0, () => ({
    message: `the answer lacks ${missing.join(', ')}`,
    expected: `non-empty ${JOB_FIELDS.join(', ')}`,
    actual: show(job),
  }));
  checkThat(ctx, 'AMPLIFY.JOB.RESPONSE_FIELDS', operation, job.AppId === app && job.BackendEnvironmentName === env, () => ({
    message: 'the answer names another app or environment than the request',
    expected: `AppId ${app}, BackendEnvironmentName ${env}`,
    actual: `AppId ${job.AppId}, BackendEnvironmentName ${job.BackendEnvironmentName}`,
  }));
  return { JobId: job.JobId!, Operation: job.Operation! };
}

/** GetBackendJob reports the job a call started. */
export async function checkJob(ctx: RunContext, env: string, jobId: string, operation: string): Promise<void> {
  const result = await getJob(ctx, env, jobId, ['AMPLIFY.JOB.STATUS']);
  const output = expectDocumentedSuccess(ctx, 'AMPLIFY.JOB.STATUS', 'GetBackendJob', result, `job ${jobId} of ${operation} can be read`);
  const job = expectShape(ctx, 'AMPLIFY.JOB.STATUS', 'GetBackendJob', GetBackendJobResponse, output);
  const expected = { JobId: jobId, AppId: appId(), BackendEnvironmentName: env, Operation: operation };
  const differs = Object.entries(expected).filter(([k, v]) => job[k as keyof typeof job] !== v).map(([k]) => k);
  checkThat(ctx, 'AMPLIFY.JOB.STATUS', 'GetBackendJob', differs.length === 0 && Boolean(job.Status), () => ({
    message: differs.length ? `the job reports another ${differs.join(', ')}` : 'the job has no Status',
    expected: `${show(expected)} and a non-empty Status`,
    actual: show(job),
  }));
}

/** Every enum of the answer is a documented member; VerificationMessage.DeliveryMethod has its own rule. */
export function checkEnums(ctx: RunContext, config: unknown): void {
  const delivery = at(config, VERIFICATION_DELIVERY_PATH);
  if (delivery !== undefined) expectMember(ctx, 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_ENUM', 'GetBackendAuth', 'VerificationMessage.DeliveryMethod', DELIVERY_METHODS, delivery);
  for (const { path, values, list } of ENUM_PATHS) {
    const value = at(config, path);
    if (value === undefined) continue;
    for (const item of list && Array.isArray(value) ? value : [value]) expectMember(ctx, 'AMPLIFY.ENUMS', 'GetBackendAuth', path.join('.'), values, item);
  }
}

/** GetBackendAuth against the model: enums first, then the configuration, each discrepancy named by the rule it breaks. */
export async function checkGetAuth(ctx: RunContext, env: string, auth: AuthResource): Promise<void> {
  const result = await getAuth(ctx, env, ['AMPLIFY.GET.ROUND_TRIP']);
  const output = expectDocumentedSuccess(ctx, 'AMPLIFY.GET.ROUND_TRIP', 'GetBackendAuth', result, 'the auth resource that was created can be read');
  const answer = expectShape(ctx, 'AMPLIFY.GET.ROUND_TRIP', 'GetBackendAuth', GetBackendAuthResponse, output);
  checkEnums(ctx, answer.ResourceConfig);
  const discrepancy = compareAuth(auth, answer.ResourceConfig);
  const rule: RuleId = !discrepancy ? 'AMPLIFY.GET.ROUND_TRIP'
    : discrepancy.kind === 'update-not-applied' ? 'AMPLIFY.UPDATE.APPLIED'
    : discrepancy.kind === 'verification-message' ? 'AMPLIFY.VERIFICATION.ROUND_TRIP'
    : discrepancy.kind === 'immutable-changed' ? 'AMPLIFY.UPDATE.IMMUTABLE_PRESERVED'
    : discrepancy.afterUpdate ? 'AMPLIFY.UPDATE.APPLIED' : 'AMPLIFY.GET.ROUND_TRIP';
  if (discrepancy) {
    const where = discrepancy.kind === 'update-not-applied' ? `the configuration from before the update (which named ${discrepancy.named.join(', ') || 'nothing'})` : discrepancy.path;
    fail(ctx, rule, 'GetBackendAuth', {
      message: discrepancy.kind === 'update-not-applied' ? 'GetBackendAuth answers the configuration from before the update' : `GetBackendAuth does not return what was set, at ${where}`,
      expected: show(auth.current),
      actual: show(answer.ResourceConfig),
    });
  }
  ctx.held('AMPLIFY.GET.ROUND_TRIP');
  if (at(auth.current, ['UserPoolConfigs', 'VerificationMessage'])) ctx.held('AMPLIFY.VERIFICATION.ROUND_TRIP');
  if (auth.beforeUpdate) {
    ctx.held('AMPLIFY.UPDATE.APPLIED');
    ctx.held('AMPLIFY.UPDATE.IMMUTABLE_PRESERVED');
  }
}

export type { CreateResourceConfig, UpdateResourceConfig };
