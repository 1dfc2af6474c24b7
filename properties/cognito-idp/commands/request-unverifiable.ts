import { expectRejected } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { unverifiableName } from '../arbitraries.ts';
import { attributeValue, checkNoCodeSent, getCode, GUAVC, readInboxes } from '../steps.ts';
import { CognitoCommand, type CognitoBox } from './cognito-command.ts';

/** An attribute name as a label: a long one by its length (the boundary is what matters). */
export const describeName = (name: string) => (name.length > 12 ? `${name.length}-character name` : JSON.stringify(name));

/** GetUserAttributeVerificationCode for an attribute no code can be sent to: a documented rejection, and no message (where the target has an inbox). */
export class RequestUnverifiable extends CognitoCommand {
  constructor(readonly name: string) {
    super();
  }
  check(box: Readonly<CognitoBox>): boolean {
    return this.tokenJudgeable(box);
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const addresses = [...box.state.attributes].map(([attribute, { value }]) => attributeValue(ctx, attribute, value));
    const inboxes = await readInboxes(ctx, addresses);
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
    await checkNoCodeSent(ctx, inboxes, this.name, `${describeName(this.name)} (not verifiable) → no code sent`);
  }

  toString(): string {
    return `GetUserAttributeVerificationCode(${JSON.stringify(this.name)})`;
  }
}

export const requestUnverifiableCommand = { arbitrary: unverifiableName.map((n) => new RequestUnverifiable(n)) };
