import { followVerificationLink } from '../../shared/inbox.ts';
import { confirmIdentity, mayConfirm } from '../../../models/ses/model.ts';
import { instant } from '../../../models/shared/clock.ts';
import { surelyFailed } from '../../../models/shared/lifecycle.ts';
import type { RunContext } from '../../shared/context.ts';
import { emailLocal } from '../arbitraries.ts';
import { SesCommand, type SesBox } from './ses-command.ts';

/** The owner follows the newest verification link in the inbox: in time, or after the 24 hours. */
export class FollowLink extends SesCommand {
  constructor(readonly local: string) {
    super();
  }

  check(box: Readonly<SesBox>): boolean {
    return mayConfirm(box.state.identities.get(this.local), instant(box.lastSeen));
  }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    const before = ctx.now();
    const identity = box.state.identities.get(this.local);
    if (!mayConfirm(identity, instant(before))) return;
    // The link serves the rule the read after it judges: Success in time, still Failed too late.
    const late = surelyFailed(identity!.verification, instant(before));
    await followVerificationLink(
      ctx,
      ctx.naming.email(this.local),
      late ? 'SES.EMAIL.FAILED_AFTER_24H' : 'SES.EMAIL.SUCCESS_WITHIN_24H',
      'VerifyEmailIdentity',
    );
    box.state = confirmIdentity(box.state, this.local, ctx.since(before));
  }

  toString(): string {
    return `FollowVerificationLink(${this.local})`;
  }
}

export const followLinkCommand = { needs: ['inbox'] as const, arbitrary: emailLocal.map((local) => new FollowLink(local)) };
