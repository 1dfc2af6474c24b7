// The backend-auth resource configurations of the AmplifyBackend model, with the camelCase wire
// names the service uses (`resourceConfig`, `userPoolConfigs`, `verificationMessage`, ...).
// Create and Update differ: the Update shape has (almost) nothing required and cannot carry
// RequiredSignUpAttributes, SignInMethod, UserPoolName or IdentityPoolName.
import { shapes, type Infer, type Output, type Shape } from '../protocols/input-shapes.ts';
import { optional, required } from '../protocols/rest-json-shapes.ts';

const req = <S extends Shape>(shape: S, wire?: string) => required(shape, { wire });
const opt = <S extends Shape>(shape: S, wire?: string) => optional(shape, { wire });
const text = shapes.string();

const deliveryMethod = shapes.enum(['EMAIL', 'SMS']);
const emailSettings = shapes.structure({ EmailMessage: opt(text, 'emailMessage'), EmailSubject: opt(text, 'emailSubject') });
const smsSettings = shapes.structure({ SmsMessage: opt(text, 'smsMessage') });

/**
 * DeliveryMethod is required by the model; the handlers check it (not the codec) so that the
 * accepts-missing-delivery-method fault can bend the answer. Same shape in Create and Update.
 */
const verificationMessage = shapes.structure({
  DeliveryMethod: opt(deliveryMethod, 'deliveryMethod'),
  EmailSettings: opt(emailSettings, 'emailSettings'),
  SmsSettings: opt(smsSettings, 'smsSettings'),
});

const mfaSettings = shapes.structure({ MfaTypes: opt(shapes.list(shapes.enum(['SMS', 'TOTP'])), 'mfaTypes'), SmsMessage: opt(text, 'smsMessage') });
const mfaMode = shapes.enum(['ON', 'OFF', 'OPTIONAL']);
const socialProvider = shapes.structure({ ClientId: opt(text, 'client_id'), ClientSecret: opt(text, 'client_secret') });
const appleProvider = shapes.structure({
  ClientId: opt(text, 'client_id'),
  KeyId: opt(text, 'key_id'),
  PrivateKey: opt(text, 'private_key'),
  TeamId: opt(text, 'team_id'),
});
// The model gives these four members no jsonName: they travel as Facebook, Google, ...
const socialProviderSettings = shapes.structure({
  Facebook: opt(socialProvider),
  Google: opt(socialProvider),
  LoginWithAmazon: opt(socialProvider),
  SignInWithApple: opt(appleProvider),
});
const oauthGrantType = shapes.enum(['CODE', 'IMPLICIT']);
const oauthScopes = shapes.list(shapes.enum(['PHONE', 'EMAIL', 'OPENID', 'PROFILE', 'AWS_COGNITO_SIGNIN_USER_ADMIN']));
const uris = shapes.list(text);
const additionalConstraints = shapes.list(shapes.enum(['REQUIRE_DIGIT', 'REQUIRE_LOWERCASE', 'REQUIRE_SYMBOL', 'REQUIRE_UPPERCASE']));
const signUpAttributes = shapes.list(
  shapes.enum([
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
  ]),
);
const signInMethod = shapes.enum(['EMAIL', 'EMAIL_AND_PHONE_NUMBER', 'PHONE_NUMBER', 'USERNAME']);
const authResources = shapes.enum(['USER_POOL_ONLY', 'IDENTITY_POOL_AND_USER_POOL']);
const service = shapes.enum(['COGNITO']);

export const createResourceConfigShape = shapes.structure({
  AuthResources: req(authResources, 'authResources'),
  IdentityPoolConfigs: opt(
    shapes.structure({ IdentityPoolName: req(text, 'identityPoolName'), UnauthenticatedLogin: req(shapes.boolean(), 'unauthenticatedLogin') }),
    'identityPoolConfigs',
  ),
  Service: req(service, 'service'),
  UserPoolConfigs: req(
    shapes.structure({
      ForgotPassword: opt(
        shapes.structure({
          DeliveryMethod: req(deliveryMethod, 'deliveryMethod'),
          EmailSettings: opt(emailSettings, 'emailSettings'),
          SmsSettings: opt(smsSettings, 'smsSettings'),
        }),
        'forgotPassword',
      ),
      Mfa: opt(shapes.structure({ MFAMode: req(mfaMode), Settings: opt(mfaSettings, 'settings') }), 'mfa'),
      OAuth: opt(
        shapes.structure({
          DomainPrefix: opt(text, 'domainPrefix'),
          OAuthGrantType: req(oauthGrantType, 'oAuthGrantType'),
          OAuthScopes: req(oauthScopes, 'oAuthScopes'),
          RedirectSignInURIs: req(uris, 'redirectSignInURIs'),
          RedirectSignOutURIs: req(uris, 'redirectSignOutURIs'),
          SocialProviderSettings: opt(socialProviderSettings, 'socialProviderSettings'),
        }),
        'oAuth',
      ),
      PasswordPolicy: opt(
        shapes.structure({ AdditionalConstraints: opt(additionalConstraints, 'additionalConstraints'), MinimumLength: req(shapes.double(), 'minimumLength') }),
        'passwordPolicy',
      ),
      RequiredSignUpAttributes: req(signUpAttributes, 'requiredSignUpAttributes'),
      SignInMethod: req(signInMethod, 'signInMethod'),
      // Required by the model; the CreateBackendAuth handler checks it (not the codec) so that
      // the accepts-missing-user-pool-name fault can bend the answer.
      UserPoolName: opt(text, 'userPoolName'),
      VerificationMessage: opt(verificationMessage, 'verificationMessage'),
    }),
    'userPoolConfigs',
  ),
});

export const updateResourceConfigShape = shapes.structure({
  AuthResources: req(authResources, 'authResources'),
  IdentityPoolConfigs: opt(shapes.structure({ UnauthenticatedLogin: opt(shapes.boolean(), 'unauthenticatedLogin') }), 'identityPoolConfigs'),
  Service: req(service, 'service'),
  UserPoolConfigs: req(
    shapes.structure({
      ForgotPassword: opt(
        shapes.structure({
          DeliveryMethod: opt(deliveryMethod, 'deliveryMethod'),
          EmailSettings: opt(emailSettings, 'emailSettings'),
          SmsSettings: opt(smsSettings, 'smsSettings'),
        }),
        'forgotPassword',
      ),
      Mfa: opt(shapes.structure({ MFAMode: opt(mfaMode), Settings: opt(mfaSettings, 'settings') }), 'mfa'),
      OAuth: opt(
        shapes.structure({
          DomainPrefix: opt(text, 'domainPrefix'),
          OAuthGrantType: opt(oauthGrantType, 'oAuthGrantType'),
          OAuthScopes: opt(oauthScopes, 'oAuthScopes'),
          RedirectSignInURIs: opt(uris, 'redirectSignInURIs'),
          RedirectSignOutURIs: opt(uris, 'redirectSignOutURIs'),
          SocialProviderSettings: opt(socialProviderSettings, 'socialProviderSettings'),
        }),
        'oAuth',
      ),
      PasswordPolicy: opt(
        shapes.structure({ AdditionalConstraints: opt(additionalConstraints, 'additionalConstraints'), MinimumLength: opt(shapes.double(), 'minimumLength') }),
        'passwordPolicy',
      ),
      VerificationMessage: opt(verificationMessage, 'verificationMessage'),
      // Not members of the Update shape (no SDK sends them); read only so that the
      // update-overwrites-immutable fault has something to apply from a raw request.
      RequiredSignUpAttributes: opt(signUpAttributes, 'requiredSignUpAttributes'),
      SignInMethod: opt(signInMethod, 'signInMethod'),
      UserPoolName: opt(text, 'userPoolName'),
    }),
    'userPoolConfigs',
  ),
});

export type UpdateAuthConfig = Infer<typeof updateResourceConfigShape>;
/** What is stored and answered: the Create shape, loosened because updates may leave gaps. */
export type StoredAuthConfig = Output<typeof createResourceConfigShape>;

/** The answer of every job-starting operation (Create*, Update*, Delete*). */
export const jobOutputShape = shapes.structure({
  AppId: opt(text, 'appId'),
  BackendEnvironmentName: opt(text, 'backendEnvironmentName'),
  Error: opt(text, 'error'),
  JobId: opt(text, 'jobId'),
  Operation: opt(text, 'operation'),
  Status: opt(text, 'status'),
});
