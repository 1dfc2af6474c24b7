import { codeExpired, codeState, expectedForSentCode, verified } from '../../../models/cognito-idp/model.ts';
import type { VerifiableAttribute } from '../../../models/cognito-idp/shapes.ts';
import { instant } from '../../../models/shared/clock.ts';
import type { RuleId } from '../../../services/index.ts';
import { expectRejected, expectSuccess } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { verifiableAttribute } from '../arbitraries.ts';
import { verifyAttribute } from '../steps.ts';
import { CognitoCommand, readCode, type Caps, type CognitoBox } from './cognito-command.ts';

/** VerifyUserAttribute with the code in the inbox: accepted within 24 hours, ExpiredCodeException after. */
export class VerifySentCode extends CognitoCommand {
  constructor(readonly attribute: VerifiableAttribute) {
    super();
  }
  check(box: Readonly<CognitoBox>): boolean {
    const at = instant(box.lastSeen);
    const code = codeState(box.state, this.attribute, at);
    return this.tokenJudgeable(box) && (code === 'valid' || code === 'expired');
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const before = ctx.now();
    const expected = expectedForSentCode(box.state, this.attribute, instant(before));
    if (!expected) return;
    const code = await readCode(ctx, box, this.attribute);
    const rule: RuleId = expected === 'accepted' ? 'COGNITO.VERIFY.CODE_ACCEPTED' : 'COGNITO.VERIFY.CODE_EXPIRES_24H';
    const { usable, result } = await this.withToken(box, ctx, 'VerifyUserAttribute', (token) => verifyAttribute(ctx, token, this.attribute, code, [rule]));
    if (!usable) return;
    if (expected === 'accepted') {
      expectSuccess(
        ctx,
        rule,
        'VerifyUserAttribute',
        result!,
        'the code sent less than 24 hours ago is accepted',
        `${this.attribute} code under 24 h old → accepted`,
      );
      box.state = verified(box.state, this.attribute);
    } else {
      expectRejected(
        ctx,
        rule,
        'VerifyUserAttribute',
        result!,
        'a code sent more than 24 hours ago is refused',
        ['ExpiredCodeException'],
        `${this.attribute} code over 24 h old → ExpiredCodeException`,
      );
      box.state = codeExpired(box.state, this.attribute);
    }
  }

  toString(): string {
    return `VerifyUserAttribute(${this.attribute}, the code sent)`;
  }
}

export const verifySentCodeCommand = { needs: ['inbox'] as const, arbitrary: (c: Caps) => verifiableAttribute(c).map((a) => new VerifySentCode(a)) };
