// AmplifyBackend steps shared by the stateless properties and the model-based commands: the app
// and backend environment of a run, the auth calls, and the checks of their answers.
import {
  CreateBackendAuthCommand,
  CreateBackendCommand,
  DeleteBackendAuthCommand,
  DeleteBackendCommand,
  GetBackendAuthCommand,
  GetBackendJobCommand,
  UpdateBackendAuthCommand,
} from '@aws-sdk/client-amplifybackend';
import { at, jobPhase, readBack, VERIFICATION_PATH, type AuthResource, type JobPhase, type Judgement } from '../../models/amplifybackend/model.ts';
import {
  ENUM_PATHS,
  GetBackendAuthResponse,
  GetBackendJobResponse,
  JOB_FIELDS,
  JobResponse,
  VERIFICATION_DELIVERY_PATH,
  DELIVERY_METHODS,
  USER_POOL_SUBCONFIGS,
  type CreateResourceConfig,
  type UpdateResourceConfig,
} from '../../models/amplifybackend/shapes.ts';
import type { Target } from '../../harness/targets/target.ts';
import { redactValue } from '../../harness/transport/redact.ts';
import { memberOf } from '../../models/shared/record.ts';
import type { RuleId } from '../../services/index.ts';
import { call, type CallResult } from '../shared/call.ts';
import { checkThat, expectMember, expectRejected, expectSetup, expectShape, expectSuccess, setUp, sparing, stop, stripMetadata } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { TargetError } from '../shared/failure.ts';
import { advanceClock } from '../shared/out-of-band.ts';

/** The Amplify app every run works in: on AWS an existing one (never created by the harness). */
const AMPLIFY_APP_ID_VARIABLE = 'CONFORMANCE_AMPLIFY_APP_ID';
const EMULATOR_APP_ID = 'd1avcconformance';

export function unavailableOn(target: Target): string | undefined {
  if (target.realAccount && !process.env[AMPLIFY_APP_ID_VARIABLE]) {
    return `CreateBackend needs an existing Amplify app: set ${AMPLIFY_APP_ID_VARIABLE} to its AppId (the harness never creates Amplify apps)`;
  }
  return undefined;
}

export const appId = () => process.env[AMPLIFY_APP_ID_VARIABLE] || EMULATOR_APP_ID;

/** An app id no target knows. */
export const UNKNOWN_APP_ID = 'd0avcnosuchapp';

/** A backend environment name of this run: lowercase letters only, at most 10 (Amplify's limits). */
function envName(ctx: RunContext, label: string): string {
  const prefix = ctx.naming.domain(label).split('.')[0].replace(/^avc-/, '');
  return prefix
    .replace(/[^a-z0-9]/g, '')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])
    .slice(-10);
}

/** Printable, with every secret redacted: findings quote configurations. */
const show = (value: unknown) => JSON.stringify(redactValue(value));

export const RESOURCE_NAME = 'avcauth';

/**
 * A backend environment of this run (removed after it), created through CreateBackend, whose job has
 * ended (awaitJob: `judge` checks AMPLIFY.JOB.STATUS on every poll); its job, if the answer named one.
 */
export async function setUpBackend(ctx: RunContext, rules: readonly RuleId[], judge = false): Promise<{ env: string; jobId?: string }> {
  const env = envName(ctx, 'env');
  const app = appId();
  ctx.target.resources.add(`amplifybackend:${app}/${env}`, () =>
    ctx.target.client('amplifybackend').send(new DeleteBackendCommand({ AppId: app, BackendEnvironmentName: env })),
  );
  const output = setUp(
    ctx,
    rules,
    'CreateBackend',
    await call(ctx, 'amplifybackend', new CreateBackendCommand({ AppId: app, AppName: 'avc-conformance', BackendEnvironmentName: env }), rules),
  );
  const job = checkJobResponse(ctx, 'CreateBackend', app, env, output);
  await awaitJob(ctx, env, { jobId: job.JobId, operation: 'CreateBackend' }, { rules, judge });
  return { env, jobId: job.JobId };
}

/** `resourceName` null: the request leaves ResourceName out. */
export const createAuth = (
  ctx: RunContext,
  env: string,
  config: CreateResourceConfig,
  rules: readonly RuleId[],
  app = appId(),
  resourceName: string | null = RESOURCE_NAME,
) => {
  const input = { AppId: app, BackendEnvironmentName: env, ResourceName: resourceName ?? undefined, ResourceConfig: config };
  return call(ctx, 'amplifybackend', new CreateBackendAuthCommand(input), rules);
};

export const updateAuth = (
  ctx: RunContext,
  env: string,
  config: UpdateResourceConfig,
  rules: readonly RuleId[],
  app = appId(),
  resourceName: string | null = RESOURCE_NAME,
) => {
  const input = { AppId: app, BackendEnvironmentName: env, ResourceName: resourceName ?? undefined, ResourceConfig: config };
  return call(ctx, 'amplifybackend', new UpdateBackendAuthCommand(input), rules);
};

export const getAuth = (ctx: RunContext, env: string, rules: readonly RuleId[], app = appId()) =>
  call(ctx, 'amplifybackend', new GetBackendAuthCommand({ AppId: app, BackendEnvironmentName: env, ResourceName: RESOURCE_NAME }), rules);

export const deleteAuth = (ctx: RunContext, env: string, rules: readonly RuleId[]) =>
  call(ctx, 'amplifybackend', new DeleteBackendAuthCommand({ AppId: appId(), BackendEnvironmentName: env, ResourceName: RESOURCE_NAME }), rules);

export const getJob = (ctx: RunContext, env: string, jobId: string, rules: readonly RuleId[], app = appId()) =>
  call(ctx, 'amplifybackend', new GetBackendJobCommand({ AppId: app, BackendEnvironmentName: env, JobId: jobId }), rules);

/** A request missing a required member: BadRequestException (its status is the documented-errors rule's). */
export function expectBadRequest(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<unknown>, expected: string, observed: string): void {
  expectRejected(ctx, ruleId, operation, result, `${expected}: BadRequestException (HTTP 400)`, ['BadRequestException'], observed);
}

/** The ResourceType member of the error answered last (`resourceType` on the wire, as the API model names it), read off the recorded answer. */
function resourceTypeOf(ctx: RunContext): unknown {
  const body = ctx.lastExchanges.at(-1)?.response?.body;
  try {
    return memberOf(JSON.parse(body ?? ''), 'resourceType');
  } catch {
    return undefined;
  }
}

/**
 * An unknown app, environment or auth resource: NotFoundException (its 404 is the documented-errors
 * rule's), naming the ResourceType that was not found.
 */
export function expectNotFound(ctx: RunContext, operation: string, result: CallResult<unknown>, what: string, observed: string): void {
  const rule = 'AMPLIFY.ERRORS.NOT_FOUND';
  expectRejected(ctx, rule, operation, result, `${what} is unknown: NotFoundException (HTTP 404)`, ['NotFoundException'], observed);
  const resourceType = resourceTypeOf(ctx);
  checkThat(
    ctx,
    rule,
    operation,
    typeof resourceType === 'string' && resourceType.length > 0,
    () => ({
      message: 'the NotFoundException does not name the ResourceType that was not found',
      expected: `a NotFoundException whose ResourceType names what was not found (${what})`,
      actual: `resourceType ${JSON.stringify(resourceType)} in ${ctx.lastExchanges.at(-1)?.response?.body.slice(0, 300) ?? 'no body'}`,
    }),
    `NotFoundException of ${operation} → ResourceType named`,
  );
}

/** Create/Update/CreateBackend answer the job they started: every field there, AppId and environment those of the request. */
function checkJobResponse(ctx: RunContext, operation: string, app: string, env: string, output: unknown): { JobId?: string } {
  const job = expectShape(ctx, 'AMPLIFY.JOB.RESPONSE_FIELDS', operation, JobResponse, output);
  const missing = JOB_FIELDS.filter((field) => !job[field]);
  checkThat(
    ctx,
    'AMPLIFY.JOB.RESPONSE_FIELDS',
    operation,
    missing.length === 0,
    () => ({
      message: `the answer lacks ${missing.join(', ')}`,
      expected: `non-empty ${JOB_FIELDS.join(', ')}`,
      actual: show(job),
    }),
    `${operation} → ${JOB_FIELDS.join(', ')} non-empty`,
  );
  checkThat(
    ctx,
    'AMPLIFY.JOB.RESPONSE_FIELDS',
    operation,
    job.AppId === app && job.BackendEnvironmentName === env,
    () => ({
      message: 'the answer names another app or environment than the request',
      expected: `AppId ${app}, BackendEnvironmentName ${env}`,
      actual: `AppId ${job.AppId}, BackendEnvironmentName ${job.BackendEnvironmentName}`,
    }),
    `${operation} → the request's AppId and environment`,
  );
  return { JobId: job.JobId || undefined };
}

/** GetBackendJob's answer about the job a call started: that job (JobId, AppId, environment, Operation), with a Status. */
function judgeJob(ctx: RunContext, env: string, jobId: string, operation: string, output: unknown) {
  const job = expectShape(ctx, 'AMPLIFY.JOB.STATUS', 'GetBackendJob', GetBackendJobResponse, output);
  const expected = { JobId: jobId, AppId: appId(), BackendEnvironmentName: env, Operation: operation };
  const differs = (['JobId', 'AppId', 'BackendEnvironmentName', 'Operation'] as const).filter((k) => job[k] !== expected[k]);
  checkThat(
    ctx,
    'AMPLIFY.JOB.STATUS',
    'GetBackendJob',
    differs.length === 0 && Boolean(job.Status),
    () => ({
      message: differs.length ? `the job reports another ${differs.join(', ')}` : 'the job has no Status',
      expected: `${show(expected)} and a non-empty Status`,
      actual: show(job),
    }),
    `job of ${operation} → the same job, with a Status`,
  );
  return job;
}

/** GetBackendJob reports the job a call started. */
export async function checkJob(ctx: RunContext, env: string, jobId: string, operation: string): Promise<void> {
  const result = await getJob(ctx, env, jobId, ['AMPLIFY.JOB.STATUS']);
  judgeJob(ctx, env, jobId, operation, expectSetup(ctx, 'AMPLIFY.JOB.STATUS', 'GetBackendJob', result, `job ${jobId} of ${operation} can be read`));
}

/**
 * How long the harness waits for a job: GetBackendJob every 2 s, at most 300 polls and 5 minutes of
 * the target's clock, the bound Amplify's own CLI gives a backend job (timeoutMS: 1000 * 60 * 5 in
 * https://github.com/aws-amplify/amplify-cli/blob/dev/packages/amplify-e2e-core/src/init/adminUI.ts).
 * Between polls the harness waits on the target's clock: moving it where it can (no real time
 * passes), sleeping otherwise; on AWS the target's pacing also keeps every call to its rate.
 */
export const JOB_WAIT = { intervalMs: 2_000, maxPolls: 300, maxMs: 300_000 } as const;

/** What a wait depends on: the rules left unjudged if the job does not complete, and whether each poll is a check of AMPLIFY.JOB.STATUS. */
export interface JobWatch {
  rules: readonly RuleId[];
  judge: boolean;
}

/** The wait before the second poll on, written into the trace where it is the harness's own (a replay waits too). */
async function pauseBeforePoll(ctx: RunContext): Promise<void> {
  ctx.note(ctx.target.oob.replay.advanceClock(JOB_WAIT.intervalMs));
  await ctx.target.wait(JOB_WAIT.intervalMs);
}

/** One poll: the job's Status and Error as answered (judged against the job when `watch.judge`). */
async function pollJob(ctx: RunContext, env: string, jobId: string, operation: string, watch: JobWatch): Promise<{ status?: string; error?: string }> {
  const rules: RuleId[] = watch.judge ? ['AMPLIFY.JOB.STATUS', ...watch.rules.filter((r) => r !== 'AMPLIFY.JOB.STATUS')] : [...watch.rules];
  const result = await getJob(ctx, env, jobId, rules);
  if (watch.judge) {
    const output = expectSetup(ctx, 'AMPLIFY.JOB.STATUS', 'GetBackendJob', result, `job ${jobId} of ${operation} can be read`);
    // A job answer that broke the rule leaves the wait (and the model) as true as before.
    const job = sparing(ctx, () => judgeJob(ctx, env, jobId, operation, output));
    return { status: job.Status, error: job.Error };
  }
  const job = GetBackendJobResponse.safeParse(stripMetadata(setUp(ctx, rules, 'GetBackendJob', result)));
  return { status: job.data?.Status, error: job.data?.Error };
}

/**
 * Waits until the job a call answered has ended, within JOB_WAIT: until GetBackendJob says COMPLETED.
 * Where the job's state cannot be read (the answer named no JobId, or the job has no Status: breaks
 * of the JOB rules, judged where they are checked), it waits out the whole bound on a movable clock
 * instead, so that a job that finishes within the bound AWS's own CLI allows has finished (an
 * assumption: the read-back then compares the configuration, but the COMPLETED it presumes was not seen).
 *
 * A job that ends FAILED, or still runs when the bound is reached, is no verdict on what depends on
 * it: the run ends as a set-up failure of `watch.rules` (TargetError: reported `error`, never `fail`),
 * its message giving the job's Status and Error, its evidence the last GetBackendJob exchange.
 * Without a movable clock, a job whose state cannot be read stops the run, with no verdict.
 */
export async function awaitJob(ctx: RunContext, env: string, job: { jobId?: string; operation: string }, watch: JobWatch): Promise<void> {
  const { jobId, operation } = job;
  const waitOut = async (why: string): Promise<void> => {
    if (!ctx.target.oob.advanceClock) stop(`${why}: the job cannot be waited on without a clock the harness can move`);
    ctx.note(`# ${why}: waiting out the whole bound (${JOB_WAIT.maxMs / 1000} s)`);
    await advanceClock(ctx, JOB_WAIT.maxMs);
  };
  if (!jobId) return waitOut(`${operation} answered no JobId`);
  const started = ctx.now();
  let polls = 0;
  let phase: JobPhase = 'running';
  let last: { status?: string; error?: string } = {};
  for (;;) {
    if (polls > 0) await pauseBeforePoll(ctx);
    last = await pollJob(ctx, env, jobId, operation, watch);
    polls += 1;
    phase = jobPhase(last.status);
    if (phase === 'completed') return;
    if (phase === 'unreadable') return waitOut(`job ${jobId} of ${operation} has no Status`);
    if (phase === 'failed' || polls >= JOB_WAIT.maxPolls || ctx.now() - started >= JOB_WAIT.maxMs) break;
  }
  const elapsed = ctx.now() - started;
  const ended =
    phase === 'failed'
      ? `ended ${last.status}${last.error ? `: ${last.error}` : ' (no Error given)'}`
      : `is still ${last.status}${last.error ? ` (Error: ${last.error})` : ''} after ${polls} polls over ${Math.round(elapsed / 1000)} s ` +
        `(the bound: ${JOB_WAIT.maxPolls} polls, ${JOB_WAIT.maxMs / 1000} s)`;
  throw new TargetError(
    watch.rules,
    'GetBackendJob',
    `set-up ${operation} did not complete: job ${jobId} ${ended}; what depends on it is not judged`,
    ctx.evidence(),
  );
}

/**
 * Every enum of the answer is a documented member; VerificationMessage.DeliveryMethod has its own
 * rule. Returns where a value was not: those members are the enum rules' alone, not compared again.
 */
function checkEnums(ctx: RunContext, config: unknown): string[][] {
  const outside: string[][] = [];
  const delivery = at(config, VERIFICATION_DELIVERY_PATH);
  if (
    delivery !== undefined &&
    !expectMember(ctx, 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_ENUM', 'GetBackendAuth', 'VerificationMessage.DeliveryMethod', DELIVERY_METHODS, delivery)
  ) {
    outside.push([...VERIFICATION_DELIVERY_PATH]);
  }
  for (const { path, values, list } of ENUM_PATHS) {
    const value = at(config, path);
    if (value === undefined) continue;
    const items = list && Array.isArray(value) ? value : [value];
    // Every item is judged (each is evidence); one outside the set takes the list out of the comparisons.
    const members = items.map((item) => expectMember(ctx, 'AMPLIFY.ENUMS', 'GetBackendAuth', path.join('.'), values, item));
    if (members.includes(false)) outside.push([...path]);
  }
  return outside;
}

const RULE_OF: Record<Judgement['kind'], RuleId> = {
  'not-applied': 'AMPLIFY.UPDATE.APPLIED',
  applied: 'AMPLIFY.UPDATE.APPLIED',
  stale: 'AMPLIFY.UPDATE.APPLIED',
  'omitted-lost': 'AMPLIFY.UPDATE.APPLIED',
  verification: 'AMPLIFY.VERIFICATION.ROUND_TRIP',
  immutable: 'AMPLIFY.UPDATE.IMMUTABLE_PRESERVED',
  member: 'AMPLIFY.GET.ROUND_TRIP',
};

const part = (path: string) => path.replace(/^UserPoolConfigs\./, '').replace(/^ForgotPassword$/, 'ForgotPassword (deprecated)');

function observedOf(j: Judgement, after: string): string {
  if (j.kind === 'applied') return `${part(j.path)} changed by the update → new value read back`;
  if (j.kind === 'immutable') return `${part(j.path)} → kept through an update`;
  if (j.kind === 'verification') return `VerificationMessage ${String(at(j.expected, ['DeliveryMethod']))} → read back as set after ${after}`;
  return `${part(j.path)} → read back as set after ${after}`;
}

function messageOf(j: Judgement): string {
  if (j.kind === 'not-applied') return `GetBackendAuth answers the configuration from before the update (which changed ${j.path})`;
  if (j.kind === 'stale') return `GetBackendAuth still answers the value from before the update at ${j.path}`;
  if (j.kind === 'omitted-lost') return `${j.path}, which the update did not name, lost the value it read back before the update`;
  if (j.kind === 'immutable') return `${j.path}, which the Update shape cannot name, no longer has the value CreateBackendAuth set`;
  return `GetBackendAuth does not return what was set, at ${j.path}`;
}

/**
 * GetBackendAuth against the model: enums first, then each part of the configuration judged by
 * the one rule it tests. Returns the ResourceConfig answered (the model records or re-bases on it).
 */
export async function checkGetAuth(ctx: RunContext, env: string, auth: AuthResource): Promise<unknown> {
  const result = await getAuth(ctx, env, ['AMPLIFY.GET.ROUND_TRIP']);
  const output = expectSetup(ctx, 'AMPLIFY.GET.ROUND_TRIP', 'GetBackendAuth', result, 'the auth resource that was created can be read');
  const answer = expectShape(ctx, 'AMPLIFY.GET.ROUND_TRIP', 'GetBackendAuth', GetBackendAuthResponse, output);
  const outside = checkEnums(ctx, answer.ResourceConfig);
  const after = auth.beforeUpdate ? 'UpdateBackendAuth' : 'CreateBackendAuth';
  for (const j of readBack(auth, answer.ResourceConfig, outside)) {
    checkThat(
      ctx,
      RULE_OF[j.kind],
      'GetBackendAuth',
      j.holds,
      () => ({
        message: messageOf(j),
        expected: `${j.path}: ${show(j.expected)}`,
        actual: `${j.path}: ${show(j.actual)} in ${show(answer.ResourceConfig)}`,
      }),
      observedOf(j, after),
    );
  }
  return answer.ResourceConfig;
}

/** How a Create configuration is counted: its boundaries (nothing optional, everything, the deprecated ForgotPassword). */
function describeConfig(config: CreateResourceConfig): string {
  const optional = USER_POOL_SUBCONFIGS.filter((k) => config.UserPoolConfigs[k] !== undefined);
  const extent =
    optional.length === 0 && !config.IdentityPoolConfigs
      ? 'required members only'
      : optional.length === USER_POOL_SUBCONFIGS.length && config.IdentityPoolConfigs
        ? 'every sub-configuration'
        : 'some sub-configurations';
  return `${extent}${config.UserPoolConfigs.ForgotPassword ? ', deprecated ForgotPassword' : ''}`;
}

/** `at` for the verification message of a configuration (a re-based model's may hold anything the target answered). */
export const verificationOf = (config: unknown): unknown => at(config, VERIFICATION_PATH);

/**
 * CreateBackendAuth with a documented configuration: accepted (the rule's evidence), answering a job.
 * A break of the job answer's rule does not end a model step: the resource was created all the same.
 */
export async function createAccepted(
  ctx: RunContext,
  env: string,
  config: CreateResourceConfig,
  observed = `${describeConfig(config)} → accepted`,
): Promise<{ JobId?: string }> {
  const result = await createAuth(ctx, env, config, ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG']);
  const output = expectSuccess(
    ctx,
    'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG',
    'CreateBackendAuth',
    result,
    'a documented ResourceConfig is accepted',
    observed,
  );
  return sparing(ctx, () => checkJobResponse(ctx, 'CreateBackendAuth', appId(), env, output));
}

/**
 * UpdateBackendAuth with a documented update of an existing auth resource: set-up of the update's
 * read-back (a refusal breaks AMPLIFY.UPDATE.APPLIED), answering a job. A break of the job answer's
 * rule does not end a model step: the update was accepted all the same.
 */
export async function updateAccepted(ctx: RunContext, env: string, config: UpdateResourceConfig): Promise<{ JobId?: string }> {
  const output = expectSetup(
    ctx,
    'AMPLIFY.UPDATE.APPLIED',
    'UpdateBackendAuth',
    await updateAuth(ctx, env, config, ['AMPLIFY.UPDATE.APPLIED']),
    'a documented update of an existing auth resource is accepted',
  );
  return sparing(ctx, () => checkJobResponse(ctx, 'UpdateBackendAuth', appId(), env, output));
}
