import { mayStartVerification, verifyDomain } from '../../../models/ses/model.ts';
import { VerifyDomainIdentityResponse } from '../../../models/ses/shapes.ts';
import { instant } from '../../../models/shared/clock.ts';
import { expectShape, expectSuccess } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { domainLabel } from '../arbitraries.ts';
import { verifyDomainIdentity } from '../steps.ts';
import { SesCommand, type SesBox } from './ses-command.ts';

/** VerifyDomainIdentity for a new domain, or to restart one that has Failed. */
export class VerifyDomain extends SesCommand {
  constructor(readonly label: string) { super(); }

  check(box: Readonly<SesBox>): boolean {
    return mayStartVerification(box.state, this.label, instant(box.lastSeen));
  }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    if (!mayStartVerification(box.state, this.label, instant(ctx.now()))) return;
    const restart = box.state.identities.has(this.label);
    const rule = restart ? 'SES.DOMAIN.RESTART_AFTER_FAILED' : 'SES.DOMAIN.PENDING_UNTIL_RECORD';
    const result = await verifyDomainIdentity(ctx, ctx.naming.domain(this.label), [rule, 'SES.VERIFY_DOMAIN.TOKEN_RETURNED']);
    const output = expectSuccess(ctx, rule, 'VerifyDomainIdentity', result, 'the domain is accepted for verification');
    const { VerificationToken } = expectShape(ctx, 'SES.VERIFY_DOMAIN.TOKEN_RETURNED', 'VerifyDomainIdentity', VerifyDomainIdentityResponse, output);
    box.state = verifyDomain(box.state, this.label, VerificationToken, result.at);
  }

  toString(): string { return `VerifyDomainIdentity(${this.label})`; }
}

export const verifyDomainCommand = { arbitrary: domainLabel.map((label) => new VerifyDomain(label)) };
