// The abstract AmplifyBackend model: one backend environment, its auth resource as created and
// as updated since, and the jobs the calls started. An update replaces each sub-configuration it
// names and keeps the others; what the Update shape cannot name keeps its created value. The
// answer is compared by containment: every member the model holds must stand in it, with the
// same value (lists as sets); members the target adds are allowed. Pure.
import type { CreateResourceConfig, UpdateResourceConfig } from './shapes.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface AuthResource {
  readonly created: CreateResourceConfig;
  /** The configuration as it now stands. */
  readonly current: CreateResourceConfig;
  /** As it stood before the last update, if there was one, and which sub-configurations that update named. */
  readonly beforeUpdate?: { readonly config: CreateResourceConfig; readonly named: readonly string[] };
}

export interface AmplifyModel {
  readonly auth?: AuthResource;
  /** Jobs started, by JobId: the operation that started each. */
  readonly jobs: ReadonlyMap<string, string>;
}

export const emptyAmplifyModel = (): AmplifyModel => ({ jobs: new Map() });

export const jobStarted = (model: AmplifyModel, jobId: string, operation: string): AmplifyModel => ({ ...model, jobs: new Map(model.jobs).set(jobId, operation) });

export const authCreated = (model: AmplifyModel, config: CreateResourceConfig): AmplifyModel => ({ ...model, auth: { created: config, current: config } });

const USER_POOL_SUBCONFIGS = ['ForgotPassword', 'Mfa', 'OAuth', 'PasswordPolicy', 'VerificationMessage'] as const;

/** The configuration after an update: named sub-configurations replaced, the rest (and what the Update shape cannot name) kept. */
export function applyUpdate(current: CreateResourceConfig, update: UpdateResourceConfig): CreateResourceConfig {
  const userPool: Record<string, unknown> = { ...current.UserPoolConfigs };
  for (const key of USER_POOL_SUBCONFIGS) if (update.UserPoolConfigs[key] !== undefined) userPool[key] = update.UserPoolConfigs[key];
  const identity = update.IdentityPoolConfigs && current.IdentityPoolConfigs
    ? { ...current.IdentityPoolConfigs, ...definedOnly(update.IdentityPoolConfigs) }
    : current.IdentityPoolConfigs;
  return {
    ...current,
    AuthResources: update.AuthResources,
    Service: update.Service,
    ...(identity ? { IdentityPoolConfigs: identity } : {}),
    UserPoolConfigs: userPool as CreateResourceConfig['UserPoolConfigs'],
  };
}

const definedOnly = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export function namedSubconfigs(update: UpdateResourceConfig): string[] {
  return [
    ...(update.IdentityPoolConfigs ? ['IdentityPoolConfigs'] : []),
    ...USER_POOL_SUBCONFIGS.filter((key) => update.UserPoolConfigs[key] !== undefined).map((key) => `UserPoolConfigs.${key}`),
  ];
}

export function authUpdated(model: AmplifyModel, update: UpdateResourceConfig): AmplifyModel {
  if (!model.auth) return model;
  const current = applyUpdate(model.auth.current, update);
  return { ...model, auth: { ...model.auth, current, beforeUpdate: { config: model.auth.current, named: namedSubconfigs(update) } } };
}

/** `expected` stands in `actual`: every member with an equal value, lists equal as sets, extra members allowed. */
export function containedIn(expected: unknown, actual: unknown): boolean {
  if (expected === undefined) return true;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((e) => actual.some((a) => containedIn(e, a) && containedIn(a, e)));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => containedIn(value, (actual as Record<string, unknown>)[key]));
  }
  return expected === actual;
}

export const at = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);

/** What cannot be updated: the Update shape has no member for it. */
export const IMMUTABLE_PATHS: readonly (readonly string[])[] = [
  ['UserPoolConfigs', 'RequiredSignUpAttributes'], ['UserPoolConfigs', 'SignInMethod'], ['UserPoolConfigs', 'UserPoolName'], ['IdentityPoolConfigs', 'IdentityPoolName'],
];

export type AuthDiscrepancy =
  | { kind: 'update-not-applied'; named: readonly string[] }
  | { kind: 'verification-message'; path: string }
  | { kind: 'immutable-changed'; path: string }
  | { kind: 'differs'; path: string; afterUpdate: boolean };

/** The first member path (depth-first) where `expected` does not stand in `actual`. */
export function firstDifference(expected: unknown, actual: unknown, path: string[] = []): string | undefined {
  if (containedIn(expected, actual)) return undefined;
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected) && actual !== null && typeof actual === 'object' && !Array.isArray(actual)) {
    for (const [key, value] of Object.entries(expected)) {
      const found = firstDifference(value, (actual as Record<string, unknown>)[key], [...path, key]);
      if (found) return found;
    }
  }
  return path.join('.') || '(root)';
}

/**
 * Compares GetBackendAuth's ResourceConfig with the model, naming a discrepancy by the fact it
 * breaks: an update not applied at all (the answer is the configuration before it), the
 * verification message, a member the update cannot change, then any other member.
 */
export function compareAuth(auth: AuthResource, actual: unknown): AuthDiscrepancy | undefined {
  if (containedIn(auth.current, actual)) return undefined;
  if (auth.beforeUpdate && containedIn(auth.beforeUpdate.config, actual)) return { kind: 'update-not-applied', named: auth.beforeUpdate.named };
  const vm = ['UserPoolConfigs', 'VerificationMessage'];
  if (!containedIn(at(auth.current, vm), at(actual, vm))) return { kind: 'verification-message', path: firstDifference(at(auth.current, vm), at(actual, vm), vm)! };
  if (auth.beforeUpdate) {
    for (const path of IMMUTABLE_PATHS) {
      if (!containedIn(at(auth.created, path), at(actual, path))) return { kind: 'immutable-changed', path: path.join('.') };
    }
  }
  return { kind: 'differs', path: firstDifference(auth.current, actual)!, afterUpdate: auth.beforeUpdate !== undefined };
}
