import fc from 'fast-check';
import type { ContactProtocol } from '../../../models/lightsail/shapes.ts';
import type { RunContext } from '../../shared/context.ts';
import { protocolFilter, slot } from '../arbitraries.ts';
import type { RegionSlot } from '../steps.ts';
import { LightsailCommand, listInStep, type LightsailBox } from './lightsail-command.ts';

/** GetContactMethods of a region (all, or one protocol), against the model. */
export class GetContacts extends LightsailCommand {
  constructor(
    readonly slot: RegionSlot,
    readonly protocols?: ContactProtocol[],
  ) {
    super();
  }

  check(): boolean {
    return true;
  }

  protected async execute(box: LightsailBox, ctx: RunContext): Promise<void> {
    await listInStep(box, ctx, this.slot, this.protocols);
  }

  toString(): string {
    return `GetContactMethods(${this.slot}${this.protocols ? `, ${this.protocols.join(',')}` : ''})`;
  }
}

export const getContactsCommand = {
  arbitrary: fc.tuple(slot, protocolFilter).map(([s, p]) => new GetContacts(s, p)),
};
