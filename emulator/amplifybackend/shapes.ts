// The backend-auth resource configurations of the AmplifyBackend model, with the camelCase wire
// names the service uses (`resourceConfig`, `userPoolConfigs`, `verificationMessage`, ...).
// Create and Update differ: the Update shape has (almost) nothing required and cannot carry
// RequiredSignUpAttributes, SignInMethod, UserPoolName or IdentityPoolName.
import { optional, required, rj, type RjInfer, type RjOutput, type RjShape } from '../protocols/restJsonShapes.ts';

const req = <S extends RjShape>(shape: S, wire?: string) => required(shape, { wire });
const opt = <S extends RjShape>(shape: S, wire?: string) => optional(shape, { wire });
const text = rj.string();

const deliveryMethod = rj.enum(['EMAIL', 'SMS']);
const emailSettings = rj.structure({ EmailMessage: opt(text, 'emailMessage'), EmailSubject: opt(text, 'emailSubject') });
const smsSettings = rj.structure({ SmsMessage: opt(text, 'smsMessage') });

/**
 * DeliveryMethod is required by the model; the handlers check it (not the codec) so that the
 * accepts-missing-delivery-method fault can bend the answer. Same shape in Create and Update.
 */
const verificationMessage = rj.structure({
  DeliveryMethod: opt(deliveryMethod, 'deliveryMethod'),
  EmailSettings: opt(emailSettings, 'emailSettings'),
  SmsSettings: opt(smsSettings, 'smsSettings'),
});

const mfaSettings = rj.structure({ MfaTypes: opt(rj.list(rj.enum(['SMS', 'TOTP'])), 'mfaTypes'), SmsMessage: opt(text, 'smsMessage') });
const mfaMode = rj.enum(['ON', 'OFF', 'OPTIONAL']);
const socialProvider = rj.structure({ ClientId: opt(text, 'client_id'), ClientSecret: opt(text, 'client_secret') });
const appleProvider = rj.structure({
  ClientId: opt(text, 'client_id'),
  KeyId: opt(text, 'key_id'),
  PrivateKey: opt(text, 'private_key'),
  TeamId: opt(text, 'team_id'),
});
// The model gives these four members no jsonName: they travel as Facebook, Google, ...
const socialProviderSettings = rj.structure({
  Facebook: opt(socialProvider),
  Google: opt(socialProvider),
  LoginWithAmazon: opt(socialProvider),
  SignInWithApple: opt(appleProvider),
});
const oauthGrantType = rj.enum(['CODE', 'IMPLICIT']);
const oauthScopes = rj.list(rj.enum(['PHONE', 'EMAIL', 'OPENID', 'PROFILE', 'AWS_COGNITO_SIGNIN_USER_ADMIN']));
const uris = rj.list(text);
const additionalConstraints = rj.list(rj.enum(['REQUIRE_DIGIT', 'REQUIRE_LOWERCASE', 'REQUIRE_SYMBOL', 'REQUIRE_UPPERCASE']));
const signUpAttributes = rj.list(
  rj.enum([
    'ADDRESS', 'BIRTHDATE', 'EMAIL', 'FAMILY_NAME', 'GENDER', 'GIVEN_NAME', 'LOCALE', 'MIDDLE_NAME', 'NAME',
    'NICKNAME', 'PHONE_NUMBER', 'PICTURE', 'PREFERRED_USERNAME', 'PROFILE', 'UPDATED_AT', 'WEBSITE', 'ZONE_INFO',
  ]),
);
const signInMethod = rj.enum(['EMAIL', 'EMAIL_AND_PHONE_NUMBER', 'PHONE_NUMBER', 'USERNAME']);
const authResources = rj.enum(['USER_POOL_ONLY', 'IDENTITY_POOL_AND_USER_POOL']);
const service = rj.enum(['COGNITO']);

export const createResourceConfigShape = rj.structure({
  AuthResources: req(authResources, 'authResources'),
  IdentityPoolConfigs: opt(rj.structure({ IdentityPoolName: req(text, 'identityPoolName'), UnauthenticatedLogin: req(rj.boolean(), 'unauthenticatedLogin') }), 'identityPoolConfigs'),
  Service: req(service, 'service'),
  UserPoolConfigs: req(
    rj.structure({
      ForgotPassword: opt(rj.structure({ DeliveryMethod: req(deliveryMethod, 'deliveryMethod'), EmailSettings: opt(emailSettings, 'emailSettings'), SmsSettings: opt(smsSettings, 'smsSettings') }), 'forgotPassword'),
      Mfa: opt(rj.structure({ MFAMode: req(mfaMode), Settings: opt(mfaSettings, 'settings') }), 'mfa'),
      OAuth: opt(
        rj.structure({
          DomainPrefix: opt(text, 'domainPrefix'),
          OAuthGrantType: req(oauthGrantType, 'oAuthGrantType'),
          OAuthScopes: req(oauthScopes, 'oAuthScopes'),
          RedirectSignInURIs: req(uris, 'redirectSignInURIs'),
          RedirectSignOutURIs: req(uris, 'redirectSignOutURIs'),
          SocialProviderSettings: opt(socialProviderSettings, 'socialProviderSettings'),
        }),
        'oAuth',
      ),
      PasswordPolicy: opt(rj.structure({ AdditionalConstraints: opt(additionalConstraints, 'additionalConstraints'), MinimumLength: req(rj.double(), 'minimumLength') }), 'passwordPolicy'),
      RequiredSignUpAttributes: req(signUpAttributes, 'requiredSignUpAttributes'),
      SignInMethod: req(signInMethod, 'signInMethod'),
      UserPoolName: req(text, 'userPoolName'),
      VerificationMessage: opt(verificationMessage, 'verificationMessage'),
    }),
    'userPoolConfigs',
  ),
});

export const updateResourceConfigShape = rj.structure({
  AuthResources: req(authResources, 'authResources'),
  IdentityPoolConfigs: opt(rj.structure({ UnauthenticatedLogin: opt(rj.boolean(), 'unauthenticatedLogin') }), 'identityPoolConfigs'),
  Service: req(service, 'service'),
  UserPoolConfigs: req(
    rj.structure({
      ForgotPassword: opt(rj.structure({ DeliveryMethod: opt(deliveryMethod, 'deliveryMethod'), EmailSettings: opt(emailSettings, 'emailSettings'), SmsSettings: opt(smsSettings, 'smsSettings') }), 'forgotPassword'),
      Mfa: opt(rj.structure({ MFAMode: opt(mfaMode), Settings: opt(mfaSettings, 'settings') }), 'mfa'),
      OAuth: opt(
        rj.structure({
          DomainPrefix: opt(text, 'domainPrefix'),
          OAuthGrantType: opt(oauthGrantType, 'oAuthGrantType'),
          OAuthScopes: opt(oauthScopes, 'oAuthScopes'),
          RedirectSignInURIs: opt(uris, 'redirectSignInURIs'),
          RedirectSignOutURIs: opt(uris, 'redirectSignOutURIs'),
          SocialProviderSettings: opt(socialProviderSettings, 'socialProviderSettings'),
        }),
        'oAuth',
      ),
      PasswordPolicy: opt(rj.structure({ AdditionalConstraints: opt(additionalConstraints, 'additionalConstraints'), MinimumLength: opt(rj.double(), 'minimumLength') }), 'passwordPolicy'),
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

export type CreateAuthConfig = RjInfer<typeof createResourceConfigShape>;
export type UpdateAuthConfig = RjInfer<typeof updateResourceConfigShape>;
/** What is stored and answered: the Create shape, loosened because updates may leave gaps. */
export type StoredAuthConfig = RjOutput<typeof createResourceConfigShape>;

/** The answer of every job-starting operation (Create*, Update*, Delete*). */
export const jobOutputShape = rj.structure({
  AppId: opt(text, 'appId'),
  BackendEnvironmentName: opt(text, 'backendEnvironmentName'),
  Error: opt(text, 'error'),
  JobId: opt(text, 'jobId'),
  Operation: opt(text, 'operation'),
  Status: opt(text, 'status'),
});
