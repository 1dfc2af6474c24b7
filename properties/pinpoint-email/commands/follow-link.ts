import { confirmIdentity, mayConfirm } from '../../../models/pinpoint-email/model.ts';
import { instant } from '../../../models/shared/clock.ts';
import type { RunContext } from '../../shared/context.ts';
import { followVerificationLink } from '../../shared/inbox.ts';
import { emailName, type PoolName } from '../arbitraries.ts';
import { PinpointCommand, realName, type PinpointBox } from './pinpoint-command.ts';

/** The owner follows the verification link in the inbox. */
export class FollowLink extends PinpointCommand {
  constructor(readonly name: PoolName) {
    super();
  }

  check(box: Readonly<PinpointBox>): boolean {
    return mayConfirm(box.state.identities.get(this.name.key), instant(box.lastSeen));
  }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const before = ctx.now();
    if (!mayConfirm(box.state.identities.get(this.name.key), instant(before))) return;
    await followVerificationLink(ctx, realName(ctx, this.name), 'PINPOINT.VERIFY.EMAIL_LINK', 'CreateEmailIdentity');
    box.state = confirmIdentity(box.state, this.name.key, ctx.since(before));
  }

  toString(): string {
    return `FollowVerificationLink(${this.name.key})`;
  }
}

export const followLinkCommand = { needs: ['inbox'] as const, arbitrary: emailName.map((name) => new FollowLink(name)) };
