// AmplifyBackend auth resources: CreateBackendAuth, GetBackendAuth, UpdateBackendAuth (the
// documented operations, from the 2022/03/16 changelog that added VerificationMessage), with
// CreateBackend and GetBackendJob for set-up and job status (API model).
import { defineRules } from './rule.ts';

const DOC = 'aws-docs/amplifybackend-backend-auth-verification-message.txt';
const MODEL = 'aws-models/amplifybackend-2020-08-11.json';

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
    quote: 'UserPoolName (string) -- [REQUIRED] The Amazon Cognito user pool name.',
    source: DOC,
  },
  {
    id: 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_REQUIRED',
    service: 'amplifybackend',
    operation: 'CreateBackendAuth',
    kind: 'shape',
    statement: 'A VerificationMessage without DeliveryMethod, in CreateBackendAuth or UpdateBackendAuth, is rejected with BadRequestException (HTTP 400).',
    quote: 'DeliveryMethod (string) -- [REQUIRED] The type of verification message to send.',
    source: DOC,
  },
  {
    id: 'AMPLIFY.JOB.RESPONSE_FIELDS',
    service: 'amplifybackend',
    operation: 'CreateBackendAuth',
    kind: 'shape',
    statement:
      'The answer to CreateBackendAuth and UpdateBackendAuth (and to CreateBackend) carries AppId and BackendEnvironmentName (those of the request), a JobId, Operation and Status, all non-empty.',
    quote: "{ 'AppId': 'string', 'BackendEnvironmentName': 'string', 'Error': 'string', 'JobId': 'string', 'Operation': 'string', 'Status': 'string' }",
    source: DOC,
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
  },
  {
    id: 'AMPLIFY.GET.ROUND_TRIP',
    service: 'amplifybackend',
    operation: 'GetBackendAuth',
    kind: 'state',
    statement:
      'GetBackendAuth, right after CreateBackendAuth or UpdateBackendAuth answered, returns the configuration as it now stands: every member that was set, with the value set (lists compared as sets; members the target adds are allowed).',
    quote: 'Gets a backend auth details.',
    source: DOC,
  },
  {
    id: 'AMPLIFY.UPDATE.APPLIED',
    service: 'amplifybackend',
    operation: 'UpdateBackendAuth',
    kind: 'state',
    statement:
      'After UpdateBackendAuth answered, GetBackendAuth returns the updated values of every sub-configuration the update named (members the update omits keep their values), not the previous ones.',
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
    quote: "'IdentityPoolConfigs': { 'UnauthenticatedLogin': True|False }",
    source: DOC,
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
    quote:
      "'VerificationMessage': { 'DeliveryMethod': 'EMAIL'|'SMS', 'EmailSettings': { 'EmailMessage': 'string', 'EmailSubject': 'string' }, 'SmsSettings': { 'SmsMessage': 'string' } }",
    source: DOC,
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
    quote: "'AuthResources': 'USER_POOL_ONLY'|'IDENTITY_POOL_AND_USER_POOL',",
    source: DOC,
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
