import { describe, expect, it } from 'vitest';
import { HOUR, instant } from '../shared/clock.ts';
import {
  allowedVerifiedFlags,
  attributeOf,
  codeExpired,
  codeIssued,
  expectedForSentCode,
  initialCognitoModel,
  signedIn,
  signedOut,
  tokenState,
  valueChanged,
  verified,
  verifiedShown,
  wrongCodeTried,
} from './model.ts';
import { revealsWhole } from './shapes.ts';

const T0 = 1_000_000;
const at = (ms: number) => instant(T0 + ms, T0 + ms + 5);

describe('the Cognito model', () => {
  it('judges a token valid for an hour, expired after, revoked by a sign-out, and not at the edge', () => {
    const model = signedIn(initialCognitoModel(), at(0));
    expect(tokenState(model, at(30 * 60_000))).toBe('valid');
    expect(tokenState(model, at(2 * HOUR))).toBe('expired');
    expect(tokenState(model, at(HOUR))).toBe('boundary');
    expect(tokenState(signedOut(model), at(1))).toBe('revoked');
  });

  it('accepts a sent code for 24 hours, and unverifies a changed value', () => {
    let model = codeIssued(initialCognitoModel(), 'email', at(0));
    expect(expectedForSentCode(model, 'email', at(23 * HOUR))).toBe('accepted');
    expect(expectedForSentCode(model, 'email', at(25 * HOUR))).toBe('ExpiredCodeException');
    expect(expectedForSentCode(model, 'email', at(24 * HOUR))).toBeUndefined();
    model = verified(model, 'email');
    expect([...allowedVerifiedFlags(attributeOf(model, 'email'))]).toEqual(['true']);
    model = valueChanged(verifiedShown(model, 'email'), 'email', 1);
    expect(attributeOf(model, 'email')).toEqual({ value: 1, verified: false, cause: 'updated' });
  });

  it('judges a change as unverifying only once a GetUser has shown the value verified', () => {
    const verifiedOnly = verified(codeIssued(initialCognitoModel(), 'email', at(0)), 'email');
    // The harness's own belief that the code verified it is no evidence of what the change undid.
    expect(attributeOf(valueChanged(verifiedOnly, 'email', 1), 'email').cause).toBe('unattributed');
    expect(attributeOf(valueChanged(verifiedShown(verifiedOnly, 'email'), 'email', 1), 'email').cause).toBe('updated');
    // An unverified value is never noted as shown verified.
    expect(attributeOf(verifiedShown(initialCognitoModel(), 'email'), 'email').shownVerified).toBeUndefined();
  });

  it('makes a refused wrong or expired code the evidence of its rule only on an attribute not verified', () => {
    const unverified = codeIssued(initialCognitoModel(), 'email', at(0));
    expect(attributeOf(wrongCodeTried(unverified, 'email'), 'email').cause).toBe('wrong-code');
    expect(attributeOf(codeExpired(unverified, 'email'), 'email').cause).toBe('expired-code');
    // Verified, then a new code sent: refusing a wrong or stale one leaves a flag that was "true" anyway.
    const verifiedThenSent = codeIssued(verified(unverified, 'email'), 'email', at(HOUR));
    const wrong = attributeOf(wrongCodeTried(verifiedThenSent, 'email'), 'email');
    expect(wrong).toMatchObject({ verified: true, cause: 'verified', code: { wrongTries: 1 } });
    expect(attributeOf(codeExpired(verifiedThenSent, 'email'), 'email')).toMatchObject({ verified: true, cause: 'verified' });
  });

  it('tells a masked destination from the whole address or number', () => {
    expect(revealsWhole('a***@e***.com', 'ann@example.com')).toBe(false);
    expect(revealsWhole('+*******0123', '+15555550123')).toBe(false);
    expect(revealsWhole('ann@example.com', 'ann@example.com')).toBe(true);
    expect(revealsWhole('+1 555-555-0123', '+15555550123')).toBe(true);
  });
});
