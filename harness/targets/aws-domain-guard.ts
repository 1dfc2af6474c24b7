// A run's SES and Pinpoint Email identities live under CONFORMANCE_EMAIL_DOMAIN. When that domain,
// or a domain above it, is already a verified identity of the account, AWS treats every address
// and subdomain under it as verified: "when you verify a domain identity, you can send email from
// any subdomain or email address of the verified domain without having to verify each one
// individually" (https://docs.aws.amazon.com/ses/latest/dg/creating-identities.html). The rules
// that an identity stays Pending until it is verified would then fail on AWS itself, so such a
// domain is refused before the run, in one line.
import { GetIdentityVerificationAttributesCommand, type SESClient } from '@aws-sdk/client-ses';
import type { ServiceName } from '../../services/index.ts';
import { GuardError } from './aws-guard.ts';

/** The services whose rules create identities under the domain. */
const IDENTITY_SERVICES: readonly ServiceName[] = ['ses', 'pinpoint-email'];

/** The domain and every domain above it that could be an identity (not the top-level label alone). */
function domainAndParents(domain: string): string[] {
  const labels = domain.toLowerCase().split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

/** Refuses a run whose mail domain (or a parent of it) the account has verified in the run's region. */
export async function assertDomainNotVerified(ses: Pick<SESClient, 'send'>, domain: string, services: readonly ServiceName[], region: string): Promise<void> {
  if (!services.some((service) => IDENTITY_SERVICES.includes(service))) return;
  const candidates = domainAndParents(domain);
  const answer = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: candidates }));
  const verified = candidates.find((name) => answer.VerificationAttributes?.[name]?.VerificationStatus === 'Success');
  if (verified)
    throw new GuardError(
      `refusing to run: ${verified} is a verified SES identity in ${region}, so AWS treats every address under ${domain} as verified and the Pending rules would fail on AWS itself; ` +
        `set CONFORMANCE_EMAIL_DOMAIN to a domain with no verified identity above it (or run in a region where ${verified} is not verified)`,
    );
}
