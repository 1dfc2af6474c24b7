// SES's entries in the fault catalog: each one breaks one thing the SES document states.
import type { FaultRegistry } from '../control/faults.ts';
import type { FaultInfo } from '../types.ts';

export const SesFault = {
  GivaAcceptOver100: 'ses.giva.accept-over-100',
  GivaNoThrottle: 'ses.giva.no-throttle',
  GivaThrottleAs500: 'ses.giva.throttle-as-500',
  GivaMissingIdentities500: 'ses.giva.missing-identities-500',
  StatusLowercase: 'ses.status.lowercase',
  EmailNeverFails: 'ses.email.never-fails',
  EmailTokenNotNull: 'ses.email.token-not-null',
  EmailNoRestart: 'ses.email.no-restart',
  DomainDropToken: 'ses.domain.drop-token',
  DomainTokenMismatch: 'ses.domain.token-mismatch',
  DomainIgnoresDns: 'ses.domain.ignores-dns',
  DeleteKeepsIdentity: 'ses.delete.keeps-identity',
} as const;

const SES_FAULTS: FaultInfo[] = [
  {
    id: SesFault.GivaAcceptOver100,
    description: 'GetIdentityVerificationAttributes accepts more than 100 identities, although it "can only get verification attributes for up to 100 identities at a time".',
  },
  {
    id: SesFault.GivaNoThrottle,
    description: 'GetIdentityVerificationAttributes is never throttled, although it "is throttled at one request per second".',
  },
  {
    id: SesFault.GivaThrottleAs500,
    description: 'A throttled GetIdentityVerificationAttributes call answers HTTP 500 ServiceUnavailable instead of the 400 Throttling error.',
  },
  {
    id: SesFault.GivaMissingIdentities500,
    description: 'GetIdentityVerificationAttributes without the required Identities answers HTTP 500 instead of a 400 validation error.',
  },
  {
    id: SesFault.StatusLowercase,
    description: 'Verification statuses come back in lower case (pending, success, failed), outside the documented enum.',
  },
  {
    id: SesFault.EmailNeverFails,
    description: 'An email identity whose link was not followed stays Pending forever instead of becoming Failed after 24 hours.',
  },
  {
    id: SesFault.EmailTokenNotNull,
    description: 'Email identities carry a VerificationToken, although the token is "Null for email address identities".',
  },
  {
    id: SesFault.EmailNoRestart,
    description: 'VerifyEmailIdentity on a Failed email identity leaves it Failed instead of restarting the verification process.',
  },
  {
    id: SesFault.DomainDropToken,
    description: 'Domain identities come back without their VerificationToken, although the response contains it "for domain identities".',
  },
  {
    id: SesFault.DomainTokenMismatch,
    description: 'GetIdentityVerificationAttributes returns a different VerificationToken from the one VerifyDomainIdentity returned.',
  },
  {
    id: SesFault.DomainIgnoresDns,
    description: 'Publishing the _amazonses TXT record never verifies the domain, although SES changes the status to Success "when Amazon SES detects the record".',
  },
  {
    id: SesFault.DeleteKeepsIdentity,
    description: 'DeleteIdentity answers success but the identity stays, still listed and still returned by GetIdentityVerificationAttributes.',
  },
].map((fault) => ({ ...fault, service: 'ses' }));

export function registerSesFaults(registry: FaultRegistry): void {
  for (const fault of SES_FAULTS) registry.define(fault);
}
