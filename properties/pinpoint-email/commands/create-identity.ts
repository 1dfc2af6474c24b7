import fc from 'fast-check';
import { createIdentity, markVerifiedEarly } from '../../../models/pinpoint-email/model.ts';
import type { TagInput } from '../../../models/shared/tags.ts';
import { expectSetup, sparing } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { fillers, poolName, poolTags, type PoolName } from '../arbitraries.ts';
import { checkIdentityAnswer, checkVerification, createEmailIdentity, expectAccepted, refusalRule } from '../steps.ts';
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
    // The rule a refusal breaks: the tags' where they are the point (the tag property's create), else the create's.
    const rule = !this.setUp ? 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE' : this.tags.length ? refusalRule(this.tags, new Set()) : 'PINPOINT.TAGS.LIST_MATCHES';
    const result = await createEmailIdentity(ctx, real, this.tags, [rule]);
    const output = this.tags.length
      ? expectAccepted(ctx, 'CreateEmailIdentity', result, this.tags, new Set(), rule)
      : expectSetup(ctx, rule, 'CreateEmailIdentity', result, `a new ${this.name.kind} identity is accepted`);
    if (this.setUp) {
      box.state = createIdentity(box.state, this.name.key, this.name.kind, [], this.tags, result.at);
      return;
    }
    // The answer's checks leave the model as true as before: it is built from the tokens answered
    // and marks a verification seen too early, so a tolerated break in them does not end the step.
    const checked = sparing(ctx, () => checkIdentityAnswer(ctx, 'CreateEmailIdentity', real, this.name.kind, output));
    box.state = createIdentity(box.state, this.name.key, this.name.kind, checked.answer.DkimAttributes?.Tokens ?? [], this.tags, result.at);
    const seen = sparing(ctx, () => checkVerification(ctx, 'CreateEmailIdentity', real, box.state.identities.get(this.name.key)!, checked, result.at));
    if (seen.verifiedEarly) box.state = markVerifiedEarly(box.state, this.name.key);
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
