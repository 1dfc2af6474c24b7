// Cognito user pools: GetUserAttributeVerificationCode (the documented operation) and the calls
// around it (VerifyUserAttribute, GetUser, UpdateUserAttributes, GlobalSignOut). The document's
// "Exceptions" list is empty in our copy: the documented errors are the API model's `errors`.
import { defineRules } from './rule.ts';

const DOC = 'aws-docs/cognito-idp-get-user-attribute-verification-code.txt';
const MODEL = 'aws-models/cognito-idp-2016-04-18.json';
const GUAVC = 'GetUserAttributeVerificationCode';

export const cognitoIdpRules = defineRules([
  {
    id: 'COGNITO.AUTH.NO_IAM',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'auth',
    statement:
      'A request carrying a valid access token and no IAM signature (no Authorization header, as the SDK sends it) is answered: the access token alone authorises it.',
    quote: 'For this operation, you can’t use IAM credentials to authorize requests, and you can’t grant IAM permissions in policies.',
    source: DOC,
  },
  {
    id: 'COGNITO.AUTH.MALFORMED_TOKEN',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'auth',
    statement: 'A malformed access token, or one the user pool did not issue (a tampered signature, a forged payload), is refused with NotAuthorizedException.',
    quote: 'Authorize this action with a signed-in user’s access token.',
    source: DOC,
    // Refused with NotAuthorizedException says nothing where a valid unsigned call is refused the same way.
    dependsOn: ['COGNITO.AUTH.NO_IAM'],
  },
  {
    id: 'COGNITO.AUTH.EXPIRED_TOKEN',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'auth',
    statement:
      'An access token is accepted within its validity and refused with NotAuthorizedException once it has expired; access tokens are valid 1 hour by default (the AccessTokenValidity default of a Cognito user pool app client, Amazon Cognito Developer Guide).',
    quote: 'A non-expired access token for the user whose attribute verification code you want to generate.',
    source: DOC,
    needs: ['clock'],
    // Refused with NotAuthorizedException says nothing where a valid unsigned call is refused the same way.
    dependsOn: ['COGNITO.AUTH.NO_IAM'],
  },
  {
    id: 'COGNITO.AUTH.REVOKED_TOKEN',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'auth',
    statement: 'An access token revoked by GlobalSignOut is refused with NotAuthorizedException, by this and every other token-authorised operation.',
    // A token GlobalSignOut revoked is no longer a signed-in user's.
    quote: 'Authorize this action with a signed-in user’s access token.',
    source: DOC,
    // Refused with NotAuthorizedException says nothing where a valid unsigned call is refused the same way.
    dependsOn: ['COGNITO.AUTH.NO_IAM'],
  },
  {
    id: 'COGNITO.AUTH.ADMIN_SCOPE',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'auth',
    statement:
      'An access token without the aws.cognito.signin.user.admin scope is refused with NotAuthorizedException; one with it is accepted (checked where the target can mint tokens with chosen scopes).',
    quote: 'It must include the scope aws.cognito.signin.user.admin.',
    source: DOC,
    needs: ['token-minting'],
    // Refused with NotAuthorizedException says nothing where a valid unsigned call is refused the same way.
    dependsOn: ['COGNITO.AUTH.NO_IAM'],
  },
  {
    id: 'COGNITO.CODE.ATTRIBUTE_NAME_LENGTH',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'limit',
    statement:
      'AttributeName has 1 to 32 characters: an empty or 33-character name is rejected with a documented client error (InvalidParameterException), never accepted and never a 5xx.',
    quote: '{"type": "string", "max": 32, "min": 1}',
    source: `${MODEL}#/shapes/AttributeNameType`,
  },
  {
    id: 'COGNITO.CODE.VERIFIABLE_ONLY',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'error',
    statement:
      'Only an attribute a code can be sent to (email, phone_number) gets a code; any other attribute name of valid length is rejected with a documented client error and no code is sent.',
    quote: 'The email address or phone number destination where Amazon Cognito sent the code.',
    source: DOC,
  },
  {
    id: 'COGNITO.CODE.DELIVERY_DETAILS',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'shape',
    statement: 'The answer carries CodeDeliveryDetails whose AttributeName is the requested attribute name.',
    quote: 'The name of the attribute that Amazon Cognito verifies with the code.',
    source: DOC,
  },
  {
    id: 'COGNITO.CODE.DELIVERY_MEDIUM',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'enum',
    statement: 'DeliveryMedium is one of SMS, EMAIL (exact case): EMAIL for the email attribute, SMS for phone_number.',
    quote: '{"type": "string", "enum": ["SMS", "EMAIL"]}',
    source: `${MODEL}#/shapes/DeliveryMediumType`,
    // A member of CodeDeliveryDetails: nothing to judge where the answer carries none.
    dependsOn: ['COGNITO.CODE.DELIVERY_DETAILS'],
  },
  {
    id: 'COGNITO.CODE.DESTINATION_MASKED',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'shape',
    statement:
      'Destination names where the code went without revealing the whole address or number: it is masked (AWS answers e.g. a***@e***.com, +*******0123, as the Amazon Cognito Developer Guide shows), never the full value.',
    quote: 'The email address or phone number destination where Amazon Cognito sent the code.',
    source: DOC,
    assumption: {
      reason:
        'The document and the API Reference describe Destination only as where the code was sent; neither says it is masked. Amazon Cognito answers it masked (a***@e***.com, +*******0123), as the Amazon Cognito Developer Guide shows, and a response that spelled out the whole address or number would reveal it to whoever holds the access token.',
      publicSource: 'Amazon Cognito Developer Guide (examples of CodeDeliveryDetails)',
    },
    // A member of CodeDeliveryDetails: nothing to judge where the answer carries none.
    dependsOn: ['COGNITO.CODE.DELIVERY_DETAILS'],
  },
  {
    id: 'COGNITO.VERIFY.CODE_ACCEPTED',
    service: 'cognito-idp',
    operation: 'VerifyUserAttribute',
    kind: 'state',
    statement:
      'The code sent for an attribute is accepted by VerifyUserAttribute within its validity, after which GetUser shows <attribute>_verified true (and a successful call never verifies an attribute by itself).',
    quote: 'Sends a message to a user with a code that they must return in a VerifyUserAttribute request.',
    source: DOC,
    needs: ['inbox'],
  },
  {
    id: 'COGNITO.VERIFY.WRONG_CODE',
    service: 'cognito-idp',
    operation: 'VerifyUserAttribute',
    kind: 'error',
    statement: 'A code other than the one sent is refused with CodeMismatchException and verifies nothing.',
    quote: '{"shape": "CodeMismatchException"}',
    source: `${MODEL}#/operations/VerifyUserAttribute/errors/2`,
    // A code refused says nothing where the right, fresh code is refused too.
    dependsOn: ['COGNITO.VERIFY.CODE_ACCEPTED'],
  },
  {
    id: 'COGNITO.VERIFY.CODE_EXPIRES_24H',
    service: 'cognito-idp',
    operation: 'VerifyUserAttribute',
    kind: 'state',
    statement:
      'A verification code is valid for 24 hours (Amazon Cognito Developer Guide); returned later, it is refused with ExpiredCodeException and verifies nothing.',
    quote: '{"shape": "ExpiredCodeException"}',
    source: `${MODEL}#/operations/VerifyUserAttribute/errors/3`,
    assumption: {
      reason:
        "The API model lists ExpiredCodeException among VerifyUserAttribute's errors, but neither it nor the document says how long a code is valid; the 24 hours are the Amazon Cognito Developer Guide's.",
      publicSource: 'Amazon Cognito Developer Guide (verification code validity)',
    },
    needs: ['clock', 'inbox'],
    // A code refused says nothing where the right, fresh code is refused too.
    dependsOn: ['COGNITO.VERIFY.CODE_ACCEPTED'],
  },
  {
    id: 'COGNITO.UPDATE.UNVERIFIES',
    service: 'cognito-idp',
    operation: 'UpdateUserAttributes',
    kind: 'state',
    statement:
      'Changing email (or phone_number) with UpdateUserAttributes, in a pool that does not keep the old value until verification, makes it unverified again: GetUser shows <attribute>_verified false or none.',
    quote: '{"type": "structure", "members": {"CodeDeliveryDetailsList": {"shape": "CodeDeliveryDetailsListType"}}}',
    source: `${MODEL}#/shapes/UpdateUserAttributesResponse`,
    assumption: {
      reason:
        'Neither the document nor the API model (which gives UpdateUserAttributes only its CodeDeliveryDetailsList answer) says what a change does to <attribute>_verified. The API Reference says that where AttributesRequireVerificationBeforeUpdate is false a change updates email or phone_number at once, and that an updated address or number is verified with VerifyUserAttribute: the new value has not been verified yet.',
      publicSource: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserAttributeUpdateSettingsType.html',
    },
  },
  {
    id: 'COGNITO.CLIENT_METADATA.NOT_ECHOED',
    service: 'cognito-idp',
    operation: GUAVC,
    kind: 'shape',
    statement:
      'ClientMetadata is accepted, and neither stored nor echoed: none of its keys or values appears in the recorded response bodies (of this call or of a later GetUser).',
    quote:
      'When you use the ClientMetadata parameter, remember that Amazon Cognito won’t do the following: • Store the ClientMetadata value. This data is available only to Lambda triggers that are assigned to a user pool to support custom workflows.',
    source: DOC,
  },
  {
    id: 'COGNITO.ERRORS.DOCUMENTED',
    service: 'cognito-idp',
    operation: '*',
    kind: 'error',
    statement:
      "Every rejection is an awsJson1_1 client error (4xx) whose code is in the operation's documented error list (the API model's errors; the document's own Exceptions list is empty in our copy).",
    quote:
      '{"errors": [{"shape": "ResourceNotFoundException"}, {"shape": "InvalidParameterException"}, {"shape": "TooManyRequestsException"}, {"shape": "NotAuthorizedException"}, {"shape": "UnexpectedLambdaException"}, {"shape": "UserLambdaValidationException"}, {"shape": "InvalidLambdaResponseException"}, {"shape": "InvalidSmsRoleAccessPolicyException"}, {"shape": "InvalidSmsRoleTrustRelationshipException"}, {"shape": "InvalidEmailRoleAccessPolicyException"}, {"shape": "CodeDeliveryFailureException"}, {"shape": "LimitExceededException"}, {"shape": "PasswordResetRequiredException"}, {"shape": "UserNotFoundException"}, {"shape": "UserNotConfirmedException"}, {"shape": "InternalErrorException"}, {"shape": "ForbiddenException"}]}',
    source: `${MODEL}#/operations/GetUserAttributeVerificationCode`,
  },
]);
