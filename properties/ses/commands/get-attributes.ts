import fc from 'fast-check';
import { settleIdentity } from '../../../models/ses/model.ts';
import { checkThat, expectSuccess } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { ALL_POOL_NAMES, type PoolName } from '../arbitraries.ts';
import { checkAttributes, checkIdentity, getAttributes } from '../steps.ts';
import { poolKey, realName, SesCommand, type SesBox } from './ses-command.ts';

/** GetIdentityVerificationAttributes for pool names, existing or not: each one's status and token against the model. */
export class GetAttributes extends SesCommand {
  constructor(readonly names: PoolName[]) { super(); }

  check(): boolean { return true; }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    const real = this.names.map((name) => realName(ctx, name));
    const result = await getAttributes(ctx, real, ['SES.GIVA.RESPONSE_SHAPE']);
    const output = expectSuccess(ctx, 'SES.GIVA.MAX_IDENTITIES', 'GetIdentityVerificationAttributes', result, `${real.length} identities are within the limit of 100`);
    const attributes = checkAttributes(ctx, real, output);
    this.names.forEach((name, i) => {
      const key = poolKey(name);
      const identity = box.state.identities.get(key);
      if (identity) {
        checkIdentity(ctx, real[i], identity, attributes[real[i]], result.at);
        if (attributes[real[i]].VerificationStatus === 'Success') box.state = settleIdentity(box.state, key);
      } else {
        const rule = box.state.deleted.has(key) ? 'SES.DELETE.REMOVES_IDENTITY' : 'SES.GIVA.RESPONSE_SHAPE';
        checkThat(ctx, rule, 'GetIdentityVerificationAttributes', attributes[real[i]] === undefined, () => ({
          message: `${real[i]} does not exist${rule === 'SES.DELETE.REMOVES_IDENTITY' ? ' (it was deleted)' : ''} but has verification attributes`,
          expected: 'no entry',
          actual: JSON.stringify(attributes[real[i]]),
        }));
      }
    });
  }

  toString(): string { return `GetIdentityVerificationAttributes(${this.names.map(poolKey).join(', ')})`; }
}

export const getAttributesCommand = {
  arbitrary: fc.subarray(ALL_POOL_NAMES, { minLength: 1 }).map((names) => new GetAttributes(names)),
};
