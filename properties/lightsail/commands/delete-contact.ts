import fc from 'fast-check';
import { contactIn, deleteContact } from '../../../models/lightsail/model.ts';
import type { ContactProtocol } from '../../../models/lightsail/shapes.ts';
import { expectSetup } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { protocol, slot } from '../arbitraries.ts';
import { checkOperationRecords, type JudgedBy } from '../checks.ts';
import { deleteContactMethod, regionOf, type RegionSlot } from '../steps.ts';
import { LightsailCommand, listInStep, type LightsailBox } from './lightsail-command.ts';

/** After a deletion, what is listed of the protocol is DELETE's to judge, when the method was listed before it. */
export const deletionJudged = (before: readonly { protocol?: string }[], protocol: ContactProtocol): JudgedBy | undefined =>
  before.some((c) => c.protocol === protocol)
    ? {
        [protocol]: {
          rule: 'LIGHTSAIL.CONTACT.DELETE',
          observed: `${protocol} listed, deleted → no longer listed`,
          message: `the deleted ${protocol} contact method is still listed`,
        },
      }
    : undefined;

/** DeleteContactMethod of an existing contact method, listed before and after: the deletion is judged only where it was seen to remove it. */
export class DeleteContact extends LightsailCommand {
  constructor(
    readonly slot: RegionSlot,
    readonly protocol: ContactProtocol,
  ) {
    super();
  }

  check(box: Readonly<LightsailBox>): boolean {
    return Boolean(contactIn(box.state, this.slot, this.protocol));
  }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    const { listed } = await listInStep(box, ctx, this.slot);
    const region = regionOf(ctx, this.slot);
    const result = await deleteContactMethod(ctx, region, this.protocol, ['LIGHTSAIL.CONTACT.DELETE']);
    const output = expectSetup(ctx, 'LIGHTSAIL.CONTACT.DELETE', 'DeleteContactMethod', result, 'an existing contact method can be deleted');
    checkOperationRecords(ctx, 'DeleteContactMethod', output);
    box.state = deleteContact(box.state, this.slot, this.protocol);
    await listInStep(box, ctx, this.slot, undefined, deletionJudged(listed, this.protocol));
  }

  toString(): string {
    return `DeleteContactMethod(${this.slot}, ${this.protocol})`;
  }
}

export const deleteContactCommand = { operations: ['DeleteContactMethod'], arbitrary: fc.tuple(slot, protocol).map(([s, p]) => new DeleteContact(s, p)) };
