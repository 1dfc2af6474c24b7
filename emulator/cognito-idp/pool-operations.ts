// Setting up a user pool (IAM-signed administrator calls): CreateUserPool, DescribeUserPool,
// ListUserPools, DeleteUserPool, CreateUserPoolClient, AdminCreateUser, AdminSetUserPassword.
import { randomUUID } from 'node:crypto';
import { epochSeconds, jsonOperation, type AnyAwsJsonOperation, type JsonObject } from '../protocols/aws-json.ts';
import { optional, required, shapes } from '../protocols/input-shapes.ts';
import { readPageToken, writePageToken } from '../page-token.ts';
import type { ServiceContext } from '../service.ts';
import { DEFAULT_ACCESS_TOKEN_VALIDITY_MS } from './access-tokens.ts';
import { checkAttributes, userAttributeList } from './attributes.ts';
import { invalidParameter, userNotFound, usernameExists } from './errors.ts';
import { checkPassword, temporaryPassword } from './passwords.ts';
import { ATTRIBUTE_LIST, CLIENT_METADATA, PASSWORD, STRING_MAP, USERNAME, USER_POOL_ID, VERIFIED_ATTRIBUTES } from './shapes.ts';
import { DEFAULT_PASSWORD_POLICY, randomString, type AppClient, type CognitoStore, type User, type UserPool } from './store.ts';

const LEGACY_FLOWS = new Set(['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH']);
/** What a client allows when CreateUserPoolClient names no flows. */
const DEFAULT_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
const TIME_UNIT_MS = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
/** CreateUserPoolClient: access tokens are valid between 5 minutes and 1 day. */
const ACCESS_TOKEN_VALIDITY_RANGE_MS = [5 * 60_000, 86_400_000] as const;
const NAME = shapes.string({ min: 1, max: 128, pattern: /^[\w\s+=,.@-]+$/ });
const TIME_UNIT = shapes.enum(['seconds', 'minutes', 'hours', 'days']);

export function createPoolOperations(ctx: ServiceContext, store: CognitoStore): Record<string, AnyAwsJsonOperation> {
  const now = () => ctx.clock.now();

  const describePool = (pool: UserPool): JsonObject => ({
    Id: pool.id,
    Name: pool.name,
    Arn: pool.arn,
    CreationDate: epochSeconds(pool.createdAt),
    LastModifiedDate: epochSeconds(pool.modifiedAt),
    Policies: { PasswordPolicy: { ...pool.passwordPolicy } },
    DeletionProtection: pool.deletionProtection,
    MfaConfiguration: pool.mfaConfiguration,
    AutoVerifiedAttributes: pool.autoVerifiedAttributes,
    UsernameAttributes: pool.usernameAttributes,
    UserPoolTags: pool.tags,
    EstimatedNumberOfUsers: pool.users.size,
  });

  const describeUser = (user: User): JsonObject => ({
    Username: user.username,
    Attributes: userAttributeList(user.attributes),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.modifiedAt),
    Enabled: true,
    UserStatus: user.status,
  });

  /** The invitation AdminCreateUser sends, by the mediums asked for (SMS unless told otherwise). */
  const invite = (pool: UserPool, user: User, mediums: readonly string[]) => {
    for (const medium of mediums) {
      const to = user.attributes.get(medium === 'EMAIL' ? 'email' : 'phone_number');
      if (to === undefined) continue;
      ctx.inbox.deliver({
        service: 'cognito-idp',
        region: pool.region,
        to,
        subject: 'Your temporary password',
        body: `Your username is ${user.username} and temporary password is ${user.password}.`,
      });
    }
  };

  return {
    CreateUserPool: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({
        PoolName: required(NAME),
        Policies: optional(
          shapes.structure({
            PasswordPolicy: optional(
              shapes.structure({
                MinimumLength: optional(shapes.integer({ min: 6, max: 99 })),
                RequireUppercase: optional(shapes.boolean()),
                RequireLowercase: optional(shapes.boolean()),
                RequireNumbers: optional(shapes.boolean()),
                RequireSymbols: optional(shapes.boolean()),
                TemporaryPasswordValidityDays: optional(shapes.integer({ min: 0, max: 365 })),
              }),
            ),
          }),
        ),
        DeletionProtection: optional(shapes.enum(['ACTIVE', 'INACTIVE'])),
        AutoVerifiedAttributes: optional(VERIFIED_ATTRIBUTES),
        UsernameAttributes: optional(VERIFIED_ATTRIBUTES),
        MfaConfiguration: optional(shapes.enum(['OFF', 'ON', 'OPTIONAL'])),
        UserPoolTags: optional(STRING_MAP),
      }),
      handle(input, call) {
        const id = `${call.scope.region}_${randomString(9)}`;
        const pool: UserPool = {
          id,
          name: input.PoolName,
          arn: `arn:aws:cognito-idp:${call.scope.region}:${call.scope.account}:userpool/${id}`,
          account: call.scope.account,
          region: call.scope.region,
          createdAt: now(),
          modifiedAt: now(),
          passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...input.Policies?.PasswordPolicy },
          deletionProtection: input.DeletionProtection ?? 'INACTIVE',
          mfaConfiguration: input.MfaConfiguration ?? 'OFF',
          autoVerifiedAttributes: input.AutoVerifiedAttributes,
          usernameAttributes: input.UsernameAttributes,
          tags: input.UserPoolTags,
          clients: new Map(),
          users: new Map(),
        };
        store.pools.set(id, pool);
        return { UserPool: describePool(pool) };
      },
    }),

    DescribeUserPool: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({ UserPoolId: required(USER_POOL_ID) }),
      handle: (input, call) => ({ UserPool: describePool(store.poolFor(call.scope, input.UserPoolId)) }),
    }),

    ListUserPools: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({ MaxResults: required(shapes.integer({ min: 1, max: 60 })), NextToken: optional(shapes.string({ min: 1, pattern: /^\S+$/ })) }),
      handle(input, call) {
        const after = input.NextToken === undefined ? undefined : readPageToken(input.NextToken, invalidParameter);
        const pools = [...store.pools.values()]
          .filter((pool) => pool.account === call.scope.account && pool.region === call.scope.region && (after === undefined || pool.id > after))
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        const page = pools.slice(0, input.MaxResults);
        return {
          UserPools: page.map((pool) => ({
            Id: pool.id,
            Name: pool.name,
            LambdaConfig: {},
            CreationDate: epochSeconds(pool.createdAt),
            LastModifiedDate: epochSeconds(pool.modifiedAt),
          })),
          NextToken: pools.length > page.length ? writePageToken(page.at(-1)!.id) : undefined,
        };
      },
    }),

    DeleteUserPool: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({ UserPoolId: required(USER_POOL_ID) }),
      handle(input, call) {
        const pool = store.poolFor(call.scope, input.UserPoolId);
        if (pool.deletionProtection === 'ACTIVE') throw invalidParameter('The user pool cannot be deleted because deletion protection is activated.');
        store.pools.delete(pool.id);
        for (const [token, grant] of store.refreshTokens) if (grant.poolId === pool.id) store.refreshTokens.delete(token);
        return {};
      },
    }),

    CreateUserPoolClient: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({
        UserPoolId: required(USER_POOL_ID),
        ClientName: required(NAME),
        GenerateSecret: optional(shapes.boolean()),
        AccessTokenValidity: optional(shapes.integer({ min: 1, max: 86400 })),
        TokenValidityUnits: optional(shapes.structure({ AccessToken: optional(TIME_UNIT), IdToken: optional(TIME_UNIT), RefreshToken: optional(TIME_UNIT) })),
        ExplicitAuthFlows: optional(
          shapes.list(
            shapes.enum([
              'ADMIN_NO_SRP_AUTH',
              'CUSTOM_AUTH_FLOW_ONLY',
              'USER_PASSWORD_AUTH',
              'ALLOW_ADMIN_USER_PASSWORD_AUTH',
              'ALLOW_CUSTOM_AUTH',
              'ALLOW_USER_PASSWORD_AUTH',
              'ALLOW_USER_SRP_AUTH',
              'ALLOW_REFRESH_TOKEN_AUTH',
            ]),
          ),
        ),
      }),
      handle(input, call) {
        const pool = store.poolFor(call.scope, input.UserPoolId);
        const flows = input.ExplicitAuthFlows ?? DEFAULT_FLOWS;
        const legacy = flows.filter((flow) => LEGACY_FLOWS.has(flow));
        if (legacy.length > 0 && legacy.length < flows.length) throw invalidParameter('ExplicitAuthFlows can not have both legacy and new values.');
        const unit = input.TokenValidityUnits?.AccessToken ?? 'hours';
        const validityMs = input.AccessTokenValidity === undefined ? DEFAULT_ACCESS_TOKEN_VALIDITY_MS : input.AccessTokenValidity * TIME_UNIT_MS[unit];
        if (validityMs < ACCESS_TOKEN_VALIDITY_RANGE_MS[0] || validityMs > ACCESS_TOKEN_VALIDITY_RANGE_MS[1]) {
          throw invalidParameter('Invalid range for token validity: access tokens are valid between 5 minutes and 1 day.');
        }
        const client: AppClient = {
          id: randomString(26, 'abcdefghijklmnopqrstuvwxyz0123456789'),
          name: input.ClientName,
          secret: input.GenerateSecret === true ? randomString(51, 'abcdefghijklmnopqrstuvwxyz0123456789') : undefined,
          explicitAuthFlows: [...new Set(flows)],
          accessTokenValidityMs: validityMs,
          accessTokenValidity: input.AccessTokenValidity,
          tokenValidityUnits: input.TokenValidityUnits,
          createdAt: now(),
        };
        pool.clients.set(client.id, client);
        return {
          UserPoolClient: {
            UserPoolId: pool.id,
            ClientName: client.name,
            ClientId: client.id,
            ClientSecret: client.secret,
            CreationDate: epochSeconds(client.createdAt),
            LastModifiedDate: epochSeconds(client.createdAt),
            ExplicitAuthFlows: client.explicitAuthFlows,
            AccessTokenValidity: client.accessTokenValidity,
            TokenValidityUnits: client.tokenValidityUnits,
            RefreshTokenValidity: 30,
            AllowedOAuthFlowsUserPoolClient: false,
            EnableTokenRevocation: true,
          },
        };
      },
    }),

    AdminCreateUser: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({
        UserPoolId: required(USER_POOL_ID),
        Username: required(USERNAME),
        UserAttributes: optional(ATTRIBUTE_LIST),
        TemporaryPassword: optional(PASSWORD),
        MessageAction: optional(shapes.enum(['RESEND', 'SUPPRESS'])),
        DesiredDeliveryMediums: optional(shapes.list(shapes.enum(['SMS', 'EMAIL']))),
        ClientMetadata: optional(CLIENT_METADATA),
      }),
      handle(input, call) {
        const pool = store.poolFor(call.scope, input.UserPoolId);
        const mediums = input.DesiredDeliveryMediums ?? ['SMS'];
        if (input.MessageAction === 'RESEND') {
          const user = store.userOf(pool, input.Username);
          invite(pool, user, mediums);
          return { User: describeUser(user) };
        }
        if (pool.users.has(input.Username)) throw usernameExists();
        const attributes = input.UserAttributes ?? [];
        checkAttributes(attributes, { selfService: false });
        if (input.TemporaryPassword !== undefined) checkPassword(pool.passwordPolicy, input.TemporaryPassword);
        const user: User = {
          username: input.Username,
          sub: randomUUID(),
          attributes: new Map(),
          password: input.TemporaryPassword ?? temporaryPassword(pool.passwordPolicy),
          status: 'FORCE_CHANGE_PASSWORD',
          createdAt: now(),
          modifiedAt: now(),
          codes: new Map(),
          issuedTokens: new Set(),
          revokedTokens: new Set(),
        };
        user.attributes.set('sub', user.sub);
        for (const { Name, Value } of attributes) if (Value !== undefined && Value !== '') user.attributes.set(Name, Value);
        pool.users.set(user.username, user);
        if (input.MessageAction !== 'SUPPRESS') invite(pool, user, mediums);
        return { User: describeUser(user) };
      },
    }),

    AdminSetUserPassword: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({
        UserPoolId: required(USER_POOL_ID),
        Username: required(USERNAME),
        Password: required(PASSWORD),
        Permanent: optional(shapes.boolean()),
      }),
      handle(input, call) {
        const pool = store.poolFor(call.scope, input.UserPoolId);
        const user = pool.users.get(input.Username);
        if (user === undefined) throw userNotFound();
        checkPassword(pool.passwordPolicy, input.Password);
        user.password = input.Password;
        user.status = input.Permanent === true ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
        user.modifiedAt = now();
        return {};
      },
    }),
  };
}
