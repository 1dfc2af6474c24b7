import fc from 'fast-check';
import { adoptVerified } from '../../../models/cognito-idp/model.ts';
import { expectSetup } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { checkUser, getUser } from '../steps.ts';
import { CognitoCommand, type CognitoBox } from './cognito-command.ts';

/**
 * GetUser: the verified flags are what the calls so far make them; a flag seen "true" is noted (a
 * later change of that value is then judged as unverifying it). A GetUser whose flags broke a
 * rule already found failing adopts what it showed (re-basing), so the run goes on checking the
 * other rules.
 */
export class GetUser extends CognitoCommand {
  check(box: Readonly<CognitoBox>): boolean {
    return this.tokenJudgeable(box);
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const { usable, result } = await this.withToken(box, ctx, 'GetUser', (token) => getUser(ctx, token, ['COGNITO.VERIFY.CODE_ACCEPTED']));
    if (!usable) return;
    const output = expectSetup(ctx, 'COGNITO.VERIFY.CODE_ACCEPTED', 'GetUser', result!, 'a signed-in user can read their attributes');
    const { model, diverged } = checkUser(ctx, box.state, output);
    box.state = model;
    if (diverged.size === 0) return;
    for (const [attribute, flag] of diverged) box.state = adoptVerified(box.state, attribute, flag === 'true');
    ctx.brokeInStep = false;
  }

  toString(): string {
    return 'GetUser';
  }
}

export const getUserCommand = { arbitrary: fc.constant(null).map(() => new GetUser()) };
