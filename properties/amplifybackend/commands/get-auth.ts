import fc from 'fast-check';
import { authRead, authRebased, settled } from '../../../models/amplifybackend/model.ts';
import type { RunContext } from '../../shared/context.ts';
import { checkGetAuth, expectNotFound, getAuth } from '../steps.ts';
import { AmplifyCommand, envOf, type AmplifyBox } from './amplify-command.ts';

export class GetAuth extends AmplifyCommand {
  // A read is judged only with no change waiting on its job.
  check(box: Readonly<AmplifyBox>): boolean {
    return settled(box.state);
  }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const env = envOf(ctx);
    if (box.state.auth) {
      const answer = await checkGetAuth(ctx, env, box.state.auth);
      // A deviation already found: later steps judge from what the target now holds.
      box.state = ctx.brokeInStep ? authRebased(box.state, answer) : authRead(box.state, answer);
      ctx.brokeInStep = false;
      return;
    }
    const result = await getAuth(ctx, env, ['AMPLIFY.ERRORS.NOT_FOUND']);
    expectNotFound(
      ctx,
      'GetBackendAuth',
      result,
      'the auth resource (never created, or deleted)',
      'GetBackendAuth of an unknown auth resource → NotFoundException',
    );
  }

  toString(): string {
    return 'GetBackendAuth';
  }
}

export const getAuthCommand = { arbitrary: fc.constant(null).map(() => new GetAuth()) };
