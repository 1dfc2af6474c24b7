// Each Cognito fault, switched on alone, changes exactly the behaviour its description names:
// every scenario runs on a fresh emulator with the fault off and one with it on.
import {
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { cognitoAnonymous, HOUR, jsonRequest, latestCode, rawJson, signedInUser, type SignedInUser } from './aws-json-support.ts';
import { expectFaultCatalog, sdkErrorName } from './support.ts';

type Client = ReturnType<typeof cognitoAnonymous>['client'];
interface World {
  emulator: Emulator;
  client: Client;
  user: SignedInUser;
}

async function offAndOn<T>(fault: string, scenario: (world: World) => Promise<T>, options: { phoneNumber?: string } = {}): Promise<{ off: T; on: T }> {
  const run = async (emulator: Emulator) => scenario({ emulator, client: cognitoAnonymous(emulator).client, user: await signedInUser(emulator, options) });
  return { off: await run(createEmulator()), on: await run(createEmulator({ faults: [fault] })) };
}

/** 'ok' or the error's name. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(() => 'ok', sdkErrorName);
}

const requestCode = (client: Client, AccessToken: string, AttributeName = 'email') =>
  client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName }));

async function emailVerified(client: Client, AccessToken: string): Promise<string | undefined> {
  return (await client.send(new GetUserCommand({ AccessToken }))).UserAttributes?.find((a) => a.Name === 'email_verified')?.Value;
}

describe('Cognito fault catalog', () => {
  it('lists every Cognito fault once, with a one-sentence description', () => {
    expectFaultCatalog('cognito-idp');
  });

  it('cognito.code-requires-sigv4: an unsigned GetUserAttributeVerificationCode is refused', async () => {
    const { off, on } = await offAndOn('cognito.code-requires-sigv4', async ({ client, user }) => outcome(requestCode(client, user.accessToken)));
    expect(off).toBe('ok');
    expect(on).toBe('MissingAuthenticationTokenException');
  });

  it('cognito.unsigned-not-authorized: an unsigned GetUserAttributeVerificationCode is refused with NotAuthorizedException', async () => {
    const { off, on } = await offAndOn('cognito.unsigned-not-authorized', async ({ client, user }) => outcome(requestCode(client, user.accessToken)));
    expect(off).toBe('ok');
    expect(on).toBe('NotAuthorizedException');
  });

  it('cognito.accepts-malformed-token', async () => {
    const { off, on } = await offAndOn('cognito.accepts-malformed-token', async ({ client }) => outcome(requestCode(client, 'garbage.token.value')));
    expect(off).toBe('NotAuthorizedException');
    expect(on).toBe('ok');
  });

  it('cognito.accepts-expired-token', async () => {
    const { off, on } = await offAndOn('cognito.accepts-expired-token', async ({ emulator, client, user }) => {
      emulator.control.clock.advance(2 * HOUR);
      return outcome(requestCode(client, user.accessToken));
    });
    expect(off).toBe('NotAuthorizedException');
    expect(on).toBe('ok');
  });

  it('cognito.accepts-revoked-token', async () => {
    const { off, on } = await offAndOn('cognito.accepts-revoked-token', async ({ client, user }) => {
      await client.send(new GlobalSignOutCommand({ AccessToken: user.accessToken }));
      return outcome(requestCode(client, user.accessToken));
    });
    expect(off).toBe('NotAuthorizedException');
    expect(on).toBe('ok');
  });

  it('cognito.ignores-admin-scope', async () => {
    const { off, on } = await offAndOn('cognito.ignores-admin-scope', async ({ emulator, client, user }) =>
      outcome(requestCode(client, emulator.control.tokens.mint({ userPoolId: user.poolId, username: user.username, scopes: ['openid'] }))),
    );
    expect(off).toBe('NotAuthorizedException');
    expect(on).toBe('ok');
  });

  it('cognito.destination-unmasked', async () => {
    const { off, on } = await offAndOn(
      'cognito.destination-unmasked',
      async ({ client, user }) => (await requestCode(client, user.accessToken)).CodeDeliveryDetails?.Destination,
    );
    expect(off).toBe('a***@e***.com');
    expect(on).toBe('alice@example.com');
  });

  it('cognito.email-over-sms', async () => {
    const { off, on } = await offAndOn(
      'cognito.email-over-sms',
      async ({ client, user }) => (await requestCode(client, user.accessToken)).CodeDeliveryDetails?.DeliveryMedium,
    );
    expect(off).toBe('EMAIL');
    expect(on).toBe('SMS');
  });

  it('cognito.code-for-any-attribute', async () => {
    const { off, on } = await offAndOn('cognito.code-for-any-attribute', async ({ client, user }) => outcome(requestCode(client, user.accessToken, 'name')));
    expect(off).toBe('InvalidParameterException');
    expect(on).toBe('ok');
  });

  it('cognito.wrong-code-accepted', async () => {
    const { off, on } = await offAndOn('cognito.wrong-code-accepted', async ({ emulator, client, user }) => {
      await requestCode(client, user.accessToken);
      const wrong = latestCode(emulator, user.email) === '000000' ? '111111' : '000000';
      const result = await outcome(client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: wrong })));
      return [result, await emailVerified(client, user.accessToken)];
    });
    expect(off).toEqual(['CodeMismatchException', undefined]);
    expect(on).toEqual(['ok', 'true']);
  });

  it('cognito.code-never-expires', async () => {
    const { off, on } = await offAndOn('cognito.code-never-expires', async ({ emulator, client, user }) => {
      const token = emulator.control.tokens.mint({ userPoolId: user.poolId, username: user.username, expiresInSeconds: 72 * 3600 });
      await requestCode(client, token);
      emulator.control.clock.advance(25 * HOUR);
      return outcome(client.send(new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: 'email', Code: latestCode(emulator, user.email) })));
    });
    expect(off).toBe('ExpiredCodeException');
    expect(on).toBe('ok');
  });

  it('cognito.update-keeps-verified', async () => {
    const { off, on } = await offAndOn('cognito.update-keeps-verified', async ({ emulator, client, user }) => {
      await requestCode(client, user.accessToken);
      await client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: latestCode(emulator, user.email) }));
      await client.send(new UpdateUserAttributesCommand({ AccessToken: user.accessToken, UserAttributes: [{ Name: 'email', Value: 'new@example.com' }] }));
      return emailVerified(client, user.accessToken);
    });
    expect(off).toBe('false');
    expect(on).toBe('true');
  });

  it('cognito.echoes-client-metadata', async () => {
    const { off, on } = await offAndOn('cognito.echoes-client-metadata', async ({ emulator, user }) => {
      const body = JSON.stringify({ AccessToken: user.accessToken, AttributeName: 'email', ClientMetadata: { campaign: 'spring' } });
      return (await rawJson(emulator, jsonRequest('AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode', body, { auth: false }))).body;
    });
    expect(off).not.toHaveProperty('ClientMetadata');
    expect(on).toMatchObject({ ClientMetadata: { campaign: 'spring' } });
  });

  it('cognito.attribute-name-unbounded: a 33-character AttributeName is accepted', async () => {
    const { off, on } = await offAndOn('cognito.attribute-name-unbounded', async ({ client, user }) =>
      outcome(requestCode(client, user.accessToken, 'e'.repeat(33))),
    );
    expect(off).toBe('InvalidParameterException');
    expect(on).toBe('ok');
  });

  it('cognito.no-delivery-details: the answer lacks CodeDeliveryDetails', async () => {
    const { off, on } = await offAndOn(
      'cognito.no-delivery-details',
      async ({ client, user }) => (await requestCode(client, user.accessToken)).CodeDeliveryDetails,
    );
    expect(off).toMatchObject({ AttributeName: 'email' });
    expect(on).toBeUndefined();
  });

  it('cognito.right-code-refused: the code sent is refused', async () => {
    const { off, on } = await offAndOn('cognito.right-code-refused', async ({ emulator, client, user }) => {
      await requestCode(client, user.accessToken);
      const result = await outcome(
        client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: latestCode(emulator, user.email) })),
      );
      return [result, await emailVerified(client, user.accessToken)];
    });
    expect(off).toEqual(['ok', 'true']);
    expect(on).toEqual(['CodeMismatchException', undefined]);
  });

  it('cognito.undocumented-error-code: an unverifiable attribute is refused with an undocumented code', async () => {
    const { off, on } = await offAndOn('cognito.undocumented-error-code', async ({ client, user }) => outcome(requestCode(client, user.accessToken, 'name')));
    expect(off).toBe('InvalidParameterException');
    expect(on).toBe('InvalidUserPoolConfigurationException');
  });
});
