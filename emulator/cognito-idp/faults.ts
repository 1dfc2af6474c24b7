// Cognito user pools' entries in the fault catalog: each one breaks one thing the
// GetUserAttributeVerificationCode / VerifyUserAttribute documents state.
import type { FaultRegistry } from '../control/faults.ts';
import type { FaultInfo } from '../types.ts';

export const CognitoFault = {
  CodeRequiresSigv4: 'cognito.code-requires-sigv4',
  AcceptsMalformedToken: 'cognito.accepts-malformed-token',
  AcceptsExpiredToken: 'cognito.accepts-expired-token',
  AcceptsRevokedToken: 'cognito.accepts-revoked-token',
  IgnoresAdminScope: 'cognito.ignores-admin-scope',
  DestinationUnmasked: 'cognito.destination-unmasked',
  EmailOverSms: 'cognito.email-over-sms',
  CodeForAnyAttribute: 'cognito.code-for-any-attribute',
  WrongCodeAccepted: 'cognito.wrong-code-accepted',
  CodeNeverExpires: 'cognito.code-never-expires',
  UpdateKeepsVerified: 'cognito.update-keeps-verified',
  EchoesClientMetadata: 'cognito.echoes-client-metadata',
  AttributeNameUnbounded: 'cognito.attribute-name-unbounded',
  NoDeliveryDetails: 'cognito.no-delivery-details',
  RightCodeRefused: 'cognito.right-code-refused',
  UndocumentedErrorCode: 'cognito.undocumented-error-code',
  UnsignedNotAuthorized: 'cognito.unsigned-not-authorized',
} as const;

const COGNITO_FAULTS: FaultInfo[] = [
  {
    id: CognitoFault.CodeRequiresSigv4,
    description: 'GetUserAttributeVerificationCode refuses a request without an IAM signature, although it is authorised by the access token alone.',
  },
  {
    id: CognitoFault.AcceptsMalformedToken,
    description: 'A malformed or wrongly signed access token is accepted, as the most recently signed-in user.',
  },
  {
    id: CognitoFault.AcceptsExpiredToken,
    description: 'An expired access token is accepted, although the operations need "a non-expired access token".',
  },
  {
    id: CognitoFault.AcceptsRevokedToken,
    description: 'An access token revoked by GlobalSignOut is still accepted.',
  },
  {
    id: CognitoFault.IgnoresAdminScope,
    description: 'An access token without the aws.cognito.signin.user.admin scope is accepted, although the operations require it.',
  },
  {
    id: CognitoFault.DestinationUnmasked,
    description: 'CodeDeliveryDetails.Destination reveals the whole email address or phone number instead of a masked one.',
  },
  {
    id: CognitoFault.EmailOverSms,
    description: 'A code sent for the email attribute reports DeliveryMedium SMS instead of EMAIL.',
  },
  {
    id: CognitoFault.CodeForAnyAttribute,
    description: 'A verification code is issued for an attribute that cannot be verified (anything but email and phone_number).',
  },
  {
    id: CognitoFault.WrongCodeAccepted,
    description: 'VerifyUserAttribute accepts any code instead of answering CodeMismatchException for a wrong one.',
  },
  {
    id: CognitoFault.CodeNeverExpires,
    description: 'A verification code older than 24 hours is still accepted instead of answering ExpiredCodeException.',
  },
  {
    id: CognitoFault.UpdateKeepsVerified,
    description: 'UpdateUserAttributes changing email (or phone_number) leaves email_verified (phone_number_verified) true.',
  },
  {
    id: CognitoFault.EchoesClientMetadata,
    description: 'The answer to GetUserAttributeVerificationCode echoes ClientMetadata back in its JSON body, although Cognito does not store or return it.',
  },
  {
    id: CognitoFault.AttributeNameUnbounded,
    description:
      "GetUserAttributeVerificationCode accepts an AttributeName longer than 32 characters and sends a code to the user's email, instead of answering InvalidParameterException.",
  },
  {
    id: CognitoFault.NoDeliveryDetails,
    description: 'GetUserAttributeVerificationCode sends the code but answers an empty body, without CodeDeliveryDetails.',
  },
  {
    id: CognitoFault.RightCodeRefused,
    description: 'VerifyUserAttribute refuses the code that was sent, within its validity, with CodeMismatchException.',
  },
  {
    id: CognitoFault.UndocumentedErrorCode,
    description:
      'GetUserAttributeVerificationCode refuses an attribute that cannot be verified with InvalidUserPoolConfigurationException, which its error list does not document, instead of InvalidParameterException.',
  },
  {
    id: CognitoFault.UnsignedNotAuthorized,
    description:
      'GetUserAttributeVerificationCode refuses a request without an IAM signature with NotAuthorizedException, a documented code, although the access token alone authorises it.',
  },
].map((fault) => ({ ...fault, service: 'cognito-idp' }));

export function registerCognitoFaults(registry: FaultRegistry): void {
  for (const fault of COGNITO_FAULTS) registry.define(fault);
}
