// Lightsail's entries in the fault catalog: each one breaks one thing the Lightsail documents state.
import type { FaultRegistry } from '../control/faults.ts';
import type { FaultInfo } from '../types.ts';

export const LightsailFault = {
  SmsVerificationAccepted: 'lightsail.sms-verification-accepted',
  SendWithoutContactMethod: 'lightsail.send-without-contact-method',
  SecondEmailContactMethod: 'lightsail.second-email-contact-method',
  SmsAnyRegion: 'lightsail.sms-any-region',
  OperationWrongRegion: 'lightsail.operation-wrong-region',
  OperationWrongType: 'lightsail.operation-wrong-type',
  LinkDoesNotVerify: 'lightsail.link-does-not-verify',
  ErrorsAs500: 'lightsail.errors-as-500',
} as const;

const LIGHTSAIL_FAULTS: FaultInfo[] = [
  {
    id: LightsailFault.SmsVerificationAccepted,
    description: 'SendContactMethodVerification with protocol SMS succeeds, although "SMS contact methods don\'t need to be verified" and only Email can be verified.',
  },
  {
    id: LightsailFault.SendWithoutContactMethod,
    description: 'SendContactMethodVerification succeeds in a region that has no email contact method to verify.',
  },
  {
    id: LightsailFault.SecondEmailContactMethod,
    description: 'A second email contact method in a region is kept and listed beside the first, although there is "one email address" contact method per Region.',
  },
  {
    id: LightsailFault.SmsAnyRegion,
    description: 'SMS contact methods are accepted in Regions where Lightsail does not support SMS.',
  },
  {
    id: LightsailFault.OperationWrongRegion,
    description: "The operation's location.regionName is not the Region the request was sent to.",
  },
  {
    id: LightsailFault.OperationWrongType,
    description: 'SendContactMethodVerification reports an operation whose operationType is not SendContactMethodVerification.',
  },
  {
    id: LightsailFault.LinkDoesNotVerify,
    description: 'Following the verification link answers success but leaves the email contact method PendingVerification.',
  },
  {
    id: LightsailFault.ErrorsAs500,
    description: 'Documented input errors (InvalidInputException, NotFoundException) answer HTTP 500 instead of a 4xx.',
  },
].map((fault) => ({ ...fault, service: 'lightsail' }));

export function registerLightsailFaults(registry: FaultRegistry): void {
  for (const fault of LIGHTSAIL_FAULTS) registry.define(fault);
}
