// Signing in: InitiateAuth (USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH; no IAM credentials needed)
// and AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH, REFRESH_TOKEN_AUTH; IAM-signed).
// SRP and custom flows are not emulated.
import { createHmac, randomBytes } from 'node:crypto';
import { jsonOperation, type AnyAwsJsonOperation, type JsonObject } from '../protocols/aws-json.ts';
import { optional, required, shapes } from '../protocols/input-shapes.ts';
import type { AccessTokens } from './access-tokens.ts';
import { userAttributeList } from './attributes.ts';
import { invalidParameter, notAuthorized, resourceNotFound } from './errors.ts';
import { CLIENT_ID, CLIENT_METADATA, STRING_MAP, USER_POOL_ID } from './shapes.ts';
import type { AppClient, CognitoStore, UserPool } from './store.ts';

const AUTH_FLOW = shapes.enum([
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
]);
/** The client setting (new style, then legacy) that lets each password flow through. */
const FLOW_PERMISSIONS: Record<string, readonly string[]> = {
  USER_PASSWORD_AUTH: ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH'],
  ADMIN_USER_PASSWORD_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  ADMIN_NO_SRP_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
};

export function createAuthOperations(store: CognitoStore, tokens: AccessTokens): Record<string, AnyAwsJsonOperation> {
  const param = (parameters: Record<string, string> | undefined, name: string): string => {
    const value = parameters?.[name];
    if (value === undefined || value === '') throw invalidParameter(`Missing required parameter ${name}`);
    return value;
  };

  /** A client with a secret needs SECRET_HASH = Base64(HMAC-SHA256(secret, username + clientId)). */
  const checkSecretHash = (client: AppClient, username: string, parameters: Record<string, string> | undefined) => {
    if (client.secret === undefined) return;
    const given = parameters?.SECRET_HASH;
    if (given === undefined) throw notAuthorized(`Client ${client.id} is configured with secret but SECRET_HASH was not received`);
    const expected = createHmac('sha256', client.secret)
      .update(username + client.id)
      .digest('base64');
    if (given !== expected) throw notAuthorized(`Unable to verify secret hash for client ${client.id}`);
  };

  const passwordAuth = (pool: UserPool, client: AppClient, flow: string, parameters: Record<string, string> | undefined): JsonObject => {
    if (!FLOW_PERMISSIONS[flow]!.some((allowed) => client.explicitAuthFlows.includes(allowed))) {
      throw invalidParameter(`${flow} flow not enabled for this client`);
    }
    const username = param(parameters, 'USERNAME');
    const password = param(parameters, 'PASSWORD');
    checkSecretHash(client, username, parameters);
    const user = store.userOf(pool, username);
    if (user.password !== password) throw notAuthorized('Incorrect username or password.');
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      // The emulator does not answer RespondToAuthChallenge: AdminSetUserPassword with Permanent true instead.
      return {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: randomBytes(96).toString('base64url'),
        ChallengeParameters: {
          USER_ID_FOR_SRP: user.username,
          requiredAttributes: '[]',
          userAttributes: JSON.stringify(
            Object.fromEntries(
              userAttributeList(user.attributes)
                .filter((a) => a.Name !== 'sub')
                .map((a) => [a.Name, a.Value]),
            ),
          ),
        },
      };
    }
    return {
      ChallengeParameters: {},
      AuthenticationResult: { ...tokens.signIn(pool, client, user), RefreshToken: tokens.refreshTokenFor(pool, client, user) },
    };
  };

  const refreshAuth = (pool: UserPool, client: AppClient, parameters: Record<string, string> | undefined): JsonObject => {
    const grant = store.refreshTokens.get(param(parameters, 'REFRESH_TOKEN'));
    const user = grant === undefined ? undefined : pool.users.get(grant.username);
    if (grant === undefined || grant.poolId !== pool.id || grant.clientId !== client.id || user === undefined) throw notAuthorized('Invalid Refresh Token');
    return { ChallengeParameters: {}, AuthenticationResult: { ...tokens.signIn(pool, client, user) } };
  };

  const authenticate = (pool: UserPool, client: AppClient, flow: string, parameters: Record<string, string> | undefined, allowed: readonly string[]) => {
    if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') return refreshAuth(pool, client, parameters);
    if (!allowed.includes(flow)) throw invalidParameter(`${flow} is not supported by this operation in the emulator.`);
    return passwordAuth(pool, client, flow, parameters);
  };

  return {
    InitiateAuth: jsonOperation({
      auth: 'none',
      input: shapes.structure({
        AuthFlow: required(AUTH_FLOW),
        ClientId: required(CLIENT_ID),
        AuthParameters: optional(STRING_MAP),
        ClientMetadata: optional(CLIENT_METADATA),
      }),
      handle(input) {
        const { pool, client } = store.clientById(input.ClientId);
        return authenticate(pool, client, input.AuthFlow, input.AuthParameters, ['USER_PASSWORD_AUTH']);
      },
    }),

    AdminInitiateAuth: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({
        UserPoolId: required(USER_POOL_ID),
        ClientId: required(CLIENT_ID),
        AuthFlow: required(AUTH_FLOW),
        AuthParameters: optional(STRING_MAP),
        ClientMetadata: optional(CLIENT_METADATA),
      }),
      handle(input, call) {
        const pool = store.poolFor(call.scope, input.UserPoolId);
        const client = pool.clients.get(input.ClientId);
        if (client === undefined) throw resourceNotFound(`User pool client ${input.ClientId} does not exist.`);
        return authenticate(pool, client, input.AuthFlow, input.AuthParameters, ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']);
      },
    }),
  };
}
