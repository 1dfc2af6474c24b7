import fc from 'fast-check';
import { untagIdentity } from '../../../models/pinpoint-email/model.ts';
import { expectSetup } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { fillers, POOL_KEYS, poolName, type PoolName } from '../arbitraries.ts';
import { untagResource } from '../steps.ts';
import { PinpointCommand, realName, type PinpointBox } from './pinpoint-command.ts';

/** UntagResource on an existing identity: keys it has, and keys it does not. */
export class UntagIdentity extends PinpointCommand {
  constructor(
    readonly name: PoolName,
    readonly keys: string[],
  ) {
    super();
  }

  check(box: Readonly<PinpointBox>): boolean {
    return box.state.identities.has(this.name.key);
  }

  protected touchesTagsOf() {
    return this.name;
  }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const result = await untagResource(ctx, realName(ctx, this.name), this.keys);
    expectSetup(ctx, 'PINPOINT.UNTAG.REMOVES', 'UntagResource', result, 'tag keys can be removed');
    box.state = untagIdentity(box.state, this.name.key, this.keys);
    this.listedAfter = 'UntagResource';
  }

  toString(): string {
    return `UntagResource(${this.name.key}, ${this.keys.length > 6 ? `${this.keys.length} keys` : JSON.stringify(this.keys)})`;
  }
}

export const untagIdentityCommand = {
  operations: ['UntagResource'],
  arbitrary: fc
    .tuple(poolName, fc.subarray([...POOL_KEYS], { minLength: 0 }), fc.constantFrom(0, 0, 1, 2, 10))
    .filter(([, keys, fill]) => keys.length + fill > 0)
    .map(([name, keys, fill]) => new UntagIdentity(name, [...keys, ...fillers(fill).map((t) => t.Key)])),
};
