import { DeleteEmailIdentityCommand } from '@aws-sdk/client-pinpoint-email';
import { deleteIdentity } from '../../../models/pinpoint-email/model.ts';
import { call } from '../../shared/call.ts';
import { expectSetup } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { poolName, type PoolName } from '../arbitraries.ts';
import { PinpointCommand, realName, type PinpointBox } from './pinpoint-command.ts';

/** DeleteEmailIdentity of an existing identity. */
export class DeleteIdentity extends PinpointCommand {
  constructor(readonly name: PoolName) {
    super();
  }

  check(box: Readonly<PinpointBox>): boolean {
    return box.state.identities.has(this.name.key);
  }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const real = realName(ctx, this.name);
    const result = await call(ctx, 'pinpoint-email', new DeleteEmailIdentityCommand({ EmailIdentity: real }), ['PINPOINT.DELETE.REMOVES_IDENTITY']);
    expectSetup(ctx, 'PINPOINT.DELETE.REMOVES_IDENTITY', 'DeleteEmailIdentity', result, 'an existing identity can be deleted');
    ctx.target.resources.remove(`pinpoint-email:${real}`);
    box.state = deleteIdentity(box.state, this.name.key);
  }

  toString(): string {
    return `DeleteEmailIdentity(${this.name.key})`;
  }
}

export const deleteIdentityCommand = { operations: ['DeleteEmailIdentity'], arbitrary: poolName.map((name) => new DeleteIdentity(name)) };
