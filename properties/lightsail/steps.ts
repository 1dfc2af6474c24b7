// Lightsail steps shared by the stateless properties and the model-based commands: region slots,
// the calls (clean-up registered first), the documented-error check every rejection passes before
// its own rule, and the checks of a SendContactMethodVerification answer and of a listing.
import {
  CreateContactMethodCommand, DeleteContactMethodCommand, GetContactMethodsCommand, SendContactMethodVerificationCommand,
} from '@aws-sdk/client-lightsail';
import { isClientError, isServerError, type ObservedError } from '../../models/shared/aws-error.ts';
import type { Instant } from '../../models/shared/clock.ts';
import { allowedStatuses, type LightsailModel } from '../../models/lightsail/model.ts';
import {
  CONTACT_METHOD_STATUS_VALUES, CONTACT_PROTOCOL_VALUES, OPERATION_STATUS_VALUES, OPERATION_TYPE_VALUES, REGION_NAME_VALUES, RESOURCE_TYPE_VALUES,
} from '../../models/lightsail/sdk-enums.ts';
import { CONTACT_METHOD_ERRORS, GetContactMethodsResult, OperationsResult, REGION_NAMES, SERVER_FAULT_ERRORS, supportsSms, type ContactProtocol } from '../../models/lightsail/shapes.ts';
import type { RuleId } from '../../spec/index.ts';
import { call, type CallResult } from '../shared/call.ts';
import { checkThat, expectMember, expectRejected, expectShape, expectSuccess } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { RefusedError } from '../shared/failure.ts';
import { RUN_NAME } from '../../harness/targets/base.ts';

/** Where a command acts: the target's region, another that supports SMS, another that does not. */
export type RegionSlot = 'home' | 'sms' | 'nosms';
export const REGION_SLOTS: RegionSlot[] = ['home', 'sms', 'nosms'];

/**
 * On AWS a region may already hold the account's own contact methods: the model starts from none,
 * and creating or deleting one would replace or remove the account's. Such a region refuses the run.
 */
export async function requireNoContactMethods(ctx: RunContext, rules: readonly RuleId[]): Promise<void> {
  if (ctx.target.kind !== 'aws') return;
  for (const region of new Set(REGION_SLOTS.map((slot) => regionOf(ctx, slot)))) {
    const result = await call(ctx, 'lightsail', new GetContactMethodsCommand({}), rules, { region });
    const existing = result.output?.contactMethods ?? [];
    if (existing.length === 0) continue;
    const what = existing.map((method) => `${method.protocol} ${method.contactEndpoint}`).join(', ');
    const leftByARun = existing.every((method) => RUN_NAME.test(method.contactEndpoint ?? ''));
    throw new RefusedError(rules, `${region} already has contact methods this run did not create (${what}); the Lightsail rules need regions without them${leftByARun ? ' (an earlier run left them: npx conformance sweep --delete removes them)' : ''}`);
  }
}

export function regionOf(ctx: RunContext, slot: RegionSlot): string {
  const home = ctx.target.region;
  if (slot === 'home') return home;
  return REGION_NAMES.find((r) => r !== home && supportsSms(r) === (slot === 'sms'))!;
}

const describe = (e: ObservedError) => `${e.code} (HTTP ${e.httpStatus}): ${e.message}`;

/** Every error is a documented one; the client errors among them are 4xx; a client mistake never gets a 5xx. */
export function checkDocumentedError(ctx: RunContext, operation: string, error: ObservedError, clientMistake: boolean): void {
  const documented = (CONTACT_METHOD_ERRORS as readonly string[]).includes(error.code);
  const statusFits = SERVER_FAULT_ERRORS.includes(error.code) ? isServerError(error) || isClientError(error) : isClientError(error);
  checkThat(ctx, 'LIGHTSAIL.ERRORS.DOCUMENTED', operation, documented && statusFits && !(clientMistake && isServerError(error)), () => ({
    message: !documented ? `answered an error ${operation} does not document` : clientMistake && isServerError(error) ? 'answered a server error (5xx) for a client mistake' : 'answered a documented client error with a non-4xx status',
    expected: `one of ${CONTACT_METHOD_ERRORS.join(', ')}${clientMistake ? ', with a 4xx status' : ''}`,
    actual: describe(error),
  }));
}

export function expectDocumentedRejection(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<unknown>, expected: string, codes?: readonly string[]): ObservedError {
  if (!result.ok) checkDocumentedError(ctx, operation, result.error, true);
  return expectRejected(ctx, ruleId, operation, result, expected, codes);
}

export function expectDocumentedSuccess<O>(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<O>, expected: string): O {
  if (!result.ok) checkDocumentedError(ctx, operation, result.error, false);
  return expectSuccess(ctx, ruleId, operation, result, expected);
}

/** A phone number in the range reserved for fiction (+1 NXX 555-0100..0199): nobody gets a text. */
export const phoneNumber = (index: number) => `+1206555${String(100 + index).padStart(4, '0')}`;

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
  const forget = () => { if (resources.size > before) resources.remove(key); };
  const result = await call(ctx, 'lightsail', new CreateContactMethodCommand({ protocol, contactEndpoint: endpoint }), rules, { region }).catch((error: unknown) => {
    forget();
    throw error;
  });
  if (!result.ok) forget();
  return result;
}

export async function deleteContactMethod(ctx: RunContext, region: string, protocol: ContactProtocol, rules: readonly RuleId[]) {
  const result = await call(ctx, 'lightsail', new DeleteContactMethodCommand({ protocol }), rules, { region });
  if (result.ok) ctx.target.resources.remove(`lightsail:${region}:${protocol}`);
  return result;
}

export const sendVerification = (ctx: RunContext, region: string, protocol: string | undefined, rules: readonly RuleId[]) =>
  call(ctx, 'lightsail', new SendContactMethodVerificationCommand({ protocol } as never), rules, { region });

/** A successful SendContactMethodVerification answer: shape, type, region, then enums (the specific facts first). */
export function checkSendAnswer(ctx: RunContext, region: string, output: unknown): void {
  const SEND = 'SendContactMethodVerification';
  const { operations } = expectShape(ctx, 'LIGHTSAIL.SEND.RESPONSE_SHAPE', SEND, OperationsResult, output);
  for (const op of operations) {
    checkThat(ctx, 'LIGHTSAIL.SEND.OPERATION_TYPE', SEND, op.resourceType === 'ContactMethod' && op.operationType === SEND, () => ({
      message: 'the operation does not describe a contact-method verification',
      expected: `resourceType ContactMethod, operationType ${SEND}`,
      actual: `resourceType ${JSON.stringify(op.resourceType)}, operationType ${JSON.stringify(op.operationType)}`,
    }));
    checkThat(ctx, 'LIGHTSAIL.SEND.OPERATION_REGION', SEND, op.location?.regionName === region, () => ({
      message: 'the operation names another region than the one the request was sent to',
      expected: `location.regionName ${region}`,
      actual: JSON.stringify(op.location),
    }));
    expectMember(ctx, 'LIGHTSAIL.ENUMS', SEND, 'operation status', OPERATION_STATUS_VALUES, op.status);
    expectMember(ctx, 'LIGHTSAIL.ENUMS', SEND, 'resourceType', RESOURCE_TYPE_VALUES, op.resourceType);
    expectMember(ctx, 'LIGHTSAIL.ENUMS', SEND, 'operationType', OPERATION_TYPE_VALUES, op.operationType);
    expectMember(ctx, 'LIGHTSAIL.ENUMS', SEND, 'location.regionName', REGION_NAME_VALUES, op.location?.regionName);
  }
}

export type ListedContact = { protocol?: string; contactEndpoint?: string; status?: string };

/** GetContactMethods in a region: at most one per protocol, enums, and exactly the model's (with allowed statuses). */
export async function checkContactMethods(ctx: RunContext, region: string, model: LightsailModel, key: string, protocols?: ContactProtocol[]): Promise<ListedContact[]> {
  const GET = 'GetContactMethods';
  const result = await call(ctx, 'lightsail', new GetContactMethodsCommand({ protocols }), ['LIGHTSAIL.CONTACT.GET_MATCHES'], { region });
  const output = expectDocumentedSuccess(ctx, 'LIGHTSAIL.CONTACT.GET_MATCHES', GET, result, 'contact methods can be listed');
  const listed = expectShape(ctx, 'LIGHTSAIL.CONTACT.GET_MATCHES', GET, GetContactMethodsResult, output).contactMethods ?? [];
  for (const protocol of ['Email', 'SMS'] as const) {
    const count = listed.filter((c) => c.protocol === protocol).length;
    checkThat(ctx, 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL', GET, count <= 1, () => ({
      message: `${count} ${protocol} contact methods are listed in ${region}`, expected: `at most one ${protocol} contact method per region`, actual: JSON.stringify(listed),
    }));
  }
  for (const c of listed) {
    expectMember(ctx, 'LIGHTSAIL.ENUMS', GET, 'contact method protocol', CONTACT_PROTOCOL_VALUES, c.protocol);
    expectMember(ctx, 'LIGHTSAIL.ENUMS', GET, 'contact method status', CONTACT_METHOD_STATUS_VALUES, c.status);
  }
  const methods = model.regions.get(key) ?? new Map();
  for (const protocol of ['Email', 'SMS'] as const) {
    const expected = protocols && !protocols.includes(protocol) ? undefined : methods.get(protocol);
    const actual = listed.find((c) => c.protocol === protocol);
    const rule = !expected && actual && model.regions.has(key) ? 'LIGHTSAIL.CONTACT.DELETE' : 'LIGHTSAIL.CONTACT.GET_MATCHES';
    checkThat(ctx, rule, GET, expected ? actual?.contactEndpoint === expected.endpoint : !actual, () => ({
      message: `the ${protocol} contact method listed in ${region} is not the one that exists`,
      expected: expected ? `${protocol} ${expected.endpoint}` : `no ${protocol} contact method`,
      actual: actual ? `${protocol} ${actual.contactEndpoint}` : 'none',
    }));
  }
  if (methods.size === 0 && model.regions.has(key)) ctx.held('LIGHTSAIL.CONTACT.DELETE');
  return listed;
}

/** The listed email contact method's status is one the model allows at `at`. */
export function checkEmailStatus(ctx: RunContext, region: string, model: LightsailModel, key: string, listed: ListedContact[], at: Instant): string | undefined {
  const contact = model.regions.get(key)?.get('Email');
  const actual = listed.find((c) => c.protocol === 'Email');
  if (!contact || !actual) return undefined;
  const allowed = allowedStatuses(contact, at);
  const rule = contact.verified ? 'LIGHTSAIL.VERIFY.LINK_MAKES_VALID' : 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE';
  checkThat(ctx, rule, 'GetContactMethods', allowed.includes(actual.status ?? ''), () => ({
    message: `the email contact method in ${region} reports the wrong status`, expected: allowed.join(' or '), actual: JSON.stringify(actual.status),
  }));
  return actual.status;
}
