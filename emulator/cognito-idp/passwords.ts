// A pool's password policy, checked when a password is set, and the temporary passwords
// AdminCreateUser makes up when none is given.
import { randomInt } from 'node:crypto';
import { invalidPassword } from './errors.ts';
import { randomString, type PasswordPolicy } from './store.ts';

export function checkPassword(policy: PasswordPolicy, password: string): void {
  const problems: string[] = [];
  if ([...password].length < policy.MinimumLength) problems.push('Password not long enough');
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) problems.push('Password must have uppercase characters');
  if (policy.RequireLowercase && !/[a-z]/.test(password)) problems.push('Password must have lowercase characters');
  if (policy.RequireNumbers && !/[0-9]/.test(password)) problems.push('Password must have numeric characters');
  if (policy.RequireSymbols && !/[^A-Za-z0-9]/.test(password)) problems.push('Password must have symbol characters');
  if (problems.length > 0) throw invalidPassword(`Password did not conform with policy: ${problems.join('; ')}`);
}

/** Satisfies the pool's policy whatever it asks: long enough, and every character class. */
export function temporaryPassword(policy: PasswordPolicy): string {
  return `${randomString(Math.max(8, policy.MinimumLength))}Aa1!${randomInt(10)}`;
}
