import { mayStartVerification, verifyEmail } from '../../../models/ses/model.ts';
import { instant } from '../../../models/shared/clock.ts';
import { expectSetup } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { emailLocal } from '../arbitraries.ts';
import { verifyEmailIdentity } from '../steps.ts';
import { SesCommand, type SesBox } from './ses-command.ts';

/** VerifyEmailIdentity for a new address, or to restart one that has Failed: set-up, judged by the reads after it. */
export class VerifyEmail extends SesCommand {
  constructor(readonly local: string) {
    super();
  }

  check(box: Readonly<SesBox>): boolean {
    return mayStartVerification(box.state, this.local, instant(box.lastSeen));
  }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    if (!mayStartVerification(box.state, this.local, instant(ctx.now()))) return; // time moved on since check()
    const restart = box.state.identities.has(this.local);
    const rule = restart ? 'SES.EMAIL.RESTART_AFTER_FAILED' : 'SES.EMAIL.PENDING_UNTIL_CLICKED';
    const result = await verifyEmailIdentity(ctx, ctx.naming.email(this.local), [rule]);
    expectSetup(ctx, rule, 'VerifyEmailIdentity', result, restart ? 'a Failed address can be verified again' : 'a new address is accepted for verification');
    box.state = verifyEmail(box.state, this.local, result.at);
  }

  toString(): string {
    return `VerifyEmailIdentity(${this.local})`;
  }
}

export const verifyEmailCommand = { arbitrary: emailLocal.map((local) => new VerifyEmail(local)) };
