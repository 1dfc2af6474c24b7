// The abstract Cognito model: one user's verifiable attributes (which value each has, whether it
// is verified, the code last sent for it) and the user's access token. Pure: every function takes
// a model and returns a new one or an expectation. Values are pool indexes; a run maps them to
// real addresses and numbers.
import { HOUR, type Instant } from '../shared/clock.ts';
import { deadlinePosition, startVerification, type DeadlinePosition } from '../shared/lifecycle.ts';
import type { VerifiableAttribute } from './shapes.ts';

/** Verification codes are valid for 24 hours (Amazon Cognito Developer Guide). */
const CODE_VALIDITY_MS = 24 * HOUR;
/** Access tokens are valid 1 hour by default (the app client's AccessTokenValidity default). */
const TOKEN_VALIDITY_MS = 1 * HOUR;

export interface IssuedCode {
  readonly issuedAt: Instant;
  /** Wrong codes tried against it: kept low, so no attempt limit is reached. */
  readonly wrongTries: number;
}

/**
 * How an attribute came to its verified state: names the rule an observation of it checks.
 * `initial` (as created) and `unattributed` (a value changed while unverified, or a state adopted
 * from the target after a rule already found failing broke) are no rule's evidence.
 */
export type AttributeCause = 'initial' | 'verified' | 'updated' | 'wrong-code' | 'expired-code' | 'unattributed';

export interface AttributeState {
  /** Index into the run's pool of values for this attribute. */
  readonly value: number;
  readonly verified: boolean;
  readonly cause: AttributeCause;
  /** The code last sent for the current value, if any. */
  readonly code?: IssuedCode;
  /** A GetUser has shown the current value verified (its flag "true"): only then is a change of it judged as unverifying it. */
  readonly shownVerified?: boolean;
}

export interface CognitoModel {
  readonly attributes: ReadonlyMap<VerifiableAttribute, AttributeState>;
  readonly token?: { readonly issuedAt: Instant; readonly revoked: boolean };
}

/** A user with the attributes it was created with (email, and phone_number where the target allows phone numbers). */
export const initialCognitoModel = (
  verified: Partial<Record<VerifiableAttribute, boolean>> = {},
  carried: readonly VerifiableAttribute[] = ['email', 'phone_number'],
): CognitoModel => ({
  attributes: new Map<VerifiableAttribute, AttributeState>(
    carried.map((attribute) => [attribute, { value: 0, verified: verified[attribute] ?? false, cause: 'initial' }]),
  ),
});

const position = (since: Instant, windowMs: number, at: Instant): DeadlinePosition => deadlinePosition(startVerification(since, windowMs, false), at);

export type TokenState = 'none' | 'valid' | 'expired' | 'revoked' | 'boundary';

/** Where the user's access token stands at `at`: usable, surely expired or revoked, or too close to its expiry to judge. */
export function tokenState(model: CognitoModel, at: Instant): TokenState {
  if (!model.token) return 'none';
  if (model.token.revoked) return 'revoked';
  const p = position(model.token.issuedAt, TOKEN_VALIDITY_MS, at);
  return p === 'before' ? 'valid' : p === 'after' ? 'expired' : 'boundary';
}

export const signedIn = (model: CognitoModel, at: Instant): CognitoModel => ({ ...model, token: { issuedAt: at, revoked: false } });
export const signedOut = (model: CognitoModel): CognitoModel => (model.token ? { ...model, token: { ...model.token, revoked: true } } : model);

function withAttribute(model: CognitoModel, attribute: VerifiableAttribute, state: AttributeState): CognitoModel {
  const attributes = new Map(model.attributes);
  attributes.set(attribute, state);
  return { ...model, attributes };
}

export const attributeOf = (model: CognitoModel, attribute: VerifiableAttribute): AttributeState => model.attributes.get(attribute)!;

/** A code was sent for the attribute's current value: it replaces any earlier one. */
export const codeIssued = (model: CognitoModel, attribute: VerifiableAttribute, at: Instant): CognitoModel =>
  withAttribute(model, attribute, { ...attributeOf(model, attribute), code: { issuedAt: at, wrongTries: 0 } });

export type CodeState = 'none' | 'valid' | 'expired' | 'boundary';

export function codeState(model: CognitoModel, attribute: VerifiableAttribute, at: Instant): CodeState {
  const code = attributeOf(model, attribute).code;
  if (!code) return 'none';
  const p = position(code.issuedAt, CODE_VALIDITY_MS, at);
  return p === 'before' ? 'valid' : p === 'after' ? 'expired' : 'boundary';
}

/** The outcome VerifyUserAttribute must give for the code that was sent: accepted within 24 hours, ExpiredCodeException after. */
export function expectedForSentCode(model: CognitoModel, attribute: VerifiableAttribute, at: Instant): 'accepted' | 'ExpiredCodeException' | undefined {
  const state = codeState(model, attribute, at);
  return state === 'valid' ? 'accepted' : state === 'expired' ? 'ExpiredCodeException' : undefined;
}

/** The sent code was accepted: the attribute is verified, and the code used up (what a used code does again is not documented). */
export const verified = (model: CognitoModel, attribute: VerifiableAttribute): CognitoModel =>
  withAttribute(model, attribute, { value: attributeOf(model, attribute).value, verified: true, cause: 'verified' });

/**
 * The sent code was refused as expired: nothing changes. An unverified attribute's flag is then the
 * expiry rule's evidence ("verifies nothing"); a verified one's compares nothing, and keeps its cause.
 */
export function codeExpired(model: CognitoModel, attribute: VerifiableAttribute): CognitoModel {
  const state = attributeOf(model, attribute);
  return withAttribute(model, attribute, { ...state, cause: state.verified ? state.cause : 'expired-code' });
}

/** A wrong code was refused: as codeExpired, the wrong-code rule's evidence only on an attribute not verified. */
export function wrongCodeTried(model: CognitoModel, attribute: VerifiableAttribute): CognitoModel {
  const state = attributeOf(model, attribute);
  return withAttribute(model, attribute, {
    ...state,
    cause: state.verified ? state.cause : 'wrong-code',
    code: state.code && { ...state.code, wrongTries: state.code.wrongTries + 1 },
  });
}

/** GetUser showed the verified attribute's flag "true": a later change of its value can be judged as unverifying it. */
export function verifiedShown(model: CognitoModel, attribute: VerifiableAttribute): CognitoModel {
  const state = attributeOf(model, attribute);
  return state.verified ? withAttribute(model, attribute, { ...state, shownVerified: true }) : model;
}

/**
 * A changed value is unverified, and a code sent for the old value no longer concerns it; "unverified
 * again" only if a GetUser showed it verified (the harness's own belief that it was is no evidence).
 */
export function valueChanged(model: CognitoModel, attribute: VerifiableAttribute, value: number): CognitoModel {
  const state = attributeOf(model, attribute);
  return withAttribute(model, attribute, { value, verified: false, cause: state.verified && state.shownVerified ? 'updated' : 'unattributed' });
}

/** The verified state the target showed, adopted after a rule already found failing broke (re-basing). */
export const adoptVerified = (model: CognitoModel, attribute: VerifiableAttribute, isVerified: boolean): CognitoModel =>
  withAttribute(model, attribute, { ...attributeOf(model, attribute), verified: isVerified, cause: 'unattributed', shownVerified: isVerified });

/** What GetUser must show for `<attribute>_verified`: "true" when verified; "false" or nothing otherwise. */
export const allowedVerifiedFlags = (state: AttributeState): ReadonlySet<string | undefined> =>
  state.verified ? new Set(['true']) : new Set(['false', undefined]);
