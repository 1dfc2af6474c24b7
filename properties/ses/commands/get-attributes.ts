import fc from 'fast-check';
import type { RunContext } from '../../shared/context.ts';
import { ALL_POOL_NAMES, type PoolName } from '../arbitraries.ts';
import { poolKey, readAttributes, SesCommand, type SesBox } from './ses-command.ts';

/** GetIdentityVerificationAttributes for pool names, existing or not. */
export class GetAttributes extends SesCommand {
  constructor(readonly names: PoolName[]) {
    super();
  }

  check(): boolean {
    return true;
  }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    // Every other break of a rule already found failing was followed by adopting the target's answer
    // (or left the model untouched: a token, an enum value, an extra entry), so later steps go on.
    ctx.brokeInStep = await readAttributes(box, ctx, this.names);
  }

  toString(): string {
    return `GetIdentityVerificationAttributes(${this.names.map(poolKey).join(', ')})`;
  }
}

export const getAttributesCommand = {
  arbitrary: fc.subarray(ALL_POOL_NAMES, { minLength: 1 }).map((names) => new GetAttributes(names)),
};
