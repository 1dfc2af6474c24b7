// The Lightsail model-based commands. The model is keyed by region slot (check() has no target,
// so no real region); run() resolves a slot to a region with the target's.
import { followVerificationLink } from '../shared/inbox.ts';
import fc from 'fast-check';
import {
  contactIn, createContact, deleteContact, emptyLightsailModel, requestIsFresh, requestVerification, verifyContact, type LightsailModel,
} from '../../models/lightsail/model.ts';
import { supportsSms, type ContactProtocol } from '../../models/lightsail/shapes.ts';
import { HOUR, instant, MINUTE } from '../../models/shared/clock.ts';
import type { RunContext } from '../shared/context.ts';
import { advanceClockCommand as advanceClock, BaseCommand, type ModelBox } from '../shared/model-run.ts';
import {
  checkContactMethods, checkDocumentedError, checkEmailStatus, checkSendAnswer, createContactMethod, deleteContactMethod, endpointFor,
  expectDocumentedRejection, expectDocumentedSuccess, regionOf, REGION_SLOTS, sendVerification, type RegionSlot,
} from './steps.ts';

export type LightsailBox = ModelBox<LightsailModel>;
export { emptyLightsailModel };

abstract class LightsailCommand extends BaseCommand<LightsailModel> {}

const slot = fc.constantFrom(...REGION_SLOTS, 'home' as const);
const protocol = fc.constantFrom<ContactProtocol>('Email', 'SMS');

/** CreateContactMethod: a first one is accepted (SMS only where supported); a second of a protocol is refused or replaces the first. */
export class CreateContact extends LightsailCommand {
  constructor(readonly slot: RegionSlot, readonly protocol: ContactProtocol, readonly index: number) { super(); }

  check(): boolean { return true; }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    const region = regionOf(ctx, this.slot);
    const endpoint = endpointFor(ctx, this.slot, this.protocol, this.index);
    const existing = contactIn(box.state, this.slot, this.protocol);
    const smsRefused = this.protocol === 'SMS' && !supportsSms(region);
    const rule = smsRefused ? 'LIGHTSAIL.CONTACT.SMS_REGIONS' : existing ? 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL' : 'LIGHTSAIL.CONTACT.GET_MATCHES';
    const result = await createContactMethod(ctx, region, this.protocol, endpoint, [rule]);
    if (smsRefused) {
      expectDocumentedRejection(ctx, rule, 'CreateContactMethod', result, `SMS contact methods are not supported in ${region}`);
      return;
    }
    if (existing) {
      // Either reading of "one ... in each Region": refused with a documented client error, or the new one replaces the old.
      if (!result.ok) {
        expectDocumentedRejection(ctx, rule, 'CreateContactMethod', result, 'a second contact method of a protocol is refused or replaces the first');
        return;
      }
      ctx.held(rule);
    } else {
      expectDocumentedSuccess(ctx, rule, 'CreateContactMethod', result, `a first ${this.protocol} contact method in ${region} is accepted`);
      if (this.protocol === 'SMS') ctx.held('LIGHTSAIL.CONTACT.SMS_REGIONS');
    }
    box.state = createContact(box.state, this.slot, this.protocol, endpoint, result.at);
  }

  toString(): string { return `CreateContactMethod(${this.slot}, ${this.protocol}, #${this.index})`; }
}

export const createContactCommand = { arbitrary: fc.tuple(slot, protocol, fc.constantFrom(0, 1)).map(([s, p, i]) => new CreateContact(s, p, i)) };

/** SendContactMethodVerification: SMS always refused; Email refused without an email contact method, accepted while it is unverified. */
export class SendVerification extends LightsailCommand {
  constructor(readonly slot: RegionSlot, readonly protocol: ContactProtocol) { super(); }

  check(): boolean { return true; }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    const region = regionOf(ctx, this.slot);
    const contact = contactIn(box.state, this.slot, 'Email');
    const SEND = 'SendContactMethodVerification';
    if (this.protocol === 'SMS') {
      const result = await sendVerification(ctx, region, 'SMS', ['LIGHTSAIL.SEND.SMS_REJECTED']);
      expectDocumentedRejection(ctx, 'LIGHTSAIL.SEND.SMS_REJECTED', SEND, result, 'SMS contact methods need no verification: InvalidInputException', ['InvalidInputException']);
      return;
    }
    const rule = !contact ? 'LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT' : 'LIGHTSAIL.VERIFY.RESEND';
    const result = await sendVerification(ctx, region, 'Email', [rule]);
    if (!contact) {
      expectDocumentedRejection(ctx, rule, SEND, result, `no email contact method exists in ${region}`);
      return;
    }
    if (contact.verified) {
      // Not documented for a verified method: a documented client error, or a new request.
      if (!result.ok) {
        checkDocumentedError(ctx, SEND, result.error, true);
        return;
      }
    } else {
      expectDocumentedSuccess(ctx, rule, SEND, result, 'a verification request can be sent again while the contact method is unverified');
    }
    checkSendAnswer(ctx, region, result.output);
    box.state = requestVerification(box.state, this.slot, result.at);
  }

  toString(): string { return `SendContactMethodVerification(${this.slot}, ${this.protocol})`; }
}

export const sendVerificationCommand = { arbitrary: fc.tuple(slot, fc.constantFrom<ContactProtocol>('Email', 'Email', 'SMS')).map(([s, p]) => new SendVerification(s, p)) };

/** The owner follows the link of the newest, still fresh, verification request. */
export class FollowLink extends LightsailCommand {
  constructor(readonly slot: RegionSlot) { super(); }

  check(box: Readonly<LightsailBox>): boolean {
    const contact = contactIn(box.state, this.slot, 'Email');
    return Boolean(contact && !contact.verified && requestIsFresh(contact, instant(box.lastSeen)));
  }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    const contact = contactIn(box.state, this.slot, 'Email');
    if (!contact || contact.verified || !requestIsFresh(contact, instant(ctx.now()))) return;
    await followLatestLink(ctx, contact.endpoint);
    box.state = verifyContact(box.state, this.slot);
  }

  toString(): string { return `FollowVerificationLink(${this.slot})`; }
}

export const followLatestLink = (ctx: RunContext, address: string) =>
  followVerificationLink(ctx, address, 'LIGHTSAIL.VERIFY.LINK_MAKES_VALID', 'SendContactMethodVerification');

export const followLinkCommand = { needs: ['inbox'] as const, arbitrary: slot.map((s) => new FollowLink(s)) };

/** GetContactMethods of a region (all, or one protocol), against the model. */
export class GetContacts extends LightsailCommand {
  constructor(readonly slot: RegionSlot, readonly protocols?: ContactProtocol[]) { super(); }

  check(): boolean { return true; }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    const region = regionOf(ctx, this.slot);
    const before = ctx.now();
    const listed = await checkContactMethods(ctx, region, box.state, this.slot, this.protocols);
    checkEmailStatus(ctx, region, box.state, this.slot, listed, ctx.since(before));
  }

  toString(): string { return `GetContactMethods(${this.slot}${this.protocols ? `, ${this.protocols.join(',')}` : ''})`; }
}

export const getContactsCommand = {
  arbitrary: fc.tuple(slot, fc.constantFrom<ContactProtocol[] | undefined>(undefined, undefined, ['Email'], ['SMS'])).map(([s, p]) => new GetContacts(s, p)),
};

/** DeleteContactMethod of an existing contact method. */
export class DeleteContact extends LightsailCommand {
  constructor(readonly slot: RegionSlot, readonly protocol: ContactProtocol) { super(); }

  check(box: Readonly<LightsailBox>): boolean { return Boolean(contactIn(box.state, this.slot, this.protocol)); }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    const region = regionOf(ctx, this.slot);
    const result = await deleteContactMethod(ctx, region, this.protocol, ['LIGHTSAIL.CONTACT.DELETE']);
    expectDocumentedSuccess(ctx, 'LIGHTSAIL.CONTACT.DELETE', 'DeleteContactMethod', result, 'an existing contact method can be deleted');
    box.state = deleteContact(box.state, this.slot, this.protocol);
  }

  toString(): string { return `DeleteContactMethod(${this.slot}, ${this.protocol})`; }
}

export const deleteContactCommand = { operations: ['DeleteContactMethod'], arbitrary: fc.tuple(slot, protocol).map(([s, p]) => new DeleteContact(s, p)) };

/** Moves the target's clock: a verification request may expire. */
export const advanceClockCommand = advanceClock<LightsailModel>(fc.constantFrom(1 * MINUTE, 1 * HOUR, 25 * HOUR, 73 * HOUR));
