// The Lightsail model-based commands. The model is keyed by region slot (check() has no target,
// so no real region); run() resolves a slot to a region with the target's. A command whose status
// check broke a rule already found failing adopts the listed status (re-basing), so the run goes on.
import { contactIn, verifyContact, type LightsailModel } from '../../../models/lightsail/model.ts';
import type { ContactProtocol } from '../../../models/lightsail/shapes.ts';
import type { RunContext } from '../../shared/context.ts';
import { BaseCommand, type ModelBox } from '../../shared/model-run.ts';
import { checkListing, type JudgedBy, type Listing } from '../checks.ts';
import { regionOf, type RegionSlot } from '../steps.ts';

export type LightsailBox = ModelBox<LightsailModel>;

export abstract class LightsailCommand extends BaseCommand<LightsailModel> {}

/** Lists a slot's region and, where the email status broke a tolerated rule, adopts the listed status. */
export async function listInStep(box: LightsailBox, ctx: RunContext, slot: RegionSlot, protocols?: ContactProtocol[], judgedBy?: JudgedBy): Promise<Listing> {
  const listing = await checkListing(ctx, regionOf(ctx, slot), box.state, slot, { protocols, judgedBy });
  if (listing.divergentStatus === 'Valid') box.state = verifyContact(box.state, slot);
  if (listing.divergentStatus === 'PendingVerification') box.state = unverify(box.state, slot);
  return listing;
}

/** The model's email method in `slot`, unverified again (re-based on a target that did not verify it). */
function unverify(model: LightsailModel, slot: RegionSlot): LightsailModel {
  const contact = contactIn(model, slot, 'Email')!;
  const regions = new Map(model.regions);
  regions.set(slot, new Map(regions.get(slot)!).set('Email', { ...contact, verified: false }));
  return { regions };
}
