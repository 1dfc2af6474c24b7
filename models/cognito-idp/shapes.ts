// Cognito user pools (API 2016-04-18) shapes for GetUserAttributeVerificationCode, transcribed from
// its document, and for the supporting operations from the API model. Response schemas take the
// SDK's output; enums are read as strings and checked separately, so a wrong value is reported as
// an enum finding rather than a shape one.
import { z } from 'zod';

/** "'DeliveryMedium': 'SMS'|'EMAIL'" */
export const DELIVERY_MEDIUMS = ['SMS', 'EMAIL'] as const;
const DeliveryMedium = z.enum(DELIVERY_MEDIUMS);
export type DeliveryMedium = z.infer<typeof DeliveryMedium>;

/** AttributeNameType: min 1, max 32. */
const ATTRIBUTE_NAME_MIN = 1;
export const ATTRIBUTE_NAME_MAX = 32;
const AttributeName = z.string().min(ATTRIBUTE_NAME_MIN).max(ATTRIBUTE_NAME_MAX);

/** The attributes a code can be sent to: "The email address or phone number destination where Amazon Cognito sent the code." */
const VERIFIABLE_ATTRIBUTES = ['email', 'phone_number'] as const;
export type VerifiableAttribute = (typeof VERIFIABLE_ATTRIBUTES)[number];

/** The medium a code for each verifiable attribute goes by. */
export const MEDIUM_OF: Record<VerifiableAttribute, DeliveryMedium> = { email: 'EMAIL', phone_number: 'SMS' };

/** The flag GetUser shows for a verifiable attribute. */
export const verifiedFlag = (attribute: VerifiableAttribute) => `${attribute}_verified`;

/** The scope an access token needs: "It must include the scope aws.cognito.signin.user.admin." */
export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

const ClientMetadata = z.record(z.string(), z.string());

export const GetUserAttributeVerificationCodeRequest = z.object({
  AccessToken: z.string(),
  AttributeName,
  ClientMetadata: ClientMetadata.optional(),
});

const CodeDeliveryDetails = z.object({
  Destination: z.string().optional(),
  DeliveryMedium: z.string().optional(),
  AttributeName: z.string().optional(),
});

export const GetUserAttributeVerificationCodeResponse = z.object({ CodeDeliveryDetails: CodeDeliveryDetails });

export const VerifyUserAttributeRequest = z.object({ AccessToken: z.string(), AttributeName, Code: z.string().min(1).max(2048) });

const UserAttribute = z.object({ Name: z.string(), Value: z.string().optional() });

export const GetUserResponse = z.object({
  Username: z.string().min(1),
  UserAttributes: z.array(UserAttribute),
});

export const InitiateAuthResponse = z.object({
  AuthenticationResult: z.object({ AccessToken: z.string().min(1), ExpiresIn: z.number().optional() }),
});

/** Each operation's documented errors: the API model's `errors` (the document's Exceptions list is empty in our copy). */
export const DOCUMENTED_ERRORS: Record<string, readonly string[]> = {
  GetUserAttributeVerificationCode: [
    'ResourceNotFoundException',
    'InvalidParameterException',
    'TooManyRequestsException',
    'NotAuthorizedException',
    'UnexpectedLambdaException',
    'UserLambdaValidationException',
    'InvalidLambdaResponseException',
    'InvalidSmsRoleAccessPolicyException',
    'InvalidSmsRoleTrustRelationshipException',
    'InvalidEmailRoleAccessPolicyException',
    'CodeDeliveryFailureException',
    'LimitExceededException',
    'PasswordResetRequiredException',
    'UserNotFoundException',
    'UserNotConfirmedException',
    'InternalErrorException',
    'ForbiddenException',
  ],
  VerifyUserAttribute: [
    'ResourceNotFoundException',
    'InvalidParameterException',
    'CodeMismatchException',
    'ExpiredCodeException',
    'NotAuthorizedException',
    'TooManyRequestsException',
    'LimitExceededException',
    'PasswordResetRequiredException',
    'UserNotFoundException',
    'UserNotConfirmedException',
    'InternalErrorException',
    'AliasExistsException',
    'ForbiddenException',
  ],
  GetUser: [
    'ResourceNotFoundException',
    'InvalidParameterException',
    'NotAuthorizedException',
    'TooManyRequestsException',
    'PasswordResetRequiredException',
    'UserNotFoundException',
    'UserNotConfirmedException',
    'InternalErrorException',
    'ForbiddenException',
  ],
  UpdateUserAttributes: [
    'ResourceNotFoundException',
    'InvalidParameterException',
    'CodeMismatchException',
    'ExpiredCodeException',
    'NotAuthorizedException',
    'UnexpectedLambdaException',
    'UserLambdaValidationException',
    'InvalidLambdaResponseException',
    'TooManyRequestsException',
    'AliasExistsException',
    'InvalidSmsRoleAccessPolicyException',
    'InvalidSmsRoleTrustRelationshipException',
    'InvalidEmailRoleAccessPolicyException',
    'CodeDeliveryFailureException',
    'PasswordResetRequiredException',
    'UserNotFoundException',
    'UserNotConfirmedException',
    'InternalErrorException',
    'ForbiddenException',
  ],
  GlobalSignOut: [
    'ResourceNotFoundException',
    'InvalidParameterException',
    'NotAuthorizedException',
    'TooManyRequestsException',
    'PasswordResetRequiredException',
    'UserNotConfirmedException',
    'InternalErrorException',
    'ForbiddenException',
  ],
};

/**
 * Whether a Destination reveals the whole address or number it stands for. A masked destination
 * hides part of it (AWS answers e.g. `a***@e***.com`, `+*******0123`).
 */
export function revealsWhole(destination: string, value: string): boolean {
  const plain = (s: string) => s.trim().toLowerCase();
  if (plain(destination) === plain(value)) return true;
  if (value.includes('@')) {
    const [local, domain] = plain(value).split('@');
    return plain(destination).includes(local) && plain(destination).includes(domain);
  }
  const digits = (s: string) => s.replace(/\D/g, '');
  return digits(destination).length > 0 && digits(destination) === digits(value);
}
