// Cognito arbitraries, biased to the documented boundaries: AttributeName of 0, 1, 32 and 33
// characters, the two verifiable attributes, tokens broken in each documented way, and clock
// steps on both sides of the 1-hour token and 24-hour code validity.
import fc from 'fast-check';
import { HOUR, MINUTE } from '../../models/shared/clock.ts';
import { ATTRIBUTE_NAME_MAX, type VerifiableAttribute } from '../../models/cognito-idp/shapes.ts';
import type { Capability } from '../../spec/rule.ts';

/**
 * The verifiable attributes a target may be asked to send a code to. SMS needs an inbox: without
 * one (real AWS) the harness sends no text messages, which cost money and need an SMS role.
 */
export const verifiableAttribute = (capabilities: ReadonlySet<Capability>): fc.Arbitrary<VerifiableAttribute> =>
  capabilities.has('inbox') && capabilities.has('sms')
    ? fc.constantFrom<VerifiableAttribute>('email', 'phone_number')
    : fc.constant<VerifiableAttribute>('email');

/** The verifiable attributes a run's users carry: a phone number only where the target allows the harness's own (`sms`). */
export const carriedAttributes = (capabilities: ReadonlySet<Capability>): VerifiableAttribute[] =>
  capabilities.has('sms') ? ['email', 'phone_number'] : ['email'];

/** Standard attributes no code can be sent to, and names at the length boundaries. */
export const unverifiableName = fc.constantFrom(
  'name',
  'given_name',
  'locale',
  'website',
  'custom:avc',
  'x',
  'c'.repeat(ATTRIBUTE_NAME_MAX),
  `custom:${'n'.repeat(ATTRIBUTE_NAME_MAX - 7)}`,
);
export const badLengthName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', 'e'.repeat(ATTRIBUTE_NAME_MAX + 1), `email${'_'.repeat(ATTRIBUTE_NAME_MAX - 4)}`) },
  { weight: 1, arbitrary: fc.integer({ min: ATTRIBUTE_NAME_MAX + 2, max: 128 }).map((n) => 'a'.repeat(n)) },
);

export type NameCase = { kind: 'verifiable'; attribute: VerifiableAttribute } | { kind: 'unverifiable'; name: string } | { kind: 'bad-length'; name: string };

export const nameCase = (capabilities: ReadonlySet<Capability>): fc.Arbitrary<NameCase> =>
  fc.oneof(
    { weight: 2, arbitrary: verifiableAttribute(capabilities).map((attribute) => ({ kind: 'verifiable' as const, attribute })) },
    { weight: 2, arbitrary: unverifiableName.map((name) => ({ kind: 'unverifiable' as const, name })) },
    { weight: 2, arbitrary: badLengthName.map((name) => ({ kind: 'bad-length' as const, name })) },
  );

/** ClientMetadata with keys and values nobody else would answer (so an echo is unmistakable). */
export const clientMetadata = fc.option(
  fc.dictionary(
    fc.stringMatching(/^[a-z]{3,8}$/).map((k) => `avckey${k}`),
    fc.stringMatching(/^[a-z0-9]{4,12}$/).map((v) => `avcmeta${v}`),
    { minKeys: 1, maxKeys: 3 },
  ),
  { nil: undefined, freq: 2 },
);

/** How an access token is broken, each one documented as refused. */
const TOKEN_CASES = [
  'valid',
  'garbage',
  'three-part',
  'tampered-signature',
  'forged-payload',
  'expired',
  'still-valid',
  'revoked',
  'unscoped',
  'scoped',
] as const;
export type TokenCase = (typeof TOKEN_CASES)[number];
const NEEDS: Partial<Record<TokenCase, Capability>> = { expired: 'clock', 'still-valid': 'clock', unscoped: 'token-minting', scoped: 'token-minting' };
/** The operation a case needs beyond the one it tries the token on. */
const OPERATION: Partial<Record<TokenCase, string>> = { revoked: 'GlobalSignOut' };
/** The token cases a target can be tried with. */
export const tokenCases = (capabilities: ReadonlySet<Capability>, unsupported: ReadonlySet<string>): TokenCase[] =>
  TOKEN_CASES.filter((c) => (!NEEDS[c] || capabilities.has(NEEDS[c]!)) && !(OPERATION[c] && unsupported.has(OPERATION[c])));
export const tokenCase = (capabilities: ReadonlySet<Capability>, unsupported: ReadonlySet<string>) => fc.constantFrom(...tokenCases(capabilities, unsupported));

/** Clock steps on both sides of the 1-hour token validity and the 24-hour code validity, never near the edges. */
export const clockStep = fc.constantFrom(1 * MINUTE, 20 * MINUTE, 2 * HOUR, 6 * HOUR, 25 * HOUR);

/** A code that is not the one sent: six digits (as codes are), different from the real one when it is known. */
export const wrongCode = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));
export const differentCode = (candidate: string, real: string | undefined) =>
  candidate === real ? String((Number(candidate) + 1) % 1_000_000).padStart(6, '0') : candidate;
