// AmplifyBackend (API 2020-08-11) auth shapes, transcribed from the CreateBackendAuth /
// GetBackendAuth / UpdateBackendAuth document (the SDK's PascalCase member names; the wire's
// camelCase is the SDK's business) and, for CreateBackend and GetBackendJob, from the API model.
// Request schemas are strict about required members; the answer is read leniently (every member
// optional, enums as strings), so that a missing member or a wrong value is reported by the rule
// it breaks rather than as a shape error.
import { z } from 'zod';

export const AUTH_RESOURCES = ['USER_POOL_ONLY', 'IDENTITY_POOL_AND_USER_POOL'] as const;
export const SERVICES = ['COGNITO'] as const;
/** The enum as the request and response syntax give it; the changelog line's 'EMAIL ' '| ' 'SMS' is a rendering artifact. */
export const DELIVERY_METHODS = ['EMAIL', 'SMS'] as const;
export const MFA_MODES = ['ON', 'OFF', 'OPTIONAL'] as const;
export const MFA_TYPES = ['SMS', 'TOTP'] as const;
export const OAUTH_GRANT_TYPES = ['CODE', 'IMPLICIT'] as const;
export const OAUTH_SCOPES = ['PHONE', 'EMAIL', 'OPENID', 'PROFILE', 'AWS_COGNITO_SIGNIN_USER_ADMIN'] as const;
export const ADDITIONAL_CONSTRAINTS = ['REQUIRE_DIGIT', 'REQUIRE_LOWERCASE', 'REQUIRE_SYMBOL', 'REQUIRE_UPPERCASE'] as const;
export const REQUIRED_SIGN_UP_ATTRIBUTES = [
  'ADDRESS',
  'BIRTHDATE',
  'EMAIL',
  'FAMILY_NAME',
  'GENDER',
  'GIVEN_NAME',
  'LOCALE',
  'MIDDLE_NAME',
  'NAME',
  'NICKNAME',
  'PHONE_NUMBER',
  'PICTURE',
  'PREFERRED_USERNAME',
  'PROFILE',
  'UPDATED_AT',
  'WEBSITE',
  'ZONE_INFO',
] as const;
export const SIGN_IN_METHODS = ['EMAIL', 'EMAIL_AND_PHONE_NUMBER', 'PHONE_NUMBER', 'USERNAME'] as const;

/** The sub-configurations of UserPoolConfigs, optional in the Create and the Update shape alike. */
export const USER_POOL_SUBCONFIGS = ['ForgotPassword', 'Mfa', 'OAuth', 'PasswordPolicy', 'VerificationMessage'] as const;
export type UserPoolSubconfig = (typeof USER_POOL_SUBCONFIGS)[number];
export const isUserPoolSubconfig = (key: string | undefined): key is UserPoolSubconfig => USER_POOL_SUBCONFIGS.some((k) => k === key);

const EmailSettings = z.object({ EmailMessage: z.string().optional(), EmailSubject: z.string().optional() }).strict();
const SmsSettings = z.object({ SmsMessage: z.string().optional() }).strict();

/** A message configuration whose DeliveryMethod is required. */
const MessageConfig = z
  .object({
    DeliveryMethod: z.enum(DELIVERY_METHODS),
    EmailSettings: EmailSettings.optional(),
    SmsSettings: SmsSettings.optional(),
  })
  .strict();

/** (DEPRECATED) ForgotPassword: DeliveryMethod required in Create, optional in Update. */
const CreateForgotPassword = MessageConfig;
const UpdateForgotPassword = MessageConfig.partial({ DeliveryMethod: true });
/** VerificationMessage: DeliveryMethod required in both. */
const VerificationMessage = MessageConfig;

const MfaSettings = z.object({ MfaTypes: z.array(z.enum(MFA_TYPES)).optional(), SmsMessage: z.string().optional() }).strict();
const CreateMfa = z.object({ MFAMode: z.enum(MFA_MODES), Settings: MfaSettings.optional() }).strict();
const UpdateMfa = z.object({ MFAMode: z.enum(MFA_MODES).optional(), Settings: MfaSettings.optional() }).strict();

const SocialProvider = z.object({ ClientId: z.string().optional(), ClientSecret: z.string().optional() }).strict();
const AppleProvider = z
  .object({ ClientId: z.string().optional(), KeyId: z.string().optional(), PrivateKey: z.string().optional(), TeamId: z.string().optional() })
  .strict();
const SocialProviderSettings = z
  .object({
    Facebook: SocialProvider.optional(),
    Google: SocialProvider.optional(),
    LoginWithAmazon: SocialProvider.optional(),
    SignInWithApple: AppleProvider.optional(),
  })
  .strict();

const CreateOAuth = z
  .object({
    DomainPrefix: z.string().optional(),
    OAuthGrantType: z.enum(OAUTH_GRANT_TYPES),
    OAuthScopes: z.array(z.enum(OAUTH_SCOPES)),
    RedirectSignInURIs: z.array(z.string()),
    RedirectSignOutURIs: z.array(z.string()),
    SocialProviderSettings: SocialProviderSettings.optional(),
  })
  .strict();
/** The Update shape: every member optional. */
const UpdateOAuth = CreateOAuth.partial();

const CreatePasswordPolicy = z.object({ AdditionalConstraints: z.array(z.enum(ADDITIONAL_CONSTRAINTS)).optional(), MinimumLength: z.number() }).strict();
const UpdatePasswordPolicy = z
  .object({ AdditionalConstraints: z.array(z.enum(ADDITIONAL_CONSTRAINTS)).optional(), MinimumLength: z.number().optional() })
  .strict();

const CreateUserPoolConfigs = z
  .object({
    ForgotPassword: CreateForgotPassword.optional(),
    Mfa: CreateMfa.optional(),
    OAuth: CreateOAuth.optional(),
    PasswordPolicy: CreatePasswordPolicy.optional(),
    RequiredSignUpAttributes: z.array(z.enum(REQUIRED_SIGN_UP_ATTRIBUTES)),
    SignInMethod: z.enum(SIGN_IN_METHODS),
    UserPoolName: z.string(),
    VerificationMessage: VerificationMessage.optional(),
  })
  .strict();

/** The Update shape: no RequiredSignUpAttributes, SignInMethod or UserPoolName. */
const UpdateUserPoolConfigs = z
  .object({
    ForgotPassword: UpdateForgotPassword.optional(),
    Mfa: UpdateMfa.optional(),
    OAuth: UpdateOAuth.optional(),
    PasswordPolicy: UpdatePasswordPolicy.optional(),
    VerificationMessage: VerificationMessage.optional(),
  })
  .strict();

const CreateIdentityPoolConfigs = z.object({ IdentityPoolName: z.string(), UnauthenticatedLogin: z.boolean() }).strict();
/** The Update shape: no IdentityPoolName. */
const UpdateIdentityPoolConfigs = z.object({ UnauthenticatedLogin: z.boolean().optional() }).strict();

export const CreateResourceConfig = z
  .object({
    AuthResources: z.enum(AUTH_RESOURCES),
    IdentityPoolConfigs: CreateIdentityPoolConfigs.optional(),
    Service: z.enum(SERVICES),
    UserPoolConfigs: CreateUserPoolConfigs,
  })
  .strict();
export type CreateResourceConfig = z.infer<typeof CreateResourceConfig>;

export const UpdateResourceConfig = z
  .object({
    AuthResources: z.enum(AUTH_RESOURCES),
    IdentityPoolConfigs: UpdateIdentityPoolConfigs.optional(),
    Service: z.enum(SERVICES),
    UserPoolConfigs: UpdateUserPoolConfigs,
  })
  .strict();
export type UpdateResourceConfig = z.infer<typeof UpdateResourceConfig>;

export const CreateBackendAuthRequest = z.object({
  AppId: z.string().min(1),
  BackendEnvironmentName: z.string().min(1),
  ResourceConfig: CreateResourceConfig,
  ResourceName: z.string().min(1),
});
export const UpdateBackendAuthRequest = z.object({
  AppId: z.string().min(1),
  BackendEnvironmentName: z.string().min(1),
  ResourceConfig: UpdateResourceConfig,
  ResourceName: z.string().min(1),
});

/** Create, Update (and CreateBackend) answer the job they started; members read leniently, checked by AMPLIFY.JOB.RESPONSE_FIELDS. */
export const JobResponse = z.object({
  AppId: z.string().optional(),
  BackendEnvironmentName: z.string().optional(),
  Error: z.string().optional(),
  JobId: z.string().optional(),
  Operation: z.string().optional(),
  Status: z.string().optional(),
});
export const JOB_FIELDS = ['AppId', 'BackendEnvironmentName', 'JobId', 'Operation', 'Status'] as const;

export const GetBackendJobResponse = JobResponse.extend({ CreateTime: z.string().optional(), UpdateTime: z.string().optional() });

/** GetBackendAuth's answer, read leniently: the ResourceConfig as any JSON object. */
export const GetBackendAuthResponse = z.object({
  AppId: z.string().optional(),
  BackendEnvironmentName: z.string().optional(),
  Error: z.string().optional(),
  ResourceConfig: z.record(z.string(), z.unknown()).optional(),
  ResourceName: z.string().optional(),
});

/** Every operation's documented errors, with their HTTP status (the API model's `errors` and `error.httpStatusCode`). */
export const DOCUMENTED_ERRORS: Readonly<Record<string, number>> = {
  NotFoundException: 404,
  GatewayTimeoutException: 504,
  TooManyRequestsException: 429,
  BadRequestException: 400,
};

/** Where each enum sits in a ResourceConfig, and its documented members. */
export const ENUM_PATHS: readonly { path: readonly string[]; values: readonly string[]; list?: boolean }[] = [
  { path: ['AuthResources'], values: AUTH_RESOURCES },
  { path: ['Service'], values: SERVICES },
  { path: ['UserPoolConfigs', 'ForgotPassword', 'DeliveryMethod'], values: DELIVERY_METHODS },
  { path: ['UserPoolConfigs', 'Mfa', 'MFAMode'], values: MFA_MODES },
  { path: ['UserPoolConfigs', 'Mfa', 'Settings', 'MfaTypes'], values: MFA_TYPES, list: true },
  { path: ['UserPoolConfigs', 'OAuth', 'OAuthGrantType'], values: OAUTH_GRANT_TYPES },
  { path: ['UserPoolConfigs', 'OAuth', 'OAuthScopes'], values: OAUTH_SCOPES, list: true },
  { path: ['UserPoolConfigs', 'PasswordPolicy', 'AdditionalConstraints'], values: ADDITIONAL_CONSTRAINTS, list: true },
  { path: ['UserPoolConfigs', 'RequiredSignUpAttributes'], values: REQUIRED_SIGN_UP_ATTRIBUTES, list: true },
  { path: ['UserPoolConfigs', 'SignInMethod'], values: SIGN_IN_METHODS },
];
export const VERIFICATION_DELIVERY_PATH = ['UserPoolConfigs', 'VerificationMessage', 'DeliveryMethod'] as const;

/** The required members of a CreateBackendAuth request, at every depth (from the request root). */
export const CREATE_REQUIRED_PATHS: readonly (readonly string[])[] = [
  ['ResourceConfig'],
  ['ResourceName'],
  ['BackendEnvironmentName'],
  ['ResourceConfig', 'AuthResources'],
  ['ResourceConfig', 'Service'],
  ['ResourceConfig', 'UserPoolConfigs'],
  ['ResourceConfig', 'IdentityPoolConfigs', 'IdentityPoolName'],
  ['ResourceConfig', 'IdentityPoolConfigs', 'UnauthenticatedLogin'],
  ['ResourceConfig', 'UserPoolConfigs', 'RequiredSignUpAttributes'],
  ['ResourceConfig', 'UserPoolConfigs', 'SignInMethod'],
  ['ResourceConfig', 'UserPoolConfigs', 'UserPoolName'],
  ['ResourceConfig', 'UserPoolConfigs', 'ForgotPassword', 'DeliveryMethod'],
  ['ResourceConfig', 'UserPoolConfigs', 'Mfa', 'MFAMode'],
  ['ResourceConfig', 'UserPoolConfigs', 'OAuth', 'OAuthGrantType'],
  ['ResourceConfig', 'UserPoolConfigs', 'OAuth', 'OAuthScopes'],
  ['ResourceConfig', 'UserPoolConfigs', 'OAuth', 'RedirectSignInURIs'],
  ['ResourceConfig', 'UserPoolConfigs', 'OAuth', 'RedirectSignOutURIs'],
  ['ResourceConfig', 'UserPoolConfigs', 'PasswordPolicy', 'MinimumLength'],
  ['ResourceConfig', 'UserPoolConfigs', 'VerificationMessage', 'DeliveryMethod'],
];

/** The required members of an UpdateBackendAuth request that are not URI labels. */
export const UPDATE_REQUIRED_PATHS: readonly (readonly string[])[] = [
  ['ResourceConfig'],
  ['ResourceName'],
  ['ResourceConfig', 'AuthResources'],
  ['ResourceConfig', 'Service'],
  ['ResourceConfig', 'UserPoolConfigs'],
  ['ResourceConfig', 'UserPoolConfigs', 'VerificationMessage', 'DeliveryMethod'],
];

export const isVerificationDeliveryPath = (path: readonly string[]) => path.join('.').endsWith('UserPoolConfigs.VerificationMessage.DeliveryMethod');
