// The guards of the `aws` target. A sandbox account is only touched when its id is on the
// user's allow-list; mail only ever goes to addresses under the domain the user configured, and
// text messages only to the numbers the user listed. Which commands send where is declared by
// each service's manifest (`destinations`).
import { memberOf } from '../../models/shared/record.ts';
import { isUnderDomain } from './run-names.ts';

/** Where a command would deliver mail or text messages (or create an identity that will get mail). */
export interface Destinations {
  addresses: string[];
  phones: string[];
}

type Input = Record<string, unknown>;
const str = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);
const attributeValues = (attributes: unknown, name: string): string[] =>
  Array.isArray(attributes) ? attributes.filter((a) => memberOf(a, 'Name') === name).flatMap((a) => str(memberOf(a, 'Value'))) : [];

/** Mail to these members' values (addresses or domains). */
export const mailTo = (...values: unknown[]): Destinations => ({ addresses: values.flatMap(str), phones: [] });

/** Texts to these members' values. */
export const textTo = (...values: unknown[]): Destinations => ({ addresses: [], phones: values.flatMap(str) });

/** A Cognito user's `email` and `phone_number` attributes. */
export const userAttributes = (input: Input): Destinations => ({
  addresses: attributeValues(input.UserAttributes, 'email'),
  phones: attributeValues(input.UserAttributes, 'phone_number'),
});

export class GuardError extends Error {
  override readonly name = 'GuardError';
}

export interface RecipientPolicy {
  /** CONFORMANCE_EMAIL_DOMAIN */
  domain: string;
  /** CONFORMANCE_SMS_NUMBERS: the only phone numbers a run may create or text. */
  phones: readonly string[];
}

/** Refuses a command whose destinations (as its service declares them) are outside the policy. */
export function assertRecipientsAllowed(commandName: string, destinations: Destinations | undefined, policy: RecipientPolicy): void {
  if (!destinations) return;
  for (const address of destinations.addresses) {
    if (!isUnderDomain(address, policy.domain))
      throw new GuardError(`refused ${commandName}: ${address} is not under CONFORMANCE_EMAIL_DOMAIN (${policy.domain})`);
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
