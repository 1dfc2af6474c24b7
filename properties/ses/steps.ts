// SES steps shared by the stateless properties and the model-based commands: the paced
// GetIdentityVerificationAttributes call, the throttling probe, and the calls that create
// identities. What an answer is checked against is in attributes.ts.
import {
  DeleteIdentityCommand,
  GetIdentityVerificationAttributesCommand,
  VerifyDomainIdentityCommand,
  VerifyEmailIdentityCommand,
  type GetIdentityVerificationAttributesCommandOutput,
} from '@aws-sdk/client-ses';
import { isThrottling } from '../../models/shared/aws-error.ts';
import type { RuleId } from '../../services/index.ts';
import { call, type CallResult } from '../shared/call.ts';
import { checkThat, fail } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { PACE_TOLERANCE_MS } from '../../harness/targets/target.ts';
import { intervalOf, rateOf } from '../../spec/aws-rates.ts';

const GIVA = 'GetIdentityVerificationAttributes';
/** "This operation is throttled at one request per second": the table every target's pacing keeps to. */
export const GIVA_INTERVAL_MS = intervalOf(rateOf('ses', GIVA));
/**
 * Spacing tolerance: a throttled call breaks the rate rule only when it was sent at least
 * GIVA_INTERVAL_MS + GIVA_RATE_TOLERANCE_MS after the previous call's answer (so the server saw
 * them at least that far apart); pacing leaves at least that much.
 */
export const GIVA_RATE_TOLERANCE_MS = PACE_TOLERANCE_MS;
/**
 * A burst must be throttled only when it was comfortably faster than the rate: all of it, from
 * sending the first call to the last answer on the target clock, took at most this fraction of
 * the (burst - 1) intervals that calls at exactly the rate would take.
 */
export const BURST_SPEED_FACTOR = 0.5;

export type GivaResult = CallResult<GetIdentityVerificationAttributesCommandOutput>;

/** A GetIdentityVerificationAttributes call at the documented rate; being throttled at that rate breaks the rule. */
export async function getAttributes(ctx: RunContext, identities: string[] | undefined, rules: readonly RuleId[]): Promise<GivaResult> {
  // Paced by the target's clients at the documented rate (spec/aws-rates.ts); the gap is how far apart it was sent.
  // Where the throttle rule is judged at all (throttle-probe), a throttled answer at the rate is its verdict: never retried.
  const judgesThrottling = ctx.target.capabilities.has('throttle-probe');
  const result = await call(ctx, 'ses', new GetIdentityVerificationAttributesCommand({ Identities: identities }), rules, { judgesThrottling });
  const { gap } = result;
  const atRate = gap === undefined || gap >= GIVA_INTERVAL_MS + GIVA_RATE_TOLERANCE_MS;
  if (judgesThrottling && !result.ok && isThrottling(result.error) && atRate) {
    fail(ctx, 'SES.GIVA.THROTTLE', GIVA, {
      message: `throttled a call made at the documented rate (${gap === undefined ? 'the first of its kind' : `sent ${gap} ms after the previous one was answered`})`,
      expected: `calls at least ${GIVA_INTERVAL_MS} ms + ${GIVA_RATE_TOLERANCE_MS} ms tolerance apart are answered`,
      actual: `${result.error.code} (HTTP ${result.error.httpStatus})`,
    });
  }
  return result;
}

/** A burst well over one call a second: the calls over the rate get the throttling error, none a 5xx. */
export async function probeThrottling(ctx: RunContext, identities: string[], burst: number): Promise<void> {
  judgeBurst(ctx, await sendBurst(ctx, identities, burst));
}

/** What a burst was answered, and how long it took on the target clock. */
interface Burst {
  results: GivaResult[];
  elapsed: number;
}

/** `burst` GetIdentityVerificationAttributes calls, one right after the other. */
export async function sendBurst(ctx: RunContext, identities: string[], burst: number): Promise<Burst> {
  const results: GivaResult[] = [];
  // On the target clock (the server's, where it has one), from the first sending to the last answer:
  // the server saw the calls no further apart than this.
  const started = ctx.now();
  for (let i = 0; i < burst; i++) {
    results.push(await call(ctx, 'ses', new GetIdentityVerificationAttributesCommand({ Identities: identities }), ['SES.GIVA.THROTTLE'], { unpaced: true }));
  }
  return { results, elapsed: ctx.now() - started };
}

/** A burst's answers: success or the throttling error each, and throttled at all where it was comfortably faster than the rate. */
export function judgeBurst(ctx: RunContext, { results, elapsed }: Burst): void {
  const burst = results.length;
  for (const result of results) {
    if (result.ok) continue;
    checkThat(
      ctx,
      'SES.GIVA.THROTTLE',
      GIVA,
      isThrottling(result.error),
      () => ({
        message: 'a call of a burst was answered with something other than success or the throttling error',
        expected: 'success, or Throttling (HTTP 400)',
        actual: `${result.error.code} (HTTP ${result.error.httpStatus}): ${result.error.message}`,
      }),
      'burst call over the rate → Throttling',
    );
  }
  // Only a burst comfortably faster than the rate must have been throttled (a busy machine may
  // send the calls slower than intended; then the burst proves nothing either way).
  if (elapsed <= BURST_SPEED_FACTOR * GIVA_INTERVAL_MS * (burst - 1)) {
    const throttled = results.filter((r) => !r.ok).length;
    checkThat(
      ctx,
      'SES.GIVA.THROTTLE',
      GIVA,
      throttled > 0,
      () => ({
        message: `${burst} calls in ${elapsed} ms were all answered: no throttling at one request per second`,
        expected: `the calls over one a second answered Throttling (a burst within ${BURST_SPEED_FACTOR * GIVA_INTERVAL_MS * (burst - 1)} ms)`,
        actual: `${burst} successes`,
      }),
      `burst of ${burst} calls → throttled`,
    );
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
