// Lightsail steps shared by the stateless properties and the model-based commands: region slots
// and the calls (clean-up registered first). The checks of the answers are in checks.ts.
import {
  CreateContactMethodCommand,
  DeleteContactMethodCommand,
  GetContactMethodsCommand,
  SendContactMethodVerificationCommand,
} from '@aws-sdk/client-lightsail';
import { REGION_NAMES, supportsSms, type ContactProtocol } from '../../models/lightsail/shapes.ts';
import type { RuleId } from '../../services/index.ts';
import { call } from '../shared/call.ts';
import type { RunContext } from '../shared/context.ts';
import { RefusedError } from '../shared/failure.ts';
import { withMember } from '../shared/sdk-input.ts';
import { RUN_NAME } from '../../harness/targets/run-names.ts';

/** Where a command acts: the target's region, another that supports SMS, another that does not. */
export type RegionSlot = 'home' | 'sms' | 'nosms';
export const REGION_SLOTS: RegionSlot[] = ['home', 'sms', 'nosms'];

/**
 * On AWS a region may already hold the account's own contact methods: the model starts from none,
 * and creating or deleting one would replace or remove the account's. Such a region refuses the run.
 * Looked in: the three slot regions, and `alsoIn` (a region a property names itself).
 */
export async function requireNoContactMethods(ctx: RunContext, rules: readonly RuleId[], alsoIn: readonly string[] = []): Promise<void> {
  if (!ctx.target.realAccount) return;
  for (const region of new Set([...REGION_SLOTS.map((slot) => regionOf(ctx, slot)), ...alsoIn])) {
    const result = await call(ctx, 'lightsail', new GetContactMethodsCommand({}), rules, { region });
    const existing = result.output?.contactMethods ?? [];
    if (existing.length === 0) continue;
    const what = existing.map((method) => `${method.protocol} ${method.contactEndpoint}`).join(', ');
    const leftByARun = existing.every((method) => RUN_NAME.test(method.contactEndpoint ?? ''));
    throw new RefusedError(
      rules,
      `${region} already has contact methods this run did not create (${what}); the Lightsail rules need regions without them${leftByARun ? ' (an earlier run left them: npx conformance sweep --delete removes them)' : ''}`,
    );
  }
}

export function regionOf(ctx: RunContext, slot: RegionSlot): string {
  const home = ctx.target.region;
  if (slot === 'home') return home;
  return REGION_NAMES.find((r) => r !== home && supportsSms(r) === (slot === 'sms'))!;
}

/** A phone number in the range reserved for fiction (+1 NXX 555-0100..0199): nobody gets a text. */
const phoneNumber = (index: number) => `+1206555${String(100 + index).padStart(4, '0')}`;

/** An SMS endpoint: on a real account one of the numbers the user listed, elsewhere a fictional one. */
function smsEndpoint(ctx: RunContext, index: number): string {
  const listed = ctx.target.phoneNumbers ?? [];
  return listed.length ? listed[index % listed.length]! : phoneNumber(index);
}

/** An email endpoint is unique per region, so the newest message to it is that region's verification request. */
export const endpointFor = (ctx: RunContext, slot: RegionSlot, protocol: ContactProtocol, index: number) =>
  protocol === 'Email' ? ctx.naming.email(`ops${index}-${slot}`) : smsEndpoint(ctx, index);

export async function createContactMethod(ctx: RunContext, region: string, protocol: ContactProtocol, endpoint: string, rules: readonly RuleId[]) {
  const key = `lightsail:${region}:${protocol}`;
  const { resources } = ctx.target;
  const before = resources.size;
  resources.add(key, () => ctx.target.client('lightsail', region).send(new DeleteContactMethodCommand({ protocol })));
  // A rejected or refused create made nothing to clean up (unless one of the protocol existed before this call).
  const forget = () => {
    if (resources.size > before) resources.remove(key);
  };
  const result = await call(ctx, 'lightsail', new CreateContactMethodCommand({ protocol, contactEndpoint: endpoint }), rules, { region }).catch(
    (error: unknown) => {
      forget();
      throw error;
    },
  );
  if (!result.ok) forget();
  return result;
}

export async function deleteContactMethod(ctx: RunContext, region: string, protocol: ContactProtocol, rules: readonly RuleId[]) {
  const result = await call(ctx, 'lightsail', new DeleteContactMethodCommand({ protocol }), rules, { region });
  if (result.ok) ctx.target.resources.remove(`lightsail:${region}:${protocol}`);
  return result;
}

/** `protocol` SMS is outside the SDK's enum (it holds Email only): sent as given, for the rule that SMS is refused. */
export const sendVerification = (ctx: RunContext, region: string, protocol: ContactProtocol | undefined, rules: readonly RuleId[]) =>
  call(ctx, 'lightsail', new SendContactMethodVerificationCommand(withMember({ protocol: undefined }, 'protocol', protocol)), rules, { region });
