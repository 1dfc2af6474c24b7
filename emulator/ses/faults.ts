// SES's entries in the fault catalog: each one breaks one thing the SES document states.
import type { FaultRegistry } from '../control/faults.ts';
import type { FaultInfo } from '../types.ts';

export const SesFault = {
  GivaAcceptOver100: 'ses.giva.accept-over-100',
  GivaNoThrottle: 'ses.giva.no-throttle',
  GivaThrottleAs500: 'ses.giva.throttle-as-500',
  GivaMissingIdentities500: 'ses.giva.missing-identities-500',
  GivaAcceptsMissingIdentities: 'ses.giva.accepts-missing-identities',
  StatusLowercase: 'ses.status.lowercase',
  EmailNeverFails: 'ses.email.never-fails',
  EmailTokenNotNull: 'ses.email.token-not-null',
  EmailNoRestart: 'ses.email.no-restart',
  DomainDropToken: 'ses.domain.drop-token',
  DomainTokenMismatch: 'ses.domain.token-mismatch',
  DomainIgnoresDns: 'ses.domain.ignores-dns',
  DeleteKeepsIdentity: 'ses.delete.keeps-identity',
  GivaAllIdentities: 'ses.giva.all-identities',
  EmailVerifiedOnCreate: 'ses.email.verified-on-create',
  EmailLinkIgnored: 'ses.email.link-ignored',
  DomainVerifiedOnCreate: 'ses.domain.verified-on-create',
  DomainNeverFails: 'ses.domain.never-fails',
  DomainNoRestart: 'ses.domain.no-restart',
  VerifyDomainNoToken: 'ses.verify-domain.no-token',
  ListDropsLast: 'ses.list.drops-last',
  ErrorsUnknownCode: 'ses.errors.unknown-code',
} as const;

const SES_FAULTS: FaultInfo[] = [
  {
    id: SesFault.GivaAcceptOver100,
    description:
      'GetIdentityVerificationAttributes accepts more than 100 identities, although it "can only get verification attributes for up to 100 identities at a time".',
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
    id: SesFault.GivaAcceptsMissingIdentities,
    description:
      'GetIdentityVerificationAttributes without the required Identities succeeds with an empty VerificationAttributes map instead of a 400 validation error (as moto does).',
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
    description:
      'Publishing the _amazonses TXT record never verifies the domain, although SES changes the status to Success "when Amazon SES detects the record".',
  },
  {
    id: SesFault.DeleteKeepsIdentity,
    description: 'DeleteIdentity answers success but the identity stays, still listed and still returned by GetIdentityVerificationAttributes.',
  },
  {
    id: SesFault.GivaAllIdentities,
    description:
      'GetIdentityVerificationAttributes answers for every identity of the account, not only the requested ones, although the map is keyed by the requested Identities.',
  },
  {
    id: SesFault.EmailVerifiedOnCreate,
    description: 'A new email address is Success at once, although it is "Pending" until the owner clicks the link in the verification email.',
  },
  {
    id: SesFault.EmailLinkIgnored,
    description: 'Following the verification link within 24 hours is acknowledged but the address stays Pending instead of changing to "Success".',
  },
  {
    id: SesFault.DomainVerifiedOnCreate,
    description: 'A new domain is Success at once, although it is "Pending" while SES searches for the required TXT record.',
  },
  {
    id: SesFault.DomainNeverFails,
    description: 'A domain whose TXT record is never published stays Pending after 72 hours instead of becoming Failed.',
  },
  {
    id: SesFault.DomainNoRestart,
    description: 'VerifyDomainIdentity on a Failed domain leaves it Failed instead of restarting the verification process.',
  },
  {
    id: SesFault.VerifyDomainNoToken,
    description: 'VerifyDomainIdentity answers without the VerificationToken its response requires.',
  },
  {
    id: SesFault.ListDropsLast,
    description: 'ListIdentities leaves the last identity out of its final page, so one existing identity is never listed.',
  },
  {
    id: SesFault.ErrorsUnknownCode,
    description: 'GetIdentityVerificationAttributes validation errors carry the code InvalidRequest, outside the documented set of AWS query error codes.',
  },
].map((fault) => ({ ...fault, service: 'ses' }));

export function registerSesFaults(registry: FaultRegistry): void {
  for (const fault of SES_FAULTS) registry.define(fault);
}
