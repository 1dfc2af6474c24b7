// Attribute verification codes: six digits, sent to the inbox, valid for 24 hours of virtual time
// ("verification codes are valid for 24 hours"), the latest one per attribute superseding any
// earlier one, and used up when they verify.
import { randomInt } from 'node:crypto';
import { AwsError } from '../errors.ts';
import type { ServiceContext } from '../service.ts';
import { isVerifiable, maskEmail, maskPhoneNumber, verifiedFlag, type VerifiableAttribute, VERIFIABLE_ATTRIBUTES } from './attributes.ts';
import { codeMismatch, expiredCode, invalidParameter } from './errors.ts';
import { CognitoFault } from './faults.ts';
import type { User, UserPool } from './store.ts';

const CODE_VALIDITY_MS = 24 * 60 * 60 * 1000;

export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: 'EMAIL' | 'SMS';
  AttributeName: string;
}

export class VerificationCodes {
  constructor(private readonly ctx: ServiceContext) {}

  /** Sends a new code for `attributeName` to the value it verifies; InvalidParameterException if it cannot be verified. */
  send(pool: UserPool, user: User, attributeName: string, { overLong = false } = {}): CodeDeliveryDetails {
    const channel = this.channelFor(user, attributeName, overLong);
    const destination = user.attributes.get(channel);
    if (destination === undefined) throw invalidParameter(`The user has no ${channel} attribute to send a code to.`);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    user.codes.set(attributeName, { code, issuedAt: this.ctx.clock.now(), destination });
    this.ctx.inbox.deliver({
      service: 'cognito-idp',
      region: pool.region,
      to: destination,
      subject: 'Your verification code',
      body: `Your verification code is ${code}.`,
      code,
    });
    const faults = this.ctx.faults;
    const medium = channel === 'email' && faults.on(CognitoFault.EmailOverSms) ? 'SMS' : VERIFIABLE_ATTRIBUTES[channel];
    const masked = channel === 'email' ? maskEmail(destination) : maskPhoneNumber(destination);
    return { Destination: faults.on(CognitoFault.DestinationUnmasked) ? destination : masked, DeliveryMedium: medium, AttributeName: attributeName };
  }

  /** Checks the code and marks the attribute verified. */
  verify(user: User, attributeName: string, code: string): void {
    if (!isVerifiable(attributeName)) throw invalidParameter(`${attributeName} cannot be verified: only email and phone_number can.`);
    const faults = this.ctx.faults;
    const pending = user.codes.get(attributeName);
    // A code sent to an earlier value of the attribute verifies nothing.
    const current = pending !== undefined && pending.destination === user.attributes.get(attributeName) ? pending : undefined;
    if (!faults.on(CognitoFault.WrongCodeAccepted)) {
      if (current === undefined || current.code !== code) throw codeMismatch();
      if (this.ctx.clock.now() - current.issuedAt >= CODE_VALIDITY_MS && !faults.on(CognitoFault.CodeNeverExpires)) throw expiredCode();
      if (faults.on(CognitoFault.RightCodeRefused)) throw codeMismatch();
    }
    if (!user.attributes.has(attributeName)) throw invalidParameter(`The user has no ${attributeName} attribute to verify.`);
    user.codes.delete(attributeName);
    user.attributes.set(verifiedFlag(attributeName), 'true');
    user.modifiedAt = this.ctx.clock.now();
  }

  /** Which attribute's value a code for `attributeName` travels to. */
  private channelFor(user: User, attributeName: string, overLong: boolean): VerifiableAttribute {
    if (isVerifiable(attributeName)) return attributeName;
    // An over-long name reaches this point only under the attribute-name-unbounded fault, which sends it to the fallback channel.
    if (!this.ctx.faults.on(CognitoFault.CodeForAnyAttribute) && !overLong) {
      const message = `${attributeName} cannot be verified: only email and phone_number can.`;
      if (this.ctx.faults.on(CognitoFault.UndocumentedErrorCode)) throw new AwsError('InvalidUserPoolConfigurationException', message, 400);
      throw invalidParameter(message);
    }
    return user.attributes.has('email') ? 'email' : 'phone_number';
  }
}
