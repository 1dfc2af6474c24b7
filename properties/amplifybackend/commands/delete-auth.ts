import fc from 'fast-check';
import { settled } from '../../../models/amplifybackend/model.ts';
import { expectSetup } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { deleteAuth } from '../steps.ts';
import { AmplifyCommand, changed, envOf, type AmplifyBox } from './amplify-command.ts';

/** Deletes the auth resource: its job is waited for like any other (the delete answers its JobId). */
export class DeleteAuth extends AmplifyCommand {
  check(box: Readonly<AmplifyBox>): boolean {
    return box.state.auth !== undefined && settled(box.state);
  }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const result = await deleteAuth(ctx, envOf(ctx), ['AMPLIFY.JOB.STATUS']);
    const output = expectSetup(ctx, 'AMPLIFY.JOB.STATUS', 'DeleteBackendAuth', result, 'an existing auth resource can be deleted');
    await changed(ctx, box, 'DeleteBackendAuth', output.JobId || undefined, { kind: 'delete' });
  }

  toString(): string {
    return 'DeleteBackendAuth';
  }
}

export const deleteAuthCommand = { operations: ['DeleteBackendAuth'], arbitrary: fc.constant(null).map(() => new DeleteAuth()) };
