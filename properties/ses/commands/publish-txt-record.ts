import { mayConfirm, publishToken, txtRecordName } from '../../../models/ses/model.ts';
import { instant } from '../../../models/shared/clock.ts';
import type { RunContext } from '../../shared/context.ts';
import { publishDns } from '../../shared/out-of-band.ts';
import { domainLabel } from '../arbitraries.ts';
import { SesCommand, type SesBox } from './ses-command.ts';

/** The owner publishes the `_amazonses` TXT record with the domain's token: in time, or after the 72 hours. */
export class PublishTxtRecord extends SesCommand {
  constructor(readonly label: string) {
    super();
  }

  check(box: Readonly<SesBox>): boolean {
    const identity = box.state.identities.get(this.label);
    return identity?.kind === 'domain' && identity.token !== undefined && mayConfirm(identity, instant(box.lastSeen));
  }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    const identity = box.state.identities.get(this.label);
    const before = ctx.now();
    // Without a token from VerifyDomainIdentity there is no record to publish.
    if (identity?.kind !== 'domain' || identity.token === undefined || !mayConfirm(identity, instant(before))) return;
    await publishDns(ctx, { name: txtRecordName(ctx.naming.domain(this.label)), type: 'TXT', value: identity.token });
    box.state = publishToken(box.state, this.label, identity.token, ctx.since(before));
  }

  toString(): string {
    return `PublishTxtRecord(${this.label})`;
  }
}

export const publishTxtRecordCommand = { needs: ['dns'] as const, arbitrary: domainLabel.map((label) => new PublishTxtRecord(label)) };
