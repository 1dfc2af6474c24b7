import fc from 'fast-check';
import { signedIn, tokenState } from '../../../models/cognito-idp/model.ts';
import { instant } from '../../../models/shared/clock.ts';
import type { RunContext } from '../../shared/context.ts';
import { sessionOf, signIn } from '../steps.ts';
import { CognitoCommand, type CognitoBox } from './cognito-command.ts';

/** InitiateAuth again: a fresh access token. */
export class SignIn extends CognitoCommand {
  check(box: Readonly<CognitoBox>): boolean {
    return tokenState(box.state, instant(box.lastSeen)) !== 'valid';
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const result = await signIn(ctx, sessionOf(ctx), ['COGNITO.AUTH.EXPIRED_TOKEN']);
    box.state = signedIn(box.state, result.at);
  }

  toString(): string {
    return 'InitiateAuth(USER_PASSWORD_AUTH)';
  }
}

export const signInCommand = { arbitrary: fc.constant(null).map(() => new SignIn()) };
