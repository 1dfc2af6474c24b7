// The Cognito properties: stateless ones per documented fact (attribute names at their bounds,
// each way a token is refused, the code lifecycle, updates), and the model-based one over
// request / verify (right, wrong, stale code) / update / get user / sign in and out / clock, with
// the verified flags as the invariant. Every COGNITO rule in spec/ is covered by one of them.
import fc from 'fast-check';
import { initialCognitoModel, signedIn, type CognitoModel } from '../../models/cognito-idp/model.ts';
import { ADMIN_SCOPE, type VerifiableAttribute } from '../../models/cognito-idp/shapes.ts';
import { HOUR, MINUTE } from '../../models/shared/clock.ts';
import type { RuleId } from '../../spec/index.ts';
import { expectSuccess } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { modelProperty } from '../shared/model-run.ts';
import { defineProperty, type ConformanceProperty } from '../shared/property.ts';
import { badLengthName, carriedAttributes, clientMetadata, differentCode, nameCase, tokenCase, verifiableAttribute, wrongCode, type TokenCase } from './arbitraries.ts';
import {
  advanceClockCommand, getUserCommand, readCode, requestCodeCommand, requestUnverifiableCommand, signInCommand, signOutCommand, updateCommand,
  verifySentCommand, verifyWrongCommand, type CognitoBox,
} from './commands.ts';
import {
  attributeValue, checkDeliveryDetails, checkDocumentedError, checkMetadataNotEchoed, checkUser, expectCodeSent, expectDocumentedRejection, expectTokenRefused, getCode, getUser,
  globalSignOut, GUAVC, RULE_OF_CAUSE, setUpUser, signIn, updateAttribute, verifyAttribute, type CognitoSession,
} from './steps.ts';

const ANSWER_RULES = [
  'COGNITO.AUTH.NO_IAM', 'COGNITO.CODE.DELIVERY_DETAILS', 'COGNITO.CODE.DELIVERY_MEDIUM', 'COGNITO.CODE.DESTINATION_MASKED', 'COGNITO.CLIENT_METADATA.NOT_ECHOED',
  'COGNITO.ERRORS.DOCUMENTED',
] as const satisfies readonly RuleId[];

/** A code request that must succeed, with its answer checked. */
async function requestCode(ctx: RunContext, token: string, attribute: VerifiableAttribute, value: string, metadata?: Record<string, string>) {
  const result = await getCode(ctx, token, attribute, ['COGNITO.AUTH.NO_IAM', 'COGNITO.CODE.DELIVERY_DETAILS'], metadata);
  const output = expectCodeSent(ctx, result, `a code for ${attribute}`);
  checkDeliveryDetails(ctx, attribute, value, output, metadata);
  return result;
}

async function readUser(ctx: RunContext, token: string, model: CognitoModel, metadata?: Record<string, string>) {
  const result = await getUser(ctx, token, ['COGNITO.VERIFY.CODE_ACCEPTED']);
  if (!result.ok) checkDocumentedError(ctx, 'GetUser', result.error);
  const output = expectSuccess(ctx, 'COGNITO.VERIFY.CODE_ACCEPTED', 'GetUser', result, 'a signed-in user can read their attributes');
  checkUser(ctx, model, output, (attribute) => RULE_OF_CAUSE[model.attributes.get(attribute)!.cause], metadata);
}

const attributeNames = defineProperty({
  name: 'GetUserAttributeVerificationCode sends a code for email and phone_number only, for names of 1 to 32 characters',
  service: 'cognito-idp',
  rules: ['COGNITO.CODE.ATTRIBUTE_NAME_LENGTH', 'COGNITO.CODE.VERIFIABLE_ONLY', ...ANSWER_RULES],
  runsFactor: 0.6,
  arbitrary: ({ capabilities }) => fc.record({ name: nameCase(capabilities), badLength: badLengthName, metadata: clientMetadata }),
  async run(ctx, { name, badLength, metadata }) {
    const session = await setUpUser(ctx, ['COGNITO.CODE.VERIFIABLE_ONLY']);
    // Every run also tries a name outside 1..32 characters: the boundary is checked in each one.
    const outside = await getCode(ctx, session.accessToken, badLength, ['COGNITO.CODE.ATTRIBUTE_NAME_LENGTH'], metadata);
    expectDocumentedRejection(ctx, 'COGNITO.CODE.ATTRIBUTE_NAME_LENGTH', GUAVC, outside, `an AttributeName of ${badLength.length} characters (outside 1..32) is rejected`, ['InvalidParameterException']);
    if (name.kind === 'verifiable') {
      await requestCode(ctx, session.accessToken, name.attribute, attributeValue(ctx, name.attribute, 0), metadata);
      return;
    }
    const rule: RuleId = name.kind === 'bad-length' ? 'COGNITO.CODE.ATTRIBUTE_NAME_LENGTH' : 'COGNITO.CODE.VERIFIABLE_ONLY';
    const result = await getCode(ctx, session.accessToken, name.name, [rule], metadata);
    if (name.kind === 'bad-length') {
      expectDocumentedRejection(ctx, rule, GUAVC, result, `an AttributeName of ${name.name.length} characters (outside 1..32) is rejected`, ['InvalidParameterException']);
    } else {
      expectDocumentedRejection(ctx, rule, GUAVC, result, `${name.name} (${name.name.length} characters) is no attribute a code can be sent to`);
    }
  },
});

/** A token the user pool did not issue as it stands: the signature or the payload changed. */
function tamper(token: string, how: 'tampered-signature' | 'forged-payload'): string {
  const [header, payload, signature = ''] = token.split('.');
  if (how === 'tampered-signature') {
    // A character in the middle: the last one may only carry padding bits.
    const i = Math.floor(signature.length / 2);
    return `${header}.${payload}.${signature.slice(0, i)}${signature[i] === 'A' ? 'B' : 'A'}${signature.slice(i + 1)}`;
  }
  let claims: Record<string, unknown> = {};
  try { claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>; } catch { /* not a JWT: forge one */ }
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

const tokens = defineProperty({
  name: 'Only a valid, unexpired, unrevoked access token with the admin scope authorises the calls, without IAM credentials',
  service: 'cognito-idp',
  rules: ['COGNITO.AUTH.MALFORMED_TOKEN', 'COGNITO.AUTH.EXPIRED_TOKEN', 'COGNITO.AUTH.REVOKED_TOKEN', 'COGNITO.AUTH.ADMIN_SCOPE', ...ANSWER_RULES],
  runsFactor: 0.8,
  // Several token cases a run, each with a fresh sign-in: every way of breaking a token is tried often.
  arbitrary: ({ capabilities, unsupported }) => fc.uniqueArray(fc.record({ token: tokenCase(capabilities, unsupported), operation: fc.constantFrom(GUAVC, GUAVC, GUAVC, 'GetUser') }), { minLength: 1, maxLength: 4, selector: (c) => c.token }),
  async run(ctx, cases) {
    const session = await setUpUser(ctx, [TOKEN_RULE[cases[0].token]]);
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
    case 'garbage': token = 'not-a-token'; break;
    case 'three-part': token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhdmMifQ.c2lnbmF0dXJl'; break;
    case 'tampered-signature': case 'forged-payload': token = tamper(token, kind); break;
    case 'expired': case 'still-valid': {
      const ms = kind === 'expired' ? 2 * HOUR : 30 * MINUTE;
      ctx.note(oob.replay.advanceClock(ms));
      await oob.advanceClock!(ms);
      break;
    }
    case 'revoked': await globalSignOut(ctx, session, [rule]); break;
    case 'unscoped': case 'scoped': {
      const request = { userPoolId: session.userPoolId, clientId: session.clientId, username: session.username, scopes: kind === 'scoped' ? [ADMIN_SCOPE] : ['openid', 'email', 'phone', 'profile'] };
      ctx.note(oob.replay.mintToken(request));
      token = await oob.mintToken!(request);
      break;
    }
  }
  const accepted = kind === 'valid' || kind === 'still-valid' || kind === 'scoped';
  if (operation === GUAVC) {
    const result = await getCode(ctx, token, 'email', [rule]);
    if (!accepted) return expectTokenRefused(ctx, rule, GUAVC, result, `a ${kind} access token does not authorise the call`);
    if (kind !== 'valid' && !result.ok) expectSuccess(ctx, rule, GUAVC, result, `a ${kind} access token authorises the call`);
    const output = expectCodeSent(ctx, result, 'a code for email');
    checkDeliveryDetails(ctx, 'email', attributeValue(ctx, 'email', 0), output);
    if (kind !== 'valid') ctx.held(rule);
  } else {
    const result = await getUser(ctx, token, [rule]);
    if (!accepted) return expectTokenRefused(ctx, rule, 'GetUser', result, `a ${kind} access token does not authorise GetUser`);
    if (!result.ok) checkDocumentedError(ctx, 'GetUser', result.error);
    expectSuccess(ctx, rule, 'GetUser', result, `a ${kind} access token authorises GetUser`);
  }
}

const codeLifecycle = defineProperty({
  name: 'The code sent verifies the attribute; a wrong code does not; a changed attribute is unverified again',
  service: 'cognito-idp',
  rules: ['COGNITO.VERIFY.CODE_ACCEPTED', 'COGNITO.VERIFY.WRONG_CODE', 'COGNITO.UPDATE.UNVERIFIES', ...ANSWER_RULES],
  needs: ['inbox'],
  runsFactor: 0.6,
  arbitrary: ({ capabilities }) => fc.record({ attribute: verifiableAttribute(capabilities), wrongFirst: fc.boolean(), wrong: wrongCode, update: fc.boolean(), metadata: clientMetadata }),
  async run(ctx, { attribute, wrongFirst, wrong, update, metadata }) {
    const session = await setUpUser(ctx, ['COGNITO.VERIFY.CODE_ACCEPTED']);
    let model = initialCognitoModel({}, carriedAttributes(ctx.target.capabilities));
    await requestCode(ctx, session.accessToken, attribute, attributeValue(ctx, attribute, 0), metadata);
    const box: CognitoBox = { state: model, lastSeen: ctx.now() };
    const code = await readCode(ctx, box, attribute);
    if (wrongFirst) {
      const result = await verifyAttribute(ctx, session.accessToken, attribute, differentCode(wrong, code), ['COGNITO.VERIFY.WRONG_CODE']);
      expectDocumentedRejection(ctx, 'COGNITO.VERIFY.WRONG_CODE', 'VerifyUserAttribute', result, 'a code other than the one sent is refused', ['CodeMismatchException']);
      model = { ...model, attributes: new Map([...model.attributes].map(([a, s]) => [a, a === attribute ? { ...s, cause: 'wrong-code' as const } : s])) };
      await readUser(ctx, session.accessToken, model, metadata);
    }
    const result = await verifyAttribute(ctx, session.accessToken, attribute, code, ['COGNITO.VERIFY.CODE_ACCEPTED']);
    if (!result.ok) checkDocumentedError(ctx, 'VerifyUserAttribute', result.error);
    expectSuccess(ctx, 'COGNITO.VERIFY.CODE_ACCEPTED', 'VerifyUserAttribute', result, 'the code sent is accepted');
    model = { ...model, attributes: new Map([...model.attributes].map(([a, s]) => [a, a === attribute ? { ...s, verified: true, cause: 'verified' as const } : s])) };
    await readUser(ctx, session.accessToken, model, metadata);
    if (update) {
      const updated = await updateAttribute(ctx, session.accessToken, attribute, attributeValue(ctx, attribute, 1), ['COGNITO.UPDATE.UNVERIFIES'], metadata);
      if (!updated.ok) checkDocumentedError(ctx, 'UpdateUserAttributes', updated.error);
      expectSuccess(ctx, 'COGNITO.UPDATE.UNVERIFIES', 'UpdateUserAttributes', updated, `${attribute} can be changed`);
      model = { ...model, attributes: new Map([...model.attributes].map(([a, s]) => [a, a === attribute ? { value: 1, verified: false, cause: 'updated' as const } : s])) };
      await readUser(ctx, session.accessToken, model, metadata);
    }
  },
});

const codeExpiry = defineProperty({
  name: 'A verification code is valid for 24 hours',
  service: 'cognito-idp',
  rules: ['COGNITO.VERIFY.CODE_EXPIRES_24H', 'COGNITO.VERIFY.CODE_ACCEPTED', ...ANSWER_RULES],
  needs: ['inbox', 'clock'],
  runsFactor: 0.3,
  arbitrary: ({ capabilities }) => fc.record({ attribute: verifiableAttribute(capabilities), hours: fc.constantFrom(23, 25, 25, 48) }),
  async run(ctx, { attribute, hours }) {
    const session = await setUpUser(ctx, ['COGNITO.VERIFY.CODE_EXPIRES_24H']);
    await requestCode(ctx, session.accessToken, attribute, attributeValue(ctx, attribute, 0));
    const box: CognitoBox = { state: initialCognitoModel({}, carriedAttributes(ctx.target.capabilities)), lastSeen: ctx.now() };
    const code = await readCode(ctx, box, attribute);
    ctx.note(ctx.target.oob.replay.advanceClock(hours * HOUR));
    await ctx.target.oob.advanceClock!(hours * HOUR);
    await signIn(ctx, session, ['COGNITO.VERIFY.CODE_EXPIRES_24H']); // the old access token has expired too
    const expired = hours > 24;
    const rule: RuleId = expired ? 'COGNITO.VERIFY.CODE_EXPIRES_24H' : 'COGNITO.VERIFY.CODE_ACCEPTED';
    const result = await verifyAttribute(ctx, session.accessToken, attribute, code, [rule]);
    if (expired) {
      expectDocumentedRejection(ctx, rule, 'VerifyUserAttribute', result, `a code sent ${hours} hours ago is refused`, ['ExpiredCodeException']);
    } else {
      if (!result.ok) checkDocumentedError(ctx, 'VerifyUserAttribute', result.error);
      expectSuccess(ctx, rule, 'VerifyUserAttribute', result, `a code sent ${hours} hours ago is still accepted`);
    }
    const model = initialCognitoModel({}, carriedAttributes(ctx.target.capabilities));
    const after: CognitoModel = {
      ...model,
      attributes: new Map([...model.attributes].map(([a, s]) => [a, a === attribute ? { ...s, verified: !expired, cause: expired ? 'expired-code' as const : 'verified' as const } : s])),
    };
    await readUser(ctx, session.accessToken, after);
  },
});

const updateUnverifies = defineProperty({
  name: 'UpdateUserAttributes makes a changed email or phone number unverified',
  service: 'cognito-idp',
  rules: ['COGNITO.UPDATE.UNVERIFIES', 'COGNITO.CLIENT_METADATA.NOT_ECHOED', 'COGNITO.ERRORS.DOCUMENTED', 'COGNITO.VERIFY.CODE_ACCEPTED'],
  runsFactor: 0.3,
  arbitrary: ({ capabilities }) => fc.record({ attribute: fc.constantFrom(...carriedAttributes(capabilities)), metadata: clientMetadata }),
  async run(ctx, { attribute, metadata }) {
    const session = await setUpUser(ctx, ['COGNITO.UPDATE.UNVERIFIES'], { email: true, phone_number: true });
    const initial = initialCognitoModel({ email: true, phone_number: true }, carriedAttributes(ctx.target.capabilities));
    // A target that ignores the verified flags of AdminCreateUser gives this property nothing to check.
    const first = await getUser(ctx, session.accessToken, ['COGNITO.UPDATE.UNVERIFIES']);
    if (!first.ok) return;
    const flags = new Map((first.output.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    if (flags.get(`${attribute}_verified`) !== 'true') return;
    const result = await updateAttribute(ctx, session.accessToken, attribute, attributeValue(ctx, attribute, 1), ['COGNITO.UPDATE.UNVERIFIES'], metadata);
    if (!result.ok) checkDocumentedError(ctx, 'UpdateUserAttributes', result.error);
    expectSuccess(ctx, 'COGNITO.UPDATE.UNVERIFIES', 'UpdateUserAttributes', result, `${attribute} can be changed`);
    checkMetadataNotEchoed(ctx, 'UpdateUserAttributes', metadata);
    const after: CognitoModel = {
      ...initial,
      attributes: new Map([...initial.attributes].map(([a, s]) => [a, a === attribute ? { value: 1, verified: false, cause: 'updated' as const } : s])),
    };
    const user = await getUser(ctx, session.accessToken, ['COGNITO.UPDATE.UNVERIFIES']);
    const output = expectSuccess(ctx, 'COGNITO.UPDATE.UNVERIFIES', 'GetUser', user, 'a signed-in user can read their attributes');
    checkUser(ctx, after, output, (a) => (a === attribute ? 'COGNITO.UPDATE.UNVERIFIES' : 'COGNITO.VERIFY.CODE_ACCEPTED'), metadata);
  },
});

const lifecycle = modelProperty<CognitoModel>({
  name: 'A user\'s verified attributes follow the documented code lifecycle',
  service: 'cognito-idp',
  rules: [
    'COGNITO.CODE.VERIFIABLE_ONLY', 'COGNITO.VERIFY.CODE_ACCEPTED', 'COGNITO.VERIFY.WRONG_CODE', 'COGNITO.VERIFY.CODE_EXPIRES_24H', 'COGNITO.UPDATE.UNVERIFIES',
    'COGNITO.AUTH.EXPIRED_TOKEN', 'COGNITO.AUTH.REVOKED_TOKEN', ...ANSWER_RULES,
  ],
  initial: () => initialCognitoModel(),
  async prepare(ctx, initial) {
    const before = ctx.now();
    await setUpUser(ctx, ['COGNITO.VERIFY.CODE_ACCEPTED']);
    const carried = carriedAttributes(ctx.target.capabilities);
    return signedIn({ ...initial, attributes: new Map([...initial.attributes].filter(([attribute]) => carried.includes(attribute))) }, ctx.since(before));
  },
  maxCommands: 20,
  runsFactor: 0.8,
  commands: [
    requestCodeCommand, requestCodeCommand, requestUnverifiableCommand, verifySentCommand, verifySentCommand, verifyWrongCommand, updateCommand,
    getUserCommand, getUserCommand, signInCommand, signOutCommand, advanceClockCommand,
  ],
});

export const cognitoIdpProperties: ConformanceProperty<any>[] = [attributeNames, tokens, codeLifecycle, codeExpiry, updateUnverifies, lifecycle];
