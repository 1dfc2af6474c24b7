import { UntagResourceCommand } from '@aws-sdk/client-pinpoint-email';
import fc from 'fast-check';
import { tagIdentity, tagViolationsFor, untagIdentity } from '../../../models/pinpoint-email/model.ts';
import type { TagInput } from '../../../models/shared/tags.ts';
import { call } from '../../shared/call.ts';
import type { RunContext } from '../../shared/context.ts';
import { brokenTag, fillerCount, fillers, POOL_KEYS, poolName, poolTags, TAG_BREAKS, type PoolName, type TagBreak } from '../arbitraries.ts';
import { arnOf, expectDocumentedRejection, expectDocumentedSuccess, TAG_RULE, tagResource } from '../steps.ts';
import { PinpointCommand, realName, type PinpointBox } from './pinpoint-command.ts';

const show = (tags: readonly TagInput[]) => (tags.length > 6 ? `${tags.length} tags` : JSON.stringify(tags));

/** TagResource on an existing identity: accepted when the documented restrictions hold (counting the tags it has), rejected otherwise. */
export class TagIdentity extends PinpointCommand {
  constructor(readonly name: PoolName, readonly tags: TagInput[]) { super(); }

  check(box: Readonly<PinpointBox>): boolean { return box.state.identities.has(this.name.key); }

  protected touchesTagsOf() { return this.name; }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const identity = box.state.identities.get(this.name.key)!;
    const real = realName(ctx, this.name);
    const violations = tagViolationsFor(identity, this.tags);
    const rule = violations.length ? TAG_RULE[violations[0]] : 'PINPOINT.TAGS.LIST_MATCHES';
    const result = await tagResource(ctx, real, this.tags, [rule]);
    if (violations.length) {
      expectDocumentedRejection(ctx, rule, 'TagResource', result, `tags that break the documented restrictions (${violations.join(', ')}) are rejected`);
      return;
    }
    expectDocumentedSuccess(ctx, 'PINPOINT.TAGS.MAX_50', 'TagResource', result, 'valid tags that leave the identity with at most 50 are accepted');
    box.state = tagIdentity(box.state, this.name.key, this.tags);
  }

  toString(): string { return `TagResource(${this.name.key}, ${show(this.tags)})`; }
}

export const tagIdentityCommand = {
  arbitrary: fc
    .tuple(poolName, poolTags, fillerCount, fc.option(fc.constantFrom(...TAG_BREAKS.filter((b): b is Exclude<TagBreak, 'count'> => b !== 'count')), { freq: 5, nil: undefined }))
    .chain(([name, tags, fill, broken]) =>
      (broken ? brokenTag(broken).map((t) => [t]) : fc.constant([] as TagInput[])).map(
        (extra) => new TagIdentity(name, [...tags.filter((t) => !extra.some((e) => e.Key === t.Key)), ...fillers(fill), ...extra]),
      ),
    ),
};

/** UntagResource on an existing identity: keys it has, and keys it does not. */
export class UntagIdentity extends PinpointCommand {
  constructor(readonly name: PoolName, readonly keys: string[]) { super(); }

  check(box: Readonly<PinpointBox>): boolean { return box.state.identities.has(this.name.key); }

  protected touchesTagsOf() { return this.name; }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const real = realName(ctx, this.name);
    const result = await call(ctx, 'pinpoint-email', new UntagResourceCommand({ ResourceArn: arnOf(ctx, real), TagKeys: this.keys }), ['PINPOINT.UNTAG.REMOVES']);
    expectDocumentedSuccess(ctx, 'PINPOINT.UNTAG.REMOVES', 'UntagResource', result, 'tag keys can be removed');
    box.state = untagIdentity(box.state, this.name.key, this.keys);
  }

  toString(): string { return `UntagResource(${this.name.key}, ${this.keys.length > 6 ? `${this.keys.length} keys` : JSON.stringify(this.keys)})`; }
}

export const untagIdentityCommand = {
  operations: ['UntagResource'],
  arbitrary: fc
    .tuple(poolName, fc.subarray([...POOL_KEYS], { minLength: 0 }), fc.constantFrom(0, 0, 1, 2, 10))
    .filter(([, keys, fill]) => keys.length + fill > 0)
    .map(([name, keys, fill]) => new UntagIdentity(name, [...keys, ...fillers(fill).map((t) => t.Key)])),
};

/** ListTagsForResource alone (the invariants and the equality are checked by the base command). */
export class ListTags extends PinpointCommand {
  constructor(readonly name: PoolName) { super(); }

  check(box: Readonly<PinpointBox>): boolean { return box.state.identities.has(this.name.key); }

  protected touchesTagsOf() { return this.name; }

  protected async execute(): Promise<void> {}

  toString(): string { return `ListTagsForResource(${this.name.key})`; }
}

export const listTagsCommand = { arbitrary: poolName.map((name) => new ListTags(name)) };
