// Helpers for the awsJson1_1 services' tests (Lightsail, Cognito user pools): the real SDK
// clients wired to an in-process emulator, raw requests for what an SDK would never send, and a
// Cognito user signed in through the documented flow.
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { fetchHandler } from '../../harness/transport/fetch-handler.ts';
import type { Emulator } from '../../emulator/index.ts';
import { jsonObject } from './support.ts';

export const HOUR = 60 * 60 * 1000;
export const PASSWORD = 'Corr3ct-Horse!';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };

export function lightsailClient(emulator: Emulator, region = 'us-east-1'): LightsailClient {
  return new LightsailClient({ region, maxAttempts: 1, credentials, requestHandler: fetchHandler((r) => emulator.fetch(r)) });
}

/** An IAM-signed Cognito client (administrator calls). */
export function cognitoAdmin(emulator: Emulator, region = 'us-east-1'): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ region, maxAttempts: 1, credentials, requestHandler: fetchHandler((r) => emulator.fetch(r)) });
}

/**
 * A Cognito client with no credentials at all (any attempt to sign would fail), which records the
 * Authorization header of every request it sends: the proof that no signature was needed.
 */
export function cognitoAnonymous(emulator: Emulator, region = 'us-east-1'): { client: CognitoIdentityProviderClient; authorizations: Array<string | null> } {
  const authorizations: Array<string | null> = [];
  const client = new CognitoIdentityProviderClient({
    region,
    maxAttempts: 1,
    credentials: () => Promise.reject(new Error('this client has no credentials')),
    requestHandler: fetchHandler((request) => {
      authorizations.push(request.headers.get('authorization'));
      return emulator.fetch(request);
    }),
  });
  return { client, authorizations };
}

export function jsonRequest(
  target: string,
  body: BodyInit | undefined,
  options: { auth?: boolean; region?: string; service?: string; method?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, ...options.headers };
  if (options.auth !== false) {
    headers.authorization = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/${options.region ?? 'us-east-1'}/${options.service ?? 'lightsail'}/aws4_request, SignedHeaders=host, Signature=0`;
  }
  return new Request('http://localhost:4566/', { method: options.method ?? 'POST', headers, body });
}

export async function rawJson(
  emulator: Emulator,
  request: Request,
): Promise<{ status: number; type?: string; body: Record<string, unknown>; contentType: string | null }> {
  const response = await emulator.fetch(request);
  const body = await jsonObject(response);
  return { status: response.status, type: typeof body.__type === 'string' ? body.__type : undefined, body, contentType: response.headers.get('content-type') };
}

export interface SignedInUser {
  poolId: string;
  clientId: string;
  username: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

/** Pool → client → user → permanent password → InitiateAuth (USER_PASSWORD_AUTH), as the documents describe. */
export async function signedInUser(
  emulator: Emulator,
  options: { region?: string; email?: string; phoneNumber?: string; username?: string } = {},
): Promise<SignedInUser> {
  const admin = cognitoAdmin(emulator, options.region);
  const email = options.email ?? 'alice@example.com';
  const username = options.username ?? 'alice';
  const pool = await admin.send(new CreateUserPoolCommand({ PoolName: 'conformance', AutoVerifiedAttributes: ['email'] }));
  const poolId = pool.UserPool!.Id!;
  const client = await admin.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'app',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  const clientId = client.UserPoolClient!.ClientId!;
  const attributes = [{ Name: 'email', Value: email }];
  if (options.phoneNumber !== undefined) attributes.push({ Name: 'phone_number', Value: options.phoneNumber });
  await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, UserAttributes: attributes, MessageAction: 'SUPPRESS' }));
  await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: PASSWORD, Permanent: true }));
  const { client: anonymous } = cognitoAnonymous(emulator, options.region);
  const auth = await anonymous.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD } }),
  );
  return { poolId, clientId, username, email, accessToken: auth.AuthenticationResult!.AccessToken!, refreshToken: auth.AuthenticationResult!.RefreshToken! };
}

/** The code of the latest message sent to `to`. */
export function latestCode(emulator: Emulator, to: string): string {
  const code = emulator.control.inbox
    .list({ to })
    .filter((m) => m.code !== undefined)
    .at(-1)?.code;
  if (code === undefined) throw new Error(`no code was sent to ${to}`);
  return code;
}
