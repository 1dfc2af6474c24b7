// The Pinpoint Email properties: stateless ones per documented limit and lifecycle, and two
// model-based ones, over identities (create / get / list / delete / verify / clock) and over tags
// (create / tag / untag / list tags). Each runs its examples first in every pass: every limit on
// both sides, every lifecycle state. The tag properties take the create as set-up and leave its
// answer to the identity properties, so that a failing answer costs no pass of theirs.
// Every PINPOINT rule in spec/ is covered by at least one of them.
import { CreateEmailIdentityCommand } from '@aws-sdk/client-pinpoint-email';
import fc from 'fast-check';
import {
  confirmIdentity,
  createIdentity,
  createViolations,
  emptyPinpointModel,
  markVerifiedEarly,
  type PinpointModel,
} from '../../models/pinpoint-email/model.ts';
import { PINPOINT_TAG_POLICY } from '../../models/pinpoint-email/shapes.ts';
import { HOUR, instant } from '../../models/shared/clock.ts';
import {
  applyTags,
  DISPUTE_VIOLATION,
  emptyTags,
  requestViolations,
  tagDisputes,
  untagKeys,
  type TagDispute,
  type TagInput,
  type TagState,
} from '../../models/shared/tags.ts';
import { readingObservation } from '../../harness/report/readings.ts';
import type { RuleId } from '../../services/index.ts';
import { call } from '../shared/call.ts';
import { checkThat, expectRejected, expectSetup, stop } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { followVerificationLink } from '../shared/inbox.ts';
import { modelProperty } from '../shared/model-run.ts';
import { advanceClock } from '../shared/out-of-band.ts';
import { defineProperty, type ConformanceProperty } from '../shared/property.ts';
import {
  BOUNDARY_EXAMPLES,
  brokenRequest,
  disputedRequest,
  fillers,
  kindArb,
  newKeys,
  OPERATIONS,
  RESERVED_CASES,
  VALID_BOUNDARIES,
  validRequest,
  type BrokenRequest,
  type DisputedRequest,
  type TagBreak,
  type ValidBoundary,
  type ValidRequest,
} from './arbitraries.ts';
import { advanceClockCommand } from './commands/advance-clock.ts';
import { createIdentityCommand, createTaggedCommand } from './commands/create-identity.ts';
import { deleteIdentityCommand } from './commands/delete-identity.ts';
import { followLinkCommand } from './commands/follow-link.ts';
import { getIdentityCommand } from './commands/get-identity.ts';
import { listIdentitiesCommand } from './commands/list-identities.ts';
import { listTagsCommand } from './commands/list-tags.ts';
import { publishDkimCommand, publishDkimRecords } from './commands/publish-dkim.ts';
import { tagIdentityCommand } from './commands/tag-identity.ts';
import { untagIdentityCommand } from './commands/untag-identity.ts';
import { identityExamples, tagExamples } from './examples.ts';
import {
  checkIdentityAnswer,
  checkListedTags,
  checkVerification,
  createEmailIdentity,
  describeViolation,
  expectAccepted,
  getEmailIdentity,
  TAG_RULE,
  tagResource,
  untagResource,
  type Kind,
} from './steps.ts';

const CREATE = 'CreateEmailIdentity';
const { maxTags } = PINPOINT_TAG_POLICY;

/** What a successful CreateEmailIdentity / GetEmailIdentity answer is checked for. */
const ANSWER_RULES = [
  'PINPOINT.IDENTITY.TYPE',
  'PINPOINT.ENUM.IDENTITY_TYPE',
  'PINPOINT.ENUM.DKIM_STATUS',
  'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE',
  'PINPOINT.DKIM.DOMAIN_TOKENS',
  'PINPOINT.DKIM.EMAIL_EMPTY',
] as const satisfies readonly RuleId[];
/** What a tag listing is checked for. */
const LISTING_RULES = [
  'PINPOINT.TAGS.LIST_MATCHES',
  'PINPOINT.TAGS.UNIQUE_KEY',
  'PINPOINT.TAGS.MAX_50',
  'PINPOINT.TAGS.CASE_SENSITIVE',
  'PINPOINT.UNTAG.REMOVES',
] as const satisfies readonly RuleId[];
const LIMIT_RULES = [
  'PINPOINT.TAGS.KEY_LENGTH',
  'PINPOINT.TAGS.VALUE_LENGTH',
  'PINPOINT.TAGS.CHARACTERS',
  'PINPOINT.TAGS.AWS_PREFIX',
] as const satisfies readonly RuleId[];

/** The rule whose limit a valid request sits on. */
const BOUNDARY_RULE: Record<ValidBoundary, RuleId> = {
  count: 'PINPOINT.TAGS.MAX_50',
  'key-min': 'PINPOINT.TAGS.KEY_LENGTH',
  'key-max': 'PINPOINT.TAGS.KEY_LENGTH',
  'value-empty': 'PINPOINT.TAGS.VALUE_LENGTH',
  'value-max': 'PINPOINT.TAGS.VALUE_LENGTH',
  letters: 'PINPOINT.TAGS.CHARACTERS',
  digits: 'PINPOINT.TAGS.CHARACTERS',
  'white-space': 'PINPOINT.TAGS.CHARACTERS',
  symbols: 'PINPOINT.TAGS.CHARACTERS',
  none: 'PINPOINT.TAGS.CHARACTERS',
};

/** The rule a broken restriction stands for. */
const BREAK_RULE: Record<TagBreak, RuleId> = {
  count: 'PINPOINT.TAGS.MAX_50',
  'key-empty': 'PINPOINT.TAGS.KEY_LENGTH',
  'key-long': 'PINPOINT.TAGS.KEY_LENGTH',
  'value-long': 'PINPOINT.TAGS.VALUE_LENGTH',
  'key-character': 'PINPOINT.TAGS.CHARACTERS',
  'value-character': 'PINPOINT.TAGS.CHARACTERS',
  'key-prefix': 'PINPOINT.TAGS.AWS_PREFIX',
};

const nameOf = (ctx: RunContext, kind: Kind, label: string) => (kind === 'email' ? ctx.naming.email(label) : ctx.naming.domain(label));
const kindAt = (i: number): Kind => (i % 2 ? 'domain' : 'email');

/**
 * Creates an identity with valid `tags`; answers the tags it must then have. The create serves
 * `rule`: a refusal with no tag limit in it is charged to it; its success is no evidence (its
 * answer is the identity properties' to observe).
 */
async function createTagged(ctx: RunContext, real: string, tags: readonly TagInput[], rule: RuleId): Promise<TagState> {
  const result = await createEmailIdentity(ctx, real, tags, [rule]);
  if (tags.length) expectAccepted(ctx, CREATE, result, tags, new Set(), rule);
  else expectSetup(ctx, rule, CREATE, result, 'a new identity is accepted');
  return applyTags(emptyTags(), tags);
}

/** An identity with `count` fillers, as listed: the tags a TagResource request then goes to. */
async function existingTags(ctx: RunContext, real: string, count: number, rule: RuleId): Promise<TagState> {
  const tags = await createTagged(ctx, real, fillers(count), rule);
  return count ? checkListedTags(ctx, real, tags, CREATE) : tags;
}

/** Creates an identity (no tags) and checks the answer; returns its model. A refusal is charged to `rule`. */
async function createValid(ctx: RunContext, kind: Kind, real: string, rule: RuleId): Promise<PinpointModel> {
  const result = await createEmailIdentity(ctx, real, [], [rule]);
  const output = expectSetup(ctx, rule, CREATE, result, `a new ${kind} identity is accepted`);
  const checked = checkIdentityAnswer(ctx, CREATE, real, kind, output);
  const model = createIdentity(emptyPinpointModel(), 'x', kind, checked.answer.DkimAttributes?.Tokens ?? [], [], result.at);
  const seen = checkVerification(ctx, CREATE, real, model.identities.get('x')!, checked, result.at);
  return seen.verifiedEarly ? markVerifiedEarly(model, 'x') : model;
}

const requiresIdentity = defineProperty({
  name: 'CreateEmailIdentity requires EmailIdentity',
  service: 'pinpoint-email',
  rules: ['PINPOINT.CREATE.IDENTITY_REQUIRED', 'PINPOINT.ERRORS.DOCUMENTED'],
  runsFactor: 0.08,
  arbitrary: () => fc.boolean(),
  examples: () => [false, true],
  async run(ctx, withTags) {
    // The SDK's type allows EmailIdentity undefined, and leaves it out of the request.
    const input = withTags ? { EmailIdentity: undefined, Tags: [{ Key: 'k1', Value: 'v1' }] } : { EmailIdentity: undefined };
    const result = await call(ctx, 'pinpoint-email', new CreateEmailIdentityCommand(input), ['PINPOINT.CREATE.IDENTITY_REQUIRED']);
    expectRejected(
      ctx,
      'PINPOINT.CREATE.IDENTITY_REQUIRED',
      CREATE,
      result,
      'a request without EmailIdentity is rejected with a documented client error',
      undefined,
      `${CREATE}: no EmailIdentity${withTags ? ', with Tags' : ''} → rejected`,
    );
  },
});

function validExamples(): ValidRequest[] {
  const examples: ValidRequest[] = [
    { operation: 'CreateEmailIdentity', kind: 'email', boundary: 'count', existing: 0, tags: newKeys(maxTags) },
    { operation: 'TagResource', kind: 'domain', boundary: 'count', existing: maxTags - 1, tags: newKeys(1) },
    { operation: 'TagResource', kind: 'email', boundary: 'count', existing: 0, tags: newKeys(maxTags) },
  ];
  // The single-tag boundaries, in the order BOUNDARY_EXAMPLES gives them.
  const single = VALID_BOUNDARIES.filter((b): b is Exclude<ValidBoundary, 'count' | 'none'> => b !== 'count' && b !== 'none');
  for (const operation of OPERATIONS) {
    single.forEach((boundary, i) => {
      examples.push({ operation, kind: kindAt(i), boundary, existing: operation === 'TagResource' ? 1 : 0, tags: [BOUNDARY_EXAMPLES[boundary]] });
    });
  }
  return examples;
}

const acceptsValidTags = defineProperty({
  name: 'CreateEmailIdentity and TagResource accept tags on every documented limit, and list them as sent',
  service: 'pinpoint-email',
  rules: [...LISTING_RULES, ...LIMIT_RULES, 'PINPOINT.ERRORS.DOCUMENTED'],
  runsFactor: 0.5,
  arbitrary: () => validRequest,
  examples: validExamples,
  async run(ctx, { operation, kind, boundary, existing, tags }) {
    const real = nameOf(ctx, kind, 'valid');
    const rule = BOUNDARY_RULE[boundary];
    if (operation === 'CreateEmailIdentity') {
      await checkListedTags(ctx, real, await createTagged(ctx, real, tags, rule), CREATE);
      return;
    }
    const before = await existingTags(ctx, real, existing, rule);
    const result = await tagResource(ctx, real, tags, [rule]);
    expectAccepted(ctx, 'TagResource', result, tags, new Set(before.tags.keys()), rule);
    await checkListedTags(ctx, real, applyTags(before, tags), 'TagResource');
  },
});

function brokenExamples(): BrokenRequest[] {
  const examples: BrokenRequest[] = [
    { operation: 'CreateEmailIdentity', kind: 'domain', broken: 'count', existing: 0, tags: newKeys(maxTags + 1) },
    { operation: 'TagResource', kind: 'email', broken: 'count', existing: maxTags, tags: newKeys(1) },
    { operation: 'TagResource', kind: 'domain', broken: 'count', existing: 0, tags: newKeys(maxTags + 1) },
  ];
  const one: [Exclude<TagBreak, 'count'>, TagInput][] = [
    ['key-long', { Key: 'k'.repeat(PINPOINT_TAG_POLICY.maxKeyLength + 1), Value: 'v1' }],
    ['key-empty', { Key: '', Value: 'v1' }],
    ['value-long', { Key: 'k1', Value: 'v'.repeat(PINPOINT_TAG_POLICY.maxValueLength + 1) }],
    // '#': outside every reading's characters ('@' is disputed: disputedTags judges it).
    ['key-character', { Key: 'k#1', Value: 'v1' }],
    ['value-character', { Key: 'k1', Value: 'v#1' }],
    ...RESERVED_CASES.map((prefix): [Exclude<TagBreak, 'count'>, TagInput] => ['key-prefix', { Key: `${prefix}k1`, Value: 'v1' }]),
  ];
  for (const operation of OPERATIONS) {
    one.forEach(([broken, tag], i) => {
      examples.push({ operation, kind: kindAt(i), broken, existing: operation === 'TagResource' ? 1 : 0, tags: [tag] });
    });
  }
  return examples;
}

const rejectsBrokenTags = defineProperty({
  name: 'CreateEmailIdentity and TagResource reject tags that break one documented restriction',
  service: 'pinpoint-email',
  rules: [...LIMIT_RULES, ...LISTING_RULES, 'PINPOINT.ERRORS.DOCUMENTED'],
  runsFactor: 1.2,
  arbitrary: () => brokenRequest,
  examples: brokenExamples,
  async run(ctx, request) {
    const real = nameOf(ctx, request.kind, 'tagged');
    // A tag one reading accepts cannot be what a broken request breaks: disputedTags judges those.
    const disputed = request.tags.flatMap((t) => tagDisputes(PINPOINT_TAG_POLICY, t));
    if (disputed.length) throw new Error(`harness bug: a broken request must not sit on a disputed point (${disputed.join(', ')})`);
    if (request.operation === 'CreateEmailIdentity') {
      const [violation, ...more] = createViolations(request.tags);
      if (!violation || more.length)
        throw new Error(`harness bug: a broken request must break exactly one restriction, not ${[violation, ...more].join(', ')}`);
      const what = describeViolation(violation, request.tags);
      const result = await createEmailIdentity(ctx, real, request.tags, [TAG_RULE[violation]!]);
      expectRejected(
        ctx,
        TAG_RULE[violation]!,
        CREATE,
        result,
        `tags that break one restriction (${what}) are rejected`,
        undefined,
        `${CREATE}: ${what} → rejected`,
      );
      return;
    }
    const tags = await existingTags(ctx, real, request.existing, BREAK_RULE[request.broken]);
    const [violation, ...more] = requestViolations(PINPOINT_TAG_POLICY, tags, request.tags);
    // The identity holds other tags than it was given (a failure already found): this request no longer breaks one restriction.
    if (!violation || more.length) stop(`${real} holds ${tags.tags.size} tags, not ${request.existing}: the request would not break one restriction`);
    const existing = new Set(tags.tags.keys());
    const what = describeViolation(violation, request.tags, existing);
    const result = await tagResource(ctx, real, request.tags, [TAG_RULE[violation]!]);
    expectRejected(
      ctx,
      TAG_RULE[violation]!,
      'TagResource',
      result,
      `tags that break one restriction (${what}) are rejected`,
      undefined,
      `TagResource: ${what} → rejected`,
    );
    // A rejected request changes nothing.
    await checkListedTags(ctx, real, tags, 'rejected TagResource', true);
  },
});

/** Retagging: a key and its different-case twin, untagging one, then the key again with a new value (without one: disputedTags). */
interface Retag {
  kind: Kind;
  initial: number;
  untagOthers: boolean;
}

const retagReplaces = defineProperty({
  name: 'TagResource replaces the value of an existing key, keeps keys that differ in case apart, and UntagResource removes keys',
  service: 'pinpoint-email',
  rules: [...LISTING_RULES, ...LIMIT_RULES, 'PINPOINT.ERRORS.DOCUMENTED'],
  runsFactor: 0.24,
  arbitrary: () => fc.record({ kind: kindArb, initial: fc.constantFrom(0, 1, 5, 46), untagOthers: fc.boolean() }),
  examples: (): Retag[] => [
    { kind: 'email', initial: 0, untagOthers: false },
    { kind: 'domain', initial: 5, untagOthers: true },
  ],
  async run(ctx, { kind, initial, untagOthers }: Retag) {
    const real = nameOf(ctx, kind, 'retag');
    // The keys are set by TagResource: what CreateEmailIdentity keeps is another rule's.
    let tags = await existingTags(ctx, real, initial, 'PINPOINT.TAGS.UNIQUE_KEY');
    const tag = async (sent: TagInput[], after: string, otherwise: RuleId) => {
      const result = await tagResource(ctx, real, sent, [otherwise]);
      expectAccepted(ctx, 'TagResource', result, sent, new Set(tags.tags.keys()), otherwise);
      tags = await checkListedTags(ctx, real, applyTags(tags, sent), after);
    };
    // The same key in two cases; then one untagged; then keys tagged again (untagging first: a
    // target that adds a key twice leaves no model to untag against).
    await tag(
      [
        { Key: 'env', Value: 'first' },
        { Key: 'ENV', Value: 'third' },
      ],
      'TagResource',
      'PINPOINT.TAGS.CASE_SENSITIVE',
    );
    const removed = ['ENV', 'no-such-key', ...(untagOthers ? fillers(Math.min(initial, 3)).map((t) => t.Key) : [])];
    const untagged = await untagResource(ctx, real, removed);
    expectSetup(ctx, 'PINPOINT.UNTAG.REMOVES', 'UntagResource', untagged, 'tag keys can be removed');
    tags = await checkListedTags(ctx, real, untagKeys(tags, removed), 'UntagResource');
    await tag([{ Key: 'env', Value: 'second' }, ...fillers(initial, 'again').slice(-2)], 'TagResource again', 'PINPOINT.TAGS.UNIQUE_KEY');
  },
});

/** The rule each disputed point belongs to, and the names (keys of its `contradiction.readings`) of the two readings. */
const DISPUTED: Record<TagDispute, { rule: RuleId; accepted: string; rejected: string }> = {
  'value-omitted': { rule: 'PINPOINT.TAGS.VALUE_OPTIONAL', accepted: 'document', rejected: 'model' },
  character: { rule: 'PINPOINT.TAGS.CHARACTERS', accepted: 'tagging-guide', rejected: 'document' },
  'value-prefix': { rule: 'PINPOINT.TAGS.AWS_PREFIX', accepted: 'model', rejected: 'document' },
};

function disputedExamples(): DisputedRequest[] {
  const tags: Record<TagDispute, TagInput> = {
    'value-omitted': { Key: 'k1' },
    character: { Key: 'k@1', Value: 'v1' },
    'value-prefix': { Key: 'k1', Value: 'aws:v1' },
  };
  const examples: DisputedRequest[] = [];
  for (const operation of OPERATIONS)
    (Object.keys(tags) as TagDispute[]).forEach((dispute, i) => {
      examples.push({ operation, kind: kindAt(i), dispute, retag: false, existing: operation === 'TagResource' ? 1 : 0, tags: [tags[dispute]] });
    });
  // An existing key tagged again without Value: replaced by "" (document), or rejected and kept (model).
  examples.push({ operation: 'TagResource', kind: 'domain', dispute: 'value-omitted', retag: true, existing: 1, tags: [{ Key: 'f0' }] });
  examples.push({ operation: 'TagResource', kind: 'email', dispute: 'value-prefix', retag: false, existing: 1, tags: [{ Key: 'k1', Value: 'AWS:v1' }] });
  // '@' in the value alone, on either operation (the loop above puts it in the key).
  for (const operation of OPERATIONS)
    examples.push({
      operation,
      kind: 'domain',
      dispute: 'character',
      retag: false,
      existing: operation === 'TagResource' ? 1 : 0,
      tags: [{ Key: 'k1', Value: 'v@1' }],
    });
  return examples;
}

/** What a disputed request sits on, as the report names it. */
function describeDispute({ dispute, retag, tags }: DisputedRequest): string {
  const tag = tags.at(-1)!;
  if (dispute === 'value-omitted') return retag ? 'existing key tagged again without Value' : 'tag without Value';
  if (dispute === 'character') return `${tag.Key.includes('@') ? 'key' : 'value'} with @`;
  return `value prefix ${tag.Value!.slice(0, 4)}`;
}

/** Errors a TagResource or CreateEmailIdentity may answer for its identity, whatever its tags (the API model lists both). */
const NOT_ABOUT_THE_TAG: readonly string[] = ['NotFoundException', 'ConcurrentModificationException'];

const disputedTags = defineProperty({
  name: 'CreateEmailIdentity and TagResource judge a tag the documents disagree on by one reading or the other, never by neither',
  service: 'pinpoint-email',
  rules: ['PINPOINT.TAGS.VALUE_OPTIONAL', 'PINPOINT.TAGS.CHARACTERS', 'PINPOINT.TAGS.AWS_PREFIX', ...LISTING_RULES, 'PINPOINT.ERRORS.DOCUMENTED'],
  runsFactor: 0.4,
  arbitrary: () => disputedRequest,
  examples: disputedExamples,
  async run(ctx, request: DisputedRequest) {
    const { operation, dispute, tags } = request;
    const { rule, accepted, rejected } = DISPUTED[dispute];
    const real = nameOf(ctx, request.kind, 'disputed');
    // A refused plain set-up is no reading of the dispute: it is charged as CreateIdentity's set-up is.
    const before = operation === 'TagResource' ? await existingTags(ctx, real, request.existing, 'PINPOINT.TAGS.LIST_MATCHES') : emptyTags();
    // One disputed point, and nothing else every reading would reject.
    const points = tags.flatMap((t) => tagDisputes(PINPOINT_TAG_POLICY, t));
    const violations = requestViolations(PINPOINT_TAG_POLICY, before, tags).filter((v) => v !== DISPUTE_VIOLATION[dispute]);
    if (points.join() !== dispute || violations.length)
      throw new Error(`harness bug: a disputed request must sit on ${dispute} alone, not ${[...points, ...violations].join(', ')}`);
    const what = describeDispute(request);
    const result = operation === 'CreateEmailIdentity' ? await createEmailIdentity(ctx, real, tags, [rule]) : await tagResource(ctx, real, tags, [rule]);
    if (result.ok) {
      // Accepted: then it holds as the accepting reading says (a Value left out is ""), like any valid tag.
      const after = applyTags(before, tags);
      const listed = await checkListedTags(ctx, real, after, operation);
      if (listed === after)
        ctx.held(rule, readingObservation(accepted, `${operation}: ${what} → accepted, listed ${dispute === 'value-omitted' ? 'with ""' : 'as sent'}`));
      return;
    }
    // An answer about the identity, not the tag (not found right after its create, a concurrent change), reads neither way.
    if (!result.ok && NOT_ABOUT_THE_TAG.includes(result.error.code)) stop(`${operation} answered ${result.error.code}: the disputed tag was not judged`);
    // Rejected: as any invalid request, with a documented client error (never a 5xx), naming the missing member where one is missing.
    const error = expectRejected(
      ctx,
      rule,
      operation,
      result,
      `${what}: accepted, or rejected with a documented client error`,
      undefined,
      `${operation}: ${what} → rejected`,
    );
    const named =
      dispute !== 'value-omitted' ||
      checkThat(
        ctx,
        rule,
        operation,
        /\bvalue\b/i.test(error.message),
        () => ({
          message: 'rejected a tag without Value, but the error does not say that Value is missing',
          expected: 'accepted (the document), or rejected for the missing required member Value (the API model)',
          actual: `${error.code} (HTTP ${error.httpStatus}): ${error.message}`,
        }),
        `${operation}: ${what} → rejected, the error speaks of Value`,
      );
    // A rejected request changes nothing; only then is the rejection the rejecting reading.
    const unchanged = operation !== 'TagResource' || (await checkListedTags(ctx, real, before, 'rejected TagResource', true)) === before;
    if (named && unchanged) ctx.held(rule, readingObservation(rejected, `${operation}: ${what} → rejected`));
  },
});

const emailVerifiedByLink = defineProperty({
  name: 'An email address is verified as soon as its link is followed',
  service: 'pinpoint-email',
  rules: [...ANSWER_RULES, 'PINPOINT.VERIFY.EMAIL_LINK', 'PINPOINT.ERRORS.DOCUMENTED'],
  needs: ['inbox'],
  runsFactor: 0.12,
  arbitrary: () => fc.constant(undefined),
  examples: () => [undefined],
  async run(ctx) {
    const address = ctx.naming.email('owner');
    let model = await createValid(ctx, 'email', address, 'PINPOINT.VERIFY.EMAIL_LINK');
    const before = ctx.now();
    await followVerificationLink(ctx, address, 'PINPOINT.VERIFY.EMAIL_LINK', CREATE);
    model = confirmIdentity(model, 'x', ctx.since(before));
    const result = await getEmailIdentity(ctx, address, ['PINPOINT.VERIFY.EMAIL_LINK']);
    const output = expectSetup(ctx, 'PINPOINT.VERIFY.EMAIL_LINK', 'GetEmailIdentity', result, `${address} exists`);
    const checked = checkIdentityAnswer(ctx, 'GetEmailIdentity', address, 'email', output);
    checkVerification(ctx, 'GetEmailIdentity', address, model.identities.get('x')!, checked, result.at);
  },
});

/** Hours after creation when the first domain's records are published (in time), and the second's (never, or too late). */
interface DomainTimes {
  publishAt: number;
  lateAt?: number;
}

const domainLifecycle = defineProperty({
  name: 'A domain is verified when its DKIM records are published, and FAILED after 72 hours without them',
  service: 'pinpoint-email',
  rules: [...ANSWER_RULES, 'PINPOINT.VERIFY.DOMAIN_DKIM', 'PINPOINT.VERIFY.DOMAIN_FAILED_72H', 'PINPOINT.ERRORS.DOCUMENTED'],
  needs: ['clock'],
  runsFactor: 0.12,
  arbitrary: () => fc.record({ publishAt: fc.constantFrom(0, 1, 70), lateAt: fc.constantFrom(undefined, 80) }),
  examples: (): DomainTimes[] => [{ publishAt: 0, lateAt: 80 }, { publishAt: 70 }],
  async run(ctx, { publishAt, lateAt }: DomainTimes) {
    const dns = ctx.target.capabilities.has('dns');
    const domains = { timely: ctx.naming.domain('timely'), late: ctx.naming.domain('late') };
    const models = {
      timely: await createValid(ctx, 'domain', domains.timely, 'PINPOINT.VERIFY.DOMAIN_DKIM'),
      late: await createValid(ctx, 'domain', domains.late, 'PINPOINT.VERIFY.DOMAIN_FAILED_72H'),
    };
    const started = ctx.now();
    const get = async (which: 'timely' | 'late') => {
      const domain = domains[which];
      const rule = which === 'timely' ? 'PINPOINT.VERIFY.DOMAIN_DKIM' : 'PINPOINT.VERIFY.DOMAIN_FAILED_72H';
      const result = await getEmailIdentity(ctx, domain, [rule]);
      const output = expectSetup(ctx, rule, 'GetEmailIdentity', result, `${domain} exists`);
      const checked = checkIdentityAnswer(ctx, 'GetEmailIdentity', domain, 'domain', output);
      const seen = checkVerification(ctx, 'GetEmailIdentity', domain, models[which].identities.get('x')!, checked, result.at);
      if (seen.verifiedEarly) models[which] = markVerifiedEarly(models[which], 'x');
    };
    const advanceTo = async (hours: number) => {
      const ms = started + hours * HOUR - ctx.now();
      if (ms > 0) await advanceClock(ctx, ms);
    };
    const publish = async (which: 'timely' | 'late') => {
      if (!dns) return;
      const before = ctx.now();
      await publishDkimRecords(ctx, domains[which], models[which].identities.get('x')!.tokens);
      models[which] = confirmIdentity(models[which], 'x', instant(before, ctx.now()));
    };
    await get('late');
    await advanceTo(publishAt);
    await publish('timely');
    await get('timely');
    await advanceTo(71);
    await get('late');
    await advanceTo(73);
    await get('late');
    await advanceTo(publishAt + 73);
    await get('timely');
    if (lateAt !== undefined) {
      await advanceTo(lateAt);
      await publish('late');
      await advanceTo(lateAt + 2);
      await get('late');
    }
  },
});

const identities = modelProperty({
  name: 'Pinpoint Email identities follow the documented lifecycle',
  service: 'pinpoint-email',
  rules: [
    ...ANSWER_RULES,
    'PINPOINT.ERRORS.DOCUMENTED',
    'PINPOINT.VERIFY.EMAIL_LINK',
    'PINPOINT.VERIFY.DOMAIN_DKIM',
    'PINPOINT.VERIFY.DOMAIN_FAILED_72H',
    'PINPOINT.GET.NOT_FOUND',
    'PINPOINT.DELETE.REMOVES_IDENTITY',
    'PINPOINT.LIST.IDENTITIES',
  ],
  initial: emptyPinpointModel,
  maxCommands: 30,
  runsFactor: 1,
  examples: identityExamples,
  commands: [
    createIdentityCommand,
    createIdentityCommand,
    getIdentityCommand,
    getIdentityCommand,
    listIdentitiesCommand,
    deleteIdentityCommand,
    followLinkCommand,
    publishDkimCommand,
    advanceClockCommand,
  ],
});

const tags = modelProperty({
  name: 'Pinpoint Email tags follow the documented model through any sequence of tagging and untagging',
  service: 'pinpoint-email',
  rules: [...LISTING_RULES, ...LIMIT_RULES, 'PINPOINT.ERRORS.DOCUMENTED'],
  initial: emptyPinpointModel,
  maxCommands: 20,
  runsFactor: 0.6,
  examples: tagExamples,
  // Listed twice: tagging and observing are what the tag invariants are about.
  commands: [createTaggedCommand, createTaggedCommand, tagIdentityCommand, tagIdentityCommand, tagIdentityCommand, untagIdentityCommand, listTagsCommand],
});

export const pinpointEmailProperties: ConformanceProperty[] = [
  requiresIdentity,
  acceptsValidTags,
  rejectsBrokenTags,
  retagReplaces,
  disputedTags,
  emailVerifiedByLink,
  domainLifecycle,
  identities,
  tags,
];
