// Cognito steps shared by the stateless properties and the model-based commands: the set-up of a
// user pool with one signed-in user, the token-authorised calls, and the checks of their answers.
import {
  AdminCreateUserCommand, AdminSetUserPasswordCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, DeleteUserPoolCommand,
  GetUserAttributeVerificationCodeCommand, GetUserCommand, GlobalSignOutCommand, InitiateAuthCommand, UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { allowedVerifiedFlags, type AttributeCause, type CognitoModel } from '../../models/cognito-idp/model.ts';
import {
  DELIVERY_MEDIUMS, DOCUMENTED_ERRORS, GetUserAttributeVerificationCodeResponse, GetUserResponse, InitiateAuthResponse, MEDIUM_OF,
  revealsWhole, verifiedFlag, type VerifiableAttribute,
} from '../../models/cognito-idp/shapes.ts';
import { isClientError, type ObservedError } from '../../models/shared/aws-error.ts';
import type { RuleId } from '../../spec/index.ts';
import { call, type CallResult } from '../shared/call.ts';
import { checkThat, expectMember, expectRejected, expectShape, expectSuccess, fail, stripMetadata } from '../shared/checks.ts';
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

/** Set-up calls are not what a rule is about: a target that cannot do them leaves the rules unchecked (error), never failed. */
function setUp<O>(ctx: RunContext, rules: readonly RuleId[], operation: string, result: CallResult<O>): O {
  if (!result.ok) throw new TargetError(rules, operation, `set-up ${operation} failed: ${result.error.code} (HTTP ${result.error.httpStatus}) ${result.error.message}`, ctx.evidence());
  return result.output;
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
export async function setUpUser(ctx: RunContext, rules: readonly RuleId[], verified: Partial<Record<VerifiableAttribute, boolean>> = {}): Promise<CognitoSession> {
  const poolName = ctx.naming.domain('pool').replace(/[^\w-]/g, '-');
  // Email is auto-verified, as VerifyUserAttribute's own reference describes the flow ("a signed-in
  // user who has added or changed a value of an auto-verified attribute"); phone_number is not, as
  // that needs an SMS role. Codes are still asked for either attribute by name.
  const pool = setUp(ctx, rules, 'CreateUserPool', await call(ctx, 'cognito-idp', new CreateUserPoolCommand({ PoolName: poolName, AutoVerifiedAttributes: ['email'] }), rules));
  const userPoolId = pool.UserPool!.Id!;
  ctx.target.resources.add(`cognito-idp:${userPoolId}`, () => ctx.target.client('cognito-idp').send(new DeleteUserPoolCommand({ UserPoolId: userPoolId })));
  const client = setUp(ctx, rules, 'CreateUserPoolClient', await call(ctx, 'cognito-idp', new CreateUserPoolClientCommand({
    UserPoolId: userPoolId, ClientName: 'avc-client', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }), rules));
  const clientId = client.UserPoolClient!.ClientId!;
  // The username is the user's first email address: accepted alike by pools with and without
  // email as the username attribute (some emulators make email the username attribute by default).
  const username = attributeValue(ctx, 'email', 0);
  const attributes = carriedAttributes(ctx.target.capabilities).flatMap((attribute) => [
    { Name: attribute, Value: attributeValue(ctx, attribute, 0) },
    ...(verified[attribute] ? [{ Name: verifiedFlag(attribute), Value: 'true' }] : []),
  ]);
  setUp(ctx, rules, 'AdminCreateUser', await call(ctx, 'cognito-idp', new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS', UserAttributes: attributes }), rules));
  setUp(ctx, rules, 'AdminSetUserPassword', await call(ctx, 'cognito-idp', new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }), rules));
  const session: CognitoSession = { userPoolId, clientId, username, accessToken: '' };
  sessions.set(ctx, session);
  await signIn(ctx, session, rules);
  return session;
}

/** InitiateAuth with the user's password: a new access token. */
export async function signIn(ctx: RunContext, session: CognitoSession, rules: readonly RuleId[]) {
  const result = await call(ctx, 'cognito-idp', new InitiateAuthCommand({
    ClientId: session.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: session.username, PASSWORD },
  }), rules);
  const output = setUp(ctx, rules, 'InitiateAuth', result);
  const parsed = InitiateAuthResponse.safeParse(stripMetadata(output));
  if (!parsed.success) throw new TargetError(rules, 'InitiateAuth', 'set-up InitiateAuth answered no access token', ctx.evidence());
  session.accessToken = parsed.data.AuthenticationResult.AccessToken;
  return result;
}

export async function globalSignOut(ctx: RunContext, session: CognitoSession, rules: readonly RuleId[]) {
  return setUp(ctx, rules, 'GlobalSignOut', await call(ctx, 'cognito-idp', new GlobalSignOutCommand({ AccessToken: session.accessToken }), rules));
}

export const getCode = (ctx: RunContext, token: string, attributeName: string, rules: readonly RuleId[], clientMetadata?: Record<string, string>) =>
  call(ctx, 'cognito-idp', new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: attributeName, ClientMetadata: clientMetadata }), rules);

export const verifyAttribute = (ctx: RunContext, token: string, attributeName: string, code: string, rules: readonly RuleId[]) =>
  call(ctx, 'cognito-idp', new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: attributeName, Code: code }), rules);

export const getUser = (ctx: RunContext, token: string, rules: readonly RuleId[]) => call(ctx, 'cognito-idp', new GetUserCommand({ AccessToken: token }), rules);

export const updateAttribute = (ctx: RunContext, token: string, attribute: VerifiableAttribute, value: string, rules: readonly RuleId[], clientMetadata?: Record<string, string>) =>
  call(ctx, 'cognito-idp', new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: [{ Name: attribute, Value: value }], ClientMetadata: clientMetadata }), rules);

/** Every rejection: a client error (4xx) whose code the operation documents. */
export function checkDocumentedError(ctx: RunContext, operation: string, error: ObservedError): void {
  const documented = DOCUMENTED_ERRORS[operation] ?? [];
  checkThat(ctx, 'COGNITO.ERRORS.DOCUMENTED', operation, isClientError(error) && documented.includes(error.code), () => ({
    message: `${operation} answered an error that is not in its documented list, or not as a client error`,
    expected: `HTTP 4xx with a code among ${documented.join(', ')}`,
    actual: `${error.code} (HTTP ${error.httpStatus}): ${error.message}`,
  }));
}

/** A rejection the documents name: the rule's own expectation first, then the documented list. */
export function expectDocumentedRejection(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<unknown>, expected: string, codes?: readonly string[]): ObservedError {
  const error = expectRejected(ctx, ruleId, operation, result, expected, codes);
  checkDocumentedError(ctx, operation, error);
  return error;
}

/** A token the target must refuse: NotAuthorizedException. */
export function expectTokenRefused(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<unknown>, why: string): void {
  expectDocumentedRejection(ctx, ruleId, operation, result, `${why}: NotAuthorizedException`, ['NotAuthorizedException']);
}

/** The request went out without an IAM signature (the SDK sends these operations unsigned). */
export function sentUnsigned(ctx: RunContext): boolean {
  const request = ctx.lastExchanges.at(-1)?.request;
  return request !== undefined && !Object.keys(request.headers).some((name) => name.toLowerCase() === 'authorization');
}

/** Errors that speak of authorisation: refusing an unsigned call with one of these breaks the IAM-free rule. */
const AUTHORISATION_ERROR = /NotAuthorized|AccessDenied|MissingAuthentication|IncompleteSignature|InvalidClientTokenId|UnrecognizedClient|Signature/;

/** A GetUserAttributeVerificationCode that must succeed: unsigned, authorised by the token alone. */
export function expectCodeSent<O>(ctx: RunContext, result: CallResult<O>, expected: string): O {
  // Refused for want of a signature: the IAM-free rule; refused for any other reason: no code was sent.
  const rule: RuleId = result.ok || AUTHORISATION_ERROR.test(result.error.code) ? 'COGNITO.AUTH.NO_IAM' : 'COGNITO.CODE.DELIVERY_DETAILS';
  if (!sentUnsigned(ctx)) {
    // Signed by the client after all: this call says nothing about IAM-free authorisation.
    if (!result.ok) fail(ctx, 'COGNITO.CODE.DELIVERY_DETAILS', GUAVC, { message: 'answered an error where a code should be sent', expected, actual: `${result.error.code} (HTTP ${result.error.httpStatus}): ${result.error.message}` });
    return result.output;
  }
  return expectSuccess(ctx, rule, GUAVC, result, `${expected}, with no Authorization header: the access token alone authorises the call`);
}

/** No key or value of ClientMetadata appears in the response bodies of the last call. */
export function checkMetadataNotEchoed(ctx: RunContext, operation: string, metadata: Record<string, string> | undefined): void {
  if (!metadata || Object.keys(metadata).length === 0) return;
  const needles = Object.entries(metadata).flat().filter((s) => s.length >= 6);
  const bodies = ctx.lastExchanges.map((e) => e.response?.body ?? '');
  const echoed = needles.filter((needle) => bodies.some((body) => body.includes(needle)));
  checkThat(ctx, 'COGNITO.CLIENT_METADATA.NOT_ECHOED', operation, echoed.length === 0, () => ({
    message: 'ClientMetadata appears in the response body: it is neither stored nor returned',
    expected: 'no ClientMetadata key or value in the answer',
    actual: `${JSON.stringify(echoed)} in ${bodies.join(' ').slice(0, 300)}`,
  }));
}

/** The answer to a code request for a verifiable attribute whose current value is `value`. */
export function checkDeliveryDetails(ctx: RunContext, attribute: VerifiableAttribute, value: string, output: unknown, metadata?: Record<string, string>): void {
  checkMetadataNotEchoed(ctx, GUAVC, metadata);
  const { CodeDeliveryDetails: details } = expectShape(ctx, 'COGNITO.CODE.DELIVERY_DETAILS', GUAVC, GetUserAttributeVerificationCodeResponse, output);
  checkThat(ctx, 'COGNITO.CODE.DELIVERY_DETAILS', GUAVC, details.AttributeName === attribute, () => ({
    message: 'CodeDeliveryDetails.AttributeName is not the requested attribute',
    expected: attribute,
    actual: JSON.stringify(details.AttributeName),
  }));
  expectMember(ctx, 'COGNITO.CODE.DELIVERY_MEDIUM', GUAVC, 'CodeDeliveryDetails.DeliveryMedium', DELIVERY_MEDIUMS, details.DeliveryMedium);
  checkThat(ctx, 'COGNITO.CODE.DELIVERY_MEDIUM', GUAVC, details.DeliveryMedium === MEDIUM_OF[attribute], () => ({
    message: `a code for ${attribute} is not delivered by ${MEDIUM_OF[attribute]}`,
    expected: MEDIUM_OF[attribute],
    actual: JSON.stringify(details.DeliveryMedium),
  }));
  const destination = details.Destination ?? '';
  checkThat(ctx, 'COGNITO.CODE.DESTINATION_MASKED', GUAVC, destination.length > 0 && !revealsWhole(destination, value), () => ({
    message: destination ? 'Destination reveals the whole address or number' : 'no Destination',
    expected: `a masked form of the ${attribute === 'email' ? 'address' : 'number'} (e.g. a***@e***.com, +*******0123)`,
    actual: JSON.stringify(details.Destination),
  }));
}

/** GetUser's verified flags and values against the model: the invariant of the model-based property. */
export function checkUser(ctx: RunContext, model: CognitoModel, output: unknown, rulesByAttribute: (attribute: VerifiableAttribute) => RuleId, metadata?: Record<string, string>): void {
  checkMetadataNotEchoed(ctx, 'GetUser', metadata);
  const user = expectShape(ctx, rulesByAttribute('email'), 'GetUser', GetUserResponse, output);
  const attributes = new Map(user.UserAttributes.map((a) => [a.Name, a.Value]));
  for (const [attribute, state] of model.attributes) {
    const flag = attributes.get(verifiedFlag(attribute));
    const allowed = allowedVerifiedFlags(state);
    checkThat(ctx, rulesByAttribute(attribute), 'GetUser', allowed.has(flag), () => ({
      message: `${verifiedFlag(attribute)} is not what the calls so far make it`,
      expected: state.verified ? '"true"' : '"false" or no flag',
      actual: JSON.stringify(flag),
    }));
  }
}

/** Which rule an expected verified flag stands for, given how the attribute came to be as it is. */
export const RULE_OF_CAUSE: Record<AttributeCause, RuleId> = {
  verified: 'COGNITO.VERIFY.CODE_ACCEPTED',
  updated: 'COGNITO.UPDATE.UNVERIFIES',
  'wrong-code': 'COGNITO.VERIFY.WRONG_CODE',
  'expired-code': 'COGNITO.VERIFY.CODE_EXPIRES_24H',
  initial: 'COGNITO.VERIFY.CODE_ACCEPTED',
};
