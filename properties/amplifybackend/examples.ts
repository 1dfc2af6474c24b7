// Fixed AmplifyBackend inputs run in every pass, whatever the seed: together the configurations
// send every documented enum value where the API takes one (AuthResources, both DeliveryMethods in
// VerificationMessage and the deprecated ForgotPassword, each MFAMode and MfaType, both grant types,
// every scope, constraint, sign-up attribute and sign-in method), MinimumLength at both ends of
// Cognito's 6..99 (arbitraries.ts), all four social providers, and a configuration of required members only.
import {
  ADDITIONAL_CONSTRAINTS,
  CREATE_REQUIRED_PATHS,
  OAUTH_SCOPES,
  REQUIRED_SIGN_UP_ATTRIBUTES,
  UPDATE_REQUIRED_PATHS,
  type CreateResourceConfig,
} from '../../models/amplifybackend/shapes.ts';
import { emailMessage, MINIMUM_LENGTH, SECRET_MARKER, smsMessage, type UpdateWithoutResources } from './arbitraries.ts';

const social = (name: string) => ({ ClientId: `${name}client`, ClientSecret: `${SECRET_MARKER}${name}` });

/** Every sub-configuration, every list full: VerificationMessage EMAIL, ForgotPassword SMS, MFA ON, CODE grant. */
export const FULL_EMAIL: CreateResourceConfig = {
  AuthResources: 'IDENTITY_POOL_AND_USER_POOL',
  IdentityPoolConfigs: { IdentityPoolName: 'avcidpfull', UnauthenticatedLogin: true },
  Service: 'COGNITO',
  UserPoolConfigs: {
    ForgotPassword: smsMessage('Reset'),
    Mfa: { MFAMode: 'ON', Settings: { MfaTypes: ['SMS', 'TOTP'], SmsMessage: 'MFA {####}' } },
    OAuth: {
      DomainPrefix: 'avcfull',
      OAuthGrantType: 'CODE',
      OAuthScopes: [...OAUTH_SCOPES],
      RedirectSignInURIs: ['https://app.example.com/', 'myapp://signin/'],
      RedirectSignOutURIs: ['https://www.example.com/callback'],
      SocialProviderSettings: {
        Facebook: social('facebook'),
        Google: social('google'),
        LoginWithAmazon: social('amazon'),
        SignInWithApple: { ClientId: 'com.example.app', KeyId: 'KEY1234567', PrivateKey: `${SECRET_MARKER}apple`, TeamId: 'TEAM123456' },
      },
    },
    PasswordPolicy: { AdditionalConstraints: [...ADDITIONAL_CONSTRAINTS], MinimumLength: MINIMUM_LENGTH.max },
    RequiredSignUpAttributes: [...REQUIRED_SIGN_UP_ATTRIBUTES],
    SignInMethod: 'EMAIL',
    UserPoolName: 'avcpoolfull',
    VerificationMessage: { ...emailMessage('Verify'), SmsSettings: { SmsMessage: 'Code {####}' } },
  },
};

/** VerificationMessage SMS, ForgotPassword EMAIL, MFA OPTIONAL with TOTP, IMPLICIT grant, the least MinimumLength. */
export const FULL_SMS: CreateResourceConfig = {
  AuthResources: 'IDENTITY_POOL_AND_USER_POOL',
  IdentityPoolConfigs: { IdentityPoolName: 'avcidpsms', UnauthenticatedLogin: false },
  Service: 'COGNITO',
  UserPoolConfigs: {
    ForgotPassword: emailMessage('Reset'),
    Mfa: { MFAMode: 'OPTIONAL', Settings: { MfaTypes: ['TOTP'] } },
    OAuth: {
      OAuthGrantType: 'IMPLICIT',
      OAuthScopes: ['OPENID'],
      RedirectSignInURIs: ['https://app.example.com/'],
      RedirectSignOutURIs: ['https://app.example.com/'],
    },
    PasswordPolicy: { MinimumLength: MINIMUM_LENGTH.min },
    RequiredSignUpAttributes: ['EMAIL'],
    SignInMethod: 'EMAIL_AND_PHONE_NUMBER',
    UserPoolName: 'avcpoolsms',
    VerificationMessage: smsMessage('Code'),
  },
};

/** MFA OFF, user pool only, sign-in by phone number. */
export const MFA_OFF: CreateResourceConfig = {
  AuthResources: 'USER_POOL_ONLY',
  Service: 'COGNITO',
  UserPoolConfigs: {
    Mfa: { MFAMode: 'OFF' },
    RequiredSignUpAttributes: ['PHONE_NUMBER'],
    SignInMethod: 'PHONE_NUMBER',
    UserPoolName: 'avcpooloff',
    VerificationMessage: emailMessage('Welcome'),
  },
};

/** MFA OPTIONAL without the deprecated ForgotPassword: each MFA mode also read back from a configuration without it. */
const MFA_OPTIONAL: CreateResourceConfig = {
  AuthResources: 'USER_POOL_ONLY',
  Service: 'COGNITO',
  UserPoolConfigs: {
    Mfa: { MFAMode: 'OPTIONAL', Settings: { MfaTypes: ['SMS'], SmsMessage: 'MFA {####}' } },
    RequiredSignUpAttributes: ['EMAIL', 'NAME'],
    SignInMethod: 'USERNAME',
    UserPoolName: 'avcpoolopt',
    VerificationMessage: smsMessage('Hello'),
  },
};

/** Required members only. */
export const MINIMAL: CreateResourceConfig = {
  AuthResources: 'USER_POOL_ONLY',
  Service: 'COGNITO',
  UserPoolConfigs: { RequiredSignUpAttributes: ['EMAIL'], SignInMethod: 'USERNAME', UserPoolName: 'avcpoolmin' },
};

export const CREATE_EXAMPLES: readonly CreateResourceConfig[] = [FULL_EMAIL, FULL_SMS, MFA_OFF, MFA_OPTIONAL, MINIMAL];

/** Updates that change every updatable sub-configuration, each MFA mode and delivery method, or the verification message alone. */
export const UPDATE_EXAMPLES: readonly { config: CreateResourceConfig; update: UpdateWithoutResources }[] = [
  {
    config: FULL_EMAIL,
    update: {
      IdentityPoolConfigs: { UnauthenticatedLogin: false },
      Service: 'COGNITO',
      UserPoolConfigs: {
        // The Update shape's ForgotPassword needs no DeliveryMethod.
        ForgotPassword: { SmsSettings: { SmsMessage: 'New reset {####}' } },
        Mfa: { MFAMode: 'OFF' },
        OAuth: {
          OAuthGrantType: 'IMPLICIT',
          OAuthScopes: ['EMAIL', 'PROFILE'],
          RedirectSignInURIs: ['myapp://signin/'],
          RedirectSignOutURIs: ['myapp://signin/'],
        },
        PasswordPolicy: { MinimumLength: 12, AdditionalConstraints: ['REQUIRE_DIGIT'] },
        VerificationMessage: smsMessage('New code'),
      },
    },
  },
  {
    config: FULL_SMS,
    update: { Service: 'COGNITO', UserPoolConfigs: { ForgotPassword: smsMessage('Reset'), Mfa: { MFAMode: 'ON' }, VerificationMessage: emailMessage('New') } },
  },
  {
    config: MFA_OFF,
    update: { Service: 'COGNITO', UserPoolConfigs: { Mfa: { MFAMode: 'OPTIONAL', Settings: { MfaTypes: ['SMS'] } }, VerificationMessage: smsMessage('New') } },
  },
  { config: MFA_OPTIONAL, update: { Service: 'COGNITO', UserPoolConfigs: { Mfa: { MFAMode: 'ON' }, VerificationMessage: emailMessage('New') } } },
  {
    config: { ...MINIMAL, UserPoolConfigs: { ...MINIMAL.UserPoolConfigs, VerificationMessage: smsMessage('Code') } },
    update: { Service: 'COGNITO', UserPoolConfigs: { VerificationMessage: emailMessage('New') } },
  },
];

/** Every required member, left out one at a time from a complete request. */
export const MISSING_EXAMPLES = [
  ...CREATE_REQUIRED_PATHS.map((path) => ({ operation: 'create' as const, path })),
  ...UPDATE_REQUIRED_PATHS.map((path) => ({ operation: 'update' as const, path })),
];
