import fc from 'fast-check';
import { attributeOf, codeIssued } from '../../../models/cognito-idp/model.ts';
import type { VerifiableAttribute } from '../../../models/cognito-idp/shapes.ts';
import type { RuleId } from '../../../services/index.ts';
import type { RunContext } from '../../shared/context.ts';
import { clientMetadata, verifiableAttribute } from '../arbitraries.ts';
import { attributeValue, checkDeliveryDetails, expectCodeSent, getCode, GUAVC } from '../steps.ts';
import { CognitoCommand, type Caps, type CognitoBox } from './cognito-command.ts';

/** GetUserAttributeVerificationCode for email or phone_number: a code is sent, described by the answer. */
export class RequestCode extends CognitoCommand {
  constructor(
    readonly attribute: VerifiableAttribute,
    readonly metadata?: Record<string, string>,
  ) {
    super();
  }
  check(box: Readonly<CognitoBox>): boolean {
    return this.tokenJudgeable(box);
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const rules: RuleId[] = ['COGNITO.AUTH.NO_IAM', 'COGNITO.CODE.DELIVERY_DETAILS'];
    const { usable, result } = await this.withToken(box, ctx, GUAVC, (token) => getCode(ctx, token, this.attribute, rules, this.metadata));
    if (!usable) return;
    const output = expectCodeSent(ctx, result!, this.attribute);
    const value = attributeValue(ctx, this.attribute, attributeOf(box.state, this.attribute).value);
    checkDeliveryDetails(ctx, this.attribute, value, output, this.metadata);
    box.state = codeIssued(box.state, this.attribute, result!.at);
  }

  toString(): string {
    return `GetUserAttributeVerificationCode(${this.attribute}${this.metadata ? ', ClientMetadata' : ''})`;
  }
}

export const requestCodeCommand = { arbitrary: (c: Caps) => fc.tuple(verifiableAttribute(c), clientMetadata).map(([a, m]) => new RequestCode(a, m)) };
