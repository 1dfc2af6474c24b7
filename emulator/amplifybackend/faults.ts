// AmplifyBackend's entries in the fault catalog: each one breaks one thing the backend-auth
// document (CreateBackendAuth, UpdateBackendAuth, GetBackendAuth) or the API model states.
import type { FaultRegistry } from '../control/faults.ts';
import type { FaultInfo } from '../types.ts';

export const AmplifyFault = {
  DropsVerificationMessage: 'amplify.drops-verification-message',
  DeliveryMethodTrailingSpace: 'amplify.delivery-method-trailing-space',
  UpdateOverwritesImmutable: 'amplify.update-overwrites-immutable',
  AcceptsMissingDeliveryMethod: 'amplify.accepts-missing-delivery-method',
  UnknownApp500: 'amplify.unknown-app-500',
  ResponseWithoutJobId: 'amplify.response-without-jobid',
  UpdateIgnored: 'amplify.update-ignored',
  JobStatusMissing: 'amplify.job-status-missing',
  GetDropsMfa: 'amplify.get-drops-mfa',
  AcceptsMissingUserPoolName: 'amplify.accepts-missing-user-pool-name',
  RefusesForgotPassword: 'amplify.refuses-forgot-password',
  MfaModeLowercase: 'amplify.mfa-mode-lowercase',
  AuthNotFound400: 'amplify.auth-not-found-400',
  UnknownAppBadRequest: 'amplify.unknown-app-bad-request',
} as const;

const AMPLIFY_FAULTS: FaultInfo[] = [
  {
    id: AmplifyFault.DropsVerificationMessage,
    description: 'GetBackendAuth answers without the VerificationMessage that CreateBackendAuth or UpdateBackendAuth set.',
  },
  {
    id: AmplifyFault.DeliveryMethodTrailingSpace,
    description: "GetBackendAuth answers VerificationMessage.DeliveryMethod 'EMAIL ' (the changelog's rendering) instead of the enum value EMAIL.",
  },
  {
    id: AmplifyFault.UpdateOverwritesImmutable,
    description:
      'UpdateBackendAuth overwrites UserPoolName, RequiredSignUpAttributes and SignInMethod (dropping them when the update omits them), although its UserPoolConfigs cannot change them.',
  },
  {
    id: AmplifyFault.AcceptsMissingDeliveryMethod,
    description: 'A VerificationMessage without its required DeliveryMethod is accepted instead of answering 400 BadRequestException.',
  },
  {
    id: AmplifyFault.UnknownApp500,
    description: 'An unknown app or backend environment answers HTTP 500 instead of the 404 NotFoundException the API model lists.',
  },
  {
    id: AmplifyFault.ResponseWithoutJobId,
    description: 'CreateBackend, CreateBackendAuth and UpdateBackendAuth answer without the JobId of the job they started.',
  },
  {
    id: AmplifyFault.UpdateIgnored,
    description: 'UpdateBackendAuth answers success but GetBackendAuth keeps answering the old configuration.',
  },
  {
    id: AmplifyFault.JobStatusMissing,
    description: 'GetBackendJob reports the job without its Status.',
  },
  {
    id: AmplifyFault.GetDropsMfa,
    description: 'GetBackendAuth answers without the UserPoolConfigs.Mfa that CreateBackendAuth or UpdateBackendAuth set.',
  },
  {
    id: AmplifyFault.AcceptsMissingUserPoolName,
    description: 'CreateBackendAuth without the required UserPoolConfigs.UserPoolName is accepted instead of answering 400 BadRequestException.',
  },
  {
    id: AmplifyFault.RefusesForgotPassword,
    description:
      'CreateBackendAuth refuses a ResourceConfig carrying the deprecated, but still documented, UserPoolConfigs.ForgotPassword with BadRequestException.',
  },
  {
    id: AmplifyFault.MfaModeLowercase,
    description: "GetBackendAuth answers Mfa.MFAMode in lower case ('on', 'off', 'optional') instead of the enum values ON, OFF, OPTIONAL.",
  },
  {
    id: AmplifyFault.AuthNotFound400,
    description: 'An unknown auth resource answers NotFoundException with HTTP 400 instead of its documented 404.',
  },
  {
    id: AmplifyFault.UnknownAppBadRequest,
    description:
      'An unknown app answers BadRequestException with HTTP 400 (a documented error, with its documented status) instead of the NotFoundException the API model lists.',
  },
].map((fault) => ({ ...fault, service: 'amplifybackend' }));

export function registerAmplifyFaults(registry: FaultRegistry): void {
  for (const fault of AMPLIFY_FAULTS) registry.define(fault);
}
