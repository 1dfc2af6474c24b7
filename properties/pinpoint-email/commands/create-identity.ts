import fc from 'fast-check';
import { createIdentity, markVerifiedEarly } from '../../../models/pinpoint-email/model.ts';
import type { TagInput } from '../../../models/shared/tags.ts';
import { expectSetup } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { fillers, poolName, poolTags, type PoolName } from '../arbitraries.ts';
import { checkIdentityAnswer, checkVerification, createEmailIdentity, expectAccepted } from '../steps.ts';
import { PinpointCommand, realName, show, type PinpointBox } from './pinpoint-command.ts';

/**
 * CreateEmailIdentity of a pool name that does not exist (again after a delete), with valid tags.
 * `setUp`: only the tags that follow are observed, not the answer (the tag property's create).
 */
export class CreateIdentity extends PinpointCommand {
  constructor(
    readonly name: PoolName,
    readonly tags: TagInput[],
    readonly setUp = false,
  ) {
    super();
  }

  check(box: Readonly<PinpointBox>): boolean {
    return !box.state.identities.has(this.name.key);
  }

  protected touchesTagsOf() {
    return this.tags.length ? this.name : undefined;
  }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const real = realName(ctx, this.name);
    this.listedAfter = 'CreateEmailIdentity';
    const rule = 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE';
    const result = await createEmailIdentity(ctx, real, this.tags, [rule]);
    const output = this.tags.length
      ? expectAccepted(ctx, 'CreateEmailIdentity', result, this.tags, new Set(), this.setUp ? 'PINPOINT.TAGS.CHARACTERS' : rule)
      : expectSetup(ctx, this.setUp ? 'PINPOINT.TAGS.LIST_MATCHES' : rule, 'CreateEmailIdentity', result, `a new ${this.name.kind} identity is accepted`);
    if (this.setUp) {
      box.state = createIdentity(box.state, this.name.key, this.name.kind, [], this.tags, result.at);
      return;
    }
    const checked = checkIdentityAnswer(ctx, 'CreateEmailIdentity', real, this.name.kind, output);
    box.state = createIdentity(box.state, this.name.key, this.name.kind, checked.answer.DkimAttributes?.Tokens ?? [], this.tags, result.at);
    const seen = checkVerification(ctx, 'CreateEmailIdentity', real, box.state.identities.get(this.name.key)!, checked, result.at);
    if (seen.verifiedEarly) box.state = markVerifiedEarly(box.state, this.name.key);
    // Re-based: nothing the model goes on with rests on a deviating part of the answer.
    ctx.brokeInStep = false;
  }

  toString(): string {
    return `CreateEmailIdentity(${this.name.key}, ${show(this.tags)})`;
  }
}

export const createIdentityCommand = { arbitrary: poolName.map((name) => new CreateIdentity(name, [])) };

/** The tag property's create: valid tags, its answer not observed. */
export const createTaggedCommand = {
  arbitrary: fc
    .tuple(poolName, poolTags, fc.constantFrom(0, 0, 1, 46, 47))
    .map(([name, tags, fill]) => new CreateIdentity(name, [...tags, ...fillers(fill)], true)),
};
