// The owner's side of verification, the same for every service: read the newest message the
// target sent to an address or number (inbox capability), and follow its link or take its code.
// A missing message breaks the rule that promised it; a message is no evidence by itself.
import type { RuleId } from '../../services/index.ts';
import { checkThat, stop } from './checks.ts';
import type { RunContext } from './context.ts';

async function newestMessage(ctx: RunContext, to: string, has: 'link' | 'code', ruleId: RuleId, operation: string) {
  const { oob } = ctx.target;
  ctx.note(oob.replay.readInbox(to));
  const message = await oob.latestMessage!(to);
  // The message is what the rule's flow starts from, not evidence for it: its absence breaks the
  // rule, its presence proves nothing until the link or code is seen to work (or not).
  if (!message?.[has]) {
    checkThat(ctx, ruleId, operation, false, () => ({
      message: `no verification ${has} was sent to ${to}`,
      expected: `a message with a verification ${has} in the inbox`,
      actual: message ? `a message without a ${has}: ${message.subject}` : 'no message',
    }));
    stop(`no verification ${has} reached ${to}`);
  }
  return message;
}

/** Follows the newest verification link sent to `address`, as its owner would. */
export async function followVerificationLink(ctx: RunContext, address: string, ruleId: RuleId, operation: string): Promise<void> {
  const { link } = await newestMessage(ctx, address, 'link', ruleId, operation);
  ctx.note(ctx.target.oob.replay.followLink(link!));
  await ctx.target.oob.followLink!(link!);
}

/** The newest verification code sent to `to`. */
export async function readVerificationCode(ctx: RunContext, to: string, ruleId: RuleId, operation: string): Promise<string> {
  return (await newestMessage(ctx, to, 'code', ruleId, operation)).code!;
}
