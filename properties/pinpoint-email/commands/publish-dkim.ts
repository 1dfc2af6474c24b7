import { confirmIdentity, mayConfirm } from '../../../models/pinpoint-email/model.ts';
import { dkimRecord } from '../../../models/pinpoint-email/shapes.ts';
import { instant } from '../../../models/shared/clock.ts';
import type { RunContext } from '../../shared/context.ts';
import { publishDns } from '../../shared/out-of-band.ts';
import { domainName, type PoolName } from '../arbitraries.ts';
import { PinpointCommand, realName, type PinpointBox } from './pinpoint-command.ts';

/** The CNAME record of each DKIM token, out of band (the domain lifecycle property publishes with it too). */
export async function publishDkimRecords(ctx: RunContext, domain: string, tokens: readonly string[]): Promise<void> {
  for (const token of tokens) await publishDns(ctx, dkimRecord(domain, token));
}

/** The owner publishes the DKIM CNAME records of every token: in time, or after the 72 hours. */
export class PublishDkim extends PinpointCommand {
  constructor(readonly name: PoolName) {
    super();
  }

  check(box: Readonly<PinpointBox>): boolean {
    return mayConfirm(box.state.identities.get(this.name.key), instant(box.lastSeen));
  }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const identity = box.state.identities.get(this.name.key);
    const before = ctx.now();
    if (!identity || !mayConfirm(identity, instant(before))) return;
    await publishDkimRecords(ctx, realName(ctx, this.name), identity.tokens);
    box.state = confirmIdentity(box.state, this.name.key, ctx.since(before));
  }

  toString(): string {
    return `PublishDkimRecords(${this.name.key})`;
  }
}

export const publishDkimCommand = { needs: ['dns'] as const, arbitrary: domainName.map((name) => new PublishDkim(name)) };
