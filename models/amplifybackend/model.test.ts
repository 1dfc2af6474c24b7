import { describe, expect, it } from 'vitest';
import {
  applyUpdate,
  authCreated,
  authRead,
  authUpdated,
  changeRequested,
  containedIn,
  emptyAmplifyModel,
  jobEnded,
  jobPhase,
  readBack,
  settled,
  withoutWithheldSecrets,
  type AuthResource,
} from './model.ts';
import type { CreateResourceConfig, UpdateResourceConfig } from './shapes.ts';
import { REDACTED } from '../../harness/transport/redact.ts';

const created0 = (): CreateResourceConfig => ({
  AuthResources: 'IDENTITY_POOL_AND_USER_POOL',
  Service: 'COGNITO',
  IdentityPoolConfigs: { IdentityPoolName: 'idp', UnauthenticatedLogin: false },
  UserPoolConfigs: {
    RequiredSignUpAttributes: ['EMAIL', 'NAME'],
    SignInMethod: 'EMAIL',
    UserPoolName: 'pool',
    Mfa: { MFAMode: 'OFF' },
    VerificationMessage: { DeliveryMethod: 'EMAIL', EmailSettings: { EmailSubject: 's' } },
  },
});
const created = created0();
const update: UpdateResourceConfig = {
  AuthResources: 'IDENTITY_POOL_AND_USER_POOL',
  Service: 'COGNITO',
  IdentityPoolConfigs: { UnauthenticatedLogin: true },
  UserPoolConfigs: { VerificationMessage: { DeliveryMethod: 'SMS', SmsSettings: { SmsMessage: 'm' } } },
};

describe('the AmplifyBackend auth model', () => {
  it('replaces what an update names and keeps the rest, and what the Update shape cannot name', () => {
    const after = applyUpdate(created, update);
    expect(after.UserPoolConfigs.VerificationMessage).toEqual({ DeliveryMethod: 'SMS', SmsSettings: { SmsMessage: 'm' } });
    expect(after.UserPoolConfigs.Mfa).toEqual({ MFAMode: 'OFF' });
    expect(after.IdentityPoolConfigs).toEqual({ IdentityPoolName: 'idp', UnauthenticatedLogin: true });
    expect(after.UserPoolConfigs.UserPoolName).toBe('pool');
  });

  it('compares by containment, lists as sets', () => {
    expect(containedIn({ a: [1, 2], b: { c: 'x' } }, { a: [2, 1], b: { c: 'x', d: 1 }, e: 2 })).toBe(true);
    expect(containedIn({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(containedIn({ a: 'EMAIL' }, { a: 'EMAIL ' })).toBe(false);
  });

  describe('judges a read-back part by part, each discrepancy by the one fact it breaks', () => {
    const fresh = authCreated(emptyAmplifyModel(), created);
    const auth = authUpdated(authRead(fresh, created), update).auth!;
    const broken = (a: AuthResource, answer: unknown, skip: string[][] = []) =>
      readBack(a, answer, skip)
        .filter((j) => !j.holds)
        .map((j) => `${j.kind} ${j.path}`);
    const userPool = (changes: Record<string, unknown>) => ({ ...auth.current, UserPoolConfigs: { ...auth.current.UserPoolConfigs, ...changes } });

    it('holds on the configuration as it stands, crediting what the update changed', () => {
      expect(broken(auth, auth.current)).toEqual([]);
      expect(
        readBack(auth, auth.current)
          .filter((j) => j.kind === 'applied')
          .map((j) => j.path),
      ).toEqual(['IdentityPoolConfigs.UnauthenticatedLogin', 'UserPoolConfigs.VerificationMessage']);
    });
    it('an update not applied is one finding; kept immutables under it are no evidence', () => {
      expect(broken(auth, created)).toEqual(['not-applied IdentityPoolConfigs.UnauthenticatedLogin, UserPoolConfigs.VerificationMessage']);
      expect(readBack(auth, created).some((j) => j.kind === 'immutable')).toBe(false);
    });
    it('a dropped verification message, a changed immutable, a dropped sub-configuration', () => {
      expect(broken(auth, userPool({ VerificationMessage: undefined }))).toEqual(['verification UserPoolConfigs.VerificationMessage']);
      expect(broken(auth, userPool({ UserPoolName: undefined }))).toEqual(['immutable UserPoolConfigs.UserPoolName']);
      expect(broken(fresh.auth!, { ...created, UserPoolConfigs: { ...created.UserPoolConfigs, Mfa: undefined } })).toEqual(['member UserPoolConfigs.Mfa']);
    });
    it("a part the update left alone, read right before it and lost after it, is the update's", () => {
      expect(broken(auth, userPool({ Mfa: undefined }))).toEqual(['omitted-lost UserPoolConfigs.Mfa']);
      const unread = authUpdated(fresh, update).auth!;
      expect(broken(unread, userPool({ Mfa: undefined }))).toEqual(['member UserPoolConfigs.Mfa']);
    });
    it('leaves out the members an enum rule already judged', () => {
      expect(broken(auth, userPool({ Mfa: { MFAMode: 'off' } }), [['UserPoolConfigs', 'Mfa', 'MFAMode']])).toEqual([]);
    });
  });
});

describe('AmplifyBackend jobs in the model', () => {
  it('reads COMPLETED and FAILED as the ends of a job, any other Status as running, none as unreadable', () => {
    expect(['COMPLETED', 'FAILED', 'IN_PROGRESS', 'CREATE_IN_PROGRESS', 'completed', '', undefined].map(jobPhase)).toEqual([
      'completed',
      'failed',
      'running',
      'running',
      'running',
      'unreadable',
      'unreadable',
    ]);
  });

  it('holds a change pending until its job ends: COMPLETED applies it, FAILED drops it, running keeps it pending', () => {
    const created = authCreated(emptyAmplifyModel(), created0());
    const pending = changeRequested(created, 'UpdateBackendAuth', 'job-1', { kind: 'update', update });
    expect(settled(pending)).toBe(false);
    expect(pending.jobs.get('job-1')).toBe('UpdateBackendAuth');
    // Until the job is seen to end, the configuration to read back is still the one before the update.
    expect(pending.auth!.current).toEqual(created0());
    expect(jobEnded(pending, 'running')).toBe(pending);
    const applied = jobEnded(pending, 'completed');
    expect(settled(applied)).toBe(true);
    expect(applied.auth!.current.UserPoolConfigs.VerificationMessage).toEqual(update.UserPoolConfigs.VerificationMessage);
    const dropped = jobEnded(pending, 'failed');
    expect(settled(dropped)).toBe(true);
    expect(dropped.auth!.current).toEqual(created0());
    expect(dropped.jobs.get('job-1')).toBe('UpdateBackendAuth');
  });

  it('creates and deletes only once their job completed; a change answered without a JobId records no job', () => {
    const creating = changeRequested(emptyAmplifyModel(), 'CreateBackendAuth', undefined, { kind: 'create', config: created0() });
    expect(creating.auth).toBeUndefined();
    expect(creating.jobs.size).toBe(0);
    const made = jobEnded(creating, 'completed');
    expect(made.auth!.created).toEqual(created0());
    const deleting = changeRequested(made, 'DeleteBackendAuth', 'job-2', { kind: 'delete' });
    expect(deleting.auth).toBeDefined();
    expect(jobEnded(deleting, 'completed').auth).toBeUndefined();
  });
});

describe('AmplifyBackend secrets in a read-back', () => {
  const providers = {
    Facebook: { ClientId: 'fb', ClientSecret: 'fb-secret' },
    SignInWithApple: { ClientId: 'apple', KeyId: 'K', PrivateKey: 'apple-key', TeamId: 'T' },
  };
  const config: CreateResourceConfig = {
    ...created0(),
    UserPoolConfigs: {
      ...created0().UserPoolConfigs,
      OAuth: {
        OAuthGrantType: 'CODE',
        OAuthScopes: ['EMAIL'],
        RedirectSignInURIs: ['https://a.example.com/'],
        RedirectSignOutURIs: ['https://a.example.com/'],
        SocialProviderSettings: providers,
      },
    },
  };
  const auth = authCreated(emptyAmplifyModel(), config).auth!;
  const answering = (settings: unknown) => ({
    ...config,
    UserPoolConfigs: { ...config.UserPoolConfigs, OAuth: { ...config.UserPoolConfigs.OAuth, SocialProviderSettings: settings } },
  });
  const broken = (answer: unknown) =>
    readBack(auth, answer)
      .filter((j) => !j.holds)
      .map((j) => `${j.kind} ${j.path}`);

  it('does not require ClientSecret or PrivateKey back: left out or masked, the rest still compared', () => {
    expect(broken(config)).toEqual([]);
    expect(broken(answering({ Facebook: { ClientId: 'fb' }, SignInWithApple: { ClientId: 'apple', KeyId: 'K', TeamId: 'T' } }))).toEqual([]);
    expect(
      broken(answering({ Facebook: { ClientId: 'fb', ClientSecret: '****' }, SignInWithApple: { ...providers.SignInWithApple, PrivateKey: '' } })),
    ).toEqual([]);
    // A replayed recording answers the secret as the harness redacted it when it was recorded.
    expect(broken(answering({ ...providers, Facebook: { ClientId: 'fb', ClientSecret: REDACTED } }))).toEqual([]);
    // The secret's provider is still compared: its ClientId, and the provider itself.
    expect(broken(answering({ Facebook: { ClientId: 'other' }, SignInWithApple: providers.SignInWithApple }))).toEqual(['member UserPoolConfigs.OAuth']);
    expect(broken(answering({ SignInWithApple: providers.SignInWithApple }))).toEqual(['member UserPoolConfigs.OAuth']);
  });

  it('a secret that is returned must be the one set', () => {
    expect(broken(answering({ ...providers, Facebook: { ClientId: 'fb', ClientSecret: 'another' } }))).toEqual(['member UserPoolConfigs.OAuth']);
    expect(broken(answering({ ...providers, SignInWithApple: { ...providers.SignInWithApple, PrivateKey: 'another' } }))).toEqual([
      'member UserPoolConfigs.OAuth',
    ]);
  });

  it('leaves out of the expected value only the secrets the answer withholds', () => {
    const answer = answering({ Facebook: { ClientId: 'fb' }, SignInWithApple: providers.SignInWithApple });
    expect(withoutWithheldSecrets(config, answer)).toEqual(answering({ Facebook: { ClientId: 'fb' }, SignInWithApple: providers.SignInWithApple }));
    expect(withoutWithheldSecrets(config, config)).toBe(config);
  });
});
