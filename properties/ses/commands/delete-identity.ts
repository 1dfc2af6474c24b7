import { DeleteIdentityCommand } from '@aws-sdk/client-ses';
import { deleteIdentity } from '../../../models/ses/model.ts';
import { call } from '../../shared/call.ts';
import { expectSetup } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { poolName, type PoolName } from '../arbitraries.ts';
import { poolKey, readAttributes, realName, SesCommand, type SesBox } from './ses-command.ts';

/**
 * DeleteIdentity of an existing identity, then a read of it: gone. Read at once, so that an identity
 * the target kept is known before anything else is done with its name (a Verify call on it would
 * otherwise be judged as on a new identity, and charge the wrong rule).
 */
export class DeleteIdentity extends SesCommand {
  constructor(readonly name: PoolName) {
    super();
  }

  check(box: Readonly<SesBox>): boolean {
    return box.state.identities.has(poolKey(this.name));
  }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    const identity = realName(ctx, this.name);
    const result = await call(ctx, 'ses', new DeleteIdentityCommand({ Identity: identity }), ['SES.DELETE.REMOVES_IDENTITY']);
    expectSetup(ctx, 'SES.DELETE.REMOVES_IDENTITY', 'DeleteIdentity', result, 'an existing identity can be deleted');
    ctx.target.resources.remove(`ses:${identity}`);
    box.state = deleteIdentity(box.state, poolKey(this.name));
    ctx.brokeInStep = await readAttributes(box, ctx, [this.name]);
  }

  toString(): string {
    return `DeleteIdentity(${poolKey(this.name)})`;
  }
}

export const deleteIdentityCommand = { operations: ['DeleteIdentity'], arbitrary: poolName.map((name) => new DeleteIdentity(name)) };
