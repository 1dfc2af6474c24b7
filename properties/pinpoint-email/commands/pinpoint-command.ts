// What every Pinpoint Email command shares: the model is keyed by pool names (check() has no
// target, so no real names); run() resolves a pool name to this run's real identity name, and
// after a step that may change an identity's tags, lists them and compares them with the model.
import { adoptTags, type PinpointModel } from '../../../models/pinpoint-email/model.ts';
import type { TagInput } from '../../../models/shared/tags.ts';
import type { RunContext } from '../../shared/context.ts';
import { BaseCommand, type ModelBox } from '../../shared/model-run.ts';
import type { PoolName } from '../arbitraries.ts';
import { checkListedTags } from '../steps.ts';

export type PinpointBox = ModelBox<PinpointModel>;

export const realName = (ctx: RunContext, name: PoolName) => (name.kind === 'email' ? ctx.naming.email(name.key) : ctx.naming.domain(name.key));

/** Tags as a command's toString() shows them: a long list (the fillers) by its length only. */
export const show = (tags: readonly TagInput[]) => (tags.length > 6 ? `${tags.length} tags` : JSON.stringify(tags));

export abstract class PinpointCommand extends BaseCommand<PinpointModel> {
  /** What the tag listing after this step follows, as the report names it (set by execute). */
  protected listedAfter = 'ListTagsForResource';
  /** That step was a rejected request (set by execute): the listing shows it changed nothing. */
  protected listedAfterRejection = false;

  /** The pool name whose tags this step may have changed, if any. */
  protected touchesTagsOf(): PoolName | undefined {
    return undefined;
  }

  /**
   * The tags as ListTagsForResource shows them after every step that may change them. A
   * discrepancy already found failing re-bases the model on the listing, so the run goes on.
   */
  protected override async afterStep(box: PinpointBox, ctx: RunContext): Promise<void> {
    const touched = this.touchesTagsOf();
    const identity = touched && box.state.identities.get(touched.key);
    if (!touched || !identity) return;
    const brokeBefore = ctx.brokeInStep;
    const tags = await checkListedTags(ctx, realName(ctx, touched), identity.tags, this.listedAfter, this.listedAfterRejection);
    if (tags === identity.tags) return;
    box.state = adoptTags(box.state, touched.key, tags);
    ctx.brokeInStep = brokeBefore;
  }
}
