// The SES properties: stateless ones per operation and boundary, and the model-based one over the
// whole verification lifecycle. Every SES rule in spec/ is covered by at least one of them.
import fc from 'fast-check';
import { emptySesModel } from '../../models/ses/model.ts';
import { MAX_IDENTITIES_PER_CALL } from '../../models/ses/shapes.ts';
import { expectRejected, expectSetup, expectSuccess, judge } from '../shared/checks.ts';
import { modelProperty } from '../shared/model-run.ts';
import { defineProperty, type ConformanceProperty } from '../shared/property.ts';
import { acceptedIdentityCount, rejectedIdentityCount, THROTTLE_BURST } from './arbitraries.ts';
import { checkAttributes } from './attributes.ts';
import { advanceClockCommand } from './commands/advance-clock.ts';
import { deleteIdentityCommand } from './commands/delete-identity.ts';
import { followLinkCommand } from './commands/follow-link.ts';
import { getAttributesCommand } from './commands/get-attributes.ts';
import { listIdentitiesCommand } from './commands/list-identities.ts';
import { publishTxtRecordCommand } from './commands/publish-txt-record.ts';
import { throttleProbeCommand } from './commands/throttle-probe.ts';
import { verifyDomainCommand } from './commands/verify-domain.ts';
import { verifyEmailCommand } from './commands/verify-email.ts';
import { lifecycleExamples } from './lifecycle-examples.ts';
import { getAttributes, probeThrottling, verifyDomainIdentity, verifyEmailIdentity } from './steps.ts';

const GIVA = 'GetIdentityVerificationAttributes';
const MAX = MAX_IDENTITIES_PER_CALL;

/** `count` distinct names of this run, alternating email and domain. */
export function requestedNames(naming: { email(l: string): string; domain(l: string): string }, count: number) {
  return Array.from({ length: count }, (_, i) => (i % 2 ? naming.domain(`n${i}`) : naming.email(`n${i}`)));
}

/** The boundaries by their number, the counts between them by range: `100 identities`, `2–98 identities`. */
function countLabel(count: number): string {
  if ([0, 1, MAX - 1, MAX, MAX + 1].includes(count)) return `${count} identit${count === 1 ? 'y' : 'ies'}`;
  return count < MAX ? `2–${MAX - 2} identities` : `over ${MAX + 1} identities`;
}

const acceptsUpToTheLimit = defineProperty({
  name: 'GetIdentityVerificationAttributes answers for up to 100 identities',
  service: 'ses',
  rules: ['SES.GIVA.MAX_IDENTITIES', 'SES.GIVA.RESPONSE_SHAPE', 'SES.GIVA.STATUS_ENUM', 'SES.ERRORS.QUERY_ERROR_SHAPE'],
  runsFactor: 0.4,
  arbitrary: () => fc.record({ count: acceptedIdentityCount, existing: fc.constantFrom(0, 1, 2), outsider: fc.boolean() }),
  // 0, 1 and 100 identities in every pass; an existing identity not asked for makes "no other keys" compare something.
  examples: () => [
    { count: 0, existing: 0, outsider: true },
    { count: 1, existing: 1, outsider: true },
    { count: MAX, existing: 2, outsider: true },
  ],
  async run(ctx, { count, existing, outsider }) {
    const names = requestedNames(ctx.naming, count);
    const created = names.slice(0, Math.min(existing, count));
    const others = outsider ? [ctx.naming.email('outsider')] : [];
    // Set-up: what the answer is then judged on (entries for these, none for the outsider).
    for (const name of [...created, ...others]) {
      const email = name.includes('@');
      const result = email
        ? await verifyEmailIdentity(ctx, name, ['SES.GIVA.RESPONSE_SHAPE'])
        : await verifyDomainIdentity(ctx, name, ['SES.GIVA.RESPONSE_SHAPE']);
      expectSetup(
        ctx,
        'SES.GIVA.RESPONSE_SHAPE',
        email ? 'VerifyEmailIdentity' : 'VerifyDomainIdentity',
        result,
        'a new identity is accepted for verification',
      );
    }
    const result = await getAttributes(ctx, names, ['SES.GIVA.MAX_IDENTITIES']);
    const output = expectSuccess(
      ctx,
      'SES.GIVA.MAX_IDENTITIES',
      GIVA,
      result,
      `${count} identities (at most ${MAX}) are answered`,
      `${countLabel(count)} → accepted`,
    );
    const attributes = checkAttributes(ctx, names, output, others);
    const missing = created.filter((name) => !attributes[name]);
    judge(
      ctx,
      'SES.GIVA.RESPONSE_SHAPE',
      GIVA,
      missing.length === 0,
      () => ({
        message: 'identities that exist are missing from VerificationAttributes',
        expected: `entries for ${created.join(', ')}`,
        actual: `missing ${missing.join(', ')}`,
      }),
      created.length ? 'existing identity requested → entry' : undefined,
    );
  },
});

const rejectsOverTheLimit = defineProperty({
  name: 'GetIdentityVerificationAttributes rejects more than 100 identities',
  service: 'ses',
  rules: ['SES.GIVA.MAX_IDENTITIES', 'SES.ERRORS.QUERY_ERROR_SHAPE'],
  runsFactor: 0.2,
  arbitrary: () => rejectedIdentityCount,
  examples: () => [MAX + 1],
  async run(ctx, count) {
    const result = await getAttributes(ctx, requestedNames(ctx.naming, count), ['SES.GIVA.MAX_IDENTITIES']);
    expectRejected(
      ctx,
      'SES.GIVA.MAX_IDENTITIES',
      GIVA,
      result,
      `${count} identities (over ${MAX}) are rejected with a client error`,
      undefined,
      `${countLabel(count)} → rejected`,
    );
  },
});

const requiresIdentities = defineProperty({
  name: 'GetIdentityVerificationAttributes requires Identities',
  service: 'ses',
  rules: ['SES.GIVA.IDENTITIES_REQUIRED', 'SES.ERRORS.QUERY_ERROR_SHAPE'],
  runsFactor: 0.04,
  arbitrary: () => fc.constant(undefined),
  examples: () => [undefined],
  async run(ctx) {
    const result = await getAttributes(ctx, undefined, ['SES.GIVA.IDENTITIES_REQUIRED']);
    expectRejected(
      ctx,
      'SES.GIVA.IDENTITIES_REQUIRED',
      GIVA,
      result,
      'a request without Identities is rejected with a client error',
      undefined,
      'no Identities → rejected',
    );
  },
});

const throttlesBursts = defineProperty({
  name: 'GetIdentityVerificationAttributes is throttled at one request per second',
  service: 'ses',
  rules: ['SES.GIVA.THROTTLE'],
  needs: ['throttle-probe'],
  runsFactor: 0.08,
  arbitrary: () => fc.constantFrom(1, 5),
  examples: () => [1, 5],
  async run(ctx, count) {
    await probeThrottling(ctx, requestedNames(ctx.naming, count), THROTTLE_BURST);
  },
});

const lifecycle = modelProperty({
  name: 'SES identities follow the documented verification lifecycle',
  service: 'ses',
  rules: [
    'SES.GIVA.RESPONSE_SHAPE',
    'SES.GIVA.STATUS_ENUM',
    'SES.GIVA.EMAIL_TOKEN_NULL',
    'SES.GIVA.DOMAIN_TOKEN',
    'SES.GIVA.THROTTLE',
    'SES.GIVA.MAX_IDENTITIES',
    'SES.EMAIL.PENDING_UNTIL_CLICKED',
    'SES.EMAIL.SUCCESS_WITHIN_24H',
    'SES.EMAIL.FAILED_AFTER_24H',
    'SES.EMAIL.RESTART_AFTER_FAILED',
    'SES.DOMAIN.PENDING_UNTIL_RECORD',
    'SES.DOMAIN.SUCCESS_WHEN_RECORD',
    'SES.DOMAIN.FAILED_AFTER_72H',
    'SES.DOMAIN.RESTART_AFTER_FAILED',
    'SES.VERIFY_DOMAIN.TOKEN_RETURNED',
    'SES.DELETE.REMOVES_IDENTITY',
    'SES.LIST.IDENTITIES',
    'SES.ERRORS.QUERY_ERROR_SHAPE',
  ],
  initial: emptySesModel,
  examples: lifecycleExamples,
  maxCommands: 30,
  runsFactor: 2,
  // Listed twice: observing and moving the clock are what reach the later lifecycle states.
  commands: [
    verifyEmailCommand,
    verifyDomainCommand,
    getAttributesCommand,
    getAttributesCommand,
    deleteIdentityCommand,
    listIdentitiesCommand,
    followLinkCommand,
    publishTxtRecordCommand,
    advanceClockCommand,
    advanceClockCommand,
    throttleProbeCommand,
  ],
});

export const sesProperties: ConformanceProperty[] = [acceptsUpToTheLimit, rejectsOverTheLimit, requiresIdentities, throttlesBursts, lifecycle];
