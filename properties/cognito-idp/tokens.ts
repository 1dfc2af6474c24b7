// The access-token property: a valid token authorises the calls without IAM credentials; a
// malformed, tampered, forged, expired, revoked or unscoped one is refused with NotAuthorizedException,
// by GetUserAttributeVerificationCode and by GetUser. Every case runs in every pass (examples).
import fc from 'fast-check';
import { ADMIN_SCOPE } from '../../models/cognito-idp/shapes.ts';
import { isObject } from '../../models/shared/record.ts';
import { HOUR, MINUTE } from '../../models/shared/clock.ts';
import type { RuleId } from '../../services/index.ts';
import { expectSetup, expectSuccess } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { advanceClock } from '../shared/out-of-band.ts';
import { defineProperty } from '../shared/property.ts';
import { tokenCase, tokenCases, type TokenCase } from './arbitraries.ts';
import {
  ANSWER_RULES,
  attributeValue,
  checkDeliveryDetails,
  expectCodeSent,
  expectTokenRefused,
  getCode,
  getUser,
  globalSignOut,
  GUAVC,
  setUpUser,
  signIn,
  type CognitoSession,
} from './steps.ts';

/** A token the user pool did not issue as it stands: the signature or the payload changed. */
function tamper(token: string, how: 'tampered-signature' | 'forged-payload'): string {
  const [header, payload, signature = ''] = token.split('.');
  if (how === 'tampered-signature') {
    // A character in the middle: the last one may only carry padding bits.
    const i = Math.floor(signature.length / 2);
    return `${header}.${payload}.${signature.slice(0, i)}${signature[i] === 'A' ? 'B' : 'A'}${signature.slice(i + 1)}`;
  }
  let claims: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    if (isObject(parsed)) claims = parsed;
  } catch {
    /* not a JWT: forge one */
  }
  const forged = { ...claims, username: 'avc-someone-else', scope: ADMIN_SCOPE, exp: Math.floor(Date.now() / 1000) + 365 * 24 * 3600 };
  return `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
}

const TOKEN_RULE: Record<TokenCase, RuleId> = {
  valid: 'COGNITO.AUTH.NO_IAM',
  garbage: 'COGNITO.AUTH.MALFORMED_TOKEN',
  'three-part': 'COGNITO.AUTH.MALFORMED_TOKEN',
  'tampered-signature': 'COGNITO.AUTH.MALFORMED_TOKEN',
  'forged-payload': 'COGNITO.AUTH.MALFORMED_TOKEN',
  expired: 'COGNITO.AUTH.EXPIRED_TOKEN',
  'still-valid': 'COGNITO.AUTH.EXPIRED_TOKEN',
  revoked: 'COGNITO.AUTH.REVOKED_TOKEN',
  unscoped: 'COGNITO.AUTH.ADMIN_SCOPE',
  scoped: 'COGNITO.AUTH.ADMIN_SCOPE',
};

/** How each case is named in the report. */
const TOKEN_LABEL: Record<TokenCase, string> = {
  valid: 'a valid token',
  garbage: 'a non-JWT token',
  'three-part': 'a JWT the pool did not issue',
  'tampered-signature': 'a tampered signature',
  'forged-payload': 'a forged payload',
  expired: 'a token 2 h old',
  'still-valid': 'a token 30 min old',
  revoked: 'a revoked token',
  unscoped: 'a token without the admin scope',
  scoped: 'a token with the admin scope',
};

type TokenTry = { token: TokenCase; operation: string };

export const tokens = defineProperty({
  name: 'Only a valid, unexpired, unrevoked access token with the admin scope authorises the calls, without IAM credentials',
  service: 'cognito-idp',
  // No ClientMetadata is sent here: NOT_ECHOED is no rule of this property.
  rules: [
    'COGNITO.AUTH.MALFORMED_TOKEN',
    'COGNITO.AUTH.EXPIRED_TOKEN',
    'COGNITO.AUTH.REVOKED_TOKEN',
    'COGNITO.AUTH.ADMIN_SCOPE',
    ...ANSWER_RULES.filter((rule) => rule !== 'COGNITO.CLIENT_METADATA.NOT_ECHOED'),
  ],
  runsFactor: 0.4,
  // Several token cases a run, each with a fresh sign-in: every way of breaking a token is tried often.
  arbitrary: ({ capabilities, unsupported }) =>
    fc.uniqueArray(fc.record({ token: tokenCase(capabilities, unsupported), operation: fc.constantFrom(GUAVC, GUAVC, GUAVC, 'GetUser') }), {
      minLength: 1,
      maxLength: 4,
      selector: (c) => c.token,
    }),
  // Each case the target allows, alone, on both operations.
  examples: ({ capabilities, unsupported }): TokenTry[][] =>
    tokenCases(capabilities, unsupported).flatMap((token) => [[{ token, operation: GUAVC }], [{ token, operation: 'GetUser' }]]),
  async run(ctx, cases) {
    const session = await setUpUser(ctx, [TOKEN_RULE[cases[0]!.token]]);
    for (const [i, { token: kind, operation }] of cases.entries()) {
      const rule = TOKEN_RULE[kind];
      if (i > 0) await signIn(ctx, session, [rule]);
      await tryToken(ctx, session, kind, operation, rule);
    }
  },
});

async function tryToken(ctx: RunContext, session: CognitoSession, kind: TokenCase, operation: string, rule: RuleId): Promise<void> {
  let token = session.accessToken;
  const { oob } = ctx.target;
  switch (kind) {
    case 'garbage':
      token = 'not-a-token';
      break;
    case 'three-part':
      token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhdmMifQ.c2lnbmF0dXJl';
      break;
    case 'tampered-signature':
    case 'forged-payload':
      token = tamper(token, kind);
      break;
    case 'expired':
    case 'still-valid': {
      await advanceClock(ctx, kind === 'expired' ? 2 * HOUR : 30 * MINUTE);
      break;
    }
    case 'revoked':
      await globalSignOut(ctx, session);
      break;
    case 'unscoped':
    case 'scoped': {
      const request = {
        userPoolId: session.userPoolId,
        clientId: session.clientId,
        username: session.username,
        scopes: kind === 'scoped' ? [ADMIN_SCOPE] : ['openid', 'email', 'phone', 'profile'],
      };
      ctx.note(oob.replay.mintToken(request));
      token = await oob.mintToken!(request);
      break;
    }
  }
  const accepted = kind === 'valid' || kind === 'still-valid' || kind === 'scoped';
  const observed = `${operation} with ${TOKEN_LABEL[kind]} → ${accepted ? 'answered' : 'NotAuthorizedException'}`;
  const result = operation === GUAVC ? await getCode(ctx, token, 'email', [rule]) : await getUser(ctx, token, [rule]);
  if (!accepted) return expectTokenRefused(ctx, rule, operation, result, `${TOKEN_LABEL[kind]} does not authorise ${operation}`, observed);
  if (operation === GUAVC) {
    // A valid token's code request is NO_IAM's evidence; the others' are their own rule's.
    const output =
      kind === 'valid' ? expectCodeSent(ctx, result, 'email') : expectSuccess(ctx, rule, GUAVC, result, `${TOKEN_LABEL[kind]} authorises the call`, observed);
    checkDeliveryDetails(ctx, 'email', attributeValue(ctx, 'email', 0), output);
  } else if (kind === 'valid') {
    expectSetup(ctx, rule, 'GetUser', result, 'a valid access token authorises GetUser');
  } else {
    expectSuccess(ctx, rule, 'GetUser', result, `${TOKEN_LABEL[kind]} authorises GetUser`, observed);
  }
}
