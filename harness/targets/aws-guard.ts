// The guards of the `aws` target. A sandbox account is only touched when its id is on the
// user's allow-list, and mail only ever goes to addresses under the domain the user configured.

/** Which input fields of which commands name a mail recipient (or an identity that will get mail). */
export const RECIPIENT_FIELDS: Record<string, readonly string[]> = {
  VerifyEmailIdentityCommand: ['EmailAddress'],
  VerifyEmailAddressCommand: ['EmailAddress'],
  VerifyDomainIdentityCommand: ['Domain'],
  CreateEmailIdentityCommand: ['EmailIdentity'],
};

export class GuardError extends Error {
  override readonly name = 'GuardError';
}

const underDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** An address `x@domain` or `x@sub.domain`, or a domain that is `domain` or under it. */
export function isUnderDomain(value: string, domain: string): boolean {
  const d = domain.toLowerCase();
  const v = value.toLowerCase();
  const at = v.lastIndexOf('@');
  return at >= 0 ? underDomain(v.slice(at + 1), d) : underDomain(v, d);
}

export function assertRecipientsAllowed(commandName: string, input: Record<string, unknown>, domain: string): void {
  for (const field of RECIPIENT_FIELDS[commandName] ?? []) {
    const value = input[field];
    if (typeof value === 'string' && !isUnderDomain(value, domain)) {
      throw new GuardError(`refused ${commandName}: ${field} ${value} is not under CONFORMANCE_EMAIL_DOMAIN (${domain})`);
    }
  }
}

export function assertAccountAllowed(account: string, allowlist: readonly string[]): void {
  if (allowlist.length === 0) {
    throw new GuardError('refusing to touch AWS: CONFORMANCE_AWS_ACCOUNT_ALLOWLIST is empty; set it to the sandbox account id(s) this run may use');
  }
  if (!allowlist.includes(account)) {
    throw new GuardError(`refusing to touch AWS account ${account}: it is not in CONFORMANCE_AWS_ACCOUNT_ALLOWLIST (${allowlist.join(', ')})`);
  }
}
