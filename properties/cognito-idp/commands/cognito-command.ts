// What every Cognito command shares. The model-based commands: request a code, verify with the
// code sent or a wrong one, change an attribute, read the user, sign in and out, move the clock.
// Every token-authorised command first asks the model where the token stands: a usable token must
// work, an expired or revoked one must be refused.
import { attributeOf, tokenState, type CognitoModel, type TokenState } from '../../../models/cognito-idp/model.ts';
import type { VerifiableAttribute } from '../../../models/cognito-idp/shapes.ts';
import { instant } from '../../../models/shared/clock.ts';
import type { RuleId } from '../../../services/index.ts';
import type { Capability } from '../../../spec/rule.ts';
import type { CallResult } from '../../shared/call.ts';
import type { RunContext } from '../../shared/context.ts';
import { readVerificationCode } from '../../shared/inbox.ts';
import { BaseCommand, type ModelBox } from '../../shared/model-run.ts';
import { attributeValue, expectTokenRefused, GUAVC, sessionOf } from '../steps.ts';

export type CognitoBox = ModelBox<CognitoModel>;

/** The target's capabilities, from which a command builds its arbitrary. */
export type Caps = ReadonlySet<Capability>;

const TOKEN_RULE: Partial<Record<TokenState, RuleId>> = { expired: 'COGNITO.AUTH.EXPIRED_TOKEN', revoked: 'COGNITO.AUTH.REVOKED_TOKEN' };

export abstract class CognitoCommand extends BaseCommand<CognitoModel> {
  /** Whether the model can say what the token does now: usable, or surely refused. */
  protected tokenJudgeable(box: Readonly<CognitoBox>): boolean {
    return tokenState(box.state, instant(box.lastSeen)) !== 'boundary';
  }

  /**
   * Calls `send` with the current token. Returns true when the token was usable and the caller
   * should judge the answer; false when it was expired or revoked (the refusal checked here) or
   * too close to its expiry to judge (nothing sent).
   */
  protected async withToken(
    box: CognitoBox,
    ctx: RunContext,
    operation: string,
    send: (token: string) => Promise<CallResult<unknown>>,
  ): Promise<{ usable: boolean; result?: CallResult<unknown> }> {
    const state = tokenState(box.state, instant(ctx.now()));
    if (state === 'boundary' || state === 'none') return { usable: false };
    const result = await send(sessionOf(ctx).accessToken);
    const rule = TOKEN_RULE[state];
    if (rule) {
      const why = state === 'expired' ? 'an access token issued more than an hour ago has expired' : 'GlobalSignOut revoked the access token';
      const stale = state === 'expired' ? 'a token over 1 h old' : 'a revoked token';
      expectTokenRefused(ctx, rule, operation, result, why, `${operation} with ${stale} → NotAuthorizedException`);
      return { usable: false, result };
    }
    return { usable: true, result };
  }

  protected abstract execute(box: CognitoBox, ctx: RunContext): Promise<void>;
}

/** The newest code sent to the attribute's current value, from the inbox. */
export async function readCode(ctx: RunContext, box: CognitoBox, attribute: VerifiableAttribute): Promise<string> {
  const to = attributeValue(ctx, attribute, attributeOf(box.state, attribute).value);
  return readVerificationCode(ctx, to, 'COGNITO.VERIFY.CODE_ACCEPTED', GUAVC);
}
