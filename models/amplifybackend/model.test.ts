import { describe, expect, it } from 'vitest';
import { applyUpdate, authCreated, authUpdated, compareAuth, containedIn, emptyAmplifyModel } from './model.ts';
import type { CreateResourceConfig, UpdateResourceConfig } from './shapes.ts';

const created: CreateResourceConfig = {
  AuthResources: 'IDENTITY_POOL_AND_USER_POOL', Service: 'COGNITO',
  IdentityPoolConfigs: { IdentityPoolName: 'idp', UnauthenticatedLogin: false },
  UserPoolConfigs: {
    RequiredSignUpAttributes: ['EMAIL', 'NAME'], SignInMethod: 'EMAIL', UserPoolName: 'pool',
    Mfa: { MFAMode: 'OFF' }, VerificationMessage: { DeliveryMethod: 'EMAIL', EmailSettings: { EmailSubject: 's' } },
  },
};
const update: UpdateResourceConfig = {
  AuthResources: 'IDENTITY_POOL_AND_USER_POOL', Service: 'COGNITO', IdentityPoolConfigs: { UnauthenticatedLogin: true },
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

  it('names each discrepancy by the fact it breaks', () => {
    const auth = authUpdated(authCreated(emptyAmplifyModel(), created), update).auth!;
    expect(compareAuth(auth, auth.current)).toBeUndefined();
    expect(compareAuth(auth, created)?.kind).toBe('update-not-applied');
    const { VerificationMessage: _vm, ...withoutVm } = auth.current.UserPoolConfigs;
    expect(compareAuth(auth, { ...auth.current, UserPoolConfigs: withoutVm })?.kind).toBe('verification-message');
    const { UserPoolName: _n, ...withoutName } = auth.current.UserPoolConfigs;
    expect(compareAuth(auth, { ...auth.current, UserPoolConfigs: withoutName })).toEqual({ kind: 'immutable-changed', path: 'UserPoolConfigs.UserPoolName' });
    expect(compareAuth(auth, { ...auth.current, UserPoolConfigs: { ...auth.current.UserPoolConfigs, Mfa: { MFAMode: 'ON' } } })).toEqual({ kind: 'differs', path: 'UserPoolConfigs.Mfa.MFAMode', afterUpdate: true });
    expect(compareAuth(authCreated(emptyAmplifyModel(), created).auth!, { ...created, Service: 'X' })).toEqual({ kind: 'differs', path: 'Service', afterUpdate: false });
  });
});
