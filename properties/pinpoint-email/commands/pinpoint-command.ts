// What every Pinpoint Email command shares: the model is keyed by pool names (check() has no
// target, so no real names); run() resolves a pool name to this run's real identity name, and
// after a step that may change an identity's tags, lists them: at most 50, unique keys, and
// exactly the model's, after every such step.
import type { PinpointModel } from '../../../models/pinpoint-email/model.ts';
import type { RunContext } from '../../shared/context.ts';
import { BaseCommand, type ModelBox } from '../../shared/model-run.ts';
import type { PoolName } from '../arbitraries.ts';
import { checkListedTags } from '../steps.ts';

export type PinpointBox = ModelBox<PinpointModel>;

export const realName = (ctx: RunContext, name: PoolName) => (name.kind === 'email' ? ctx.naming.email(name.key) : ctx.naming.domain(name.key));

export abstract class PinpointCommand extends BaseCommand<PinpointModel> {
  /** The pool name whose tags this step may have changed, if any. */
  protected touchesTagsOf(): PoolName | undefined {
    return undefined;
  }

  /** The 50-tag limit and key uniqueness, as ListTagsForResource shows them after every step that may change tags. */
  protected override async afterStep(box: PinpointBox, ctx: RunContext): Promise<void> {
    const touched = this.touchesTagsOf();
    const identity = touched && box.state.identities.get(touched.key);
    if (touched && identity) await checkListedTags(ctx, realName(ctx, touched), identity.tags);
  }
}
