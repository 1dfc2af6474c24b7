import fc from 'fast-check';
import { settled } from '../../../models/amplifybackend/model.ts';
import { setUp } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { deleteAuth } from '../steps.ts';
import { AmplifyCommand, changed, envOf, LIFECYCLE_WATCH, type AmplifyBox } from './amplify-command.ts';

/** Deletes the auth resource: its job is waited for like any other (the delete answers its JobId). */
export class DeleteAuth extends AmplifyCommand {
  check(box: Readonly<AmplifyBox>): boolean {
    return box.state.auth !== undefined && settled(box.state);
  }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const result = await deleteAuth(ctx, envOf(ctx), LIFECYCLE_WATCH.rules);
    // No rule states what DeleteBackendAuth answers: a refusal leaves the rest unjudged (error), charged to no rule.
    const output = setUp(ctx, LIFECYCLE_WATCH.rules, 'DeleteBackendAuth', result);
    await changed(ctx, box, 'DeleteBackendAuth', output.JobId || undefined, { kind: 'delete' });
  }

  toString(): string {
    return 'DeleteBackendAuth';
  }
}

export const deleteAuthCommand = { operations: ['DeleteBackendAuth'], arbitrary: fc.constant(null).map(() => new DeleteAuth()) };
