// What a person does by hand beside the AWS API (move the clock, publish a DNS record), done on the
// target's out-of-band channel and written into the trace so the counterexample replays it.
import type { DnsRecord } from '../../harness/targets/target.ts';
import type { RunContext } from './context.ts';

/** Moves the target's clock forward (clock capability). */
export async function advanceClock(ctx: RunContext, ms: number): Promise<void> {
  ctx.note(ctx.target.oob.replay.advanceClock(ms));
  await ctx.target.oob.advanceClock!(ms);
}

/** Publishes a DNS record where the target looks (dns capability). */
export async function publishDns(ctx: RunContext, record: DnsRecord): Promise<void> {
  ctx.note(ctx.target.oob.replay.publishDns(record));
  await ctx.target.oob.publishDns!(record);
}
