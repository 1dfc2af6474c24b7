// The abstract AmplifyBackend model: one backend environment, its auth resource as created and
// as updated since, and the jobs the calls started. An update replaces each sub-configuration it
// names and keeps the others; what the Update shape cannot name keeps its created value. The
// answer is compared by containment: every member the model holds must stand in it, with the
// same value (lists as sets); members the target adds are allowed. Pure.
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

export interface AmplifyModel {
  readonly auth?: AuthResource;
  /** Jobs started, by JobId: the operation that started each. */
  readonly jobs: ReadonlyMap<string, string>;
}

export const emptyAmplifyModel = (): AmplifyModel => ({ jobs: new Map() });

export const jobStarted = (model: AmplifyModel, jobId: string, operation: string): AmplifyModel => ({
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

export const authDeleted = (model: AmplifyModel): AmplifyModel => ({ jobs: model.jobs });

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
  const expected = masked(auth.current, skip);
  const actual = masked(answer, skip);
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
  const previous = update && masked(update.config, skip);
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
