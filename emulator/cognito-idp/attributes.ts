// User attributes: which names a pool knows (the OIDC standard set plus custom:*), what their
// values must look like, which can be verified, and how a destination is masked in answers.
import { invalidParameter, notAuthorized } from './errors.ts';

/** The standard attributes of every user pool (Cognito Developer Guide, "Standard attributes"). */
const STANDARD_ATTRIBUTES = new Set([
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'sub',
  'updated_at',
  'website',
  'zoneinfo',
]);
const CUSTOM_ATTRIBUTE = /^custom:[\w.-]{1,20}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE_NUMBER = /^\+\d{4,15}$/;

/** The attributes a code can verify, and how the code travels. */
export const VERIFIABLE_ATTRIBUTES = { email: 'EMAIL', phone_number: 'SMS' } as const;
export type VerifiableAttribute = keyof typeof VERIFIABLE_ATTRIBUTES;

export function isVerifiable(name: string): name is VerifiableAttribute {
  return Object.hasOwn(VERIFIABLE_ATTRIBUTES, name);
}

export function verifiedFlag(name: VerifiableAttribute): 'email_verified' | 'phone_number_verified' {
  return `${name}_verified`;
}

interface AttributeInput {
  Name: string;
  Value?: string;
}

/**
 * Checks a list of attributes to write. `selfService` is UpdateUserAttributes: a user's app client
 * may not write the *_verified flags (only an administrator can).
 */
export function checkAttributes(attributes: readonly AttributeInput[], options: { selfService: boolean }): void {
  for (const { Name: name, Value: value = '' } of attributes) {
    if (!STANDARD_ATTRIBUTES.has(name) && !CUSTOM_ATTRIBUTE.test(name)) {
      throw invalidParameter(`Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`);
    }
    if (name === 'sub') throw invalidParameter('Cannot modify the non-mutable attribute sub');
    if (name.endsWith('_verified')) {
      if (options.selfService) throw notAuthorized('A client attempted to write unauthorized attribute');
      if (value !== 'true' && value !== 'false') throw invalidParameter(`Invalid value for ${name}: it must be true or false.`);
    }
    if (value === '') continue;
    if (name === 'email' && !EMAIL.test(value)) throw invalidParameter('Invalid email address format.');
    if (name === 'phone_number' && !PHONE_NUMBER.test(value)) throw invalidParameter('Invalid phone number format.');
  }
}

/** `alice@example.com` → `a***@e***.com`: enough to recognise, not enough to read. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return `${local.charAt(0)}***@${domain.charAt(0)}***${dot === -1 ? '' : domain.slice(dot)}`;
}

/** `+12065550100` → `+*******0100`: only the last four digits stay. */
export function maskPhoneNumber(number: string): string {
  const digits = number.replace(/^\+/, '');
  return `+${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}

export function userAttributeList(attributes: ReadonlyMap<string, string>): Array<{ Name: string; Value: string }> {
  return [...attributes].map(([Name, Value]) => ({ Name, Value }));
}
