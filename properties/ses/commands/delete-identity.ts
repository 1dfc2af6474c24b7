import { DeleteIdentityCommand } from '@aws-sdk/client-ses';
import { deleteIdentity } from '../../../models/ses/model.ts';
import { call } from '../../shared/call.ts';
import { expectSuccess } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { poolName, type PoolName } from '../arbitraries.ts';
import { poolKey, realName, SesCommand, type SesBox } from './ses-command.ts';

/** DeleteIdentity of an existing identity: afterwards it is gone from List and GetAttributes. */
export class DeleteIdentity extends SesCommand {
  constructor(readonly name: PoolName) { super(); }

  check(box: Readonly<SesBox>): boolean { return box.state.identities.has(poolKey(this.name)); }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    const identity = realName(ctx, this.name);
    const result = await call(ctx, 'ses', new DeleteIdentityCommand({ Identity: identity }), ['SES.DELETE.REMOVES_IDENTITY']);
    expectSuccess(ctx, 'SES.DELETE.REMOVES_IDENTITY', 'DeleteIdentity', result, 'an existing identity can be deleted');
    ctx.target.resources.remove(`ses:${identity}`);
    box.state = deleteIdentity(box.state, poolKey(this.name));
  }

  toString(): string { return `DeleteIdentity(${poolKey(this.name)})`; }
}

export const deleteIdentityCommand = { operations: ['DeleteIdentity'], arbitrary: poolName.map((name) => new DeleteIdentity(name)) };
