// The guards of the `aws` target. A sandbox account is only touched when its id is on the
// user's allow-list; mail only ever goes to addresses under the domain the user configured, and
// text messages only to the numbers the user listed.

/** Where a command would deliver mail or text messages (or create an identity that will get mail). */
interface Destinations { addresses: string[]; phones: string[] }

type Input = Record<string, unknown>;
const str = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);
const attributeValues = (attributes: unknown, name: string): string[] =>
  Array.isArray(attributes) ? attributes.filter((a) => a?.Name === name).flatMap((a) => str(a.Value)) : [];
const userAttributes = (input: Input): Destinations => ({
  addresses: attributeValues(input.UserAttributes, 'email'),
  phones: attributeValues(input.UserAttributes, 'phone_number'),
});
const addresses = (...values: unknown[]): Destinations => ({ addresses: values.flatMap(str), phones: [] });

/** Every command, of every service, that can send a message somewhere: what it names as the destination. */
export const DESTINATIONS: Record<string, (input: Input) => Destinations> = {
  VerifyEmailIdentityCommand: (i) => addresses(i.EmailAddress),
  VerifyEmailAddressCommand: (i) => addresses(i.EmailAddress),
  VerifyDomainIdentityCommand: (i) => addresses(i.Domain),
  CreateEmailIdentityCommand: (i) => addresses(i.EmailIdentity),
  CreateContactMethodCommand: (i) => (i.protocol === 'Email' ? addresses(i.contactEndpoint) : { addresses: [], phones: str(i.contactEndpoint) }),
  AdminCreateUserCommand: (i) => ({ addresses: [...userAttributes(i).addresses, ...str(i.Username).filter((u) => u.includes('@'))], phones: userAttributes(i).phones }),
  AdminUpdateUserAttributesCommand: userAttributes,
  UpdateUserAttributesCommand: userAttributes,
  SignUpCommand: userAttributes,
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

export interface RecipientPolicy {
  /** CONFORMANCE_EMAIL_DOMAIN */
  domain: string;
  /** CONFORMANCE_SMS_NUMBERS: the only phone numbers a run may create or text. */
  phones: readonly string[];
}

export function assertRecipientsAllowed(commandName: string, input: Input, policy: RecipientPolicy): void {
  const destinations = DESTINATIONS[commandName]?.(input);
  if (!destinations) return;
  for (const address of destinations.addresses) {
    if (!isUnderDomain(address, policy.domain)) throw new GuardError(`refused ${commandName}: ${address} is not under CONFORMANCE_EMAIL_DOMAIN (${policy.domain})`);
  }
  for (const phone of destinations.phones) {
    if (!policy.phones.includes(phone)) throw new GuardError(`refused ${commandName}: ${phone} is not in CONFORMANCE_SMS_NUMBERS`);
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
