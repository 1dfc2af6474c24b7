// The checks of Lightsail answers: the operation records of a mutating call (enums), a
// SendContactMethodVerification answer, and a GetContactMethods listing against the model. A hold
// counts only where the answer showed what a rule is about (a listed method, a status, a value).
import { GetContactMethodsCommand } from '@aws-sdk/client-lightsail';
import { allowedStatuses, requestIsFresh, type LightsailModel } from '../../models/lightsail/model.ts';
import {
  CONTACT_METHOD_STATUS_VALUES,
  CONTACT_PROTOCOL_VALUES,
  OPERATION_STATUS_VALUES,
  OPERATION_TYPE_VALUES,
  REGION_NAME_VALUES,
  RESOURCE_TYPE_VALUES,
} from '../../models/lightsail/sdk-enums.ts';
import { GetContactMethodsResult, OperationsResult, type ContactProtocol } from '../../models/lightsail/shapes.ts';
import type { ObservedError } from '../../models/shared/aws-error.ts';
import type { Instant } from '../../models/shared/clock.ts';
import { manifestOf, type RuleId } from '../../services/index.ts';
import { call, type CallResult } from '../shared/call.ts';
import { breakIf, checkThat, expectMember, expectRejected, expectSetup, expectShape, sparing, stop, stripMetadata } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { judgeError, unrelatedCause } from '../shared/documented-errors.ts';

const SEND = 'SendContactMethodVerification';
const GET = 'GetContactMethods';
const PROTOCOLS = ['Email', 'SMS'] as const;

type OperationRecord = { resourceType?: string; operationType?: string; status?: string; location?: { regionName?: string } };

/** The enum members of one operation record; says which of type and region are members (a state check of a non-member would charge one value twice). */
function operationEnums(ctx: RunContext, operation: string, op: OperationRecord) {
  expectMember(ctx, 'LIGHTSAIL.ENUMS', operation, `${operation} operation status`, OPERATION_STATUS_VALUES, op.status);
  const resourceType = expectMember(ctx, 'LIGHTSAIL.ENUMS', operation, `${operation} resourceType`, RESOURCE_TYPE_VALUES, op.resourceType);
  const operationType = expectMember(ctx, 'LIGHTSAIL.ENUMS', operation, `${operation} operationType`, OPERATION_TYPE_VALUES, op.operationType);
  const region = expectMember(ctx, 'LIGHTSAIL.ENUMS', operation, `${operation} location.regionName`, REGION_NAME_VALUES, op.location?.regionName);
  return { type: resourceType && operationType, region };
}

/** The operation records a CreateContactMethod or DeleteContactMethod answered: enums only (no other rule speaks of them). */
export function checkOperationRecords(ctx: RunContext, operation: string, output: { operations?: readonly OperationRecord[] }): void {
  const operations = output.operations ?? [];
  sparing(ctx, () => {
    for (const op of operations) operationEnums(ctx, operation, op);
  });
}

/**
 * A second contact method of a protocol in a region. Either reading of "one ... in each Region"
 * holds: refused with a documented client error, or accepted, replacing the first (the listing
 * after it tells). Returns whether it was accepted.
 */
export function checkSecondCreate(ctx: RunContext, protocol: ContactProtocol, result: CallResult<{ operations?: readonly OperationRecord[] }>): boolean {
  if (result.ok) {
    checkOperationRecords(ctx, 'CreateContactMethod', result.output);
    return true;
  }
  expectRejected(
    ctx,
    'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL',
    'CreateContactMethod',
    result,
    'a second contact method of a protocol is refused or replaces the first',
    undefined,
    `second ${protocol} → rejected`,
  );
  return false;
}

/** SendContactMethodVerification for SMS: refused with InvalidInputException, SMS needing no verification. `setting` says what the region held. */
export function expectSmsSendRejected(ctx: RunContext, result: CallResult<unknown>, setting: string): void {
  expectRejected(
    ctx,
    'LIGHTSAIL.SEND.SMS_REJECTED',
    SEND,
    result,
    'SMS contact methods need no verification: InvalidInputException',
    ['InvalidInputException'],
    `protocol SMS (${setting}) → InvalidInputException`,
  );
}

/**
 * A refusal of a request the documents neither allow nor forbid (`situation`): only the
 * documented-errors rule judges it, once, as a client's request (a documented 4xx). A rate or a
 * quota stops the run with no verdict.
 */
export function expectDocumentedRefusal(ctx: RunContext, operation: string, error: ObservedError, situation: string): void {
  const unrelated = unrelatedCause(error, true);
  if (unrelated) stop(`${operation} answered ${unrelated}`);
  const errors = manifestOf('lightsail').documentedErrors;
  const verdict = judgeError(errors, operation, error, true);
  if (verdict.holds) {
    ctx.held(errors.rule, `${situation} → ${error.code} (HTTP ${error.httpStatus})`);
    return;
  }
  const actual = `${error.code} (HTTP ${error.httpStatus}): ${error.message}`;
  checkThat(ctx, errors.rule, operation, false, () => ({ message: verdict.message, expected: verdict.expected, actual })) ||
    stop(`stopped at ${errors.rule}, already found failing`);
}

/** A successful SendContactMethodVerification answer: shape, enums, then type and region of the members. */
export function checkSendAnswer(ctx: RunContext, region: string, output: unknown): void {
  const { operations } = expectShape(ctx, 'LIGHTSAIL.SEND.RESPONSE_SHAPE', SEND, OperationsResult, output, 'non-empty operations, each with an id');
  sparing(ctx, () => {
    for (const op of operations) {
      const members = operationEnums(ctx, SEND, op);
      if (members.type) {
        checkThat(
          ctx,
          'LIGHTSAIL.SEND.OPERATION_TYPE',
          SEND,
          op.resourceType === 'ContactMethod' && op.operationType === SEND,
          () => ({
            message: 'the operation does not describe a contact-method verification',
            expected: `resourceType ContactMethod, operationType ${SEND}`,
            actual: `resourceType ${JSON.stringify(op.resourceType)}, operationType ${JSON.stringify(op.operationType)}`,
          }),
          `resourceType ContactMethod, operationType ${SEND}`,
        );
      }
      if (members.region) {
        checkThat(
          ctx,
          'LIGHTSAIL.SEND.OPERATION_REGION',
          SEND,
          op.location?.regionName === region,
          () => ({
            message: 'the operation names another region than the one the request was sent to',
            expected: `location.regionName ${region}`,
            actual: JSON.stringify(op.location),
          }),
          `sent to ${region} → regionName ${region}`,
        );
      }
    }
  });
}

type ListedContact = { protocol?: string; contactEndpoint?: string; status?: string };

/** Another rule judges what is listed of a protocol here (a second create, a deletion, a refused create), with its label. */
export type JudgedBy = Partial<Record<ContactProtocol, { rule: RuleId; observed: string; message?: string }>>;

export interface Listing {
  listed: ListedContact[];
  /** The email method's status when its status check broke (a rule already found failing): the model may adopt it. */
  divergentStatus?: string;
}

/**
 * GetContactMethods in a region against the model: enums, then per protocol the listed method(s).
 * A protocol another rule judges (`judgedBy`) is charged to it alone; two of a protocol to
 * ONE_PER_PROTOCOL alone; the rest to GET_MATCHES, credited only where a method exists or the
 * filter left one out. Then the email method's status (PENDING_ON_CREATE or LINK_MAKES_VALID).
 */
export async function checkListing(
  ctx: RunContext,
  region: string,
  model: LightsailModel,
  key: string,
  options: { protocols?: ContactProtocol[]; judgedBy?: JudgedBy } = {},
): Promise<Listing> {
  const { protocols, judgedBy = {} } = options;
  const before = ctx.now();
  const result = await call(ctx, 'lightsail', new GetContactMethodsCommand({ protocols }), ['LIGHTSAIL.CONTACT.GET_MATCHES'], { region });
  const output = expectSetup(ctx, 'LIGHTSAIL.CONTACT.GET_MATCHES', GET, result, 'contact methods can be listed');
  const parsed = GetContactMethodsResult.safeParse(stripMetadata(output));
  // A listing in the documented shape is no evidence by itself; one out of it breaks GET_MATCHES.
  const listed: ListedContact[] = parsed.success
    ? (parsed.data.contactMethods ?? [])
    : (expectShape(ctx, 'LIGHTSAIL.CONTACT.GET_MATCHES', GET, GetContactMethodsResult, output).contactMethods ?? []);
  const members = sparing(ctx, () =>
    listed.map((c) => [
      expectMember(ctx, 'LIGHTSAIL.ENUMS', GET, 'contact method protocol', CONTACT_PROTOCOL_VALUES, c.protocol),
      expectMember(ctx, 'LIGHTSAIL.ENUMS', GET, 'contact method status', CONTACT_METHOD_STATUS_VALUES, c.status),
    ]),
  );
  // A method of an unknown protocol cannot be told apart: the enum check judged it, matching would charge it again.
  if (members.some(([protocol]) => !protocol)) return { listed };
  const methods = model.regions.get(key);
  for (const protocol of PROTOCOLS) {
    const filtered = Boolean(protocols && !protocols.includes(protocol));
    const expected = filtered ? undefined : methods?.get(protocol);
    const entries = listed.filter((c) => c.protocol === protocol);
    const matches = expected ? entries.length === 1 && entries[0]!.contactEndpoint === expected.endpoint : entries.length === 0;
    const mismatch = () => ({
      message: `the ${protocol} contact method(s) listed in ${region} are not the one that exists`,
      expected: expected ? `one ${protocol} ${expected.endpoint}` : `no ${protocol} contact method${filtered ? ` (filtered to ${protocols!.join(',')})` : ''}`,
      actual: entries.length ? entries.map((c) => `${protocol} ${c.contactEndpoint}`).join(', ') : 'none',
    });
    const judge = filtered ? undefined : judgedBy[protocol];
    if (judge) checkThat(ctx, judge.rule, GET, matches, () => ({ ...mismatch(), ...(judge.message ? { message: judge.message } : {}) }), judge.observed);
    else if (entries.length > 1) {
      checkThat(ctx, 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL', GET, false, () => ({
        ...mismatch(),
        message: `${entries.length} ${protocol} contact methods are listed in ${region}`,
        expected: `at most one ${protocol} contact method per region`,
      }));
    } else if (expected) checkThat(ctx, 'LIGHTSAIL.CONTACT.GET_MATCHES', GET, matches, mismatch, `${protocol} listed as created`);
    else if (filtered && methods?.has(protocol))
      checkThat(ctx, 'LIGHTSAIL.CONTACT.GET_MATCHES', GET, matches, mismatch, `${protocol} left out by the protocols filter`);
    else breakIf(ctx, 'LIGHTSAIL.CONTACT.GET_MATCHES', GET, matches, mismatch);
  }
  const email = listed.filter((c) => c.protocol === 'Email');
  const emailStatusKnown = email.length === 1 && CONTACT_METHOD_STATUS_VALUES.includes(email[0]!.status ?? '');
  const contact = protocols && !protocols.includes('Email') ? undefined : methods?.get('Email');
  if (!contact || !emailStatusKnown || email[0]!.contactEndpoint !== contact.endpoint) return { listed };
  const held = sparing(ctx, () => checkEmailStatus(ctx, region, model, key, email[0]!.status!, ctx.since(before)));
  return { listed, divergentStatus: held ? undefined : email[0]!.status };
}

/** The email method's status is one the model allows: PendingVerification until the link is followed, Valid after. */
function checkEmailStatus(ctx: RunContext, region: string, model: LightsailModel, key: string, status: string, at: Instant): boolean {
  const contact = model.regions.get(key)!.get('Email')!;
  const allowed = allowedStatuses(contact, at);
  const rule = contact.verified ? 'LIGHTSAIL.VERIFY.LINK_MAKES_VALID' : 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE';
  const observed = contact.verified ? `link followed → ${status}` : `unverified${requestIsFresh(contact, at) ? '' : ', request stale'} → ${status}`;
  return checkThat(
    ctx,
    rule,
    GET,
    allowed.includes(status),
    () => ({
      message: `the email contact method in ${region} reports the wrong status`,
      expected: allowed.join(' or '),
      actual: JSON.stringify(status),
    }),
    observed,
  );
}
