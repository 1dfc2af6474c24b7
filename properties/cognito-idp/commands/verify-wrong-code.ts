import fc from 'fast-check';
import { attributeOf, codeState, wrongCodeTried } from '../../../models/cognito-idp/model.ts';
import type { VerifiableAttribute } from '../../../models/cognito-idp/shapes.ts';
import { instant } from '../../../models/shared/clock.ts';
import { expectRejected } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { differentCode, verifiableAttribute, wrongCode } from '../arbitraries.ts';
import { verifyAttribute } from '../steps.ts';
import { CognitoCommand, readCode, type Caps, type CognitoBox } from './cognito-command.ts';

/** VerifyUserAttribute with a code that is not the one sent: CodeMismatchException, nothing verified. */
export class VerifyWrongCode extends CognitoCommand {
  constructor(
    readonly attribute: VerifiableAttribute,
    readonly code: string,
  ) {
    super();
  }
  check(box: Readonly<CognitoBox>): boolean {
    const state = attributeOf(box.state, this.attribute);
    // A sent, unexpired code to mismatch, and few wrong tries, so no attempt limit is reached.
    return this.tokenJudgeable(box) && codeState(box.state, this.attribute, instant(box.lastSeen)) === 'valid' && (state.code?.wrongTries ?? 0) < 2;
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    if (codeState(box.state, this.attribute, instant(ctx.now())) !== 'valid') return;
    const real = ctx.target.capabilities.has('inbox') ? await readCode(ctx, box, this.attribute) : undefined;
    const code = differentCode(this.code, real);
    const { usable, result } = await this.withToken(box, ctx, 'VerifyUserAttribute', (token) =>
      verifyAttribute(ctx, token, this.attribute, code, ['COGNITO.VERIFY.WRONG_CODE']),
    );
    if (!usable) return;
    expectRejected(
      ctx,
      'COGNITO.VERIFY.WRONG_CODE',
      'VerifyUserAttribute',
      result!,
      'a code other than the one sent is refused',
      ['CodeMismatchException'],
      `${this.attribute} wrong code → CodeMismatchException`,
    );
    box.state = wrongCodeTried(box.state, this.attribute);
  }

  toString(): string {
    return `VerifyUserAttribute(${this.attribute}, wrong code ${this.code})`;
  }
}

export const verifyWrongCodeCommand = { arbitrary: (c: Caps) => fc.tuple(verifiableAttribute(c), wrongCode).map(([a, code]) => new VerifyWrongCode(a, code)) };
