// Cognito steps shared by the stateless properties and the model-based commands: the set-up of a
// user pool with one signed-in user, the token-authorised calls, and the checks of their answers.
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { allowedVerifiedFlags, attributeOf, verifiedShown, type AttributeCause, type CognitoModel } from '../../models/cognito-idp/model.ts';
import {
  DELIVERY_MEDIUMS,
  GetUserAttributeVerificationCodeResponse,
  GetUserResponse,
  InitiateAuthResponse,
  MEDIUM_OF,
  revealsWhole,
  verifiedFlag,
  type VerifiableAttribute,
} from '../../models/cognito-idp/shapes.ts';
import type { RuleId } from '../../services/index.ts';
import { call, type CallResult } from '../shared/call.ts';
import { checkThat, expectMember, expectRejected, expectSetup, expectSuccess, judge, setUp, sparing, stripMetadata } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { carriedAttributes } from './arbitraries.ts';
import { TargetError } from '../shared/failure.ts';

export const GUAVC = 'GetUserAttributeVerificationCode';
const PASSWORD = 'Avc-Passw0rd-2026!';

/** One user pool, one app client, one user, and the user's current access token. */
export interface CognitoSession {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly username: string;
  accessToken: string;
}

/** The values a run gives each verifiable attribute, by pool index. */
export function attributeValue(ctx: RunContext, attribute: VerifiableAttribute, index: number): string {
  if (attribute === 'email') return ctx.naming.email(`user${index}`);
  return `+1555010${String(1000 + index).slice(-4)}`;
}

const sessions = new WeakMap<RunContext, CognitoSession>();
export const sessionOf = (ctx: RunContext): CognitoSession => {
  const session = sessions.get(ctx);
  if (!session) throw new Error('no Cognito session: set-up did not run');
  return session;
};

/**
 * A user pool (removed after the run), an app client that allows password sign-in, and a user with
 * an email address and, where the target allows the harness's own numbers (`sms`), a phone number
 * (verified or not, as asked), signed in.
 */
export async function setUpUser(
  ctx: RunContext,
  rules: readonly RuleId[],
  verified: Partial<Record<VerifiableAttribute, boolean>> = {},
): Promise<CognitoSession> {
  const poolName = ctx.naming.domain('pool').replace(/[^\w-]/g, '-');
  // Email is auto-verified, as VerifyUserAttribute's own reference describes the flow ("a signed-in
  // user who has added or changed a value of an auto-verified attribute"); phone_number is not, as
  // that needs an SMS role. Codes are still asked for either attribute by name.
  const pool = setUp(
    ctx,
    rules,
    'CreateUserPool',
    await call(ctx, 'cognito-idp', new CreateUserPoolCommand({ PoolName: poolName, AutoVerifiedAttributes: ['email'] }), rules),
  );
  const userPoolId = pool.UserPool!.Id!;
  ctx.target.resources.add(`cognito-idp:${userPoolId}`, () => ctx.target.client('cognito-idp').send(new DeleteUserPoolCommand({ UserPoolId: userPoolId })));
  const client = setUp(
    ctx,
    rules,
    'CreateUserPoolClient',
    await call(
      ctx,
      'cognito-idp',
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'avc-client',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
      rules,
    ),
  );
  const clientId = client.UserPoolClient!.ClientId!;
  // The username is the user's first email address: accepted alike by pools with and without
  // email as the username attribute (some emulators make email the username attribute by default).
  const username = attributeValue(ctx, 'email', 0);
  const attributes = carriedAttributes(ctx.target.capabilities).flatMap((attribute) => [
    { Name: attribute, Value: attributeValue(ctx, attribute, 0) },
    ...(verified[attribute] ? [{ Name: verifiedFlag(attribute), Value: 'true' }] : []),
  ]);
  setUp(
    ctx,
    rules,
    'AdminCreateUser',
    await call(
      ctx,
      'cognito-idp',
      new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS', UserAttributes: attributes }),
      rules,
    ),
  );
  setUp(
    ctx,
    rules,
    'AdminSetUserPassword',
    await call(ctx, 'cognito-idp', new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }), rules),
  );
  const session: CognitoSession = { userPoolId, clientId, username, accessToken: '' };
  sessions.set(ctx, session);
  await signIn(ctx, session, rules);
  return session;
}

/** InitiateAuth with the user's password: a new access token. */
export async function signIn(ctx: RunContext, session: CognitoSession, rules: readonly RuleId[]) {
  const result = await call(
    ctx,
    'cognito-idp',
    new InitiateAuthCommand({
      ClientId: session.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: session.username, PASSWORD },
    }),
    rules,
  );
  const output = setUp(ctx, rules, 'InitiateAuth', result);
  const parsed = InitiateAuthResponse.safeParse(stripMetadata(output));
  if (!parsed.success) throw new TargetError(rules, 'InitiateAuth', 'set-up InitiateAuth answered no access token', ctx.evidence());
  session.accessToken = parsed.data.AuthenticationResult.AccessToken;
  return result;
}

/** GlobalSignOut: set-up of the revoked-token rule, which its refusal breaks. */
export async function globalSignOut(ctx: RunContext, session: CognitoSession) {
  const rule = 'COGNITO.AUTH.REVOKED_TOKEN';
  return expectSetup(
    ctx,
    rule,
    'GlobalSignOut',
    await call(ctx, 'cognito-idp', new GlobalSignOutCommand({ AccessToken: session.accessToken }), [rule]),
    'a signed-in user can sign out',
  );
}

export const getCode = (ctx: RunContext, token: string, attributeName: string, rules: readonly RuleId[], clientMetadata?: Record<string, string>) =>
  call(
    ctx,
    'cognito-idp',
    new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: attributeName, ClientMetadata: clientMetadata }),
    rules,
  );

export const verifyAttribute = (ctx: RunContext, token: string, attributeName: string, code: string, rules: readonly RuleId[]) =>
  call(ctx, 'cognito-idp', new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: attributeName, Code: code }), rules);

export const getUser = (ctx: RunContext, token: string, rules: readonly RuleId[]) =>
  call(ctx, 'cognito-idp', new GetUserCommand({ AccessToken: token }), rules);

export const updateAttribute = (
  ctx: RunContext,
  token: string,
  attribute: VerifiableAttribute,
  value: string,
  rules: readonly RuleId[],
  clientMetadata?: Record<string, string>,
) =>
  call(
    ctx,
    'cognito-idp',
    new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: [{ Name: attribute, Value: value }], ClientMetadata: clientMetadata }),
    rules,
  );

/** A token the target must refuse: NotAuthorizedException. */
export function expectTokenRefused(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<unknown>, why: string, observed: string): void {
  expectRejected(ctx, ruleId, operation, result, `${why}: NotAuthorizedException`, ['NotAuthorizedException'], observed);
}

/** The request went out without an IAM signature (the SDK sends these operations unsigned). */
function sentUnsigned(ctx: RunContext): boolean {
  const request = ctx.lastExchanges.at(-1)?.request;
  return request !== undefined && !Object.keys(request.headers).some((name) => name.toLowerCase() === 'authorization');
}

/** Errors that speak of authorisation: refusing an unsigned call with one of these breaks the IAM-free rule. */
const AUTHORISATION_ERROR = /NotAuthorized|AccessDenied|MissingAuthentication|IncompleteSignature|InvalidClientTokenId|UnrecognizedClient|Signature/;

/**
 * A code request for a verifiable attribute, with a valid token: it must succeed. Unsigned, its
 * success is evidence that the token alone authorises it, and a refusal for authorisation breaks
 * that (NO_IAM); any other refusal breaks "email and phone_number get a code" (VERIFIABLE_ONLY).
 * A rate, a quota or a server fault stops the run (the shared order), never a verdict on either.
 */
export function expectCodeSent<O>(ctx: RunContext, result: CallResult<O>, attribute: VerifiableAttribute): O {
  const expected = `a code is sent for ${attribute}`;
  const unsigned = sentUnsigned(ctx);
  if (unsigned && (result.ok || AUTHORISATION_ERROR.test(result.error.code))) {
    const output = expectSuccess(
      ctx,
      'COGNITO.AUTH.NO_IAM',
      GUAVC,
      result,
      `${expected}, with no Authorization header: the access token alone authorises the call`,
      'unsigned, valid token → answered',
    );
    ctx.held('COGNITO.CODE.VERIFIABLE_ONLY', `${attribute} → code sent`);
    return output;
  }
  return expectSuccess(ctx, 'COGNITO.CODE.VERIFIABLE_ONLY', GUAVC, result, expected, `${attribute} → code sent`);
}

/**
 * A code request with a valid token that must be rejected for its AttributeName. Refused for
 * authorisation (unsigned), it says nothing about the name: the token alone should have authorised
 * it, which breaks NO_IAM, never the name's rule.
 */
export function expectNameRejected(
  ctx: RunContext,
  ruleId: RuleId,
  result: CallResult<unknown>,
  expected: string,
  codes: readonly string[] | undefined,
  observed: string,
): void {
  if (!result.ok && sentUnsigned(ctx) && AUTHORISATION_ERROR.test(result.error.code)) {
    expectSuccess(
      ctx,
      'COGNITO.AUTH.NO_IAM',
      GUAVC,
      result,
      'a request with a valid access token and no Authorization header is judged on its merits, not refused for authorisation',
    );
  }
  expectRejected(ctx, ruleId, GUAVC, result, expected, codes, observed);
}

/** The newest message to each of the user's addresses and numbers, as its owner reads them (inbox capability). */
export type InboxState = ReadonlyMap<string, string | undefined>;

/** The newest message to each of `addresses`; undefined on a target without an inbox. */
export async function readInboxes(ctx: RunContext, addresses: readonly string[]): Promise<InboxState | undefined> {
  const { oob } = ctx.target;
  if (!ctx.target.capabilities.has('inbox') || !oob.latestMessage) return undefined;
  const newest = new Map<string, string | undefined>();
  for (const to of addresses) {
    ctx.note(oob.replay.readInbox(to));
    const message = await oob.latestMessage(to);
    newest.set(to, message && JSON.stringify(message));
  }
  return newest;
}

/**
 * "No code is sent" for an attribute a code cannot be sent to: after the refused request, no new
 * message reached any of the user's addresses and numbers read `before` it (where the target has an inbox).
 */
export async function checkNoCodeSent(ctx: RunContext, before: InboxState | undefined, name: string, observed: string): Promise<void> {
  if (!before) return;
  const after = (await readInboxes(ctx, [...before.keys()]))!;
  const reached = [...before].filter(([to, newest]) => after.get(to) !== newest).map(([to]) => to);
  checkThat(
    ctx,
    'COGNITO.CODE.VERIFIABLE_ONLY',
    GUAVC,
    reached.length === 0,
    () => ({
      message: `the request for ${name}, which was refused, still sent a message`,
      expected: "no new message to any of the user's addresses and numbers",
      actual: reached.map((to) => `${to}: ${after.get(to)}`).join('; '),
    }),
    observed,
  );
}

/**
 * No key or value of ClientMetadata appears in the response bodies of the last call. Evidence only
 * where `observed` names a case the rule speaks of (the code request, or a GetUser after it); an
 * echo elsewhere (UpdateUserAttributes) only breaks it.
 */
export function checkMetadataNotEchoed(ctx: RunContext, operation: string, metadata: Record<string, string> | undefined, observed?: string): void {
  if (!metadata || Object.keys(metadata).length === 0) return;
  const needles = Object.entries(metadata)
    .flat()
    .filter((s) => s.length >= 6);
  const bodies = ctx.lastExchanges.map((e) => e.response?.body ?? '');
  const echoed = needles.filter((needle) => bodies.some((body) => body.includes(needle)));
  judge(
    ctx,
    'COGNITO.CLIENT_METADATA.NOT_ECHOED',
    operation,
    echoed.length === 0,
    () => ({
      message: 'ClientMetadata appears in the response body: it is neither stored nor returned',
      expected: 'no ClientMetadata key or value in the answer',
      actual: `${JSON.stringify(echoed)} in ${bodies.join(' ').slice(0, 300)}`,
    }),
    observed,
  );
}

/** The observation of a GetUser that follows a code request which carried ClientMetadata. */
export const METADATA_NOT_STORED = 'a later GetUser → ClientMetadata not stored';

/**
 * The answer to a code request for a verifiable attribute whose current value is `value`. None of
 * these checks ends the run when it breaks a rule already found failing: the code was sent all the
 * same, and what follows (verifying it) is still checkable. A field that is missing is judged once.
 */
export function checkDeliveryDetails(ctx: RunContext, attribute: VerifiableAttribute, value: string, output: unknown, metadata?: Record<string, string>): void {
  sparing(ctx, () => {
    checkMetadataNotEchoed(ctx, GUAVC, metadata, `${GUAVC} with ClientMetadata → not echoed`);
    const parsed = GetUserAttributeVerificationCodeResponse.safeParse(stripMetadata(output));
    const details = parsed.success ? parsed.data.CodeDeliveryDetails : undefined;
    checkThat(
      ctx,
      'COGNITO.CODE.DELIVERY_DETAILS',
      GUAVC,
      details?.AttributeName === attribute,
      () => ({
        message: details ? 'CodeDeliveryDetails.AttributeName is not the requested attribute' : 'the answer carries no CodeDeliveryDetails',
        expected: `CodeDeliveryDetails with AttributeName ${attribute}`,
        actual: JSON.stringify(stripMetadata(output)),
      }),
      `${attribute} → CodeDeliveryDetails.AttributeName ${attribute}`,
    );
    if (!details) return;
    // A medium outside the enum is the enum's finding alone: it is not judged again as the wrong medium.
    if (expectMember(ctx, 'COGNITO.CODE.DELIVERY_MEDIUM', GUAVC, 'CodeDeliveryDetails.DeliveryMedium', DELIVERY_MEDIUMS, details.DeliveryMedium)) {
      checkThat(
        ctx,
        'COGNITO.CODE.DELIVERY_MEDIUM',
        GUAVC,
        details.DeliveryMedium === MEDIUM_OF[attribute],
        () => ({
          message: `a code for ${attribute} is not delivered by ${MEDIUM_OF[attribute]}`,
          expected: MEDIUM_OF[attribute],
          actual: JSON.stringify(details.DeliveryMedium),
        }),
        `${attribute} → ${MEDIUM_OF[attribute]}`,
      );
    }
    const destination = details.Destination ?? '';
    checkThat(
      ctx,
      'COGNITO.CODE.DESTINATION_MASKED',
      GUAVC,
      destination.length > 0 && !revealsWhole(destination, value),
      () => ({
        message: destination ? 'Destination reveals the whole address or number' : 'no Destination',
        expected: `a masked form of the ${attribute === 'email' ? 'address' : 'number'} (e.g. a***@e***.com, +*******0123)`,
        actual: JSON.stringify(details.Destination),
      }),
      `${attribute} → masked Destination`,
    );
  });
}

/** Which rule an expected verified flag stands for, given how the attribute came to be as it is; how the observation is labelled. */
const CAUSES: Record<AttributeCause, { rule: RuleId; observed?: (attribute: VerifiableAttribute, flag: string | undefined) => string }> = {
  verified: { rule: 'COGNITO.VERIFY.CODE_ACCEPTED', observed: (a, flag) => `right code → ${verifiedFlag(a)} ${flag}` },
  updated: { rule: 'COGNITO.UPDATE.UNVERIFIES', observed: (a, flag) => `verified ${a} changed → ${verifiedFlag(a)} ${flag ?? 'absent'}` },
  'wrong-code': { rule: 'COGNITO.VERIFY.WRONG_CODE', observed: (a, flag) => `wrong code → ${verifiedFlag(a)} ${flag ?? 'absent'}` },
  'expired-code': { rule: 'COGNITO.VERIFY.CODE_EXPIRES_24H', observed: (a, flag) => `expired code → ${verifiedFlag(a)} ${flag ?? 'absent'}` },
  // As created, or adopted: no rule's evidence; a flag turning true by itself breaks "a call never verifies by itself".
  initial: { rule: 'COGNITO.VERIFY.CODE_ACCEPTED' },
  unattributed: { rule: 'COGNITO.VERIFY.CODE_ACCEPTED' },
};

/** What a GetUser showed against the model: the model with the flags seen "true" noted, and the flags that broke a rule already found failing. */
export interface UserRead {
  readonly model: CognitoModel;
  readonly diverged: ReadonlyMap<VerifiableAttribute, string | undefined>;
}

/**
 * GetUser's verified flags against the model: the invariant of the model-based property. Returns
 * the model with each verified flag seen "true" noted (a later change of that value is judged as
 * unverifying it), and the attributes whose flag broke a rule already found failing, with the flag
 * shown, so that a model step can adopt it (re-basing). `metadata` is ClientMetadata the run sent:
 * `echoCase` names the observation where it went to a code request, which this GetUser follows.
 */
export function checkUser(ctx: RunContext, model: CognitoModel, output: unknown, metadata?: Record<string, string>, echoCase?: string): UserRead {
  const diverged = new Map<VerifiableAttribute, string | undefined>();
  checkMetadataNotEchoed(ctx, 'GetUser', metadata, echoCase);
  const parsed = GetUserResponse.safeParse(stripMetadata(output));
  if (!parsed.success) {
    // Without its attributes nothing can be compared: the rule the email's flag would be judged by is broken.
    checkThat(ctx, CAUSES[attributeOf(model, 'email').cause].rule, 'GetUser', false, () => ({
      message: 'GetUser answered no list of user attributes',
      expected: 'Username and UserAttributes',
      actual: JSON.stringify(stripMetadata(output)),
    }));
    return { model, diverged };
  }
  const attributes = new Map(parsed.data.UserAttributes.map((a) => [a.Name, a.Value]));
  let seen = model;
  for (const [attribute, state] of model.attributes) {
    const flag = attributes.get(verifiedFlag(attribute));
    const { rule, observed } = CAUSES[state.cause];
    const held = judge(
      ctx,
      rule,
      'GetUser',
      allowedVerifiedFlags(state).has(flag),
      () => ({
        message: `${verifiedFlag(attribute)} is not what the calls so far make it`,
        expected: state.verified ? '"true"' : '"false" or no flag',
        actual: JSON.stringify(flag),
      }),
      observed?.(attribute, flag),
    );
    if (!held) diverged.set(attribute, flag);
    else if (flag === 'true') seen = verifiedShown(seen, attribute);
  }
  return { model: seen, diverged };
}

/** The rules any code request, user read or sign-out may check, besides the one a property is about. */
export const ANSWER_RULES = [
  'COGNITO.AUTH.NO_IAM',
  'COGNITO.CODE.VERIFIABLE_ONLY',
  'COGNITO.CODE.DELIVERY_DETAILS',
  'COGNITO.CODE.DELIVERY_MEDIUM',
  'COGNITO.CODE.DESTINATION_MASKED',
  'COGNITO.CLIENT_METADATA.NOT_ECHOED',
  'COGNITO.ERRORS.DOCUMENTED',
] as const satisfies readonly RuleId[];
export const USER_RULES = [
  'COGNITO.VERIFY.CODE_ACCEPTED',
  'COGNITO.VERIFY.WRONG_CODE',
  'COGNITO.VERIFY.CODE_EXPIRES_24H',
  'COGNITO.UPDATE.UNVERIFIES',
] as const satisfies readonly RuleId[];

/** A code request for a verifiable attribute that must succeed, with its answer checked. */
export async function requestCode(ctx: RunContext, token: string, attribute: VerifiableAttribute, value: string, metadata?: Record<string, string>) {
  const result = await getCode(ctx, token, attribute, ['COGNITO.AUTH.NO_IAM', 'COGNITO.CODE.VERIFIABLE_ONLY'], metadata);
  checkDeliveryDetails(ctx, attribute, value, expectCodeSent(ctx, result, attribute), metadata);
  return result;
}

/** GetUser, its flags against `model`; a refused read breaks `rule`, the rule the read serves. */
export async function readUser(
  ctx: RunContext,
  token: string,
  model: CognitoModel,
  rule: RuleId,
  metadata?: Record<string, string>,
  echoCase?: string,
): Promise<UserRead> {
  const result = await getUser(ctx, token, [rule]);
  return checkUser(ctx, model, expectSetup(ctx, rule, 'GetUser', result, 'a signed-in user can read their attributes'), metadata, echoCase);
}
