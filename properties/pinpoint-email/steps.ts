// Pinpoint Email steps shared by the stateless properties and the model-based commands: the
// calls (with their clean-up registered first), the checks of an identity's answer and of its
// verification state, of a tag request's acceptance at the limits it sits on, and of a tag listing.
// Errors pass the shared documented-errors order (properties/shared/checks.ts).
import {
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type Tag,
} from '@aws-sdk/client-pinpoint-email';
import type { Instant } from '../../models/shared/clock.ts';
import type { Phase } from '../../models/shared/lifecycle.ts';
import {
  charLength,
  compareTags,
  isReserved,
  tagStateFrom,
  type TagDiscrepancy,
  type TagInput,
  type TagState,
  type TagViolation,
} from '../../models/shared/tags.ts';
import { DKIM_STATUS_IN_PHASE, phasesAt, VERIFIED_IN_PHASE, type PinpointIdentity } from '../../models/pinpoint-email/model.ts';
import {
  CreateEmailIdentityResponse,
  DKIM_STATUSES,
  GetEmailIdentityResponse,
  IDENTITY_TYPES,
  identityArn,
  ListTagsForResourceResponse,
  PINPOINT_TAG_POLICY,
} from '../../models/pinpoint-email/shapes.ts';
import type { RuleId } from '../../services/index.ts';
import { call, type CallResult } from '../shared/call.ts';
import { checkThat, expectMember, expectRejected, expectSetup, expectShape, expectSuccess, stop } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';

export type Kind = 'email' | 'domain';

/** Emulators do not say which account they play; AWS's own documentation examples use this one. */
const EMULATOR_ACCOUNT = '000000000000';

const arnOf = (ctx: RunContext, identity: string) => identityArn(ctx.target.region, ctx.target.account ?? EMULATOR_ACCOUNT, identity);

/** The rule a violated tag restriction stands for. */
export const TAG_RULE: Record<string, RuleId> = {
  count: 'PINPOINT.TAGS.MAX_50',
  'key-length': 'PINPOINT.TAGS.KEY_LENGTH',
  'value-length': 'PINPOINT.TAGS.VALUE_LENGTH',
  characters: 'PINPOINT.TAGS.CHARACTERS',
  'reserved-prefix': 'PINPOINT.TAGS.AWS_PREFIX',
};

/** Tags as the SDK types them: an omitted Value is an undefined one (the SDK leaves it out of the request either way). */
const sdkTags = (tags: readonly TagInput[]): Tag[] => tags.map(({ Key, Value }) => ({ Key, Value }));

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

export const untagResource = (ctx: RunContext, identity: string, keys: readonly string[]) =>
  call(ctx, 'pinpoint-email', new UntagResourceCommand({ ResourceArn: arnOf(ctx, identity), TagKeys: [...keys] }), ['PINPOINT.UNTAG.REMOVES']);

/** The keys of a request the resource already has. */
const retagged = (tags: readonly TagInput[], existing: ReadonlySet<string>) => tags.filter((t) => existing.has(t.Key));

/** Two of the keys differ only in case. */
export const hasCaseVariants = (keys: Iterable<string>) => {
  const all = [...keys];
  return new Set(all.map((k) => k.toLowerCase())).size < new Set(all).size;
};

/**
 * The rule a refused valid tag request breaks when it sits on no limit: the re-tag of a key the
 * resource has, else the case of keys that differ only in case (with the resource's or within the
 * request), else the characters it is made of.
 */
export function refusalRule(tags: readonly TagInput[], existing: ReadonlySet<string>): RuleId {
  if (retagged(tags, existing).length) return 'PINPOINT.TAGS.UNIQUE_KEY';
  const keys = [...existing, ...tags.map((t) => t.Key)];
  const hasTwin = (key: string) => keys.some((other) => other !== key && other.toLowerCase() === key.toLowerCase());
  return tags.some((t) => hasTwin(t.Key)) ? 'PINPOINT.TAGS.CASE_SENSITIVE' : 'PINPOINT.TAGS.CHARACTERS';
}

/** A documented limit a valid tag request sits on: the rule its acceptance is evidence for, and what was seen. */
export interface Boundary {
  rule: RuleId;
  observed: string;
}

const ASCII_ALNUM = /^[A-Za-z0-9]$/;
function characterClass(c: string): string {
  if (/^\p{L}$/u.test(c)) return 'non-ASCII letters';
  if (/^\p{Nd}$/u.test(c)) return 'non-ASCII digits';
  if (/^\p{White_Space}$/u.test(c)) return 'white space';
  return `symbol ${c}`;
}

/**
 * The limits a valid request sits on (50 tags, 1 or 128-character keys, empty or 256-character
 * values, characters beyond ASCII letters and digits). ASCII letters and digits at lengths inside
 * the limits sit on none: their acceptance shows no limit. A tag without Value is valid under one
 * reading only: the disputed-tags property judges it, with its own observations.
 */
function boundariesOf(operation: string, tags: readonly TagInput[], existing: ReadonlySet<string> = new Set()): Boundary[] {
  const found: Boundary[] = [];
  const at = (rule: RuleId, what: string) => found.push({ rule, observed: `${operation}: ${what} → accepted` });
  const keys = new Set([...existing, ...tags.map((t) => t.Key)]);
  if (keys.size === PINPOINT_TAG_POLICY.maxTags) {
    // Re-tagged keys or keys that differ only in case make 50 only where a key is kept once and case apart: those rules', not this limit alone.
    if (retagged(tags, existing).length) at('PINPOINT.TAGS.UNIQUE_KEY', `keys tagged again at ${keys.size} tags`);
    else if (!hasCaseVariants(keys)) at('PINPOINT.TAGS.MAX_50', `${keys.size} tags`);
  }
  for (const n of new Set(tags.map((t) => charLength(t.Key))))
    if (n === PINPOINT_TAG_POLICY.maxKeyLength || n === PINPOINT_TAG_POLICY.minKeyLength) at('PINPOINT.TAGS.KEY_LENGTH', `${n}-character key`);
  for (const n of new Set(tags.flatMap((t) => (t.Value === undefined ? [] : [charLength(t.Value)])))) {
    if (n === PINPOINT_TAG_POLICY.maxValueLength || n === 0) at('PINPOINT.TAGS.VALUE_LENGTH', n ? `${n}-character value` : 'empty value');
  }
  const classes = new Set(
    tags
      .flatMap((t) => [...t.Key, ...(t.Value ?? '')])
      .filter((c) => !ASCII_ALNUM.test(c))
      .map(characterClass),
  );
  for (const c of [...classes].sort()) at('PINPOINT.TAGS.CHARACTERS', c);
  return found;
}

/**
 * A valid tag request (CreateEmailIdentity with Tags, TagResource): accepted, it is evidence for each
 * limit it sits on. Refused, it breaks the rule of the limit it sits on (the first, should it sit on
 * several: the generators send one at a time), or `otherwise` when it sits on none. Keys tagged
 * again that would pass 50 if added rather than replaced make a refusal the unique-key rule's.
 */
export function expectAccepted<O>(
  ctx: RunContext,
  operation: string,
  result: CallResult<O>,
  tags: readonly TagInput[],
  existing: ReadonlySet<string>,
  otherwise: RuleId,
): O {
  const boundaries = boundariesOf(operation, tags, existing);
  if (!result.ok) {
    const keys = new Set([...existing, ...tags.map((t) => t.Key)]).size;
    const addedTwice = retagged(tags, existing).length > 0 && keys + retagged(tags, existing).length > PINPOINT_TAG_POLICY.maxTags;
    const rule = addedTwice ? 'PINPOINT.TAGS.UNIQUE_KEY' : (boundaries[0]?.rule ?? otherwise);
    const sits = boundaries.length ? `, sitting on ${boundaries.map((b) => b.observed.replace(/^[^:]*: | → accepted$/g, '')).join(', ')},` : '';
    return expectSuccess<O>(ctx, rule, operation, result, `a valid request${sits} with ${tags.length} tags (the resource having ${existing.size}) is accepted`);
  }
  for (const b of boundaries) ctx.held(b.rule, b.observed);
  return result.output;
}

type IdentityAnswer = ReturnType<typeof GetEmailIdentityResponse.parse>;

export interface CheckedAnswer {
  answer: IdentityAnswer;
  /** DkimAttributes.Status is absent or a documented value: only then may a state rule judge it. */
  statusJudgeable: boolean;
}

/** The shape, enum, type and DKIM rules for any successful CreateEmailIdentity or GetEmailIdentity answer. */
export function checkIdentityAnswer(
  ctx: RunContext,
  operation: 'CreateEmailIdentity' | 'GetEmailIdentity',
  name: string,
  kind: Kind,
  output: unknown,
): CheckedAnswer {
  const schema = operation === 'CreateEmailIdentity' ? CreateEmailIdentityResponse : GetEmailIdentityResponse;
  // GetEmailIdentity's answer only adds optional members: a CreateEmailIdentity answer is one too.
  const parsed: IdentityAnswer = expectShape(ctx, 'PINPOINT.IDENTITY.TYPE', operation, schema, output);
  // Membership first: a value outside the enum breaks the enum rule only; a member that is the wrong one breaks the type rule.
  if (expectMember(ctx, 'PINPOINT.ENUM.IDENTITY_TYPE', operation, `IdentityType of ${name}`, IDENTITY_TYPES, parsed.IdentityType))
    checkType(ctx, operation, name, kind, parsed.IdentityType);
  const dkim = parsed.DkimAttributes;
  if (kind === 'email') {
    checkThat(
      ctx,
      'PINPOINT.DKIM.EMAIL_EMPTY',
      operation,
      !dkim || (!dkim.Tokens?.length && dkim.SigningEnabled !== true),
      () => ({
        message: `email address ${name} carries DKIM attributes`,
        expected: 'an empty DKIM object: no Tokens, not SigningEnabled',
        actual: JSON.stringify(dkim),
      }),
      `${operation}: email address → no DKIM tokens`,
    );
  } else {
    const tokens = dkim?.Tokens ?? [];
    checkThat(
      ctx,
      'PINPOINT.DKIM.DOMAIN_TOKENS',
      operation,
      tokens.length > 0 && tokens.every((t) => t.length > 0) && new Set(tokens).size === tokens.length,
      () => ({
        message: `domain ${name} does not carry a set of unique DKIM tokens`,
        expected: 'DkimAttributes.Tokens: one or more non-empty strings, no two equal',
        actual: JSON.stringify(dkim?.Tokens),
      }),
      `${operation}: domain → ${tokens.length} unique tokens`,
    );
  }
  const statusJudgeable =
    dkim?.Status === undefined || expectMember(ctx, 'PINPOINT.ENUM.DKIM_STATUS', operation, `DkimAttributes.Status of ${name}`, DKIM_STATUSES, dkim.Status);
  return { answer: parsed, statusJudgeable };
}

/** IdentityType (a documented value) is the one for the kind of identity. */
export function checkType(ctx: RunContext, operation: string, name: string, kind: Kind, actual: unknown): void {
  const expected = kind === 'email' ? 'EMAIL_ADDRESS' : 'DOMAIN';
  checkThat(
    ctx,
    'PINPOINT.IDENTITY.TYPE',
    operation,
    actual === expected,
    () => ({
      message: `${name} is answered with the wrong IdentityType`,
      expected,
      actual: JSON.stringify(actual),
    }),
    `${operation}: ${kind === 'email' ? 'email address' : 'domain'} → ${expected}`,
  );
}

/** Which documented rule an expectation about an identity's verification stands for. */
function ruleForPhases(identity: PinpointIdentity, allowed: ReadonlySet<Phase>): RuleId {
  if (identity.kind === 'email') return allowed.has('verified') ? 'PINPOINT.VERIFY.EMAIL_LINK' : 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE';
  if (allowed.size === 1 && allowed.has('failed')) return 'PINPOINT.VERIFY.DOMAIN_FAILED_72H';
  if (allowed.has('verified')) return 'PINPOINT.VERIFY.DOMAIN_DKIM';
  return 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE';
}

/** The situation a phase expectation stands for, as the report names it. */
function situation(identity: PinpointIdentity, allowed: ReadonlySet<Phase>): string {
  const phases = [...allowed].sort().join('/');
  if (identity.kind === 'email') return allowed.has('verified') ? 'link followed' : 'new address, link not followed';
  if (identity.verification.confirmedAt) return allowed.has('pending') ? 'records published, within 72h' : 'records published, after 72h';
  if (phases === 'failed') return 'no records within 72h';
  return phases === 'pending' ? 'new domain, within 72h' : 'new domain, near the 72h deadline';
}

export interface VerificationSeen {
  /** The phase the answer matched, if it was judged and held. */
  phase?: Phase;
  /** The answer said verified where only pending is allowed: later answers' flag is that same deviation. */
  verifiedEarly: boolean;
}

/**
 * VerifiedForSendingStatus (and a domain's DKIM status) match a phase the model allows at `at`.
 * A non-documented DKIM status was the enum rule's finding and is not judged again here; the flag
 * of an identity already seen verified too early is not judged again either (one cause, one rule).
 */
export function checkVerification(
  ctx: RunContext,
  operation: string,
  name: string,
  identity: PinpointIdentity,
  checked: CheckedAnswer,
  at: Instant,
): VerificationSeen {
  const allowed = phasesAt(identity, at);
  const rule = ruleForPhases(identity, allowed);
  const verified = checked.answer.VerifiedForSendingStatus === true;
  const status = checked.answer.DkimAttributes?.Status;
  const judgeFlag = !identity.verifiedEarly;
  const judgeStatus = identity.kind === 'domain' && checked.statusJudgeable;
  if (!judgeFlag && !judgeStatus) return { verifiedEarly: false };
  const matching = [...allowed].filter(
    (phase) => (!judgeFlag || VERIFIED_IN_PHASE[phase] === verified) && (!judgeStatus || DKIM_STATUS_IN_PHASE[phase].some((s) => s === status)),
  );
  const held = checkThat(
    ctx,
    rule,
    operation,
    matching.length > 0,
    () => ({
      message: `${name} reports the wrong verification state`,
      expected: [...allowed]
        .map(
          (phase) =>
            `VerifiedForSendingStatus ${VERIFIED_IN_PHASE[phase]}${identity.kind === 'domain' ? ` with DKIM ${DKIM_STATUS_IN_PHASE[phase].join('/')}` : ''}`,
        )
        .join(' or '),
      actual: `VerifiedForSendingStatus ${JSON.stringify(checked.answer.VerifiedForSendingStatus)}${identity.kind === 'domain' ? `, DKIM ${JSON.stringify(status)}` : ''}`,
    }),
    `${operation}: ${situation(identity, allowed)} → ${matching[0]}`,
  );
  const onlyPending = allowed.size === 1 && allowed.has('pending');
  return { phase: held ? matching[0] : undefined, verifiedEarly: !held && judgeFlag && onlyPending && verified };
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
    case 'duplicate-key':
      return `key ${JSON.stringify(d.key)} is listed more than once`;
    case 'over-limit':
      return `${d.count} tags are listed, over the limit of ${PINPOINT_TAG_POLICY.maxTags}`;
    case 'case-folded':
      return `key ${JSON.stringify(d.key)} was taken for a different-case key${d.listedAs ? ` (${JSON.stringify(d.listedAs)} is listed instead)` : ''}`;
    case 'not-removed':
      return `key ${JSON.stringify(d.key)} is still listed after UntagResource removed it`;
    case 'value-not-replaced':
      return `key ${JSON.stringify(d.key)} was tagged again with ${JSON.stringify(d.expected)} but keeps ${JSON.stringify(d.actual)}`;
    case 'omitted-value-not-empty':
      return `key ${JSON.stringify(d.key)} was given without a Value but is listed with ${JSON.stringify(d.actual)}, not ""`;
    case 'missing':
      return `key ${JSON.stringify(d.key)} is not listed`;
    case 'unexpected':
      return `key ${JSON.stringify(d.key)} is listed but was never set`;
    case 'wrong-value':
      return `key ${JSON.stringify(d.key)} is listed with ${JSON.stringify(d.actual)}, not ${JSON.stringify(d.expected)}`;
  }
}

const showTags = (state: TagState) => JSON.stringify(Object.fromEntries([...state.tags].map(([k, t]) => [k, t.value])));

/**
 * ListTagsForResource of an existing identity, compared with the model; `after` names what the
 * listing follows (`CreateEmailIdentity`, `rejected TagResource`...), `rejected` says that was a
 * rejected request (which must have changed nothing). Each discrepancy is charged to the rule it
 * breaks; a rule is credited only by keys the listing shows as the model has them (listed once,
 * with their value, no discrepancy in their case group). Answers the tags to go on with: the
 * model's, or, after a discrepancy already found failing, the listed ones.
 */
export async function checkListedTags(ctx: RunContext, name: string, tags: TagState, after: string, rejected = false): Promise<TagState> {
  const result = await call(ctx, 'pinpoint-email', new ListTagsForResourceCommand({ ResourceArn: arnOf(ctx, name) }), ['PINPOINT.TAGS.LIST_MATCHES']);
  const output = expectSetup(ctx, 'PINPOINT.TAGS.LIST_MATCHES', 'ListTagsForResource', result, `the tags of ${name} can be listed`);
  const { Tags } = expectShape(ctx, 'PINPOINT.TAGS.LIST_MATCHES', 'ListTagsForResource', ListTagsForResourceResponse, output);
  const discrepancies = compareTags(PINPOINT_TAG_POLICY, tags, Tags);
  const broken = new Set<RuleId>();
  for (const d of discrepancies) {
    broken.add(DISCREPANCY_RULE[d.kind]);
    checkThat(ctx, DISCREPANCY_RULE[d.kind], 'ListTagsForResource', false, () => ({
      message: `the tags of ${name} do not match: ${explain(d)}`,
      expected: showTags(tags),
      actual: JSON.stringify(Tags.map((t) => [t.Key, t.Value])),
    }));
  }
  const lower = (key: string) => key.toLowerCase();
  // Case groups a discrepancy touches: none of their keys shows anything held.
  const troubled = new Set(
    discrepancies.flatMap((d) => ('key' in d ? [lower(d.key), ...(d.kind === 'case-folded' && d.listedAs ? [lower(d.listedAs)] : [])] : [])),
  );
  const listedAs = (key: string) => Tags.filter((t) => t.Key === key);
  /** Listed once, with the model's value, its case group free of discrepancies. */
  const shown = (key: string) => {
    const entries = listedAs(key);
    return !troubled.has(lower(key)) && entries.length === 1 && (entries[0]!.Value ?? '') === tags.tags.get(key)?.value;
  };
  const credit = (rule: RuleId, observed: string) => broken.has(rule) || ctx.held(rule, `${after} → ${observed}`);
  const states = [...tags.tags];
  if (!discrepancies.length && (states.length || tags.removed.size || rejected))
    credit('PINPOINT.TAGS.LIST_MATCHES', states.length ? 'the tags as set, listed' : 'no tags, none listed');
  // The tags set that the listing shows (AWS's own, reserved keys are not counted).
  const counted = new Set(Tags.map((t) => t.Key).filter((key) => tags.tags.has(key) && !isReserved(PINPOINT_TAG_POLICY, key))).size;
  if (states.length === PINPOINT_TAG_POLICY.maxTags && counted === PINPOINT_TAG_POLICY.maxTags) credit('PINPOINT.TAGS.MAX_50', `${counted} tags listed`);
  if (states.some(([key, t]) => t.origin === 'replaced' && shown(key))) credit('PINPOINT.TAGS.UNIQUE_KEY', 'key tagged again, listed once with its new value');
  if ([...tags.removed].some((key) => !listedAs(key).length && !troubled.has(lower(key)))) credit('PINPOINT.UNTAG.REMOVES', 'untagged keys not listed');
  const keys = [...tags.tags.keys()].filter(shown);
  if (keys.some((k) => keys.some((other) => other !== k && lower(other) === lower(k))))
    credit('PINPOINT.TAGS.CASE_SENSITIVE', 'keys differing in case, both listed');
  // Any discrepancy reaching here was found failing before: go on from what the target holds,
  // unless it holds a key twice, which no model of unique keys can follow (its count, its values).
  if (discrepancies.some((d) => d.kind === 'duplicate-key')) stop(`the tags of ${name} list a key twice (a failure already found): the model cannot follow`);
  return discrepancies.length ? tagStateFrom(Tags, tags) : tags;
}

/** GetEmailIdentity of an identity never created: NotFoundException (404). */
export function expectNotFound(ctx: RunContext, name: string, result: CallResult<unknown>, observed: string): void {
  expectRejected(
    ctx,
    'PINPOINT.GET.NOT_FOUND',
    'GetEmailIdentity',
    result,
    `${name} does not exist: NotFoundException (HTTP 404)`,
    ['NotFoundException'],
    `GetEmailIdentity: ${observed} → NotFoundException`,
  );
}

/**
 * GetEmailIdentity of a deleted identity: answering it breaks the deletion; an error other than
 * NotFoundException is the not-found rule's finding, not the deletion's. Whether it was gone.
 */
export function expectDeleted(ctx: RunContext, name: string, result: CallResult<unknown>): boolean {
  if (result.ok) {
    return checkThat(ctx, 'PINPOINT.DELETE.REMOVES_IDENTITY', 'GetEmailIdentity', false, () => ({
      message: `${name} was deleted but GetEmailIdentity still answers it`,
      expected: 'NotFoundException (HTTP 404)',
      actual: `success: ${JSON.stringify(result.output)}`,
    }));
  }
  expectNotFound(ctx, name, result, 'deleted identity');
  ctx.held('PINPOINT.DELETE.REMOVES_IDENTITY', 'GetEmailIdentity: deleted identity → NotFoundException');
  return true;
}

/** The one restriction a request breaks, as the report names it (`51 tags`, `129-character key`, `key prefix AWS:`). */
export function describeViolation(violation: TagViolation, tags: readonly TagInput[], existing: ReadonlySet<string> = new Set()): string {
  const policy = PINPOINT_TAG_POLICY;
  const outside = (s: string) => [...s].find((c) => !policy.allowedCharacter.test(c));
  switch (violation) {
    case 'count': {
      const added = tags.filter((t) => !existing.has(t.Key)).length;
      return existing.size ? `${existing.size} + ${added} tags` : `${added} tags`;
    }
    case 'key-length': {
      const n = charLength(tags.find((t) => charLength(t.Key) < policy.minKeyLength || charLength(t.Key) > policy.maxKeyLength)!.Key);
      return n ? `${n}-character key` : 'empty key';
    }
    case 'value-length':
      return `${charLength(tags.find((t) => t.Value !== undefined && charLength(t.Value) > policy.maxValueLength)!.Value!)}-character value`;
    case 'characters': {
      const inKey = tags.find((t) => outside(t.Key) !== undefined);
      return inKey ? `key with ${outside(inKey.Key)}` : `value with ${tags.map((t) => outside(t.Value ?? '')).find((c) => c !== undefined)}`;
    }
    case 'reserved-prefix': {
      const key = tags.find((t) => isReserved(policy, t.Key));
      return key ? `key prefix ${key.Key.slice(0, 4)}` : `value prefix ${tags.find((t) => isReserved(policy, t.Value))!.Value!.slice(0, 4)}`;
    }
  }
}
