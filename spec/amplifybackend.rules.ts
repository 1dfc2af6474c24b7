// AmplifyBackend auth resources: CreateBackendAuth, GetBackendAuth, UpdateBackendAuth (the
// documented operations, from the 2022/03/16 changelog that added VerificationMessage), with
// CreateBackend and GetBackendJob for set-up and job status (API model).
import { defineRules } from './rule.ts';

const DOC = 'aws-docs/amplifybackend-backend-auth-verification-message.txt';
const MODEL = 'aws-models/amplifybackend-2020-08-11.json';
/** The API Reference page of an operation (the document's "See also: AWS API Documentation" link). */
const apiReference = (operation: string) => `https://docs.aws.amazon.com/goto/WebAPI/amplifybackend-2020-08-11/${operation}`;

export const amplifyBackendRules = defineRules([
  {
    id: 'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG',
    service: 'amplifybackend',
    operation: 'CreateBackendAuth',
    kind: 'shape',
    statement:
      'A ResourceConfig of the documented shape (AuthResources, IdentityPoolConfigs, Service COGNITO, UserPoolConfigs with ForgotPassword (deprecated), Mfa, OAuth with social providers, PasswordPolicy, RequiredSignUpAttributes, SignInMethod, UserPoolName, VerificationMessage) is accepted.',
    quote: 'Creates a new backend authentication resource.',
    source: DOC,
  },
  {
    id: 'AMPLIFY.REQUIRED.MEMBERS',
    service: 'amplifybackend',
    operation: 'CreateBackendAuth',
    kind: 'shape',
    statement:
      'A Create or Update request missing a required member at any depth (ResourceConfig, AuthResources, Service, UserPoolConfigs, UserPoolName, SignInMethod, RequiredSignUpAttributes, IdentityPoolName, UnauthenticatedLogin, MFAMode, MinimumLength, the OAuth grant type, scopes and redirect URIs, ForgotPassword.DeliveryMethod, ...) is rejected with BadRequestException (HTTP 400).',
    // One of the required lists the check walks (CreateBackendAuthResourceConfig, ...OAuthConfig, the Update shapes, ...).
    quote: '{"required": ["RequiredSignUpAttributes", "SignInMethod", "UserPoolName"]}',
    source: `${MODEL}#/shapes/CreateBackendAuthUserPoolConfig`,
  },
  {
    id: 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_REQUIRED',
    service: 'amplifybackend',
    operation: 'CreateBackendAuth',
    kind: 'shape',
    statement: 'A VerificationMessage without DeliveryMethod, in CreateBackendAuth or UpdateBackendAuth, is rejected with BadRequestException (HTTP 400).',
    // UpdateBackendAuthVerificationMessageConfig requires it too.
    quote: '{"required": ["DeliveryMethod"]}',
    source: `${MODEL}#/shapes/CreateBackendAuthVerificationMessageConfig`,
  },
  {
    id: 'AMPLIFY.JOB.RESPONSE_FIELDS',
    service: 'amplifybackend',
    operation: 'CreateBackendAuth',
    kind: 'shape',
    statement:
      'The answer to CreateBackendAuth and UpdateBackendAuth (and to CreateBackend) carries AppId and BackendEnvironmentName (those of the request), a JobId, Operation and Status, all non-empty.',
    quote:
      '{"members": {"AppId": {"shape": "__string"}, "BackendEnvironmentName": {"shape": "__string"}, "JobId": {"shape": "__string"}, "Operation": {"shape": "__string"}, "Status": {"shape": "__string"}}}',
    source: `${MODEL}#/shapes/CreateBackendAuthResponse`,
    assumption: {
      reason:
        "The document and the API model list AppId, BackendEnvironmentName, JobId, Operation and Status in the answer but mark none of them required. A call that starts a job is followed by its JobId (GetBackendJob needs it, with the AppId and BackendEnvironmentName), so the check takes each to be present and non-empty, and the app and environment to be the request's.",
    },
  },
  {
    id: 'AMPLIFY.JOB.STATUS',
    service: 'amplifybackend',
    operation: 'GetBackendJob',
    kind: 'state',
    statement:
      'GetBackendJob with a JobId a call answered reports that job: the same JobId, AppId and BackendEnvironmentName, the Operation that started it, and a non-empty Status.',
    quote: '{"type": "structure", "required": ["AppId", "BackendEnvironmentName", "JobId"]}',
    source: `${MODEL}#/shapes/GetBackendJobRequest`,
    assumption: {
      reason:
        'The document does not describe GetBackendJob, and the API model gives only its request (AppId, BackendEnvironmentName, JobId required) and the members of its answer. The check follows the API Reference, which has it return information about the job named: that job, as the call that started it answered.',
      publicSource: apiReference('GetBackendJob'),
    },
  },
  {
    id: 'AMPLIFY.GET.ROUND_TRIP',
    service: 'amplifybackend',
    operation: 'GetBackendAuth',
    kind: 'state',
    statement:
      'GetBackendAuth, once the job CreateBackendAuth or UpdateBackendAuth answered has COMPLETED (GetBackendJob), returns the configuration as it now stands: every member that was set, with the value set (lists compared as sets; members the target adds are allowed). ClientSecret and PrivateKey, which no document says are returned, may be left out or masked; one that is returned is the one set.',
    quote: 'The resource configuration for authorization requests to the backend of your Amplify project.',
    source: DOC,
    assumption: {
      reason:
        'The document describes GetBackendAuth only as "Gets a backend auth details." and its ResourceConfig as the resource configuration; no sentence, and no element of the API model, says the answer is what CreateBackendAuth or UpdateBackendAuth set. The check takes a read right after an answered write to return the configuration written.',
    },
  },
  {
    id: 'AMPLIFY.UPDATE.APPLIED',
    service: 'amplifybackend',
    operation: 'UpdateBackendAuth',
    kind: 'state',
    statement:
      'Once the job UpdateBackendAuth answered has COMPLETED, GetBackendAuth returns the updated values of every sub-configuration the update named (members the update omits keep their values), not the previous ones.',
    quote: 'Updates an existing backend authentication resource.',
    source: DOC,
  },
  {
    id: 'AMPLIFY.UPDATE.IMMUTABLE_PRESERVED',
    service: 'amplifybackend',
    operation: 'UpdateBackendAuth',
    kind: 'state',
    statement:
      'What the Update shape cannot name (UserPoolConfigs.RequiredSignUpAttributes, SignInMethod, UserPoolName; IdentityPoolConfigs.IdentityPoolName) keeps the value CreateBackendAuth set, whatever the updates.',
    // UpdateBackendAuthUserPoolConfig likewise has no RequiredSignUpAttributes, SignInMethod or UserPoolName.
    quote: '{"type": "structure", "members": {"UnauthenticatedLogin": {"shape": "__boolean", "locationName": "unauthenticatedLogin"}}}',
    source: `${MODEL}#/shapes/UpdateBackendAuthIdentityPoolConfig`,
    // Kept values prove something only of an update that was applied.
    dependsOn: ['AMPLIFY.UPDATE.APPLIED'],
  },
  {
    id: 'AMPLIFY.VERIFICATION.ROUND_TRIP',
    service: 'amplifybackend',
    operation: 'GetBackendAuth',
    kind: 'state',
    statement:
      'The VerificationMessage set by CreateBackendAuth or UpdateBackendAuth (DeliveryMethod EMAIL with its EmailSettings, or SMS with its SmsSettings) is returned by GetBackendAuth as set.',
    quote: 'Adding the ability to customize Cognito verification messages for email and SMS in CreateBackendAuth and UpdateBackendAuth.',
    source: DOC,
  },
  {
    id: 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_ENUM',
    service: 'amplifybackend',
    operation: 'GetBackendAuth',
    kind: 'enum',
    statement: "VerificationMessage.DeliveryMethod is exactly EMAIL or SMS: an answer of 'EMAIL ' (or any other value) breaks the enum.",
    quote: '{"type": "string", "enum": ["EMAIL", "SMS"]}',
    source: `${MODEL}#/shapes/DeliveryMethod`,
    // Only a VerificationMessage read back carries a DeliveryMethod to judge.
    dependsOn: ['AMPLIFY.VERIFICATION.ROUND_TRIP'],
    contradiction: {
      note: "The changelog's summary line renders the enum as 'DeliveryMethod': 'EMAIL ' '| ' 'SMS' (Python's implicit concatenation of 'EMAIL ', '| ' and 'SMS'), which reads as values with trailing spaces; the request and response syntax give 'EMAIL'|'SMS', and the API model's DeliveryMethod enum is [\"EMAIL\", \"SMS\"].",
      reading: "The changelog rendering is a documentation artifact: the enum is EMAIL | SMS, exact, and a target answering 'EMAIL ' fails this rule.",
    },
  },
  {
    id: 'AMPLIFY.ENUMS',
    service: 'amplifybackend',
    operation: 'GetBackendAuth',
    kind: 'enum',
    statement:
      'Every enum GetBackendAuth answers is a documented member, exact case: AuthResources, Service, ForgotPassword.DeliveryMethod, MFAMode, MfaTypes, OAuthGrantType, OAuthScopes, AdditionalConstraints, RequiredSignUpAttributes, SignInMethod.',
    // One of the enums checked; the others are the model's Service, MFAMode, MfaTypesElement, OAuthGrantType, ... shapes.
    quote: '{"type": "string", "enum": ["USER_POOL_ONLY", "IDENTITY_POOL_AND_USER_POOL"]}',
    source: `${MODEL}#/shapes/AuthResources`,
  },
  {
    id: 'AMPLIFY.ERRORS.NOT_FOUND',
    service: 'amplifybackend',
    operation: '*',
    kind: 'error',
    statement:
      'An unknown app or backend environment is answered NotFoundException with HTTP 404, by CreateBackendAuth, GetBackendAuth, UpdateBackendAuth and GetBackendJob alike; so is an unknown auth resource, by GetBackendAuth and UpdateBackendAuth (the exception names the ResourceType that was not found).',
    quote: '{"exception": true, "error": {"httpStatusCode": 404}}',
    source: `${MODEL}#/shapes/NotFoundException`,
  },
  {
    id: 'AMPLIFY.ERRORS.DOCUMENTED',
    service: 'amplifybackend',
    operation: '*',
    kind: 'error',
    statement:
      "Every rejection is one of the operation's documented errors with its documented HTTP status: NotFoundException 404, BadRequestException 400, TooManyRequestsException 429, GatewayTimeoutException 504.",
    quote:
      '{"errors": [{"shape": "NotFoundException"}, {"shape": "GatewayTimeoutException"}, {"shape": "TooManyRequestsException"}, {"shape": "BadRequestException"}]}',
    source: `${MODEL}#/operations/CreateBackendAuth`,
  },
]);
