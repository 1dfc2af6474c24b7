import { mayStartVerification, verifyDomain } from '../../../models/ses/model.ts';
import { VerifyDomainIdentityResponse } from '../../../models/ses/shapes.ts';
import { instant } from '../../../models/shared/clock.ts';
import { checkThat, expectSetup, sparing, stripMetadata } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { domainLabel } from '../arbitraries.ts';
import { verifyDomainIdentity } from '../steps.ts';
import { SesCommand, type SesBox } from './ses-command.ts';

/** VerifyDomainIdentity for a new domain, or to restart one that has Failed: its answer must carry the token. */
export class VerifyDomain extends SesCommand {
  constructor(readonly label: string) {
    super();
  }

  check(box: Readonly<SesBox>): boolean {
    return mayStartVerification(box.state, this.label, instant(box.lastSeen));
  }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    if (!mayStartVerification(box.state, this.label, instant(ctx.now()))) return;
    const restart = box.state.identities.has(this.label);
    const rule = restart ? 'SES.DOMAIN.RESTART_AFTER_FAILED' : 'SES.DOMAIN.PENDING_UNTIL_RECORD';
    const result = await verifyDomainIdentity(ctx, ctx.naming.domain(this.label), [rule, 'SES.VERIFY_DOMAIN.TOKEN_RETURNED']);
    const output = expectSetup(ctx, rule, 'VerifyDomainIdentity', result, 'the domain is accepted for verification');
    const parsed = VerifyDomainIdentityResponse.safeParse(stripMetadata(output));
    // Without a token the domain is still followed (its status rules do not need one): a tolerated break here leaves the model true.
    sparing(ctx, () =>
      checkThat(
        ctx,
        'SES.VERIFY_DOMAIN.TOKEN_RETURNED',
        'VerifyDomainIdentity',
        parsed.success,
        () => ({
          message: 'answered without a non-empty VerificationToken',
          expected: 'a VerificationToken (required by the response shape)',
          actual: JSON.stringify(stripMetadata(output)),
        }),
        restart ? 'restart after Failed → token' : 'new domain → token',
      ),
    );
    box.state = verifyDomain(box.state, this.label, parsed.success ? parsed.data.VerificationToken : undefined, result.at);
  }

  toString(): string {
    return `VerifyDomainIdentity(${this.label})`;
  }
}

export const verifyDomainCommand = { arbitrary: domainLabel.map((label) => new VerifyDomain(label)) };
