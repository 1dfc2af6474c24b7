import fc from 'fast-check';
import { signedOut, tokenState } from '../../../models/cognito-idp/model.ts';
import { instant } from '../../../models/shared/clock.ts';
import type { RunContext } from '../../shared/context.ts';
import { globalSignOut, sessionOf } from '../steps.ts';
import { CognitoCommand, type CognitoBox } from './cognito-command.ts';

/** GlobalSignOut: the access token is revoked. */
export class SignOut extends CognitoCommand {
  check(box: Readonly<CognitoBox>): boolean {
    return tokenState(box.state, instant(box.lastSeen)) === 'valid';
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    if (tokenState(box.state, instant(ctx.now())) !== 'valid') return;
    await globalSignOut(ctx, sessionOf(ctx));
    box.state = signedOut(box.state);
  }

  toString(): string {
    return 'GlobalSignOut';
  }
}

export const signOutCommand = { operations: ['GlobalSignOut'], arbitrary: fc.constant(null).map(() => new SignOut()) };
