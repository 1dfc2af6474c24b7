// The Lightsail contact-method properties: stateless ones per documented fact, and the
// model-based one over create / send verification / follow link / get / delete / clock, per
// region. Every LIGHTSAIL rule in spec/ is covered by at least one of them. Each property's
// examples reach every boundary and state it checks in every pass, whatever the seed.
import fc from 'fast-check';
import { createContact, deleteContact, emptyLightsailModel, requestVerification, verifyContact, type LightsailModel } from '../../models/lightsail/model.ts';
import { REGION_NAMES, supportsSms, type ContactProtocol } from '../../models/lightsail/shapes.ts';
import { HOUR } from '../../models/shared/clock.ts';
import type { RuleId } from '../../services/index.ts';
import { expectRejected, expectSetup, expectSuccess } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { AdvanceClock, modelProperty, type ModelCommand } from '../shared/model-run.ts';
import { advanceClock } from '../shared/out-of-band.ts';
import { defineProperty, withPrecondition, type ConformanceProperty } from '../shared/property.ts';
import { checkListing, checkOperationRecords, checkSecondCreate, checkSendAnswer, expectSmsSendRejected, type JudgedBy } from './checks.ts';
import { advanceClockCommand } from './commands/advance-clock.ts';
import { CreateContact, createContactCommand, secondJudged } from './commands/create-contact.ts';
import { DeleteContact, deleteContactCommand, deletionJudged } from './commands/delete-contact.ts';
import { FollowLink, followLatestLink, followLinkCommand } from './commands/follow-link.ts';
import { GetContacts, getContactsCommand } from './commands/get-contacts.ts';
import { SendVerification, sendVerificationCommand } from './commands/send-verification.ts';
import { createContactMethod, deleteContactMethod, endpointFor, regionOf, requireNoContactMethods, sendVerification, type RegionSlot } from './steps.ts';

const SEND = 'SendContactMethodVerification';
const LISTING_RULES = [
  'LIGHTSAIL.CONTACT.GET_MATCHES',
  'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL',
  'LIGHTSAIL.ENUMS',
  'LIGHTSAIL.CONTACT.DELETE',
  'LIGHTSAIL.CONTACT.PENDING_ON_CREATE',
  'LIGHTSAIL.VERIFY.LINK_MAKES_VALID',
  'LIGHTSAIL.CONTACT.SMS_REGIONS',
  'LIGHTSAIL.ERRORS.DOCUMENTED',
] as const satisfies readonly RuleId[];
const ANSWER_RULES = [
  'LIGHTSAIL.SEND.RESPONSE_SHAPE',
  'LIGHTSAIL.SEND.OPERATION_TYPE',
  'LIGHTSAIL.SEND.OPERATION_REGION',
  'LIGHTSAIL.ENUMS',
] as const satisfies readonly RuleId[];

/** A region for SMS: the target's when it supports SMS, another otherwise. */
const smsSlot = (ctx: RunContext): RegionSlot => (supportsSms(ctx.target.region) ? 'home' : 'sms');

/** Creates a contact method a rule is then observed on (set-up: its success is no evidence), into `model`. */
async function mustCreate(ctx: RunContext, model: LightsailModel, slot: RegionSlot, protocol: ContactProtocol, index = 0): Promise<LightsailModel> {
  const region = regionOf(ctx, slot);
  const endpoint = endpointFor(ctx, slot, protocol, index);
  const rule = protocol === 'SMS' ? 'LIGHTSAIL.CONTACT.SMS_REGIONS' : 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE';
  const result = await createContactMethod(ctx, region, protocol, endpoint, [rule]);
  checkOperationRecords(
    ctx,
    'CreateContactMethod',
    expectSetup(ctx, rule, 'CreateContactMethod', result, `a first ${protocol} contact method in ${region} is accepted`),
  );
  return createContact(model, slot, protocol, endpoint, result.at);
}

const listAndCheck = (ctx: RunContext, model: LightsailModel, slot: RegionSlot, judgedBy?: JudgedBy) =>
  checkListing(ctx, regionOf(ctx, slot), model, slot, { judgedBy });

/** Deletes a method, judged by DELETE only where a listing showed it before and one after shows it gone. */
async function deleteAndObserve(ctx: RunContext, model: LightsailModel, slot: RegionSlot, protocol: ContactProtocol): Promise<LightsailModel> {
  const { listed } = await listAndCheck(ctx, model, slot);
  const result = await deleteContactMethod(ctx, regionOf(ctx, slot), protocol, ['LIGHTSAIL.CONTACT.DELETE']);
  checkOperationRecords(
    ctx,
    'DeleteContactMethod',
    expectSetup(ctx, 'LIGHTSAIL.CONTACT.DELETE', 'DeleteContactMethod', result, 'an existing contact method can be deleted'),
  );
  const after = deleteContact(model, slot, protocol);
  await listAndCheck(ctx, after, slot, deletionJudged(listed, protocol));
  return after;
}

const requiresProtocol = defineProperty({
  name: 'SendContactMethodVerification requires protocol',
  service: 'lightsail',
  rules: ['LIGHTSAIL.SEND.PROTOCOL_REQUIRED', 'LIGHTSAIL.ERRORS.DOCUMENTED', 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE', 'LIGHTSAIL.ENUMS'],
  runsFactor: 0.08,
  arbitrary: () => fc.boolean(),
  examples: () => [false, true],
  async run(ctx, withContact) {
    if (withContact) await mustCreate(ctx, emptyLightsailModel(), 'home', 'Email');
    const result = await sendVerification(ctx, ctx.target.region, undefined, ['LIGHTSAIL.SEND.PROTOCOL_REQUIRED']);
    expectRejected(
      ctx,
      'LIGHTSAIL.SEND.PROTOCOL_REQUIRED',
      SEND,
      result,
      'a request without protocol is rejected with a documented client error',
      undefined,
      `no protocol, ${withContact ? 'an email method exists' : 'no contact method'} → rejected`,
    );
  },
});

const smsIsNotVerified = defineProperty({
  name: 'SendContactMethodVerification refuses SMS',
  service: 'lightsail',
  rules: [
    'LIGHTSAIL.SEND.SMS_REJECTED',
    'LIGHTSAIL.ERRORS.DOCUMENTED',
    'LIGHTSAIL.CONTACT.SMS_REGIONS',
    'LIGHTSAIL.CONTACT.PENDING_ON_CREATE',
    'LIGHTSAIL.ENUMS',
  ],
  runsFactor: 0.08,
  arbitrary: () => fc.record({ sms: fc.boolean(), email: fc.boolean() }),
  examples: () => [
    { sms: false, email: false },
    { sms: true, email: false },
    { sms: false, email: true },
    { sms: true, email: true },
  ],
  async run(ctx, { sms, email }) {
    const slot = smsSlot(ctx);
    let model = emptyLightsailModel();
    if (sms) model = await mustCreate(ctx, model, slot, 'SMS');
    if (email) model = await mustCreate(ctx, model, slot, 'Email');
    const result = await sendVerification(ctx, regionOf(ctx, slot), 'SMS', ['LIGHTSAIL.SEND.SMS_REJECTED']);
    expectSmsSendRejected(ctx, result, `${sms ? 'an SMS method exists' : 'no SMS method'}${email ? ', an email method too' : ''}`);
  },
});

type Before = 'none' | 'sms-only' | 'deleted' | 'elsewhere';

const needsEmailContact = defineProperty({
  name: 'SendContactMethodVerification needs an email contact method in the region',
  service: 'lightsail',
  rules: ['LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT', ...LISTING_RULES],
  runsFactor: 0.12,
  arbitrary: () =>
    fc.record({ slot: fc.constantFrom<RegionSlot>('home', 'sms', 'nosms'), before: fc.constantFrom<Before>('none', 'sms-only', 'deleted', 'elsewhere') }),
  examples: (): { slot: RegionSlot; before: Before }[] => [
    { slot: 'home', before: 'none' },
    { slot: 'sms', before: 'sms-only' },
    { slot: 'home', before: 'deleted' },
    { slot: 'nosms', before: 'elsewhere' },
  ],
  async run(ctx, { slot, before }) {
    let model = emptyLightsailModel();
    // Only a region with SMS can hold an SMS method: elsewhere 'sms-only' creates nothing.
    const smsCreated = before === 'sms-only' && supportsSms(regionOf(ctx, slot));
    if (smsCreated) model = await mustCreate(ctx, model, slot, 'SMS');
    if (before === 'elsewhere') model = await mustCreate(ctx, model, slot === 'home' ? 'nosms' : 'home', 'Email');
    if (before === 'deleted') model = await deleteAndObserve(ctx, await mustCreate(ctx, model, slot, 'Email'), slot, 'Email');
    const held =
      before === 'deleted'
        ? 'the email method deleted'
        : before === 'elsewhere'
          ? 'an email method in another region'
          : smsCreated
            ? 'only an SMS method'
            : 'no contact method';
    const result = await sendVerification(ctx, regionOf(ctx, slot), 'Email', ['LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT']);
    expectRejected(
      ctx,
      'LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT',
      SEND,
      result,
      `no email contact method exists in ${regionOf(ctx, slot)}`,
      undefined,
      `Email, ${held} → rejected`,
    );
  },
});

const onePerProtocol = defineProperty({
  name: 'A region has one email and one SMS contact method at most',
  service: 'lightsail',
  rules: LISTING_RULES,
  runsFactor: 0.12,
  arbitrary: () => fc.record({ protocol: fc.constantFrom<ContactProtocol>('Email', 'SMS'), other: fc.boolean() }),
  examples: (): { protocol: ContactProtocol; other: boolean }[] => [
    { protocol: 'Email', other: false },
    { protocol: 'Email', other: true },
    { protocol: 'SMS', other: false },
    { protocol: 'SMS', other: true },
  ],
  async run(ctx, { protocol, other }) {
    const slot = protocol === 'SMS' ? smsSlot(ctx) : 'home';
    let model = await mustCreate(ctx, emptyLightsailModel(), slot, protocol, 0);
    if (other && supportsSms(regionOf(ctx, slot))) model = await mustCreate(ctx, model, slot, protocol === 'SMS' ? 'Email' : 'SMS', 0);
    const endpoint = endpointFor(ctx, slot, protocol, 1);
    const result = await createContactMethod(ctx, regionOf(ctx, slot), protocol, endpoint, ['LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL']);
    if (checkSecondCreate(ctx, protocol, result)) model = createContact(model, slot, protocol, endpoint, result.at);
    await listAndCheck(ctx, model, slot, secondJudged(protocol, result.ok));
  },
});

const smsRegions = defineProperty({
  name: 'SMS contact methods only in the regions that support SMS',
  service: 'lightsail',
  rules: LISTING_RULES,
  runsFactor: 0.08,
  arbitrary: () => fc.constantFrom(...REGION_NAMES),
  // Every documented region: each SMS one accepts, each other refuses.
  examples: () => [...REGION_NAMES],
  async run(ctx, region) {
    // Slots name regions relative to the target's; this property names the region itself.
    const slot: RegionSlot = region === ctx.target.region ? 'home' : supportsSms(region) ? 'sms' : 'nosms';
    const endpoint = endpointFor(ctx, slot, 'SMS', 0);
    const result = await createContactMethod(ctx, region, 'SMS', endpoint, ['LIGHTSAIL.CONTACT.SMS_REGIONS']);
    let model = emptyLightsailModel();
    let judgedBy: JudgedBy | undefined;
    if (supportsSms(region)) {
      checkOperationRecords(
        ctx,
        'CreateContactMethod',
        expectSuccess(
          ctx,
          'LIGHTSAIL.CONTACT.SMS_REGIONS',
          'CreateContactMethod',
          result,
          `SMS is supported in ${region}`,
          `SMS in ${region} (supported) → accepted`,
        ),
      );
      model = createContact(model, slot, 'SMS', endpoint, result.at);
    } else {
      expectRejected(
        ctx,
        'LIGHTSAIL.CONTACT.SMS_REGIONS',
        'CreateContactMethod',
        result,
        `SMS is not supported in ${region}`,
        undefined,
        `SMS in ${region} (not supported) → rejected`,
      );
      // "... and nothing is created": the listing is this rule's to judge.
      judgedBy = {
        SMS: {
          rule: 'LIGHTSAIL.CONTACT.SMS_REGIONS',
          observed: `SMS refused in ${region} → none listed`,
          message: `an SMS contact method refused in ${region} is listed`,
        },
      };
    }
    await checkListing(ctx, region, model, slot, { judgedBy });
  },
});

const sendAnswers = defineProperty({
  name: 'SendContactMethodVerification answers an operation of its own type and region',
  service: 'lightsail',
  rules: ['LIGHTSAIL.VERIFY.RESEND', ...ANSWER_RULES, ...LISTING_RULES],
  runsFactor: 0.16,
  arbitrary: () => fc.record({ slot: fc.constantFrom<RegionSlot>('home', 'home', 'sms', 'nosms'), sends: fc.constantFrom(1, 2) }),
  examples: (): { slot: RegionSlot; sends: number }[] => [
    { slot: 'home', sends: 2 },
    { slot: 'sms', sends: 1 },
    { slot: 'nosms', sends: 2 },
  ],
  async run(ctx, { slot, sends }) {
    const region = regionOf(ctx, slot);
    let model = await mustCreate(ctx, emptyLightsailModel(), slot, 'Email');
    await listAndCheck(ctx, model, slot);
    for (let i = 0; i < sends; i++) {
      const result = await sendVerification(ctx, region, 'Email', ['LIGHTSAIL.VERIFY.RESEND']);
      const output = expectSuccess(
        ctx,
        'LIGHTSAIL.VERIFY.RESEND',
        SEND,
        result,
        'a verification request can be sent again while the contact method is unverified',
        `send #${i + 1} while pending → accepted`,
      );
      checkSendAnswer(ctx, region, output);
      model = requestVerification(model, slot, result.at);
    }
    await listAndCheck(ctx, model, slot);
  },
});

const linkMakesValid = defineProperty({
  name: 'Following the verification link makes an email contact method Valid, also after a request expired',
  service: 'lightsail',
  rules: ['LIGHTSAIL.VERIFY.RESEND', ...ANSWER_RULES, ...LISTING_RULES],
  needs: ['inbox'],
  runsFactor: 0.12,
  arbitrary: ({ capabilities }) =>
    fc.record({ slot: fc.constantFrom<RegionSlot>('home', 'nosms'), waitHours: capabilities.has('clock') ? fc.constantFrom(0, 25, 73) : fc.constant(0) }),
  examples: ({ capabilities }): { slot: RegionSlot; waitHours: number }[] => [
    { slot: 'home', waitHours: 0 },
    { slot: 'nosms', waitHours: 0 },
    ...(capabilities.has('clock')
      ? [
          { slot: 'home' as const, waitHours: 25 },
          { slot: 'nosms' as const, waitHours: 73 },
        ]
      : []),
  ],
  async run(ctx, { slot, waitHours }) {
    const region = regionOf(ctx, slot);
    let model = await mustCreate(ctx, emptyLightsailModel(), slot, 'Email');
    await listAndCheck(ctx, model, slot);
    if (waitHours > 0) {
      await advanceClock(ctx, waitHours * HOUR);
      await listAndCheck(ctx, model, slot);
      const result = await sendVerification(ctx, region, 'Email', ['LIGHTSAIL.VERIFY.RESEND']);
      const output = expectSuccess(
        ctx,
        'LIGHTSAIL.VERIFY.RESEND',
        SEND,
        result,
        'a new verification request can be sent after the previous one expired',
        `resend after ${waitHours} h → accepted`,
      );
      checkSendAnswer(ctx, region, output);
      model = requestVerification(model, slot, result.at);
    }
    await followLatestLink(ctx, model.regions.get(slot)!.get('Email')!.endpoint);
    model = verifyContact(model, slot);
    await listAndCheck(ctx, model, slot);
  },
});

const lifecycle = modelProperty({
  name: 'Lightsail contact methods follow the documented model, per region',
  service: 'lightsail',
  rules: ['LIGHTSAIL.SEND.SMS_REJECTED', 'LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT', 'LIGHTSAIL.VERIFY.RESEND', ...ANSWER_RULES, ...LISTING_RULES],
  initial: emptyLightsailModel,
  maxCommands: 25,
  runsFactor: 0.6,
  // Each state in order: created, resent, verified, resent when Valid, deleted, sent to none; a
  // second of each protocol; SMS refused; a stale request resent and followed.
  examples: ({ capabilities, unsupported }) => {
    const canDelete = !unsupported.has('DeleteContactMethod');
    const inbox = capabilities.has('inbox');
    const clock = capabilities.has('clock');
    const keep = (ok: boolean, ...cmds: ModelCommand<LightsailModel>[]) => (ok ? cmds : []);
    return [
      [
        new CreateContact('home', 'Email', 0),
        new GetContacts('home'),
        new SendVerification('home', 'Email'),
        new SendVerification('home', 'Email'),
        ...keep(inbox, new FollowLink('home'), new GetContacts('home', ['Email']), new SendVerification('home', 'Email')),
        ...keep(canDelete, new DeleteContact('home', 'Email'), new SendVerification('home', 'Email')),
      ],
      [
        new CreateContact('sms', 'SMS', 0),
        new CreateContact('sms', 'SMS', 1),
        new GetContacts('sms', ['SMS']),
        new SendVerification('sms', 'SMS'),
        new CreateContact('sms', 'Email', 0),
        new CreateContact('sms', 'Email', 1),
        new GetContacts('sms', ['Email']),
        ...keep(canDelete, new DeleteContact('sms', 'SMS')),
      ],
      [
        new CreateContact('nosms', 'SMS', 0),
        new CreateContact('nosms', 'Email', 0),
        new SendVerification('nosms', 'SMS'),
        ...keep(clock, new AdvanceClock<LightsailModel>(25 * HOUR), new GetContacts('nosms'), new SendVerification('nosms', 'Email')),
        ...keep(inbox, new FollowLink('nosms'), new GetContacts('nosms')),
      ],
    ];
  },
  commands: [
    createContactCommand,
    createContactCommand,
    sendVerificationCommand,
    sendVerificationCommand,
    followLinkCommand,
    getContactsCommand,
    getContactsCommand,
    deleteContactCommand,
    advanceClockCommand,
  ],
});

/** Only where the region holds no contact method the run did not make: the three slot regions, and a region the property names. */
const inSlots = <T>(property: ConformanceProperty<T>) => withPrecondition(property, (ctx, rules) => requireNoContactMethods(ctx, rules));

export const lightsailProperties: ConformanceProperty[] = [
  inSlots(requiresProtocol),
  inSlots(smsIsNotVerified),
  inSlots(needsEmailContact),
  inSlots(onePerProtocol),
  // This one creates in the region it names, any documented one: that region is looked in too.
  withPrecondition(smsRegions, (ctx, rules, region) => requireNoContactMethods(ctx, rules, [region])),
  inSlots(sendAnswers),
  inSlots(linkMakesValid),
  inSlots(lifecycle),
];
