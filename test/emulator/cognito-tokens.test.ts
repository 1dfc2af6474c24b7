// Access tokens: their shape and claims, every way a token can fail (malformed, wrongly signed,
// expired on the virtual clock, revoked, missing the admin scope), and token minting for tests
// through control.tokens.mint and POST /_emulator/tokens.
import { GetUserAttributeVerificationCodeCommand, GetUserCommand, GlobalSignOutCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { cognitoAnonymous, HOUR, PASSWORD, signedInUser, type SignedInUser } from './aws-json-support.ts';
import { altered, expectSdkError, isJsonObject, jsonObject } from './support.ts';

let emulator: Emulator;
let anonymous: ReturnType<typeof cognitoAnonymous>['client'];
let user: SignedInUser;

beforeEach(async () => {
  emulator = createEmulator();
  anonymous = cognitoAnonymous(emulator).client;
  user = await signedInUser(emulator, { region: 'eu-west-1' });
});

function claims(token: string): Record<string, unknown> {
  const payload: unknown = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
  if (!isJsonObject(payload)) throw new Error('the token payload is not a JSON object');
  return payload;
}

const getUser = (AccessToken: string) => anonymous.send(new GetUserCommand({ AccessToken }));
const requestCode = (AccessToken: string) => anonymous.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));

describe('Cognito access tokens', () => {
  it('are JWTs with the documented claims', () => {
    expect(user.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const c = claims(user.accessToken);
    expect(c).toMatchObject({
      username: 'alice',
      client_id: user.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      iss: `https://cognito-idp.eu-west-1.amazonaws.com/${user.poolId}`,
    });
    expect(c.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.jti).toMatch(/^[0-9a-f-]{36}$/);
    const { exp, iat } = c;
    if (typeof exp !== 'number' || typeof iat !== 'number') throw new Error('exp and iat must be numbers');
    expect(exp - iat).toBe(3600);
  });

  it.each([
    ['a string that is no JWT', 'not-a-token'],
    ['a JWT with an unreadable payload', 'eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln'],
  ])('refuses %s with NotAuthorizedException', async (_, token) => {
    await expectSdkError(getUser(token), 'NotAuthorizedException', 400);
    await expectSdkError(requestCode(token), 'NotAuthorizedException', 400);
  });

  it('refuses a token whose signature does not match (claims tampered with)', async () => {
    const [head, , signature] = user.accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims(user.accessToken), username: 'mallory' })).toString('base64url');
    await expectSdkError(getUser(`${head}.${forged}.${signature}`), 'NotAuthorizedException', 400);
    const flipped = signature!.startsWith('A') ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
    await expectSdkError(getUser(`${head}.${user.accessToken.split('.')[1]}.${flipped}`), 'NotAuthorizedException', 400);
  });

  it('expires after 1 hour of virtual time', async () => {
    emulator.control.clock.advance(HOUR - 2000);
    await getUser(user.accessToken);
    emulator.control.clock.advance(2000);
    const error = await expectSdkError(requestCode(user.accessToken), 'NotAuthorizedException', 400);
    expect(error.message).toMatch(/expired/i);
  });

  it('is revoked by GlobalSignOut, while a new sign-in works', async () => {
    await anonymous.send(new GlobalSignOutCommand({ AccessToken: user.accessToken }));
    const error = await expectSdkError(requestCode(user.accessToken), 'NotAuthorizedException', 400);
    expect(error.message).toMatch(/revoked/i);
    const again = await anonymous.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: user.clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    );
    await requestCode(again.AuthenticationResult!.AccessToken!);
  });

  it('an ID token is not an access token', async () => {
    const auth = await anonymous.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: user.clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    );
    await expectSdkError(getUser(auth.AuthenticationResult!.IdToken!), 'NotAuthorizedException', 400);
  });
});

describe('control.tokens.mint', () => {
  it('mints a token that works like a signed-in one, with the given scopes', async () => {
    const token = emulator.control.tokens.mint({ userPoolId: user.poolId, username: 'alice' });
    expect(claims(token)).toMatchObject({ client_id: user.clientId, scope: 'aws.cognito.signin.user.admin', token_use: 'access' });
    expect((await getUser(token)).Username).toBe('alice');

    const custom = emulator.control.tokens.mint({
      userPoolId: user.poolId,
      clientId: user.clientId,
      username: 'alice',
      scopes: ['openid', 'aws.cognito.signin.user.admin'],
    });
    expect(claims(custom).scope).toBe('openid aws.cognito.signin.user.admin');
    await requestCode(custom);
  });

  it('a token without aws.cognito.signin.user.admin is refused', async () => {
    for (const scopes of [['openid', 'email'], []]) {
      const token = emulator.control.tokens.mint({ userPoolId: user.poolId, username: 'alice', scopes });
      const error = await expectSdkError(requestCode(token), 'NotAuthorizedException', 400);
      expect(error.message).toMatch(/scope/i);
    }
  });

  it('expiresInSeconds sets the validity; 0 mints an expired token', async () => {
    const short = emulator.control.tokens.mint({ userPoolId: user.poolId, username: 'alice', expiresInSeconds: 60 });
    await getUser(short);
    emulator.control.clock.advance(60_000);
    await expectSdkError(getUser(short), 'NotAuthorizedException', 400);
    await expectSdkError(
      getUser(emulator.control.tokens.mint({ userPoolId: user.poolId, username: 'alice', expiresInSeconds: 0 })),
      'NotAuthorizedException',
      400,
    );
  });

  it('throws a clear error for an unknown pool, client or user, or a malformed request', () => {
    expect(() => emulator.control.tokens.mint({ userPoolId: 'eu-west-1_nope', username: 'alice' })).toThrow(/no user pool eu-west-1_nope/);
    expect(() => emulator.control.tokens.mint({ userPoolId: user.poolId, username: 'bob' })).toThrow(/no user bob/);
    expect(() => emulator.control.tokens.mint({ userPoolId: user.poolId, username: 'alice', clientId: 'nope' })).toThrow(/no app client nope/);
    expect(() => emulator.control.tokens.mint({ userPoolId: user.poolId, username: 'alice', expiresInSeconds: Number.NaN })).toThrow(TypeError);
    expect(() => emulator.control.tokens.mint(altered({ userPoolId: user.poolId, username: 'alice' }, ['username']))).toThrow(/username/);
  });

  it('POST /_emulator/tokens answers { accessToken }, and 400 on bad input', async () => {
    const post = (body: string) =>
      emulator.fetch(new Request('http://localhost:4566/_emulator/tokens', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
    const ok = await post(JSON.stringify({ userPoolId: user.poolId, username: 'alice', scopes: ['openid'] }));
    expect(ok.status).toBe(200);
    const { accessToken } = await jsonObject(ok);
    if (typeof accessToken !== 'string') throw new Error('no accessToken in the answer');
    expect(claims(accessToken).scope).toBe('openid');

    for (const body of [
      'not json',
      '[]',
      '{}',
      JSON.stringify({ userPoolId: user.poolId, username: 'nobody' }),
      JSON.stringify({ userPoolId: user.poolId, username: 'alice', scopes: 'openid' }),
    ]) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect((await jsonObject(response)).error).toBe('BadRequest');
    }
    const get = await emulator.fetch(new Request('http://localhost:4566/_emulator/tokens'));
    expect(get.status).toBe(405);
  });
});
