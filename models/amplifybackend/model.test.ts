import { describe, expect, it } from 'vitest';
import { applyUpdate, authCreated, authRead, authUpdated, containedIn, emptyAmplifyModel, readBack, type AuthResource } from './model.ts';
import type { CreateResourceConfig, UpdateResourceConfig } from './shapes.ts';

const created: CreateResourceConfig = {
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
};
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
