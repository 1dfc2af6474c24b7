// SES steps shared by the stateless properties and the model-based commands: the paced
// GetIdentityVerificationAttributes call and its response checks, the throttling probe, and
// which documented rule an expected status stands for.
import {
  DeleteIdentityCommand, GetIdentityVerificationAttributesCommand, VerifyDomainIdentityCommand, VerifyEmailIdentityCommand,
  type GetIdentityVerificationAttributesCommandOutput,
} from '@aws-sdk/client-ses';
import { COMMON_CLIENT_ERROR_CODES, isThrottling, type ObservedError } from '../../models/shared/aws-error.ts';
import type { Instant } from '../../models/shared/clock.ts';
import { allowedStatuses, type SesIdentity } from '../../models/ses/model.ts';
import { GetIdentityVerificationAttributesResponse, VERIFICATION_STATUSES } from '../../models/ses/shapes.ts';
import type { RuleId } from '../../spec/index.ts';
import { call, type CallResult } from '../shared/call.ts';
import { checkThat, expectMember, expectShape, fail } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';

const GIVA = 'GetIdentityVerificationAttributes';
const GIVA_PACE_KEY = 'ses:GetIdentityVerificationAttributes';
/** "This operation is throttled at one request per second" */
export const GIVA_INTERVAL_MS = 1_000;

export type GivaResult = CallResult<GetIdentityVerificationAttributesCommandOutput>;

/** A GetIdentityVerificationAttributes call at the documented rate; being throttled at that rate breaks the rule. */
export async function getAttributes(ctx: RunContext, identities: string[] | undefined, rules: readonly RuleId[]): Promise<GivaResult> {
  await ctx.target.pace(GIVA_PACE_KEY, GIVA_INTERVAL_MS);
  const result = await call(ctx, 'ses', new GetIdentityVerificationAttributesCommand({ Identities: identities } as { Identities: string[] }), rules);
  if (!result.ok && isThrottling(result.error)) {
    fail(ctx, 'SES.GIVA.THROTTLE', GIVA, {
      message: 'throttled a call made at the documented rate',
      expected: 'calls one second apart are answered',
      actual: `${result.error.code} (HTTP ${result.error.httpStatus})`,
    });
  }
  return result;
}

export type Attributes = Record<string, { VerificationStatus: string; VerificationToken?: string | null }>;

/** The response shape and enum rules, for any successful answer to `requested`. */
export function checkAttributes(ctx: RunContext, requested: readonly string[], output: unknown): Attributes {
  const { VerificationAttributes } = expectShape(ctx, 'SES.GIVA.RESPONSE_SHAPE', GIVA, GetIdentityVerificationAttributesResponse, output);
  const extra = Object.keys(VerificationAttributes).filter((key) => !requested.includes(key));
  checkThat(ctx, 'SES.GIVA.RESPONSE_SHAPE', GIVA, extra.length === 0, () => ({
    message: 'answered attributes for identities that were not requested',
    expected: `keys among ${JSON.stringify(requested.slice(0, 5))}${requested.length > 5 ? '…' : ''}`,
    actual: JSON.stringify(extra),
  }));
  for (const [identity, attributes] of Object.entries(VerificationAttributes)) {
    expectMember(ctx, 'SES.GIVA.STATUS_ENUM', GIVA, `VerificationStatus of ${identity}`, VERIFICATION_STATUSES, attributes.VerificationStatus);
  }
  return VerificationAttributes;
}

/** Every SES rejection is a query-protocol client error with a code from the documented set. */
export function checkErrorShape(ctx: RunContext, error: ObservedError): void {
  checkThat(ctx, 'SES.ERRORS.QUERY_ERROR_SHAPE', '*', COMMON_CLIENT_ERROR_CODES.includes(error.code) && error.httpStatus >= 400 && error.httpStatus < 500, () => ({
    message: 'rejected with an error that is not a documented AWS query error',
    expected: `HTTP 4xx with Code one of ${COMMON_CLIENT_ERROR_CODES.join(', ')}`,
    actual: `${error.code} (HTTP ${error.httpStatus}): ${error.message}`,
  }));
}

/** Which documented rule an expectation about an identity's status stands for. */
export function ruleForStatus(identity: SesIdentity, allowed: ReadonlySet<string>): RuleId {
  const only = allowed.size === 1 ? [...allowed][0] : undefined;
  if (identity.kind === 'email') {
    if (only === 'Success') return 'SES.EMAIL.SUCCESS_WITHIN_24H';
    if (only === 'Failed') return 'SES.EMAIL.FAILED_AFTER_24H';
    return identity.restarted && only === 'Pending' ? 'SES.EMAIL.RESTART_AFTER_FAILED' : 'SES.EMAIL.PENDING_UNTIL_CLICKED';
  }
  if (only === 'Failed') return 'SES.DOMAIN.FAILED_AFTER_72H';
  if (allowed.has('Success')) return 'SES.DOMAIN.SUCCESS_WHEN_RECORD';
  return identity.restarted && only === 'Pending' ? 'SES.DOMAIN.RESTART_AFTER_FAILED' : 'SES.DOMAIN.PENDING_UNTIL_RECORD';
}

/** The status and token an identity reports match what the model allows at `at`. */
export function checkIdentity(ctx: RunContext, name: string, identity: SesIdentity, reported: Attributes[string] | undefined, at: Instant): void {
  const allowed = allowedStatuses(identity, at);
  const rule = ruleForStatus(identity, allowed);
  checkThat(ctx, rule, GIVA, reported !== undefined, () => ({
    message: `${name} exists but is missing from VerificationAttributes`,
    expected: `an entry for ${name} with status ${[...allowed].join(' or ')}`,
    actual: 'no entry',
  }));
  checkThat(ctx, rule, GIVA, allowed.has(reported!.VerificationStatus as never), () => ({
    message: `${name} reports the wrong verification status`,
    expected: [...allowed].join(' or '),
    actual: reported!.VerificationStatus,
  }));
  if (identity.kind === 'email') {
    checkThat(ctx, 'SES.GIVA.EMAIL_TOKEN_NULL', GIVA, reported!.VerificationToken == null, () => ({
      message: `email identity ${name} carries a VerificationToken`,
      expected: 'no VerificationToken (null)',
      actual: JSON.stringify(reported!.VerificationToken),
    }));
  } else {
    checkThat(ctx, 'SES.GIVA.DOMAIN_TOKEN', GIVA, reported!.VerificationToken === identity.token, () => ({
      message: `domain identity ${name} does not carry the token VerifyDomainIdentity returned`,
      expected: identity.token,
      actual: JSON.stringify(reported!.VerificationToken),
    }));
  }
}

/** A burst well over one call a second: the calls over the rate get the throttling error, none a 5xx. */
export async function probeThrottling(ctx: RunContext, identities: string[], burst: number): Promise<void> {
  const results: GivaResult[] = [];
  const started = Date.now();
  for (let i = 0; i < burst; i++) {
    results.push(await call(ctx, 'ses', new GetIdentityVerificationAttributesCommand({ Identities: identities }), ['SES.GIVA.THROTTLE']));
  }
  const elapsed = Date.now() - started;
  ctx.target.paced(GIVA_PACE_KEY);
  for (const result of results) {
    if (result.ok) continue;
    checkThat(ctx, 'SES.GIVA.THROTTLE', GIVA, isThrottling(result.error), () => ({
      message: 'a call of a burst was answered with something other than success or the throttling error',
      expected: 'success, or Throttling (HTTP 400)',
      actual: `${result.error.code} (HTTP ${result.error.httpStatus}): ${result.error.message}`,
    }));
  }
  // Only a burst that really was faster than the rate must have been throttled.
  if (elapsed < GIVA_INTERVAL_MS * (burst - 1)) {
    const throttled = results.filter((r) => !r.ok).length;
    checkThat(ctx, 'SES.GIVA.THROTTLE', GIVA, throttled > 0, () => ({
      message: `${burst} calls in ${elapsed} ms were all answered: no throttling at one request per second`,
      expected: 'the calls over one a second answered Throttling',
      actual: `${burst} successes`,
    }));
  }
}

// The calls that create identities, with their clean-up registered before the call so a
// failing run still leaves nothing behind.
export async function verifyEmailIdentity(ctx: RunContext, address: string, rules: readonly RuleId[]) {
  ctx.target.resources.add(`ses:${address}`, () => ctx.target.client('ses').send(new DeleteIdentityCommand({ Identity: address })));
  return call(ctx, 'ses', new VerifyEmailIdentityCommand({ EmailAddress: address }), rules);
}

export async function verifyDomainIdentity(ctx: RunContext, domain: string, rules: readonly RuleId[]) {
  ctx.target.resources.add(`ses:${domain}`, () => ctx.target.client('ses').send(new DeleteIdentityCommand({ Identity: domain })));
  return call(ctx, 'ses', new VerifyDomainIdentityCommand({ Domain: domain }), rules);
}
