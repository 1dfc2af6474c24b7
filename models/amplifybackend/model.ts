// The abstract AmplifyBackend model: one backend environment, its auth resource as created and
// as updated since, and the jobs the calls started. Create, Update and Delete are asynchronous:
// each answers a job, and the configuration read back reflects the request only once that job is
// COMPLETED (a FAILED one changes nothing the model can know). An update replaces each
// sub-configuration it names and keeps the others; what the Update shape cannot name keeps its
// created value. The answer is compared by containment: every member the model holds must stand in
// it, with the same value (lists as sets); members the target adds are allowed; secrets the
// documents do not say are returned may be left out. Pure.
import { isObject, memberOf } from '../shared/record.ts';
import type { CreateResourceConfig, UpdateResourceConfig } from './shapes.ts';

type CreateUserPool = CreateResourceConfig['UserPoolConfigs'];
type UpdateUserPool = UpdateResourceConfig['UserPoolConfigs'];

/**
 * A configuration as it stands after updates: the Create shape, where each sub-configuration an
 * update replaced is the update's (the Update shape leaves members out that Create requires).
 */
export type CurrentConfig = Omit<CreateResourceConfig, 'UserPoolConfigs'> & {
  UserPoolConfigs: Omit<CreateUserPool, keyof UpdateUserPool> & { [K in keyof UpdateUserPool]?: CreateUserPool[K] | UpdateUserPool[K] };
};

export interface AuthResource {
  readonly created: CreateResourceConfig;
  /** The configuration as it now stands. */
  readonly current: CurrentConfig;
  /** As it stood before the last update, if there was one. */
  readonly beforeUpdate?: { readonly config: CurrentConfig };
  /** GetBackendAuth's last answer since the last update (none yet: undefined). */
  readonly lastRead?: unknown;
  /** GetBackendAuth's last answer before the last update. */
  readonly readBefore?: unknown;
}

/**
 * A job's Status, as the harness reads it. The API model types Status as a bare string, "The current
 * status of the request." (../shared/aws-models/amplifybackend-2020-08-11.json#/shapes/GetBackendJobResponse;
 * https://docs.aws.amazon.com/amplify-admin-ui/latest/APIReference/backend-appid-job-backendenvironmentname-jobid.html),
 * and no document lists its values. Amplify's own CLI waits on a backend job until its Status is
 * COMPLETED and gives up when it is FAILED (enableAdminUI in
 * https://github.com/aws-amplify/amplify-cli/blob/dev/packages/amplify-e2e-core/src/init/adminUI.ts):
 * those two are terminal. Any other value (the reference emulator's IN_PROGRESS, or CREATE_IN_PROGRESS)
 * is a job still running; no Status at all cannot be read.
 */
const JOB_COMPLETED = 'COMPLETED';
const JOB_FAILED = 'FAILED';
export type JobPhase = 'running' | 'completed' | 'failed' | 'unreadable';

export function jobPhase(status: unknown): JobPhase {
  if (typeof status !== 'string' || status === '') return 'unreadable';
  return status === JOB_COMPLETED ? 'completed' : status === JOB_FAILED ? 'failed' : 'running';
}

const isTerminal = (phase: JobPhase): phase is 'completed' | 'failed' => phase === 'completed' || phase === 'failed';

/** A change a call asked for: the configuration read back reflects it only once its job is COMPLETED. */
export type PendingChange = { kind: 'create'; config: CreateResourceConfig } | { kind: 'update'; update: UpdateResourceConfig } | { kind: 'delete' };

export interface AmplifyModel {
  readonly auth?: AuthResource;
  /** Jobs started, by JobId: the operation that started each. */
  readonly jobs: ReadonlyMap<string, string>;
  /** A change accepted whose job has not been seen to end: until it is, no read-back is judged. */
  readonly pending?: { readonly jobId?: string; readonly operation: string; readonly change: PendingChange };
}

export const emptyAmplifyModel = (): AmplifyModel => ({ jobs: new Map() });

const jobStarted = (model: AmplifyModel, jobId: string, operation: string): AmplifyModel => ({
  ...model,
  jobs: new Map(model.jobs).set(jobId, operation),
});

export const authCreated = (model: AmplifyModel, config: CreateResourceConfig): AmplifyModel => ({ ...model, auth: { created: config, current: config } });

/** The configuration after an update: named sub-configurations replaced, the rest (and what the Update shape cannot name) kept. */
export function applyUpdate(current: CurrentConfig, update: UpdateResourceConfig): CurrentConfig {
  const { ForgotPassword, Mfa, OAuth, PasswordPolicy, VerificationMessage } = update.UserPoolConfigs;
  const userPool = { ...current.UserPoolConfigs };
  if (ForgotPassword !== undefined) userPool.ForgotPassword = ForgotPassword;
  if (Mfa !== undefined) userPool.Mfa = Mfa;
  if (OAuth !== undefined) userPool.OAuth = OAuth;
  if (PasswordPolicy !== undefined) userPool.PasswordPolicy = PasswordPolicy;
  if (VerificationMessage !== undefined) userPool.VerificationMessage = VerificationMessage;
  const unauthenticated = update.IdentityPoolConfigs?.UnauthenticatedLogin;
  const identity =
    update.IdentityPoolConfigs && current.IdentityPoolConfigs
      ? { ...current.IdentityPoolConfigs, ...(unauthenticated !== undefined ? { UnauthenticatedLogin: unauthenticated } : {}) }
      : current.IdentityPoolConfigs;
  return {
    ...current,
    AuthResources: update.AuthResources,
    Service: update.Service,
    ...(identity ? { IdentityPoolConfigs: identity } : {}),
    UserPoolConfigs: userPool,
  };
}

export function authUpdated(model: AmplifyModel, update: UpdateResourceConfig): AmplifyModel {
  if (!model.auth) return model;
  const { lastRead, readBefore, ...auth } = model.auth;
  const current = applyUpdate(auth.current, update);
  return { ...model, auth: { ...auth, current, beforeUpdate: { config: auth.current }, readBefore: lastRead ?? readBefore } };
}

/** GetBackendAuth answered `answer`. */
export const authRead = (model: AmplifyModel, answer: unknown): AmplifyModel => (model.auth ? { ...model, auth: { ...model.auth, lastRead: answer } } : model);

/** The model re-based on what the target answered, after a deviation already found: later steps judge from there. */
export const authRebased = (model: AmplifyModel, answer: unknown): AmplifyModel =>
  // The answer becomes the configuration as it stands, unchecked: the re-base takes the target at its word.
  model.auth ? { ...model, auth: { created: model.auth.created, current: answer as CurrentConfig, lastRead: answer } } : model;

const authDeleted = (model: AmplifyModel): AmplifyModel => ({ jobs: model.jobs });

/** A call accepted `change` and answered its job (JobId undefined: the answer named none). */
export function changeRequested(model: AmplifyModel, operation: string, jobId: string | undefined, change: PendingChange): AmplifyModel {
  const started = jobId ? jobStarted(model, jobId, operation) : model;
  return { ...started, pending: { jobId, operation, change } };
}

/**
 * The pending change's job ended: COMPLETED applies the change, FAILED drops it (the configuration
 * stays as it was). A job still running (or unreadable) leaves the model as it is.
 */
export function jobEnded(model: AmplifyModel, phase: JobPhase): AmplifyModel {
  const { pending, ...rest } = model;
  if (!pending || !isTerminal(phase)) return model;
  if (phase === 'failed') return rest;
  const { change } = pending;
  if (change.kind === 'create') return authCreated(rest, change.config);
  if (change.kind === 'update') return authUpdated(rest, change.update);
  return authDeleted(rest);
}

/** Whether what GetBackendAuth answers can be judged: no change is waiting on its job. */
export const settled = (model: AmplifyModel): boolean => model.pending === undefined;

/** `expected` stands in `actual`: every member with an equal value, lists equal as sets, extra members allowed. */
export function containedIn(expected: unknown, actual: unknown): boolean {
  if (expected === undefined) return true;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((e) => actual.some((a) => containedIn(e, a) && containedIn(a, e)));
  }
  if (expected !== null && typeof expected === 'object') {
    if (!isObject(actual) || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => containedIn(value, actual[key]));
  }
  return expected === actual;
}

export const at = (value: unknown, path: readonly string[]): unknown => path.reduce<unknown>((node, key) => memberOf(node, key), value);

/**
 * The secrets of a configuration: each social provider's ClientSecret and Apple's PrivateKey. The
 * GetBackendAuth response syntax lists them, but, like every member of an answer, as optional, and
 * no document says a secret that was set is returned (../shared/aws-docs/amplifybackend-backend-auth-verification-message.txt;
 * https://docs.aws.amazon.com/amplify-admin-ui/latest/APIReference/backend-appid-auth-backendenvironmentname-details.html):
 * a read-back may leave them out or mask them; one it returns must be the one that was set.
 */
const SOCIAL_PROVIDERS = ['UserPoolConfigs', 'OAuth', 'SocialProviderSettings'] as const;
const SECRET_PATHS: readonly (readonly string[])[] = [
  ...(['Facebook', 'Google', 'LoginWithAmazon'] as const).map((provider) => [...SOCIAL_PROVIDERS, provider, 'ClientSecret']),
  [...SOCIAL_PROVIDERS, 'SignInWithApple', 'PrivateKey'],
];

/**
 * A secret answered masked: empty, mask characters only (`****`), or the harness's own redaction
 * marker (harness/transport/redact.ts), which is what a replayed recording answers in its place.
 */
const isMasked = (value: unknown) => typeof value === 'string' && /^([*•]*|\[redacted\])$/.test(value);

/** `expected` without the secrets `answer` withholds (leaves out or masks): those are not compared. */
export function withoutWithheldSecrets(expected: unknown, answer: unknown): unknown {
  const withheld = SECRET_PATHS.filter((path) => at(expected, path) !== undefined && (at(answer, path) === undefined || isMasked(at(answer, path))));
  return withheld.length ? masked(expected, withheld) : expected;
}

/** What cannot be updated: the Update shape has no member for it. */
const IMMUTABLE_PATHS: readonly (readonly string[])[] = [
  ['UserPoolConfigs', 'RequiredSignUpAttributes'],
  ['UserPoolConfigs', 'SignInMethod'],
  ['UserPoolConfigs', 'UserPoolName'],
  ['IdentityPoolConfigs', 'IdentityPoolName'],
];

/** The parts a read-back is judged by, each on its own: together they are the whole ResourceConfig. */
const PARTS: readonly (readonly string[])[] = [
  ['AuthResources'],
  ['Service'],
  ['IdentityPoolConfigs', 'IdentityPoolName'],
  ['IdentityPoolConfigs', 'UnauthenticatedLogin'],
  ...(['ForgotPassword', 'Mfa', 'OAuth', 'PasswordPolicy', 'RequiredSignUpAttributes', 'SignInMethod', 'UserPoolName', 'VerificationMessage'] as const).map(
    (k) => ['UserPoolConfigs', k],
  ),
];
export const VERIFICATION_PATH = ['UserPoolConfigs', 'VerificationMessage'] as const;

/**
 * One comparison of a read-back with the model, named by the fact it judges:
 * - `not-applied`: after an update, every part it changed reads back its previous value (never holds);
 * - `applied` / `stale`: after an update, a part it changed reads back the new value / still the previous one;
 * - `omitted-lost`: after an update, a part it did not change no longer reads as it read before the update;
 * - `verification`: the VerificationMessage as set; `immutable`: what the Update shape cannot name, as created;
 * - `member`: any other part as set (including a changed part that reads back neither value).
 */
export interface Judgement {
  kind: 'not-applied' | 'applied' | 'stale' | 'omitted-lost' | 'verification' | 'immutable' | 'member';
  path: string;
  holds: boolean;
  expected: unknown;
  actual: unknown;
}

/** The value without the members at `paths` (enum values already found outside their set: judged by the enum rules alone). */
function masked(value: unknown, paths: readonly (readonly string[])[]): unknown {
  const copy = structuredClone(value);
  for (const path of paths) {
    const parent = at(copy, path.slice(0, -1));
    if (isObject(parent)) delete parent[path.at(-1)!];
  }
  return copy;
}

/**
 * Judges GetBackendAuth's ResourceConfig against the model, part by part, so that each discrepancy
 * is charged to one fact only. `skip`: paths left out of every comparison. An update's changes are
 * judged against the configuration before it; what it left alone against the last read before it.
 */
export function readBack(auth: AuthResource, answer: unknown, skip: readonly (readonly string[])[] = []): Judgement[] {
  const actual = masked(answer, skip);
  const expected = withoutWithheldSecrets(masked(auth.current, skip), actual);
  const part = (value: unknown, path: readonly string[]) => at(value, path);
  const judge = (kind: Judgement['kind'], path: readonly string[], want: unknown, holds = containedIn(want, part(actual, path))): Judgement => ({
    kind,
    path: path.join('.'),
    holds,
    expected: want,
    actual: part(actual, path),
  });
  const isVm = (path: readonly string[]) => path.join('.') === VERIFICATION_PATH.join('.');
  const isImmutable = (path: readonly string[]) => IMMUTABLE_PATHS.some((p) => p.join('.') === path.join('.'));
  const out: Judgement[] = [];
  const update = auth.beforeUpdate;
  const previous = update && withoutWithheldSecrets(masked(update.config, skip), actual);
  // Changed: the new value does not stand in the old one (else no answer could tell them apart).
  const changed = previous ? PARTS.filter((p) => !isImmutable(p) && !containedIn(part(expected, p), part(previous, p))) : [];
  const readsOld = (p: readonly string[]) => {
    const old = part(previous, p);
    return !containedIn(part(expected, p), part(actual, p)) && (old === undefined ? part(actual, p) === undefined : containedIn(old, part(actual, p)));
  };
  // Every changed part as before, one of them a value that was set: the update was not applied.
  const notApplied = changed.length > 0 && changed.every(readsOld) && changed.some((p) => part(previous, p) !== undefined);
  if (notApplied)
    out.push({
      kind: 'not-applied',
      path: changed.map((p) => p.join('.')).join(', '),
      holds: false,
      expected: part(expected, ['UserPoolConfigs']),
      actual: part(actual, ['UserPoolConfigs']),
    });
  const read = auth.readBefore === undefined ? undefined : masked(auth.readBefore, skip);
  for (const path of PARTS) {
    const want = part(expected, path);
    if (update && isImmutable(path)) {
      const created = part(masked(auth.created, skip), path);
      const kept = containedIn(created, part(actual, path));
      // Kept under an update that was not applied shows nothing; changed shows the break all the same.
      if (created !== undefined && (!notApplied || !kept)) out.push(judge('immutable', path, created, kept));
      continue;
    }
    if (changed.includes(path)) {
      if (notApplied) continue;
      if (containedIn(want, part(actual, path))) out.push(judge('applied', path, want, true));
      else if (readsOld(path) && part(previous, path) !== undefined) out.push(judge('stale', path, want, false));
      else out.push(judge(isVm(path) ? 'verification' : 'member', path, want, false));
      if (isVm(path) && containedIn(want, part(actual, path))) out.push(judge('verification', path, want, true));
      continue;
    }
    if (want === undefined) continue;
    const holds = containedIn(want, part(actual, path));
    // A part the update left alone that read as set before it and no longer does: the update lost it.
    if (update && !holds && read !== undefined && containedIn(want, part(read, path))) out.push(judge('omitted-lost', path, want, false));
    else out.push(judge(isVm(path) ? 'verification' : 'member', path, want, holds));
  }
  return out;
}
