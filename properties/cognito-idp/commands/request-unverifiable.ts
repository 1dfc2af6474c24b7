import { expectRejected } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { unverifiableName } from '../arbitraries.ts';
import { getCode, GUAVC } from '../steps.ts';
import { CognitoCommand, type CognitoBox } from './cognito-command.ts';

/** An attribute name as a label: a long one by its length (the boundary is what matters). */
export const describeName = (name: string) => (name.length > 12 ? `${name.length}-character name` : JSON.stringify(name));

/** GetUserAttributeVerificationCode for an attribute no code can be sent to: a documented rejection. */
export class RequestUnverifiable extends CognitoCommand {
  constructor(readonly name: string) {
    super();
  }
  check(box: Readonly<CognitoBox>): boolean {
    return this.tokenJudgeable(box);
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const { usable, result } = await this.withToken(box, ctx, GUAVC, (token) => getCode(ctx, token, this.name, ['COGNITO.CODE.VERIFIABLE_ONLY']));
    if (!usable) return;
    expectRejected(
      ctx,
      'COGNITO.CODE.VERIFIABLE_ONLY',
      GUAVC,
      result!,
      `${this.name} cannot be verified: no code is sent`,
      undefined,
      `${describeName(this.name)} (not verifiable) → rejected`,
    );
  }

  toString(): string {
    return `GetUserAttributeVerificationCode(${JSON.stringify(this.name)})`;
  }
}

export const requestUnverifiableCommand = { arbitrary: unverifiableName.map((n) => new RequestUnverifiable(n)) };
