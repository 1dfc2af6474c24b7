// Pacing counts a documented interval from the previous call's answer, so a call that was slow in
// transit (a busy machine) cannot make the next one reach the server early; and a throttling burst
// must be throttled only when, on the target's clock, it was comfortably faster than the rate.
// Transit delays are spent on the emulator's virtual clock: nothing here waits, or measures, the
// wall clock.
import { describe, expect, it } from 'vitest';
import { Pacer } from '../harness/targets/pacer.ts';
import { referenceTarget } from '../harness/targets/reference.ts';
import { PACE_TOLERANCE_MS } from '../harness/targets/target.ts';
import { THROTTLE_BURST } from '../properties/ses/arbitraries.ts';
import { sesProperties } from '../properties/ses/properties.ts';
import { BURST_SPEED_FACTOR, GIVA_INTERVAL_MS, GIVA_RATE_TOLERANCE_MS } from '../properties/ses/steps.ts';
import { runProperty } from '../properties/shared/run-property.ts';

const property = (name: string) => sesProperties.find((p) => p.name === name)!;

/** A reference target on which the n-th GetIdentityVerificationAttributes call spends transit(n) ms of the emulator's clock before it arrives. */
function slowTransitTarget(transit: (n: number) => number, faults: string[] = []) {
  let clock: { advance(ms: number): void } | undefined;
  let n = 0;
  const target = referenceTarget(
    { region: 'us-east-1', timeoutMs: 5_000 },
    {
      faults,
      wrapFetch: (fetch) => async (request, init) => {
        if ((await request.clone().text()).includes('Action=GetIdentityVerificationAttributes')) clock!.advance(transit(n++));
        return fetch(request, init);
      },
    },
  );
  clock = target.emulator.control.clock;
  return target;
}

describe('pacing', () => {
  it('waits the interval plus its tolerance from the answer of the previous call, not from its sending', async () => {
    let clock = 0;
    const wait = async (ms: number) => {
      clock += ms;
    };
    const pacer = new Pacer({ now: () => clock, wait, virtualClock: true, rateOf: () => undefined });
    expect(GIVA_RATE_TOLERANCE_MS).toBeLessThanOrEqual(PACE_TOLERANCE_MS);
    expect(await pacer.pace('k', 1_000)).toBeUndefined(); // no earlier call
    clock += 400; // the call spends 400 ms in transit before its answer
    const answered = clock;
    pacer.paced('k');
    const gap = await pacer.pace('k', 1_000);
    expect(gap).toBeGreaterThanOrEqual(1_000 + PACE_TOLERANCE_MS);
    expect(clock - answered).toBeGreaterThanOrEqual(1_000 + PACE_TOLERANCE_MS);
    expect(pacer.tally.waitedMs).toBe(clock - answered);
  });

  it('never has a call at the documented rate throttled when every other call is slow in transit', async () => {
    // Every other GetIdentityVerificationAttributes call arrives 300 ms late: counted from its
    // sending, the next (prompt) call would reach the server 300 ms early and be throttled.
    const target = slowTransitTarget((n) => (n % 2 ? 0 : 300));
    const outcome = await runProperty(property('SES identities follow the documented verification lifecycle'), target, { seed: 7, runs: 30 });
    expect(
      outcome.verdicts.filter((v) => v.status === 'fail' || v.status === 'error').map((v) => `${v.ruleId} ${v.status}: ${v.failure?.message ?? v.reason}`),
    ).toEqual([]);
  });

  it('requires throttling only of a burst that was comfortably faster than the rate on the target clock', async () => {
    // Each call of the burst spends enough of the target's clock in transit that the whole burst is
    // slower than BURST_SPEED_FACTOR of the rate: a target that never throttles is not held to it
    // (no verdict either way: such a burst does not exercise the rule).
    const slow = Math.ceil((BURST_SPEED_FACTOR * GIVA_INTERVAL_MS * (THROTTLE_BURST - 1)) / THROTTLE_BURST) + 1;
    const name = 'GetIdentityVerificationAttributes is throttled at one request per second';
    const slowBurst = await runProperty(
      property(name),
      slowTransitTarget(() => slow, ['ses.giva.no-throttle']),
      { seed: 1, runs: 25 },
    );
    const slowVerdict = slowBurst.verdicts.find((v) => v.ruleId === 'SES.GIVA.THROTTLE')!;
    expect(slowVerdict.status).toBe('inconclusive');
    expect(slowVerdict.reason).toMatch(/^not exercised in \d+ runs/);
    // The same target with a prompt burst is found out.
    const fastBurst = await runProperty(
      property(name),
      slowTransitTarget(() => 0, ['ses.giva.no-throttle']),
      { seed: 1, runs: 25 },
    );
    expect(fastBurst.verdicts.find((v) => v.ruleId === 'SES.GIVA.THROTTLE')!.status).toBe('fail');
  });
});
