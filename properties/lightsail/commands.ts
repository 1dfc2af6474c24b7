// The Lightsail model-based commands. The model is keyed by region slot (check() has no target,
// so no real region); run() resolves a slot to a region with the target's. A command whose status
// check broke a rule already found failing adopts the listed status (re-basing), so the run goes on.
import { followVerificationLink } from '../shared/inbox.ts';
import fc from 'fast-check';
import {
  contactIn, createContact, deleteContact, emptyLightsailModel, requestIsFresh, requestVerification, verifyContact, type LightsailModel,
} from '../../models/lightsail/model.ts';
import { supportsSms, type ContactProtocol } from '../../models/lightsail/shapes.ts';
import { HOUR, instant, MINUTE } from '../../models/shared/clock.ts';
import { expectRejected, expectSetup, expectSuccess } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { advanceClockCommand as advanceClock, BaseCommand, type ModelBox } from '../shared/model-run.ts';
import { checkListing, checkOperationRecords, checkSendAnswer, type JudgedBy, type Listing } from './checks.ts';
import { createContactMethod, deleteContactMethod, endpointFor, regionOf, REGION_SLOTS, sendVerification, type RegionSlot } from './steps.ts';

export type LightsailBox = ModelBox<LightsailModel>;
export { emptyLightsailModel };

const SEND = 'SendContactMethodVerification';

abstract class LightsailCommand extends BaseCommand<LightsailModel> {}

/** Lists a slot's region and, where the email status broke a tolerated rule, adopts the listed status. */
async function listInStep(box: LightsailBox, ctx: RunContext, slot: RegionSlot, protocols?: ContactProtocol[], judgedBy?: JudgedBy): Promise<Listing> {
  const listing = await checkListing(ctx, regionOf(ctx, slot), box.state, slot, { protocols, judgedBy });
  if (listing.divergentStatus === 'Valid') box.state = verifyContact(box.state, slot);
  if (listing.divergentStatus === 'PendingVerification') box.state = unverify(box.state, slot);
  return listing;
}

/** The model's email method in `slot`, unverified again (re-based on a target that did not verify it). */
function unverify(model: LightsailModel, slot: RegionSlot): LightsailModel {
  const contact = contactIn(model, slot, 'Email')!;
  const regions = new Map(model.regions);
  regions.set(slot, new Map(regions.get(slot)!).set('Email', { ...contact, verified: false }));
  return { regions };
}

const slot = fc.constantFrom(...REGION_SLOTS, 'home' as const);
const protocol = fc.constantFrom<ContactProtocol>('Email', 'SMS');

/** CreateContactMethod: a first one is accepted (SMS only where supported); a second of a protocol is refused or replaces the first, as listed next. */
export class CreateContact extends LightsailCommand {
  constructor(readonly slot: RegionSlot, readonly protocol: ContactProtocol, readonly index: number) { super(); }

  check(): boolean { return true; }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    const region = regionOf(ctx, this.slot);
    const endpoint = endpointFor(ctx, this.slot, this.protocol, this.index);
    const existing = contactIn(box.state, this.slot, this.protocol);
    if (this.protocol === 'SMS' && !supportsSms(region)) {
      const result = await createContactMethod(ctx, region, 'SMS', endpoint, ['LIGHTSAIL.CONTACT.SMS_REGIONS']);
      expectRejected(ctx, 'LIGHTSAIL.CONTACT.SMS_REGIONS', 'CreateContactMethod', result, `SMS contact methods are not supported in ${region}`, undefined, `SMS in ${region} (not supported) → rejected`);
      return;
    }
    if (existing) {
      const second = `second ${this.protocol}`;
      const result = await createContactMethod(ctx, region, this.protocol, endpoint, ['LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL']);
      // Either reading of "one ... in each Region": refused with a documented client error, or the new one replaces the old; the listing tells.
      if (!result.ok) expectRejected(ctx, 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL', 'CreateContactMethod', result, 'a second contact method of a protocol is refused or replaces the first', undefined, `${second} → rejected`);
      else {
        checkOperationRecords(ctx, 'CreateContactMethod', result.output);
        box.state = createContact(box.state, this.slot, this.protocol, endpoint, result.at);
      }
      await listInStep(box, ctx, this.slot, undefined, secondJudged(this.protocol, result.ok));
      return;
    }
    const rule = this.protocol === 'SMS' ? 'LIGHTSAIL.CONTACT.SMS_REGIONS' : 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE';
    const result = await createContactMethod(ctx, region, this.protocol, endpoint, [rule]);
    const expected = `a first ${this.protocol} contact method in ${region} is accepted`;
    const output = this.protocol === 'SMS'
      ? expectSuccess(ctx, rule, 'CreateContactMethod', result, expected, `SMS in ${region} (supported) → accepted`)
      : expectSetup(ctx, rule, 'CreateContactMethod', result, expected);
    checkOperationRecords(ctx, 'CreateContactMethod', output);
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
    if (this.protocol === 'SMS') {
      const sms = contactIn(box.state, this.slot, 'SMS') ? 'an SMS method exists' : 'no SMS method';
      const result = await sendVerification(ctx, region, 'SMS', ['LIGHTSAIL.SEND.SMS_REJECTED']);
      expectRejected(ctx, 'LIGHTSAIL.SEND.SMS_REJECTED', SEND, result, 'SMS contact methods need no verification: InvalidInputException', ['InvalidInputException'], `protocol SMS (${sms}) → InvalidInputException`);
      return;
    }
    const rule = !contact ? 'LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT' : 'LIGHTSAIL.VERIFY.RESEND';
    const result = await sendVerification(ctx, region, 'Email', [rule]);
    if (!contact) {
      expectRejected(ctx, rule, SEND, result, `no email contact method exists in ${region}`, undefined, `Email, no email method in ${this.slot} region → rejected`);
      return;
    }
    if (contact.verified) {
      // Not documented for a verified method: a documented client error, or a new request.
      if (!result.ok) {
        expectRejected(ctx, 'LIGHTSAIL.ERRORS.DOCUMENTED', SEND, result, 'a documented client error or a new request', undefined, `${SEND} of a Valid method → documented error`);
        return;
      }
    } else {
      const stale = requestIsFresh(contact, result.at) ? 'while pending' : 'after the request went stale';
      expectSuccess(ctx, rule, SEND, result, 'a verification request can be sent again while the contact method is unverified', `resend ${stale} → accepted`);
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
    await listInStep(box, ctx, this.slot, this.protocols);
  }

  toString(): string { return `GetContactMethods(${this.slot}${this.protocols ? `, ${this.protocols.join(',')}` : ''})`; }
}

export const getContactsCommand = {
  arbitrary: fc.tuple(slot, fc.constantFrom<ContactProtocol[] | undefined>(undefined, undefined, ['Email'], ['SMS'])).map(([s, p]) => new GetContacts(s, p)),
};

/** DeleteContactMethod of an existing contact method, listed before and after: the deletion is judged only where it was seen to remove it. */
export class DeleteContact extends LightsailCommand {
  constructor(readonly slot: RegionSlot, readonly protocol: ContactProtocol) { super(); }

  check(box: Readonly<LightsailBox>): boolean { return Boolean(contactIn(box.state, this.slot, this.protocol)); }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    const { listed } = await listInStep(box, ctx, this.slot);
    const region = regionOf(ctx, this.slot);
    const result = await deleteContactMethod(ctx, region, this.protocol, ['LIGHTSAIL.CONTACT.DELETE']);
    checkOperationRecords(ctx, 'DeleteContactMethod', expectSetup(ctx, 'LIGHTSAIL.CONTACT.DELETE', 'DeleteContactMethod', result, 'an existing contact method can be deleted'));
    box.state = deleteContact(box.state, this.slot, this.protocol);
    await listInStep(box, ctx, this.slot, undefined, deletionJudged(listed, this.protocol));
  }

  toString(): string { return `DeleteContactMethod(${this.slot}, ${this.protocol})`; }
}

/** After a second create of a protocol, what is listed of it is ONE_PER_PROTOCOL's to judge: the first alone (rejected) or the new one alone (replaced). */
export const secondJudged = (protocol: ContactProtocol, accepted: boolean): JudgedBy => ({
  [protocol]: {
    rule: 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL',
    observed: `second ${protocol} ${accepted ? 'accepted → only the new one listed' : 'rejected → only the first listed'}`,
    message: `after a second ${protocol} create was ${accepted ? 'accepted' : 'rejected'}, the region does not list ${accepted ? 'the new one alone' : 'the first alone'}`,
  },
});

/** After a deletion, what is listed of the protocol is DELETE's to judge, when the method was listed before it. */
export const deletionJudged = (before: readonly { protocol?: string }[], protocol: ContactProtocol): JudgedBy | undefined =>
  before.some((c) => c.protocol === protocol)
    ? { [protocol]: { rule: 'LIGHTSAIL.CONTACT.DELETE', observed: `${protocol} listed, deleted → no longer listed`, message: `the deleted ${protocol} contact method is still listed` } }
    : undefined;

export const deleteContactCommand = { operations: ['DeleteContactMethod'], arbitrary: fc.tuple(slot, protocol).map(([s, p]) => new DeleteContact(s, p)) };

/** Moves the target's clock: a verification request may expire. */
export const advanceClockCommand = advanceClock<LightsailModel>(fc.constantFrom(1 * MINUTE, 1 * HOUR, 25 * HOUR, 73 * HOUR));
