import fc from 'fast-check';
import { contactIn, requestIsFresh, requestVerification } from '../../../models/lightsail/model.ts';
import type { ContactProtocol } from '../../../models/lightsail/shapes.ts';
import { expectRejected, expectSuccess } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { sendProtocol, slot } from '../arbitraries.ts';
import { checkSendAnswer, expectDocumentedRefusal, expectSmsSendRejected } from '../checks.ts';
import { regionOf, sendVerification, type RegionSlot } from '../steps.ts';
import { LightsailCommand, type LightsailBox } from './lightsail-command.ts';

const SEND = 'SendContactMethodVerification';

/** SendContactMethodVerification: SMS always refused; Email refused without an email contact method, accepted while it is unverified. */
export class SendVerification extends LightsailCommand {
  constructor(
    readonly slot: RegionSlot,
    readonly protocol: ContactProtocol,
  ) {
    super();
  }

  check(): boolean {
    return true;
  }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    const region = regionOf(ctx, this.slot);
    const contact = contactIn(box.state, this.slot, 'Email');
    if (this.protocol === 'SMS') {
      const sms = contactIn(box.state, this.slot, 'SMS') ? 'an SMS method exists' : 'no SMS method';
      const result = await sendVerification(ctx, region, 'SMS', ['LIGHTSAIL.SEND.SMS_REJECTED']);
      expectSmsSendRejected(ctx, result, sms);
      return;
    }
    const rule = !contact ? 'LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT' : 'LIGHTSAIL.VERIFY.RESEND';
    const result = await sendVerification(ctx, region, 'Email', [rule]);
    if (!contact) {
      expectRejected(
        ctx,
        rule,
        SEND,
        result,
        `no email contact method exists in ${region}`,
        undefined,
        `Email, no email method in ${this.slot} region → rejected`,
      );
      return;
    }
    if (contact.verified) {
      // Not documented for a verified method: a documented client error, or a new request.
      if (!result.ok) {
        expectDocumentedRefusal(ctx, SEND, result.error, `${SEND} of a Valid method`);
        return;
      }
    } else {
      const stale = requestIsFresh(contact, result.at) ? 'while pending' : 'after the request went stale';
      expectSuccess(ctx, rule, SEND, result, 'a verification request can be sent again while the contact method is unverified', `resend ${stale} → accepted`);
    }
    checkSendAnswer(ctx, region, result.output);
    box.state = requestVerification(box.state, this.slot, result.at);
  }

  toString(): string {
    return `SendContactMethodVerification(${this.slot}, ${this.protocol})`;
  }
}

export const sendVerificationCommand = { arbitrary: fc.tuple(slot, sendProtocol).map(([s, p]) => new SendVerification(s, p)) };
