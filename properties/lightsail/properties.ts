// The Lightsail contact-method properties: stateless ones per documented fact, and the
// model-based one over create / send verification / follow link / get / delete / clock, per
// region. Every LIGHTSAIL rule in spec/ is covered by at least one of them.
import fc from 'fast-check';
import { createContact, deleteContact, emptyLightsailModel, requestVerification, verifyContact, type LightsailModel } from '../../models/lightsail/model.ts';
import { REGION_NAMES, supportsSms, type ContactProtocol } from '../../models/lightsail/shapes.ts';
import { HOUR } from '../../models/shared/clock.ts';
import type { RuleId } from '../../spec/index.ts';
import type { RunContext } from '../shared/context.ts';
import { modelProperty } from '../shared/model-run.ts';
import { defineProperty, withPrecondition, type ConformanceProperty } from '../shared/property.ts';
import {
  advanceClockCommand, createContactCommand, deleteContactCommand, followLatestLink, followLinkCommand, getContactsCommand, sendVerificationCommand,
} from './commands.ts';
import {
  checkContactMethods, checkEmailStatus, checkSendAnswer, createContactMethod, deleteContactMethod, endpointFor, expectDocumentedRejection,
  expectDocumentedSuccess, regionOf, requireNoContactMethods, sendVerification, type RegionSlot,
} from './steps.ts';

const SEND = 'SendContactMethodVerification';
const LISTING_RULES = ['LIGHTSAIL.CONTACT.GET_MATCHES', 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL', 'LIGHTSAIL.ENUMS', 'LIGHTSAIL.CONTACT.DELETE', 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE'] as const satisfies readonly RuleId[];
const ANSWER_RULES = ['LIGHTSAIL.SEND.RESPONSE_SHAPE', 'LIGHTSAIL.SEND.OPERATION_TYPE', 'LIGHTSAIL.SEND.OPERATION_REGION', 'LIGHTSAIL.ENUMS'] as const satisfies readonly RuleId[];

/** A region for SMS: the target's when it supports SMS, another otherwise. */
const smsSlot = (ctx: RunContext): RegionSlot => (supportsSms(ctx.target.region) ? 'home' : 'sms');

/** Creates a contact method that must be accepted, into `model`. */
async function mustCreate(ctx: RunContext, model: LightsailModel, slot: RegionSlot, protocol: ContactProtocol, index = 0): Promise<LightsailModel> {
  const region = regionOf(ctx, slot);
  const endpoint = endpointFor(ctx, slot, protocol, index);
  const rule = protocol === 'SMS' ? 'LIGHTSAIL.CONTACT.SMS_REGIONS' : 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE';
  const result = await createContactMethod(ctx, region, protocol, endpoint, [rule]);
  expectDocumentedSuccess(ctx, rule, 'CreateContactMethod', result, `a first ${protocol} contact method in ${region} is accepted`);
  return createContact(model, slot, protocol, endpoint, result.at);
}

async function listAndCheck(ctx: RunContext, model: LightsailModel, slot: RegionSlot): Promise<string | undefined> {
  const region = regionOf(ctx, slot);
  const before = ctx.now();
  const listed = await checkContactMethods(ctx, region, model, slot);
  return checkEmailStatus(ctx, region, model, slot, listed, ctx.since(before));
}

const requiresProtocol = defineProperty({
  name: 'SendContactMethodVerification requires protocol',
  service: 'lightsail',
  rules: ['LIGHTSAIL.SEND.PROTOCOL_REQUIRED', 'LIGHTSAIL.ERRORS.DOCUMENTED', 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE'],
  runsFactor: 0.08,
  arbitrary: () => fc.boolean(),
  async run(ctx, withContact) {
    if (withContact) await mustCreate(ctx, emptyLightsailModel(), 'home', 'Email');
    const result = await sendVerification(ctx, ctx.target.region, undefined, ['LIGHTSAIL.SEND.PROTOCOL_REQUIRED']);
    expectDocumentedRejection(ctx, 'LIGHTSAIL.SEND.PROTOCOL_REQUIRED', SEND, result, 'a request without protocol is rejected with a documented client error');
  },
});

const smsIsNotVerified = defineProperty({
  name: 'SendContactMethodVerification refuses SMS',
  service: 'lightsail',
  rules: ['LIGHTSAIL.SEND.SMS_REJECTED', 'LIGHTSAIL.ERRORS.DOCUMENTED', 'LIGHTSAIL.CONTACT.SMS_REGIONS', 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE'],
  runsFactor: 0.16,
  arbitrary: () => fc.record({ sms: fc.boolean(), email: fc.boolean() }),
  async run(ctx, { sms, email }) {
    const slot = smsSlot(ctx);
    let model = emptyLightsailModel();
    if (sms) model = await mustCreate(ctx, model, slot, 'SMS');
    if (email) model = await mustCreate(ctx, model, slot, 'Email');
    const result = await sendVerification(ctx, regionOf(ctx, slot), 'SMS', ['LIGHTSAIL.SEND.SMS_REJECTED']);
    expectDocumentedRejection(ctx, 'LIGHTSAIL.SEND.SMS_REJECTED', SEND, result, 'SMS contact methods need no verification: InvalidInputException', ['InvalidInputException']);
  },
});

const needsEmailContact = defineProperty({
  name: 'SendContactMethodVerification needs an email contact method in the region',
  service: 'lightsail',
  rules: ['LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT', 'LIGHTSAIL.ERRORS.DOCUMENTED', 'LIGHTSAIL.CONTACT.SMS_REGIONS', 'LIGHTSAIL.CONTACT.DELETE', 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE'],
  runsFactor: 0.2,
  arbitrary: () => fc.record({ slot: fc.constantFrom<RegionSlot>('home', 'sms', 'nosms'), before: fc.constantFrom('none', 'sms-only', 'deleted', 'elsewhere') }),
  async run(ctx, { slot, before }) {
    let model = emptyLightsailModel();
    if (before === 'sms-only' && supportsSms(regionOf(ctx, slot))) model = await mustCreate(ctx, model, slot, 'SMS');
    if (before === 'elsewhere') model = await mustCreate(ctx, model, slot === 'home' ? 'nosms' : 'home', 'Email');
    if (before === 'deleted') {
      model = await mustCreate(ctx, model, slot, 'Email');
      const deleted = await deleteContactMethod(ctx, regionOf(ctx, slot), 'Email', ['LIGHTSAIL.CONTACT.DELETE']);
      expectDocumentedSuccess(ctx, 'LIGHTSAIL.CONTACT.DELETE', 'DeleteContactMethod', deleted, 'an existing contact method can be deleted');
      model = deleteContact(model, slot, 'Email');
    }
    const result = await sendVerification(ctx, regionOf(ctx, slot), 'Email', ['LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT']);
    expectDocumentedRejection(ctx, 'LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT', SEND, result, `no email contact method exists in ${regionOf(ctx, slot)}`);
  },
});

const onePerProtocol = defineProperty({
  name: 'A region has one email and one SMS contact method at most',
  service: 'lightsail',
  rules: ['LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL', 'LIGHTSAIL.ERRORS.DOCUMENTED', 'LIGHTSAIL.CONTACT.SMS_REGIONS', ...LISTING_RULES],
  runsFactor: 0.2,
  arbitrary: () => fc.record({ protocol: fc.constantFrom<ContactProtocol>('Email', 'SMS'), other: fc.boolean() }),
  async run(ctx, { protocol, other }) {
    const slot = protocol === 'SMS' ? smsSlot(ctx) : 'home';
    let model = await mustCreate(ctx, emptyLightsailModel(), slot, protocol, 0);
    if (other && supportsSms(regionOf(ctx, slot))) model = await mustCreate(ctx, model, slot, protocol === 'SMS' ? 'Email' : 'SMS', 0);
    const result = await createContactMethod(ctx, regionOf(ctx, slot), protocol, endpointFor(ctx, slot, protocol, 1), ['LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL']);
    if (result.ok) {
      ctx.held('LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL');
      model = createContact(model, slot, protocol, endpointFor(ctx, slot, protocol, 1), result.at);
    } else {
      expectDocumentedRejection(ctx, 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL', 'CreateContactMethod', result, 'a second contact method of a protocol is refused or replaces the first');
    }
    await listAndCheck(ctx, model, slot);
  },
});

const smsRegions = defineProperty({
  name: 'SMS contact methods only in the regions that support SMS',
  service: 'lightsail',
  rules: ['LIGHTSAIL.CONTACT.SMS_REGIONS', 'LIGHTSAIL.ERRORS.DOCUMENTED', ...LISTING_RULES],
  runsFactor: 0.6,
  arbitrary: () => fc.constantFrom(...REGION_NAMES),
  async run(ctx, region) {
    // Slots name regions relative to the target's; this property names the region itself.
    const slot: RegionSlot = region === ctx.target.region ? 'home' : supportsSms(region) ? 'sms' : 'nosms';
    const result = await createContactMethod(ctx, region, 'SMS', endpointFor(ctx, slot, 'SMS', 0), ['LIGHTSAIL.CONTACT.SMS_REGIONS']);
    let model = emptyLightsailModel();
    if (supportsSms(region)) {
      expectDocumentedSuccess(ctx, 'LIGHTSAIL.CONTACT.SMS_REGIONS', 'CreateContactMethod', result, `SMS is supported in ${region}`);
      model = createContact(model, slot, 'SMS', endpointFor(ctx, slot, 'SMS', 0), result.at);
    } else {
      expectDocumentedRejection(ctx, 'LIGHTSAIL.CONTACT.SMS_REGIONS', 'CreateContactMethod', result, `SMS is not supported in ${region}`);
    }
    const listed = await checkContactMethods(ctx, region, model, slot);
    void listed;
  },
});

const sendAnswers = defineProperty({
  name: 'SendContactMethodVerification answers an operation of its own type and region',
  service: 'lightsail',
  rules: ['LIGHTSAIL.VERIFY.RESEND', 'LIGHTSAIL.ERRORS.DOCUMENTED', ...ANSWER_RULES, ...LISTING_RULES],
  runsFactor: 0.4,
  arbitrary: () => fc.record({ slot: fc.constantFrom<RegionSlot>('home', 'home', 'sms', 'nosms'), sends: fc.constantFrom(1, 2) }),
  async run(ctx, { slot, sends }) {
    const region = regionOf(ctx, slot);
    let model = await mustCreate(ctx, emptyLightsailModel(), slot, 'Email');
    await listAndCheck(ctx, model, slot);
    for (let i = 0; i < sends; i++) {
      const result = await sendVerification(ctx, region, 'Email', ['LIGHTSAIL.VERIFY.RESEND']);
      const output = expectDocumentedSuccess(ctx, 'LIGHTSAIL.VERIFY.RESEND', SEND, result, 'a verification request can be sent again while the contact method is unverified');
      checkSendAnswer(ctx, region, output);
      model = requestVerification(model, slot, result.at);
    }
    await listAndCheck(ctx, model, slot);
  },
});

const linkMakesValid = defineProperty({
  name: 'Following the verification link makes an email contact method Valid, also after a request expired',
  service: 'lightsail',
  rules: ['LIGHTSAIL.VERIFY.LINK_MAKES_VALID', 'LIGHTSAIL.VERIFY.RESEND', 'LIGHTSAIL.ERRORS.DOCUMENTED', ...ANSWER_RULES, ...LISTING_RULES],
  needs: ['inbox'],
  runsFactor: 0.16,
  arbitrary: ({ capabilities }) => fc.record({ slot: fc.constantFrom<RegionSlot>('home', 'nosms'), waitHours: capabilities.has('clock') ? fc.constantFrom(0, 25, 73) : fc.constant(0) }),
  async run(ctx, { slot, waitHours }) {
    const region = regionOf(ctx, slot);
    let model = await mustCreate(ctx, emptyLightsailModel(), slot, 'Email');
    await listAndCheck(ctx, model, slot);
    if (waitHours > 0) {
      ctx.note(ctx.target.oob.replay.advanceClock(waitHours * HOUR));
      await ctx.target.oob.advanceClock!(waitHours * HOUR);
      await listAndCheck(ctx, model, slot);
      const result = await sendVerification(ctx, region, 'Email', ['LIGHTSAIL.VERIFY.RESEND']);
      const output = expectDocumentedSuccess(ctx, 'LIGHTSAIL.VERIFY.RESEND', SEND, result, 'a new verification request can be sent after the previous one expired');
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
  rules: [
    'LIGHTSAIL.SEND.SMS_REJECTED', 'LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT', 'LIGHTSAIL.CONTACT.SMS_REGIONS', 'LIGHTSAIL.VERIFY.LINK_MAKES_VALID', 'LIGHTSAIL.VERIFY.RESEND',
    'LIGHTSAIL.ERRORS.DOCUMENTED', ...ANSWER_RULES, ...LISTING_RULES,
  ],
  initial: emptyLightsailModel,
  maxCommands: 25,
  runsFactor: 0.8,
  commands: [
    createContactCommand, createContactCommand, sendVerificationCommand, sendVerificationCommand, followLinkCommand, getContactsCommand, getContactsCommand,
    deleteContactCommand, advanceClockCommand,
  ],
});

const unpreconditioned: ConformanceProperty<any>[] = [requiresProtocol, smsIsNotVerified, needsEmailContact, onePerProtocol, smsRegions, sendAnswers, linkMakesValid, lifecycle];
export const lightsailProperties = unpreconditioned.map((property) => withPrecondition(property, requireNoContactMethods));
