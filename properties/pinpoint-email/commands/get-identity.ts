import { markVerifiedEarly, settleIdentity } from '../../../models/pinpoint-email/model.ts';
import type { RuleId } from '../../../services/index.ts';
import { checkThat, expectSetup, sparing } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { poolName, type PoolName } from '../arbitraries.ts';
import { checkIdentityAnswer, checkVerification, expectDeleted, expectNotFound, getEmailIdentity } from '../steps.ts';
import { PinpointCommand, realName, type PinpointBox } from './pinpoint-command.ts';

/** GetEmailIdentity of any pool name: an existing one against the model, a deleted or never-created one NotFoundException. */
export class GetIdentity extends PinpointCommand {
  constructor(readonly name: PoolName) {
    super();
  }

  check(): boolean {
    return true;
  }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const real = realName(ctx, this.name);
    const identity = box.state.identities.get(this.name.key);
    const deleted = !identity && box.state.deleted.has(this.name.key);
    const rules: RuleId[] = identity
      ? ['PINPOINT.IDENTITY.TYPE']
      : deleted
        ? ['PINPOINT.DELETE.REMOVES_IDENTITY', 'PINPOINT.GET.NOT_FOUND']
        : ['PINPOINT.GET.NOT_FOUND'];
    const result = await getEmailIdentity(ctx, real, rules);
    if (!identity) {
      if (!deleted) return expectNotFound(ctx, real, result, 'never-created identity');
      // Still answered (a failure already found): the model keeps it deleted; later reads are the same deviation.
      sparing(ctx, () => expectDeleted(ctx, real, result));
      return;
    }
    const output = expectSetup(ctx, 'PINPOINT.IDENTITY.TYPE', 'GetEmailIdentity', result, `${real} exists`);
    // The answer's checks leave the model as true as before (it settles a verification seen, marks
    // one seen too early): a tolerated break in them does not end the step.
    const seen = sparing(ctx, () => {
      const checked = checkIdentityAnswer(ctx, 'GetEmailIdentity', real, this.name.kind, output);
      if (identity.kind === 'domain') {
        const tokens = checked.answer.DkimAttributes?.Tokens ?? [];
        const same = JSON.stringify([...tokens].sort()) === JSON.stringify([...identity.tokens].sort());
        checkThat(
          ctx,
          'PINPOINT.DKIM.DOMAIN_TOKENS',
          'GetEmailIdentity',
          same,
          () => ({
            message: `${real} answers other DKIM tokens than CreateEmailIdentity gave`,
            expected: JSON.stringify(identity.tokens),
            actual: JSON.stringify(tokens),
          }),
          'GetEmailIdentity: domain → the tokens CreateEmailIdentity gave',
        );
      }
      return checkVerification(ctx, 'GetEmailIdentity', real, identity, checked, result.at);
    });
    if (seen.phase === 'verified') box.state = settleIdentity(box.state, this.name.key);
    if (seen.verifiedEarly) box.state = markVerifiedEarly(box.state, this.name.key);
  }

  toString(): string {
    return `GetEmailIdentity(${this.name.key})`;
  }
}

export const getIdentityCommand = { arbitrary: poolName.map((name) => new GetIdentity(name)) };
