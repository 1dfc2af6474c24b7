// Pinpoint Email steps shared by the stateless properties and the model-based commands: the
// calls (with their clean-up registered first), the documented-error check that every rejection
// passes before its own rule, and the checks of an identity's answer and of a tag listing.
import {
  CreateEmailIdentityCommand, DeleteEmailIdentityCommand, GetEmailIdentityCommand, ListTagsForResourceCommand, TagResourceCommand,
  type Tag,
} from '@aws-sdk/client-pinpoint-email';
import { isServerError, type ObservedError } from '../../models/shared/aws-error.ts';
import type { Instant } from '../../models/shared/clock.ts';
import type { Phase } from '../../models/shared/lifecycle.ts';
import { compareTags, type TagDiscrepancy, type TagInput, type TagState } from '../../models/shared/tags.ts';
import { DKIM_STATUS_IN_PHASE, phasesAt, VERIFIED_IN_PHASE, type PinpointIdentity } from '../../models/pinpoint-email/model.ts';
import {
  CreateEmailIdentityResponse, DKIM_STATUSES, ERROR_STATUS, GetEmailIdentityResponse, IDENTITY_TYPES, identityArn, ListTagsForResourceResponse,
  OPERATION_ERRORS, PINPOINT_TAG_POLICY,
} from '../../models/pinpoint-email/shapes.ts';
import type { RuleId } from '../../spec/index.ts';
import { call, type CallResult } from '../shared/call.ts';
import { checkThat, expectMember, expectRejected, expectShape, expectSuccess } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';

/** Emulators do not say which account they play; AWS's own documentation examples use this one. */
export const EMULATOR_ACCOUNT = '000000000000';

export const arnOf = (ctx: RunContext, identity: string) => identityArn(ctx.target.region, ctx.target.account ?? EMULATOR_ACCOUNT, identity);

const describe = (e: ObservedError) => `${e.code} (HTTP ${e.httpStatus}): ${e.message}`;

/** Every error is one its operation documents, with its documented status; a client mistake never gets a 5xx. */
export function checkDocumentedError(ctx: RunContext, operation: string, error: ObservedError, clientMistake: boolean): void {
  const documented = OPERATION_ERRORS[operation] ?? [];
  checkThat(ctx, 'PINPOINT.ERRORS.DOCUMENTED', operation, documented.includes(error.code) && ERROR_STATUS[error.code] === error.httpStatus, () => ({
    message: `answered an error ${operation} does not document, or with another HTTP status than documented`,
    expected: documented.map((code) => `${code} (HTTP ${ERROR_STATUS[code]})`).join(', '),
    actual: describe(error),
  }));
  if (clientMistake) {
    checkThat(ctx, 'PINPOINT.ERRORS.DOCUMENTED', operation, !isServerError(error), () => ({
      message: 'answered a server error (5xx) for a client mistake',
      expected: 'a documented 4xx error',
      actual: describe(error),
    }));
  }
}

/** A documented rejection: first the error is a documented one (never a 5xx), then `ruleId` holds. */
export function expectDocumentedRejection(
  ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<unknown>, expected: string, codes?: readonly string[],
): ObservedError {
  if (!result.ok) checkDocumentedError(ctx, operation, result.error, true);
  return expectRejected(ctx, ruleId, operation, result, expected, codes);
}

/** A call that should succeed; an error it answers instead must still be a documented one. */
export function expectDocumentedSuccess<O>(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<O>, expected: string): O {
  if (!result.ok && isServerError(result.error)) checkDocumentedError(ctx, operation, result.error, false);
  return expectSuccess(ctx, ruleId, operation, result, expected);
}

/** The rule a violated tag restriction stands for. */
export const TAG_RULE: Record<string, RuleId> = {
  count: 'PINPOINT.TAGS.MAX_50',
  'key-length': 'PINPOINT.TAGS.KEY_LENGTH',
  'value-length': 'PINPOINT.TAGS.VALUE_LENGTH',
  characters: 'PINPOINT.TAGS.CHARACTERS',
  'reserved-prefix': 'PINPOINT.TAGS.AWS_PREFIX',
};

export const sdkTags = (tags: readonly TagInput[]) => tags as Tag[];

// The calls that create identities, with their clean-up registered before the call, so a failing
// run still leaves nothing behind.
export async function createEmailIdentity(ctx: RunContext, identity: string, tags: readonly TagInput[] | undefined, rules: readonly RuleId[]) {
  const key = `pinpoint-email:${identity}`;
  const { resources } = ctx.target;
  const before = resources.size;
  resources.add(key, () => ctx.target.client('pinpoint-email').send(new DeleteEmailIdentityCommand({ EmailIdentity: identity })));
  const result = await call(ctx, 'pinpoint-email', new CreateEmailIdentityCommand({ EmailIdentity: identity, Tags: tags && sdkTags(tags) }), rules);
  // A rejected create made nothing to clean up (unless the identity existed before this call).
  if (!result.ok && resources.size > before) resources.remove(key);
  return result;
}

export const getEmailIdentity = (ctx: RunContext, identity: string, rules: readonly RuleId[]) =>
  call(ctx, 'pinpoint-email', new GetEmailIdentityCommand({ EmailIdentity: identity }), rules);

export const tagResource = (ctx: RunContext, identity: string, tags: readonly TagInput[], rules: readonly RuleId[]) =>
  call(ctx, 'pinpoint-email', new TagResourceCommand({ ResourceArn: arnOf(ctx, identity), Tags: sdkTags(tags) }), rules);

type IdentityAnswer = ReturnType<typeof GetEmailIdentityResponse.parse>;

/** The shape, enum, type and DKIM rules for any successful CreateEmailIdentity or GetEmailIdentity answer. */
export function checkIdentityAnswer(ctx: RunContext, operation: 'CreateEmailIdentity' | 'GetEmailIdentity', name: string, kind: 'email' | 'domain', output: unknown): IdentityAnswer {
  const parsed = expectShape(ctx, 'PINPOINT.IDENTITY.TYPE', operation, operation === 'CreateEmailIdentity' ? CreateEmailIdentityResponse : GetEmailIdentityResponse, output) as IdentityAnswer;
  // Membership first: a value outside the enum breaks the enum rule; a member that is the wrong one breaks the type rule.
  expectMember(ctx, 'PINPOINT.ENUM.IDENTITY_TYPE', operation, `IdentityType of ${name}`, IDENTITY_TYPES, parsed.IdentityType);
  const expectedType = kind === 'email' ? 'EMAIL_ADDRESS' : 'DOMAIN';
  checkThat(ctx, 'PINPOINT.IDENTITY.TYPE', operation, parsed.IdentityType === expectedType, () => ({
    message: `${name} is answered with the wrong IdentityType`,
    expected: expectedType,
    actual: JSON.stringify(parsed.IdentityType),
  }));
  const dkim = parsed.DkimAttributes;
  if (kind === 'email') {
    checkThat(ctx, 'PINPOINT.DKIM.EMAIL_EMPTY', operation, !dkim || (!(dkim.Tokens?.length) && dkim.SigningEnabled !== true), () => ({
      message: `email address ${name} carries DKIM attributes`,
      expected: 'an empty DKIM object: no Tokens, not SigningEnabled',
      actual: JSON.stringify(dkim),
    }));
  } else {
    const tokens = dkim?.Tokens ?? [];
    checkThat(ctx, 'PINPOINT.DKIM.DOMAIN_TOKENS', operation, tokens.length > 0 && tokens.every((t) => t.length > 0) && new Set(tokens).size === tokens.length, () => ({
      message: `domain ${name} does not carry a set of unique DKIM tokens`,
      expected: 'DkimAttributes.Tokens: one or more non-empty strings, no two equal',
      actual: JSON.stringify(dkim?.Tokens),
    }));
  }
  if (dkim?.Status !== undefined) expectMember(ctx, 'PINPOINT.ENUM.DKIM_STATUS', operation, `DkimAttributes.Status of ${name}`, DKIM_STATUSES, dkim.Status);
  return parsed;
}

/** Which documented rule an expectation about an identity's verification stands for. */
export function ruleForPhases(identity: PinpointIdentity, allowed: ReadonlySet<Phase>): RuleId {
  if (identity.kind === 'email') return allowed.has('verified') ? 'PINPOINT.VERIFY.EMAIL_LINK' : 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE';
  if (allowed.size === 1 && allowed.has('failed')) return 'PINPOINT.VERIFY.DOMAIN_FAILED_72H';
  if (allowed.has('verified')) return 'PINPOINT.VERIFY.DOMAIN_DKIM';
  return 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE';
}

/** VerifiedForSendingStatus (and a domain's DKIM status) match a phase the model allows at `at`; answers the phase seen. */
export function checkVerification(ctx: RunContext, operation: string, name: string, identity: PinpointIdentity, answer: IdentityAnswer, at: Instant): Phase | undefined {
  const allowed = phasesAt(identity, at);
  const rule = ruleForPhases(identity, allowed);
  const verified = answer.VerifiedForSendingStatus === true;
  const status = answer.DkimAttributes?.Status;
  const matching = [...allowed].filter((phase) => VERIFIED_IN_PHASE[phase] === verified && (identity.kind === 'email' || DKIM_STATUS_IN_PHASE[phase].includes(status as never)));
  checkThat(ctx, rule, operation, matching.length > 0, () => ({
    message: `${name} reports the wrong verification state`,
    expected: [...allowed].map((phase) => `VerifiedForSendingStatus ${VERIFIED_IN_PHASE[phase]}${identity.kind === 'domain' ? ` with DKIM ${DKIM_STATUS_IN_PHASE[phase].join('/')}` : ''}`).join(' or '),
    actual: `VerifiedForSendingStatus ${JSON.stringify(answer.VerifiedForSendingStatus)}${identity.kind === 'domain' ? `, DKIM ${JSON.stringify(status)}` : ''}`,
  }));
  return matching[0];
}

const DISCREPANCY_RULE: Record<TagDiscrepancy['kind'], RuleId> = {
  'duplicate-key': 'PINPOINT.TAGS.UNIQUE_KEY',
  'over-limit': 'PINPOINT.TAGS.MAX_50',
  'case-folded': 'PINPOINT.TAGS.CASE_SENSITIVE',
  'not-removed': 'PINPOINT.UNTAG.REMOVES',
  'value-not-replaced': 'PINPOINT.TAGS.UNIQUE_KEY',
  'omitted-value-not-empty': 'PINPOINT.TAGS.VALUE_OPTIONAL',
  missing: 'PINPOINT.TAGS.LIST_MATCHES',
  unexpected: 'PINPOINT.TAGS.LIST_MATCHES',
  'wrong-value': 'PINPOINT.TAGS.LIST_MATCHES',
};

function explain(d: TagDiscrepancy): string {
  switch (d.kind) {
    case 'duplicate-key': return `key ${JSON.stringify(d.key)} is listed more than once`;
    case 'over-limit': return `${d.count} tags are listed, over the limit of ${PINPOINT_TAG_POLICY.maxTags}`;
    case 'case-folded': return `key ${JSON.stringify(d.key)} was taken for a different-case key${d.listedAs ? ` (${JSON.stringify(d.listedAs)} is listed instead)` : ''}`;
    case 'not-removed': return `key ${JSON.stringify(d.key)} is still listed after UntagResource removed it`;
    case 'value-not-replaced': return `key ${JSON.stringify(d.key)} was tagged again with ${JSON.stringify(d.expected)} but keeps ${JSON.stringify(d.actual)}`;
    case 'omitted-value-not-empty': return `key ${JSON.stringify(d.key)} was given without a Value but is listed with ${JSON.stringify(d.actual)}, not ""`;
    case 'missing': return `key ${JSON.stringify(d.key)} is not listed`;
    case 'unexpected': return `key ${JSON.stringify(d.key)} is listed but was never set`;
    case 'wrong-value': return `key ${JSON.stringify(d.key)} is listed with ${JSON.stringify(d.actual)}, not ${JSON.stringify(d.expected)}`;
  }
}

const showTags = (state: TagState) => JSON.stringify(Object.fromEntries([...state.tags].map(([k, t]) => [k, t.value])));

/** ListTagsForResource of an existing identity: the invariants (at most 50, unique keys), then equality with the model. */
export async function checkListedTags(ctx: RunContext, name: string, tags: TagState): Promise<void> {
  const result = await call(ctx, 'pinpoint-email', new ListTagsForResourceCommand({ ResourceArn: arnOf(ctx, name) }), ['PINPOINT.TAGS.LIST_MATCHES']);
  const output = expectDocumentedSuccess(ctx, 'PINPOINT.TAGS.LIST_MATCHES', 'ListTagsForResource', result, `the tags of ${name} can be listed`);
  const { Tags } = expectShape(ctx, 'PINPOINT.TAGS.LIST_MATCHES', 'ListTagsForResource', ListTagsForResourceResponse, output);
  const discrepancy = compareTags(PINPOINT_TAG_POLICY, tags, Tags);
  if (discrepancy) {
    checkThat(ctx, DISCREPANCY_RULE[discrepancy.kind], 'ListTagsForResource', false, () => ({
      message: `the tags of ${name} do not match: ${explain(discrepancy)}`,
      expected: showTags(tags),
      actual: JSON.stringify(Object.fromEntries(Tags.map((t) => [t.Key, t.Value]))),
    }));
  }
  // Every rule a listing that matches the model shows to hold.
  ctx.held('PINPOINT.TAGS.LIST_MATCHES');
  ctx.held('PINPOINT.TAGS.UNIQUE_KEY');
  ctx.held('PINPOINT.TAGS.MAX_50');
  const states = [...tags.tags.values()];
  if (states.some((t) => t.origin === 'omitted-value')) ctx.held('PINPOINT.TAGS.VALUE_OPTIONAL');
  if (states.some((t) => t.origin === 'replaced')) ctx.held('PINPOINT.TAGS.UNIQUE_KEY');
  if (tags.removed.size > 0) ctx.held('PINPOINT.UNTAG.REMOVES');
  const keys = [...tags.tags.keys()];
  if (keys.some((k) => keys.some((other) => other !== k && other.toLowerCase() === k.toLowerCase()))) ctx.held('PINPOINT.TAGS.CASE_SENSITIVE');
}

/** GetEmailIdentity of an identity that does not exist: NotFoundException (404). */
export function expectNotFound(ctx: RunContext, ruleId: RuleId, name: string, result: CallResult<unknown>, why: string): void {
  expectDocumentedRejection(ctx, ruleId, 'GetEmailIdentity', result, `${name} ${why}: NotFoundException (HTTP 404)`, ['NotFoundException']);
}
