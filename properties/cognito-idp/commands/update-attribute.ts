import fc from 'fast-check';
import { attributeOf, valueChanged } from '../../../models/cognito-idp/model.ts';
import type { VerifiableAttribute } from '../../../models/cognito-idp/shapes.ts';
import { expectSetup, sparing } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { clientMetadata, verifiableAttribute } from '../arbitraries.ts';
import { attributeValue, checkMetadataNotEchoed, updateAttribute } from '../steps.ts';
import { CognitoCommand, type Caps, type CognitoBox } from './cognito-command.ts';

/** The values each attribute takes in a run: an update always moves to another one. */
const VALUE_POOL_SIZE = 3;

/** UpdateUserAttributes to another value: the attribute is unverified again. */
export class UpdateAttribute extends CognitoCommand {
  constructor(
    readonly attribute: VerifiableAttribute,
    readonly step: number,
    readonly metadata?: Record<string, string>,
  ) {
    super();
  }
  check(box: Readonly<CognitoBox>): boolean {
    return this.tokenJudgeable(box);
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const next = (attributeOf(box.state, this.attribute).value + this.step) % VALUE_POOL_SIZE;
    const value = attributeValue(ctx, this.attribute, next);
    const { usable, result } = await this.withToken(box, ctx, 'UpdateUserAttributes', (token) =>
      updateAttribute(ctx, token, this.attribute, value, ['COGNITO.UPDATE.UNVERIFIES'], this.metadata),
    );
    if (!usable) return;
    expectSetup(ctx, 'COGNITO.UPDATE.UNVERIFIES', 'UpdateUserAttributes', result!, `${this.attribute} can be changed`);
    sparing(ctx, () => checkMetadataNotEchoed(ctx, 'UpdateUserAttributes', this.metadata));
    box.state = valueChanged(box.state, this.attribute, next);
  }

  toString(): string {
    return `UpdateUserAttributes(${this.attribute} → value +${this.step})`;
  }
}

export const updateAttributeCommand = {
  operations: ['UpdateUserAttributes'],
  arbitrary: (c: Caps) =>
    fc.tuple(verifiableAttribute(c), fc.integer({ min: 1, max: VALUE_POOL_SIZE - 1 }), clientMetadata).map(([a, s, m]) => new UpdateAttribute(a, s, m)),
};
