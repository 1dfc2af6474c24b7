// The Pinpoint Email properties: stateless ones per documented limit and lifecycle, and the
// model-based one over create / tag / untag / list tags / get / list / delete / verify / clock.
// Every PINPOINT rule in spec/ is covered by at least one of them.
import { followVerificationLink } from '../shared/inbox.ts';
import { CreateEmailIdentityCommand } from '@aws-sdk/client-pinpoint-email';
import fc from 'fast-check';
import { confirmIdentity, createIdentity, createViolations, emptyPinpointModel, tagViolationsFor, type PinpointModel } from '../../models/pinpoint-email/model.ts';
import { PINPOINT_TAG_POLICY } from '../../models/pinpoint-email/shapes.ts';
import { HOUR, instant } from '../../models/shared/clock.ts';
import { applyTags, charLength, untagKeys, type TagInput } from '../../models/shared/tags.ts';
import type { RuleId } from '../../spec/index.ts';
import { UntagResourceCommand } from '@aws-sdk/client-pinpoint-email';
import { call } from '../shared/call.ts';
import type { RunContext } from '../shared/context.ts';
import { modelProperty } from '../shared/model-run.ts';
import { defineProperty, type ConformanceProperty } from '../shared/property.ts';
import { allowedString, brokenTag, fillers, TAG_BREAKS, validTagCount, validTags, type TagBreak } from './arbitraries.ts';
import { createIdentityCommand, deleteIdentityCommand, getIdentityCommand, listIdentitiesCommand } from './commands/identity.ts';
import { listTagsCommand, tagIdentityCommand, untagIdentityCommand } from './commands/tags.ts';
import { advanceClockCommand, followLinkCommand, publishDkimCommand, publishDkimRecords } from './commands/verification.ts';
import {
  arnOf, checkIdentityAnswer, checkListedTags, checkVerification, createEmailIdentity, expectDocumentedRejection, expectDocumentedSuccess, getEmailIdentity, TAG_RULE,
  tagResource,
} from './steps.ts';

const CREATE = 'CreateEmailIdentity';
const { maxTags, maxKeyLength, maxValueLength } = PINPOINT_TAG_POLICY;

/** What a successful CreateEmailIdentity / GetEmailIdentity answer is checked for. */
const ANSWER_RULES = [
  'PINPOINT.IDENTITY.TYPE', 'PINPOINT.ENUM.IDENTITY_TYPE', 'PINPOINT.ENUM.DKIM_STATUS', 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE',
  'PINPOINT.DKIM.DOMAIN_TOKENS', 'PINPOINT.DKIM.EMAIL_EMPTY',
] as const satisfies readonly RuleId[];
/** What a tag listing is checked for. */
const LISTING_RULES = [
  'PINPOINT.TAGS.LIST_MATCHES', 'PINPOINT.TAGS.UNIQUE_KEY', 'PINPOINT.TAGS.MAX_50', 'PINPOINT.TAGS.CASE_SENSITIVE', 'PINPOINT.TAGS.VALUE_OPTIONAL',
  'PINPOINT.UNTAG.REMOVES',
] as const satisfies readonly RuleId[];
const LIMIT_RULES = ['PINPOINT.TAGS.KEY_LENGTH', 'PINPOINT.TAGS.VALUE_LENGTH', 'PINPOINT.TAGS.CHARACTERS', 'PINPOINT.TAGS.AWS_PREFIX'] as const satisfies readonly RuleId[];

/** The boundary a valid request sits on: the rule its rejection would break. */
function acceptanceRule(tags: readonly TagInput[], existing = 0): RuleId {
  if (tags.length + existing >= maxTags) return 'PINPOINT.TAGS.MAX_50';
  if (tags.some((t) => charLength(t.Key) === maxKeyLength || charLength(t.Key) === 1)) return 'PINPOINT.TAGS.KEY_LENGTH';
  if (tags.some((t) => t.Value !== undefined && (charLength(t.Value) === maxValueLength || t.Value === ''))) return 'PINPOINT.TAGS.VALUE_LENGTH';
  if (tags.some((t) => t.Value === undefined)) return 'PINPOINT.TAGS.VALUE_OPTIONAL';
  if (tags.length) return 'PINPOINT.TAGS.CHARACTERS';
  return 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE';
}

/** Every limit a valid request stays within held. */
function limitsHeld(ctx: RunContext, tags: readonly TagInput[]): void {
  if (!tags.length) return;
  for (const rule of ['PINPOINT.TAGS.MAX_50', 'PINPOINT.TAGS.KEY_LENGTH', 'PINPOINT.TAGS.VALUE_LENGTH', 'PINPOINT.TAGS.CHARACTERS', 'PINPOINT.TAGS.AWS_PREFIX'] as const) ctx.held(rule);
}

const nameOf = (ctx: RunContext, kind: 'email' | 'domain', label: string) => (kind === 'email' ? ctx.naming.email(label) : ctx.naming.domain(label));
const kindArb = fc.constantFrom('email' as const, 'domain' as const);

/** Creates an identity that must be accepted, checks the answer, and returns the model with it. */
async function createValid(ctx: RunContext, kind: 'email' | 'domain', real: string, tags: readonly TagInput[]): Promise<PinpointModel> {
  const result = await createEmailIdentity(ctx, real, tags, [acceptanceRule(tags)]);
  const output = expectDocumentedSuccess(ctx, acceptanceRule(tags), CREATE, result, `a new ${kind} identity with ${tags.length} valid tags is accepted`);
  limitsHeld(ctx, tags);
  const answer = checkIdentityAnswer(ctx, CREATE, real, kind, output);
  const model = createIdentity(emptyPinpointModel(), 'x', kind, answer.DkimAttributes?.Tokens ?? [], tags, result.at);
  checkVerification(ctx, CREATE, real, model.identities.get('x')!, answer, result.at);
  return model;
}

const requiresIdentity = defineProperty({
  name: 'CreateEmailIdentity requires EmailIdentity',
  service: 'pinpoint-email',
  rules: ['PINPOINT.CREATE.IDENTITY_REQUIRED', 'PINPOINT.ERRORS.DOCUMENTED'],
  runsFactor: 0.08,
  arbitrary: () => fc.boolean(),
  async run(ctx, withTags) {
    const input = withTags ? { Tags: [{ Key: 'k', Value: 'v' }] } : {};
    const result = await call(ctx, 'pinpoint-email', new CreateEmailIdentityCommand(input as never), ['PINPOINT.CREATE.IDENTITY_REQUIRED']);
    expectDocumentedRejection(ctx, 'PINPOINT.CREATE.IDENTITY_REQUIRED', CREATE, result, 'a request without EmailIdentity is rejected with a documented client error');
  },
});

const acceptsValidIdentities = defineProperty({
  name: 'CreateEmailIdentity accepts up to 50 valid tags and answers the documented shape',
  service: 'pinpoint-email',
  rules: [...ANSWER_RULES, ...LISTING_RULES, ...LIMIT_RULES, 'PINPOINT.ERRORS.DOCUMENTED'],
  runsFactor: 0.5,
  arbitrary: () => fc.record({ kind: kindArb, tags: validTagCount.chain(validTags) }),
  async run(ctx, { kind, tags }) {
    const real = nameOf(ctx, kind, 'new');
    const model = await createValid(ctx, kind, real, tags);
    await checkListedTags(ctx, real, model.identities.get('x')!.tags);
  },
});

/** A request breaking `kind` once: on CreateEmailIdentity, or on TagResource of an identity that has `existing` tags. */
interface BrokenRequest { operation: 'CreateEmailIdentity' | 'TagResource'; kind: 'email' | 'domain'; broken: TagBreak; existing: number; tags: TagInput[] }

const brokenRequest: fc.Arbitrary<BrokenRequest> = fc
  .record({ operation: fc.constantFrom('CreateEmailIdentity' as const, 'TagResource' as const), kind: kindArb, broken: fc.constantFrom(...TAG_BREAKS) })
  .chain(({ operation, kind, broken }): fc.Arbitrary<BrokenRequest> => {
    if (broken === 'count') {
      const existing = operation === 'TagResource' ? fc.constantFrom(0, 1, maxTags - 1, maxTags) : fc.constant(0);
      return fc.tuple(existing, fc.constantFrom(1, 1, 1, 2, 10)).map(([n, over]) => ({
        operation, kind, broken, existing: n,
        // New keys g0.. on top of the n existing f0..: the total is 50 + over.
        tags: Array.from({ length: maxTags - n + over }, (_, i) => ({ Key: `g${i}`, Value: 'v' })),
      }));
    }
    return fc.tuple(brokenTag(broken), validTags(2), fc.nat({ max: 2 }), fc.constantFrom(0, 1, maxTags - 1)).map(([bad, valid, companions, existing]) => ({
      operation, kind, broken, existing: operation === 'TagResource' ? existing : 0,
      tags: [...valid.slice(0, companions).filter((t) => t.Key !== bad.Key && !t.Key.startsWith('f')), bad],
    }));
  });

const rejectsBrokenTags = defineProperty({
  name: 'CreateEmailIdentity and TagResource reject tags that break a documented restriction',
  service: 'pinpoint-email',
  rules: [...LIMIT_RULES, ...ANSWER_RULES, ...LISTING_RULES, 'PINPOINT.ERRORS.DOCUMENTED'],
  runsFactor: 1.2,
  arbitrary: () => brokenRequest,
  async run(ctx, request) {
    const real = nameOf(ctx, request.kind, 'tagged');
    const violations = createViolations(request.tags);
    if (request.operation === 'CreateEmailIdentity') {
      const rule = TAG_RULE[violations[0]];
      const result = await createEmailIdentity(ctx, real, request.tags, [rule]);
      expectDocumentedRejection(ctx, rule, CREATE, result, `tags that break ${violations.join(', ')} are rejected`);
      return;
    }
    const model = await createValid(ctx, request.kind, real, fillers(request.existing));
    const identity = model.identities.get('x')!;
    const broken = tagViolationsFor(identity, request.tags);
    const rule = TAG_RULE[broken[0]];
    const result = await tagResource(ctx, real, request.tags, [rule]);
    expectDocumentedRejection(ctx, rule, 'TagResource', result, `tags that break ${broken.join(', ')} (the identity has ${request.existing}) are rejected`);
    // A rejected request changes nothing.
    await checkListedTags(ctx, real, identity.tags);
  },
});

const retagReplaces = defineProperty({
  name: 'TagResource replaces the value of an existing key, keeps keys that differ in case apart, and UntagResource removes keys',
  service: 'pinpoint-email',
  rules: [...LISTING_RULES, ...LIMIT_RULES, ...ANSWER_RULES, 'PINPOINT.ERRORS.DOCUMENTED'],
  runsFactor: 0.24,
  arbitrary: () =>
    fc.record({
      kind: kindArb,
      initial: fc.constantFrom(0, 1, 5, 47).chain(validTags),
      value: fc.constantFrom(0, 1, 256).chain(allowedString),
      omit: fc.boolean(),
      untagOthers: fc.boolean(),
    }),
  async run(ctx, { kind, initial, value, omit, untagOthers }) {
    const real = nameOf(ctx, kind, 'retag');
    const first = [...initial.filter((t) => t.Key.toLowerCase() !== 'env'), { Key: 'env', Value: 'first' }];
    const model = await createValid(ctx, kind, real, first);
    let tags = model.identities.get('x')!.tags;
    // The same key again with a new value, the same key in another case, and earlier keys again.
    const again: TagInput[] = [omit ? { Key: 'env' } : { Key: 'env', Value: value }, { Key: 'ENV', Value: 'second' }, ...initial.slice(0, 2).map((t) => ({ Key: t.Key, Value: 'again' }))];
    const result = await tagResource(ctx, real, again, ['PINPOINT.TAGS.UNIQUE_KEY']);
    expectDocumentedSuccess(ctx, acceptanceRule(again, first.length), 'TagResource', result, 'tagging existing keys again (and a different-case key) is accepted');
    tags = applyTags(tags, again);
    await checkListedTags(ctx, real, tags);
    const removed = ['ENV', 'no-such-key', ...(untagOthers ? initial.slice(0, 3).map((t) => t.Key) : [])];
    const untagged = await call(ctx, 'pinpoint-email', new UntagResourceCommand({ ResourceArn: arnOf(ctx, real), TagKeys: removed }), ['PINPOINT.UNTAG.REMOVES']);
    expectDocumentedSuccess(ctx, 'PINPOINT.UNTAG.REMOVES', 'UntagResource', untagged, 'tag keys can be removed');
    await checkListedTags(ctx, real, untagKeys(tags, removed));
  },
});

const emailVerifiedByLink = defineProperty({
  name: 'An email address is verified as soon as its link is followed',
  service: 'pinpoint-email',
  rules: [...ANSWER_RULES, 'PINPOINT.VERIFY.EMAIL_LINK', 'PINPOINT.ERRORS.DOCUMENTED', ...LIMIT_RULES, 'PINPOINT.TAGS.MAX_50', 'PINPOINT.TAGS.VALUE_OPTIONAL'],
  needs: ['inbox'],
  runsFactor: 0.12,
  arbitrary: () => fc.constant(undefined),
  async run(ctx) {
    const address = ctx.naming.email('owner');
    let model = await createValid(ctx, 'email', address, []);
    const before = ctx.now();
    await followVerificationLink(ctx, address, 'PINPOINT.VERIFY.EMAIL_LINK', CREATE);
    model = confirmIdentity(model, 'x', ctx.since(before));
    const result = await getEmailIdentity(ctx, address, ['PINPOINT.VERIFY.EMAIL_LINK']);
    const output = expectDocumentedSuccess(ctx, 'PINPOINT.VERIFY.EMAIL_LINK', 'GetEmailIdentity', result, `${address} exists`);
    const answer = checkIdentityAnswer(ctx, 'GetEmailIdentity', address, 'email', output);
    checkVerification(ctx, 'GetEmailIdentity', address, model.identities.get('x')!, answer, result.at);
  },
});

const domainLifecycle = defineProperty({
  name: 'A domain is verified when its DKIM records are published, and FAILED after 72 hours without them',
  service: 'pinpoint-email',
  rules: [...ANSWER_RULES, 'PINPOINT.VERIFY.DOMAIN_DKIM', 'PINPOINT.VERIFY.DOMAIN_FAILED_72H', 'PINPOINT.ERRORS.DOCUMENTED', ...LIMIT_RULES, 'PINPOINT.TAGS.MAX_50', 'PINPOINT.TAGS.VALUE_OPTIONAL'],
  needs: ['clock'],
  runsFactor: 0.12,
  arbitrary: () =>
    fc.record({
      // Hours after creation when the first domain's records are published (in time), and the second's (never, or too late).
      publishAt: fc.constantFrom(0, 1, 70),
      lateAt: fc.constantFrom(undefined, 80),
    }),
  async run(ctx, { publishAt, lateAt }) {
    const dns = ctx.target.capabilities.has('dns');
    const domains = { timely: ctx.naming.domain('timely'), late: ctx.naming.domain('late') };
    const models = { timely: await createValid(ctx, 'domain', domains.timely, []), late: await createValid(ctx, 'domain', domains.late, []) };
    const started = ctx.now();
    const get = async (which: 'timely' | 'late') => {
      const domain = domains[which];
      const result = await getEmailIdentity(ctx, domain, ['PINPOINT.IDENTITY.TYPE']);
      const output = expectDocumentedSuccess(ctx, 'PINPOINT.IDENTITY.TYPE', 'GetEmailIdentity', result, `${domain} exists`);
      const answer = checkIdentityAnswer(ctx, 'GetEmailIdentity', domain, 'domain', output);
      checkVerification(ctx, 'GetEmailIdentity', domain, models[which].identities.get('x')!, answer, result.at);
    };
    const advanceTo = async (hours: number) => {
      const ms = started + hours * HOUR - ctx.now();
      if (ms <= 0) return;
      ctx.note(ctx.target.oob.replay.advanceClock(ms));
      await ctx.target.oob.advanceClock!(ms);
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

const lifecycle = modelProperty({
  name: 'Pinpoint Email identities and their tags follow the documented model',
  service: 'pinpoint-email',
  rules: [
    ...ANSWER_RULES, ...LISTING_RULES, ...LIMIT_RULES, 'PINPOINT.ERRORS.DOCUMENTED',
    'PINPOINT.VERIFY.EMAIL_LINK', 'PINPOINT.VERIFY.DOMAIN_DKIM', 'PINPOINT.VERIFY.DOMAIN_FAILED_72H',
    'PINPOINT.GET.NOT_FOUND', 'PINPOINT.DELETE.REMOVES_IDENTITY', 'PINPOINT.LIST.IDENTITIES',
  ],
  initial: emptyPinpointModel,
  maxCommands: 30,
  runsFactor: 1,
  // Listed twice: tagging and observing are what the tag invariants are about.
  commands: [
    createIdentityCommand, createIdentityCommand, tagIdentityCommand, tagIdentityCommand, tagIdentityCommand, untagIdentityCommand, listTagsCommand,
    getIdentityCommand, getIdentityCommand, listIdentitiesCommand, deleteIdentityCommand, followLinkCommand, publishDkimCommand, advanceClockCommand,
  ],
});

export const pinpointEmailProperties: ConformanceProperty<any>[] = [requiresIdentity, acceptsValidIdentities, rejectsBrokenTags, retagReplaces, emailVerifiedByLink, domainLifecycle, lifecycle];
