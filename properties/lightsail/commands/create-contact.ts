import fc from 'fast-check';
import { contactIn, createContact } from '../../../models/lightsail/model.ts';
import { supportsSms, type ContactProtocol } from '../../../models/lightsail/shapes.ts';
import { expectRejected, expectSetup, expectSuccess } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { endpointIndex, protocol, slot } from '../arbitraries.ts';
import { checkOperationRecords, checkSecondCreate, type JudgedBy } from '../checks.ts';
import { createContactMethod, endpointFor, regionOf, type RegionSlot } from '../steps.ts';
import { LightsailCommand, listInStep, type LightsailBox } from './lightsail-command.ts';

/** After a second create of a protocol, what is listed of it is ONE_PER_PROTOCOL's to judge: the first alone (rejected) or the new one alone (replaced). */
export const secondJudged = (protocol: ContactProtocol, accepted: boolean): JudgedBy => ({
  [protocol]: {
    rule: 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL',
    observed: `second ${protocol} ${accepted ? 'accepted → only the new one listed' : 'rejected → only the first listed'}`,
    message: `after a second ${protocol} create was ${accepted ? 'accepted' : 'rejected'}, the region does not list ${accepted ? 'the new one alone' : 'the first alone'}`,
  },
});

/** CreateContactMethod: a first one is accepted (SMS only where supported); a second of a protocol is refused or replaces the first, as listed next. */
export class CreateContact extends LightsailCommand {
  constructor(
    readonly slot: RegionSlot,
    readonly protocol: ContactProtocol,
    readonly index: number,
  ) {
    super();
  }

  check(): boolean {
    return true;
  }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    const region = regionOf(ctx, this.slot);
    const endpoint = endpointFor(ctx, this.slot, this.protocol, this.index);
    const existing = contactIn(box.state, this.slot, this.protocol);
    if (this.protocol === 'SMS' && !supportsSms(region)) {
      const result = await createContactMethod(ctx, region, 'SMS', endpoint, ['LIGHTSAIL.CONTACT.SMS_REGIONS']);
      expectRejected(
        ctx,
        'LIGHTSAIL.CONTACT.SMS_REGIONS',
        'CreateContactMethod',
        result,
        `SMS contact methods are not supported in ${region}`,
        undefined,
        `SMS in ${region} (not supported) → rejected`,
      );
      return;
    }
    if (existing) {
      const result = await createContactMethod(ctx, region, this.protocol, endpoint, ['LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL']);
      if (checkSecondCreate(ctx, this.protocol, result)) box.state = createContact(box.state, this.slot, this.protocol, endpoint, result.at);
      await listInStep(box, ctx, this.slot, undefined, secondJudged(this.protocol, result.ok));
      return;
    }
    const rule = this.protocol === 'SMS' ? 'LIGHTSAIL.CONTACT.SMS_REGIONS' : 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE';
    const result = await createContactMethod(ctx, region, this.protocol, endpoint, [rule]);
    const expected = `a first ${this.protocol} contact method in ${region} is accepted`;
    const output =
      this.protocol === 'SMS'
        ? expectSuccess(ctx, rule, 'CreateContactMethod', result, expected, `SMS in ${region} (supported) → accepted`)
        : expectSetup(ctx, rule, 'CreateContactMethod', result, expected);
    checkOperationRecords(ctx, 'CreateContactMethod', output);
    box.state = createContact(box.state, this.slot, this.protocol, endpoint, result.at);
  }

  toString(): string {
    return `CreateContactMethod(${this.slot}, ${this.protocol}, #${this.index})`;
  }
}

export const createContactCommand = { arbitrary: fc.tuple(slot, protocol, endpointIndex).map(([s, p, i]) => new CreateContact(s, p, i)) };
