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
  SendProtocolOptional: 'lightsail.send-protocol-optional',
  CreatedValid: 'lightsail.created-valid',
  ResendRefused: 'lightsail.resend-refused',
  SendEmptyOperations: 'lightsail.send-empty-operations',
  StatusLowercase: 'lightsail.status-lowercase',
  GetDropsSms: 'lightsail.get-drops-sms',
  DeleteKeepsContact: 'lightsail.delete.keeps-contact',
} as const;

const LIGHTSAIL_FAULTS: FaultInfo[] = [
  {
    id: LightsailFault.SmsVerificationAccepted,
    description:
      'SendContactMethodVerification with protocol SMS succeeds, although "SMS contact methods don\'t need to be verified" and only Email can be verified.',
  },
  {
    id: LightsailFault.SendWithoutContactMethod,
    description: 'SendContactMethodVerification succeeds in a region that has no email contact method to verify.',
  },
  {
    id: LightsailFault.SecondEmailContactMethod,
    description:
      'A second email contact method in a region is kept and listed beside the first, although there is "one email address" contact method per Region.',
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
  {
    id: LightsailFault.SendProtocolOptional,
    description: 'SendContactMethodVerification without the required protocol is accepted as if it named Email.',
  },
  {
    id: LightsailFault.CreatedValid,
    description: 'A new email contact method is Valid at once instead of PendingVerification until its link is followed.',
  },
  {
    id: LightsailFault.ResendRefused,
    description:
      'SendContactMethodVerification answers OperationFailureException while an earlier verification request is unexpired, although another request may be sent while the method is unverified.',
  },
  {
    id: LightsailFault.SendEmptyOperations,
    description: 'A successful SendContactMethodVerification answers an empty operations list instead of the operation it started.',
  },
  {
    id: LightsailFault.StatusLowercase,
    description: "Operation records report status 'succeeded' instead of the enum value Succeeded.",
  },
  {
    id: LightsailFault.GetDropsSms,
    description: "GetContactMethods leaves out the region's SMS contact method.",
  },
  {
    id: LightsailFault.DeleteKeepsContact,
    description: 'DeleteContactMethod answers success but GetContactMethods keeps listing the deleted contact method until another of its protocol is created.',
  },
].map((fault) => ({ ...fault, service: 'lightsail' }));

export function registerLightsailFaults(registry: FaultRegistry): void {
  for (const fault of LIGHTSAIL_FAULTS) registry.define(fault);
}
