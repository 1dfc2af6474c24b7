// Cognito user pools through the real Cognito client: set-up operations, the documented
// attribute-verification flow (with a client that has no IAM credentials at all), codes that are
// wrong, expired or superseded, and UpdateUserAttributes un-verifying a changed email.
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListUserPoolsCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { cognitoAdmin, cognitoAnonymous, HOUR, jsonRequest, latestCode, PASSWORD, rawJson, signedInUser, type SignedInUser } from './aws-json-support.ts';
import { expectSdkError } from './support.ts';

let emulator: Emulator;
let admin: ReturnType<typeof cognitoAdmin>;
let anonymous: ReturnType<typeof cognitoAnonymous>;

beforeEach(() => {
  emulator = createEmulator();
  admin = cognitoAdmin(emulator);
  anonymous = cognitoAnonymous(emulator);
});

async function attributesOf(accessToken: string): Promise<Record<string, string | undefined>> {
  const user = await anonymous.client.send(new GetUserCommand({ AccessToken: accessToken }));
  return Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
}

describe('Cognito: the attribute verification flow', () => {
  let user: SignedInUser;
  beforeEach(async () => {
    user = await signedInUser(emulator);
  });

  it('code by email without any IAM signature → VerifyUserAttribute → email_verified true', async () => {
    const out = await anonymous.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.accessToken, AttributeName: 'email' }));
    expect(out.CodeDeliveryDetails).toEqual({ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com' });

    const [message, ...others] = emulator.control.inbox.list({ to: 'alice@example.com' });
    expect(others).toEqual([]);
    expect(message).toMatchObject({ service: 'cognito-idp', region: 'us-east-1' });
    expect(message!.code).toMatch(/^\d{6}$/);
    expect(message!.body).toContain(message!.code);

    await anonymous.client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: message!.code }));
    expect(await attributesOf(user.accessToken)).toMatchObject({ email: 'alice@example.com', email_verified: 'true' });
    // Every user-facing call went out unsigned.
    expect(anonymous.authorizations.length).toBeGreaterThanOrEqual(3);
    expect(anonymous.authorizations.every((header) => header === null)).toBe(true);
  });

  it('a phone number gets its code by SMS, its Destination masked but for the last four digits', async () => {
    const phoneUser = await signedInUser(emulator, { phoneNumber: '+12065550100', username: 'bob', email: 'bob@example.com' });
    const out = await anonymous.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: phoneUser.accessToken, AttributeName: 'phone_number' }));
    expect(out.CodeDeliveryDetails).toEqual({ AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: '+*******0100' });
    const code = latestCode(emulator, '+12065550100');
    await anonymous.client.send(new VerifyUserAttributeCommand({ AccessToken: phoneUser.accessToken, AttributeName: 'phone_number', Code: code }));
    expect((await attributesOf(phoneUser.accessToken)).phone_number_verified).toBe('true');
  });

  it('a wrong code is a CodeMismatchException and verifies nothing', async () => {
    await anonymous.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.accessToken, AttributeName: 'email' }));
    const wrong = latestCode(emulator, user.email) === '000000' ? '111111' : '000000';
    await expectSdkError(
      anonymous.client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: wrong })),
      'CodeMismatchException',
      400,
    );
    expect((await attributesOf(user.accessToken)).email_verified).toBeUndefined();
  });

  it('a code is valid for 24 hours: just before it verifies, at 24 h it is an ExpiredCodeException', async () => {
    const token = emulator.control.tokens.mint({ userPoolId: user.poolId, username: user.username, expiresInSeconds: 48 * 3600 });
    await anonymous.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: 'email' }));
    emulator.control.clock.advance(24 * HOUR);
    await expectSdkError(
      anonymous.client.send(new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: 'email', Code: latestCode(emulator, user.email) })),
      'ExpiredCodeException',
      400,
    );

    await anonymous.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: 'email' }));
    emulator.control.clock.advance(24 * HOUR - 1000);
    await anonymous.client.send(new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: 'email', Code: latestCode(emulator, user.email) }));
    expect((await attributesOf(token)).email_verified).toBe('true');
  });

  it('the latest code supersedes earlier ones, and a code is used up once it verifies', async () => {
    await anonymous.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.accessToken, AttributeName: 'email' }));
    const first = latestCode(emulator, user.email);
    let second = first;
    while (second === first) {
      await anonymous.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.accessToken, AttributeName: 'email' }));
      second = latestCode(emulator, user.email);
    }
    await expectSdkError(
      anonymous.client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: first })),
      'CodeMismatchException',
      400,
    );
    await anonymous.client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: second }));
    await expectSdkError(
      anonymous.client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: second })),
      'CodeMismatchException',
      400,
    );
  });

  it.each([
    ['an attribute that cannot be verified', 'name'],
    ['an attribute name over 32 characters', 'x'.repeat(33)],
    ['an empty attribute name', ''],
    ['an attribute name with a space', 'e mail'],
  ])('GetUserAttributeVerificationCode refuses %s with InvalidParameterException', async (_, name) => {
    await expectSdkError(
      anonymous.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.accessToken, AttributeName: name })),
      'InvalidParameterException',
      400,
    );
    expect(emulator.control.inbox.list({ to: user.email })).toEqual([]);
  });

  it('a user without a phone number gets InvalidParameterException for phone_number', async () => {
    await expectSdkError(
      anonymous.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.accessToken, AttributeName: 'phone_number' })),
      'InvalidParameterException',
      400,
    );
  });

  it('ClientMetadata is accepted and never echoed', async () => {
    const response = await emulator.fetch(
      new Request('http://localhost:4566/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode' },
        body: JSON.stringify({ AccessToken: user.accessToken, AttributeName: 'email', ClientMetadata: { campaign: 'spring' } }),
      }),
    );
    expect(response.status).toBe(200);
    expect(Object.keys(await response.json())).toEqual(['CodeDeliveryDetails']);
  });

  it('UpdateUserAttributes changing email makes email_verified false and sends a new code', async () => {
    await anonymous.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.accessToken, AttributeName: 'email' }));
    await anonymous.client.send(
      new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: latestCode(emulator, user.email) }),
    );

    const out = await anonymous.client.send(
      new UpdateUserAttributesCommand({ AccessToken: user.accessToken, UserAttributes: [{ Name: 'email', Value: 'new@example.org' }] }),
    );
    expect(out.CodeDeliveryDetailsList).toEqual([{ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'n***@e***.org' }]);
    expect(await attributesOf(user.accessToken)).toMatchObject({ email: 'new@example.org', email_verified: 'false' });

    await anonymous.client.send(
      new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: latestCode(emulator, 'new@example.org') }),
    );
    expect((await attributesOf(user.accessToken)).email_verified).toBe('true');
  });

  it('UpdateUserAttributes with the same email or another attribute changes no verification', async () => {
    const out = await anonymous.client.send(
      new UpdateUserAttributesCommand({
        AccessToken: user.accessToken,
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'name', Value: 'Alice' },
        ],
      }),
    );
    expect(out.CodeDeliveryDetailsList).toEqual([]);
    expect(await attributesOf(user.accessToken)).toMatchObject({ name: 'Alice', email: user.email });
  });

  it('a user cannot set email_verified or unknown attributes through UpdateUserAttributes', async () => {
    const update = (Name: string, Value: string) =>
      anonymous.client.send(new UpdateUserAttributesCommand({ AccessToken: user.accessToken, UserAttributes: [{ Name, Value }] }));
    await expectSdkError(update('email_verified', 'true'), 'NotAuthorizedException', 400);
    await expectSdkError(update('favourite_colour', 'blue'), 'InvalidParameterException', 400);
    await expectSdkError(update('email', 'not-an-address'), 'InvalidParameterException', 400);
  });

  it('GlobalSignOut revokes the access token and the refresh token', async () => {
    await anonymous.client.send(new GlobalSignOutCommand({ AccessToken: user.accessToken }));
    await expectSdkError(anonymous.client.send(new GetUserCommand({ AccessToken: user.accessToken })), 'NotAuthorizedException', 400);
    await expectSdkError(
      anonymous.client.send(
        new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: user.clientId, AuthParameters: { REFRESH_TOKEN: user.refreshToken } }),
      ),
      'NotAuthorizedException',
      400,
    );
  });
});

describe('Cognito: setting up a pool', () => {
  it('CreateUserPool / DescribeUserPool / DeleteUserPool', async () => {
    const created = await admin.send(new CreateUserPoolCommand({ PoolName: 'pool', AutoVerifiedAttributes: ['email'] }));
    const pool = created.UserPool!;
    expect(pool.Id).toMatch(/^us-east-1_[0-9a-zA-Z]{9}$/);
    expect(pool.Arn).toBe(`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${pool.Id}`);
    expect(pool.CreationDate).toBeInstanceOf(Date);
    expect(pool.Policies?.PasswordPolicy?.MinimumLength).toBe(8);

    const described = await admin.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }));
    expect(described.UserPool).toMatchObject({ Id: pool.Id, Name: 'pool', AutoVerifiedAttributes: ['email'], EstimatedNumberOfUsers: 0 });

    await admin.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id }));
    await expectSdkError(admin.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id })), 'ResourceNotFoundException', 400);
    await expectSdkError(admin.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id })), 'ResourceNotFoundException', 400);
  });

  it('a pool is only visible in its own Region, and deletion protection holds', async () => {
    const pool = (await admin.send(new CreateUserPoolCommand({ PoolName: 'pool', DeletionProtection: 'ACTIVE' }))).UserPool!;
    await expectSdkError(cognitoAdmin(emulator, 'eu-west-1').send(new DescribeUserPoolCommand({ UserPoolId: pool.Id })), 'ResourceNotFoundException', 400);
    await expectSdkError(admin.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id })), 'InvalidParameterException', 400);
  });

  it.each(['CreateUserPool', 'DescribeUserPool', 'DeleteUserPool', 'CreateUserPoolClient', 'AdminCreateUser', 'AdminSetUserPassword', 'AdminInitiateAuth'])(
    '%s without IAM credentials is a 400 MissingAuthenticationTokenException',
    async (operation) => {
      const { status, type } = await rawJson(emulator, jsonRequest(`AWSCognitoIdentityProviderService.${operation}`, '{"PoolName":"pool"}', { auth: false }));
      expect([status, type]).toEqual([400, 'MissingAuthenticationTokenException']);
    },
  );

  it('AdminCreateUser, AdminSetUserPassword and AdminInitiateAuth (both flow names) sign a user in', async () => {
    const pool = (await admin.send(new CreateUserPoolCommand({ PoolName: 'pool' }))).UserPool!;
    const client = (
      await admin.send(new CreateUserPoolClientCommand({ UserPoolId: pool.Id, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] }))
    ).UserPoolClient!;
    expect(client.ClientId).toMatch(/^[a-z0-9]{26}$/);
    const created = await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.Id,
        Username: 'carol',
        UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
        MessageAction: 'SUPPRESS',
      }),
    );
    expect(created.User).toMatchObject({ Username: 'carol', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    await expectSdkError(admin.send(new AdminCreateUserCommand({ UserPoolId: pool.Id, Username: 'carol' })), 'UsernameExistsException', 400);

    await expectSdkError(
      admin.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id, Username: 'carol', Password: 'weak', Permanent: true })),
      'InvalidPasswordException',
      400,
    );
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id, Username: 'carol', Password: PASSWORD, Permanent: true }));
    for (const AuthFlow of ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'] as const) {
      const auth = await admin.send(
        new AdminInitiateAuthCommand({ UserPoolId: pool.Id, ClientId: client.ClientId, AuthFlow, AuthParameters: { USERNAME: 'carol', PASSWORD } }),
      );
      expect(auth.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
      expect((await attributesOf(auth.AuthenticationResult!.AccessToken!)).email).toBe('carol@example.com');
    }
    await expectSdkError(
      admin.send(
        new AdminInitiateAuthCommand({
          UserPoolId: pool.Id,
          ClientId: client.ClientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'carol', PASSWORD: 'Wr0ng-password' },
        }),
      ),
      'NotAuthorizedException',
      400,
    );
    // This client does not allow USER_PASSWORD_AUTH.
    await expectSdkError(
      anonymous.client.send(
        new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: client.ClientId, AuthParameters: { USERNAME: 'carol', PASSWORD } }),
      ),
      'InvalidParameterException',
      400,
    );
  });

  it('a user with a temporary password is challenged for a new one', async () => {
    const pool = (await admin.send(new CreateUserPoolCommand({ PoolName: 'pool' }))).UserPool!;
    const client = (
      await admin.send(new CreateUserPoolClientCommand({ UserPoolId: pool.Id, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }))
    ).UserPoolClient!;
    await admin.send(new AdminCreateUserCommand({ UserPoolId: pool.Id, Username: 'dave', TemporaryPassword: PASSWORD, MessageAction: 'SUPPRESS' }));
    const auth = await anonymous.client.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: client.ClientId, AuthParameters: { USERNAME: 'dave', PASSWORD } }),
    );
    expect(auth.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(auth.AuthenticationResult).toBeUndefined();
  });

  it('REFRESH_TOKEN_AUTH gives a new access token', async () => {
    const user = await signedInUser(emulator);
    const refreshed = await anonymous.client.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: user.clientId, AuthParameters: { REFRESH_TOKEN: user.refreshToken } }),
    );
    expect(refreshed.AuthenticationResult?.AccessToken).not.toBe(user.accessToken);
    expect((await attributesOf(refreshed.AuthenticationResult!.AccessToken!)).email).toBe(user.email);
  });
});

describe('Cognito: listing user pools', () => {
  it('pages through the pools of the caller region, and refuses a token it never gave', async () => {
    for (const name of ['p1', 'p2', 'p3']) await admin.send(new CreateUserPoolCommand({ PoolName: name }));
    await cognitoAdmin(emulator, 'eu-west-1').send(new CreateUserPoolCommand({ PoolName: 'elsewhere' }));
    const first = await admin.send(new ListUserPoolsCommand({ MaxResults: 2 }));
    expect(first.UserPools).toHaveLength(2);
    const second = await admin.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(second.NextToken).toBeUndefined();
    expect([...first.UserPools!, ...second.UserPools!].map((p) => p.Name).sort()).toEqual(['p1', 'p2', 'p3']);
    await expectSdkError(admin.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken: 'forged' })), 'InvalidParameterException', 400);
    await expectSdkError(admin.send(new ListUserPoolsCommand({ MaxResults: 61 })), 'InvalidParameterException', 400);
  });
});
