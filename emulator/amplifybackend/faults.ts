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
    description: 'UpdateBackendAuth overwrites UserPoolName, RequiredSignUpAttributes and SignInMethod (dropping them when the update omits them), although its UserPoolConfigs cannot change them.',
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
].map((fault) => ({ ...fault, service: 'amplifybackend' }));

export function registerAmplifyFaults(registry: FaultRegistry): void {
  for (const fault of AMPLIFY_FAULTS) registry.define(fault);
}
