import { contactIn, requestIsFresh, verifyContact } from '../../../models/lightsail/model.ts';
import { instant } from '../../../models/shared/clock.ts';
import type { RunContext } from '../../shared/context.ts';
import { followVerificationLink } from '../../shared/inbox.ts';
import { slot } from '../arbitraries.ts';
import type { RegionSlot } from '../steps.ts';
import { LightsailCommand, type LightsailBox } from './lightsail-command.ts';

/** The owner follows the link of the newest, still fresh, verification request. */
export class FollowLink extends LightsailCommand {
  constructor(readonly slot: RegionSlot) {
    super();
  }

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

  toString(): string {
    return `FollowVerificationLink(${this.slot})`;
  }
}

export const followLatestLink = (ctx: RunContext, address: string) =>
  followVerificationLink(ctx, address, 'LIGHTSAIL.VERIFY.LINK_MAKES_VALID', 'SendContactMethodVerification');

export const followLinkCommand = { needs: ['inbox'] as const, arbitrary: slot.map((s) => new FollowLink(s)) };
