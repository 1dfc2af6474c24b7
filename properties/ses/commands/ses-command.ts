// What every SES command shares: the model is keyed by pool names (check() has no target, so no
// real names); run() resolves a pool name to this run's real identity name. The read of identities'
// attributes is here too: GetAttributes and DeleteIdentity both judge the target by it.
import { adoptStatus, seenFailed, settleIdentity, type SesModel } from '../../../models/ses/model.ts';
import { expectSetup, judge, stop } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { BaseCommand, type ModelBox } from '../../shared/model-run.ts';
import { ALL_POOL_NAMES, type PoolName } from '../arbitraries.ts';
import { checkAttributes, checkIdentity } from '../attributes.ts';
import { getAttributes } from '../steps.ts';

export type SesBox = ModelBox<SesModel>;

export const poolKey = (name: PoolName) => (name.kind === 'email' ? name.local : name.label);

export const realName = (ctx: RunContext, name: PoolName) => (name.kind === 'email' ? ctx.naming.email(name.local) : ctx.naming.domain(name.label));

export abstract class SesCommand extends BaseCommand<SesModel> {}

const GIVA = 'GetIdentityVerificationAttributes';

/**
 * Reads `names` (existing or not) with GetIdentityVerificationAttributes: each one's status and
 * token against the model. Where a rule already found failing broke, the model adopts what the
 * target reported, so the steps after this one still judge the other rules. Returns whether a
 * break left the model unable to follow the target (an identity it does not know of).
 */
export async function readAttributes(box: SesBox, ctx: RunContext, names: readonly PoolName[]): Promise<boolean> {
  const real = names.map((name) => realName(ctx, name));
  const result = await getAttributes(ctx, real, ['SES.GIVA.MAX_IDENTITIES', 'SES.GIVA.RESPONSE_SHAPE']);
  // A read, no evidence in itself; refusing a few identities breaks "up to 100 are accepted".
  const output = expectSetup(ctx, 'SES.GIVA.MAX_IDENTITIES', GIVA, result, `${real.length} identities (at most 100) are answered`);
  const unrequested = ALL_POOL_NAMES.filter((name) => box.state.identities.has(poolKey(name)) && !names.some((asked) => poolKey(asked) === poolKey(name)));
  const attributes = checkAttributes(
    ctx,
    real,
    output,
    unrequested.map((name) => realName(ctx, name)),
  );
  // A break the model cannot follow (an identity it does not know of) ends the run after this step.
  let lost = false;
  /** Names never created in this run that the answer nevertheless has an entry for. */
  const unknown: string[] = [];
  names.forEach((name, i) => {
    const key = poolKey(name);
    const reported = attributes[real[i]!];
    const identity = box.state.identities.get(key);
    if (identity) {
      const adopt = checkIdentity(ctx, real[i]!, identity, reported, result.at);
      if (adopt) box.state = adoptStatus(box.state, key, name.kind, adopt, result.at);
      else if (reported?.VerificationStatus === 'Success') box.state = settleIdentity(box.state, key);
      if (reported?.VerificationStatus === 'Failed') box.state = seenFailed(box.state, key);
    } else if (box.state.deleted.has(key)) {
      const gone = judge(
        ctx,
        'SES.DELETE.REMOVES_IDENTITY',
        GIVA,
        reported === undefined,
        () => ({
          message: `${real[i]} was deleted but still has verification attributes`,
          expected: 'no entry',
          actual: JSON.stringify(reported),
        }),
        `deleted ${name.kind} → no entry`,
      );
      // Still there to this read, while other answers (ListIdentities) may rightly say it is gone:
      // the model cannot tell which, and taking either side would charge this same break to
      // another rule. The run ends after this step.
      if (!gone) lost = true;
    } else if (reported !== undefined) unknown.push(real[i]!);
  });
  // The documents do not say what a requested identity that was never created is answered with:
  // an entry for one breaks no rule, but the model, which does not know it, cannot go on.
  if (unknown.length) stop(`${unknown.join(', ')}, never created, answered with verification attributes: the model cannot follow`);
  return lost;
}
