// AmplifyBackend test fixtures: a backend with an environment, and a full auth configuration
// that touches every documented member (social providers and their secrets included).
import { CreateBackendCommand, type AmplifyBackendClient, type CreateBackendAuthResourceConfig } from '@aws-sdk/client-amplifybackend';
import type { Emulator } from '../../emulator/index.ts';

export const APP = 'd1abcdefgh';
export const ENV = 'dev';
export const RESOURCE = 'myauth';

export function fullAuthConfig(): CreateBackendAuthResourceConfig {
  return {
    AuthResources: 'IDENTITY_POOL_AND_USER_POOL',
    IdentityPoolConfigs: { IdentityPoolName: 'idpool', UnauthenticatedLogin: false },
    Service: 'COGNITO',
    UserPoolConfigs: {
      ForgotPassword: { DeliveryMethod: 'EMAIL', EmailSettings: { EmailMessage: 'Your code is {####}', EmailSubject: 'Reset' } },
      Mfa: { MFAMode: 'OPTIONAL', Settings: { MfaTypes: ['SMS', 'TOTP'], SmsMessage: 'MFA code {####}' } },
      OAuth: {
        DomainPrefix: 'myapp',
        OAuthGrantType: 'CODE',
        OAuthScopes: ['EMAIL', 'OPENID', 'AWS_COGNITO_SIGNIN_USER_ADMIN'],
        RedirectSignInURIs: ['https://app.example.com/in'],
        RedirectSignOutURIs: ['https://app.example.com/out'],
        SocialProviderSettings: {
          Facebook: { ClientId: 'fb-id', ClientSecret: 'fb-secret' },
          Google: { ClientId: 'g-id', ClientSecret: 'g-secret' },
          LoginWithAmazon: { ClientId: 'lwa-id', ClientSecret: 'lwa-secret' },
          SignInWithApple: {
            ClientId: 'apple-id',
            KeyId: 'KEY123',
            PrivateKey: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
            TeamId: 'TEAM1',
          },
        },
      },
      // A whole number in Cognito's 6..99: MinimumLength is a double in the API model but an integer in Cognito
      // (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html).
      PasswordPolicy: { AdditionalConstraints: ['REQUIRE_DIGIT', 'REQUIRE_SYMBOL'], MinimumLength: 10 },
      RequiredSignUpAttributes: ['EMAIL', 'PHONE_NUMBER'],
      SignInMethod: 'EMAIL_AND_PHONE_NUMBER',
      UserPoolName: 'mypool',
      VerificationMessage: {
        DeliveryMethod: 'EMAIL',
        EmailSettings: { EmailMessage: 'Verify with {####}', EmailSubject: 'Verify' },
        SmsSettings: { SmsMessage: 'Code {####}' },
      },
    },
  };
}

export async function createBackend(client: AmplifyBackendClient, environment = ENV): Promise<void> {
  await client.send(new CreateBackendCommand({ AppId: APP, AppName: 'My app', BackendEnvironmentName: environment }));
}

/** How long the emulator's jobs run (emulator/amplifybackend/jobs.ts): past it, every job started so far has completed. */
const JOB_DURATION_MS = 10_000;

/** Moves the emulator's clock past every job started so far: their changes take effect. */
export function completeJobs(emulator: Emulator): void {
  emulator.control.clock.advance(JOB_DURATION_MS);
}
