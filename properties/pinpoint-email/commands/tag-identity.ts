import fc from 'fast-check';
import { tagIdentity, tagViolationsFor } from '../../../models/pinpoint-email/model.ts';
import { keysAfter, type TagInput } from '../../../models/shared/tags.ts';
import { expectRejected } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { fillerCount, fillers, poolName, poolTags, type PoolName } from '../arbitraries.ts';
import { describeViolation, expectAccepted, hasCaseVariants, refusalRule, TAG_RULE, tagResource } from '../steps.ts';
import { PinpointCommand, realName, show, type PinpointBox } from './pinpoint-command.ts';

/**
 * TagResource on an existing identity: accepted when the documented restrictions hold (counting
 * the tags it has), rejected, and judged by that restriction, when exactly one is broken.
 */
export class TagIdentity extends PinpointCommand {
  constructor(
    readonly name: PoolName,
    readonly tags: TagInput[],
  ) {
    super();
  }

  check(box: Readonly<PinpointBox>): boolean {
    const identity = box.state.identities.get(this.name.key);
    if (!identity) return false;
    // Two broken restrictions at once would leave a rejection's cause unknown; so would a count
    // over 50 only if keys that differ in case are counted apart.
    const violations = tagViolationsFor(identity, this.tags);
    return violations.length <= 1 && !(violations[0] === 'count' && hasCaseVariants(keysAfter(identity.tags, this.tags)));
  }

  protected touchesTagsOf() {
    return this.name;
  }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const identity = box.state.identities.get(this.name.key)!;
    const real = realName(ctx, this.name);
    const existing = new Set(identity.tags.tags.keys());
    const [violation] = tagViolationsFor(identity, this.tags);
    if (violation) {
      const rule = TAG_RULE[violation]!;
      const result = await tagResource(ctx, real, this.tags, [rule]);
      const what = describeViolation(violation, this.tags, existing);
      expectRejected(ctx, rule, 'TagResource', result, `tags that break one restriction (${what}) are rejected`, undefined, `TagResource: ${what} → rejected`);
      this.listedAfter = 'rejected TagResource';
      this.listedAfterRejection = true;
      return;
    }
    // A refused valid request with no limit in it: the re-tag or the case it tried.
    const otherwise = refusalRule(this.tags, existing);
    const result = await tagResource(ctx, real, this.tags, [otherwise]);
    expectAccepted(ctx, 'TagResource', result, this.tags, existing, otherwise);
    box.state = tagIdentity(box.state, this.name.key, this.tags);
    this.listedAfter = 'TagResource';
    this.listedAfterRejection = false;
  }

  toString(): string {
    return `TagResource(${this.name.key}, ${show(this.tags)})`;
  }
}

/** Valid tags, or (with the fillers) more than the identity may have: the other restrictions are the stateless property's. */
export const tagIdentityCommand = {
  arbitrary: fc.tuple(poolName, poolTags, fillerCount).map(([name, tags, fill]) => new TagIdentity(name, [...tags, ...fillers(fill)])),
};
