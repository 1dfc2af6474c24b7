// What a verdict means, on synthetic properties whose "target answers" are plain values: a rule's
// failure never leaves another checkable rule undetermined; a pass rests on checks that held;
// set-up successes and unrelated answers (throttling) are no evidence; boundary examples run in
// every pass whatever the seed; a finding found in a later pass replays from its path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildReport } from '../harness/report/build.ts';
import { instant } from '../models/shared/clock.ts';
import { referenceTarget } from '../harness/targets/reference.ts';
import type { CallResult } from '../properties/shared/call.ts';
import { checkThat, expectSetup, expectShape, expectSuccess, judge } from '../properties/shared/checks.ts';
import { defineProperty, type ConformanceProperty } from '../properties/shared/property.ts';
import { parsePath, runProperty } from '../properties/shared/run-property.ts';
import type { RuleId } from '../services/index.ts';

const A: RuleId = 'SES.GIVA.MAX_IDENTITIES';
const B: RuleId = 'SES.GIVA.STATUS_ENUM';
const C: RuleId = 'SES.GIVA.RESPONSE_SHAPE';
const at = instant(0);
const ok = <O>(output: O): CallResult<O> => ({ ok: true, output, at });
const answered = (code: string, httpStatus: number): CallResult<never> => ({ ok: false, error: { code, message: code, httpStatus }, at });

async function verdictsOf<T>(property: ConformanceProperty<T>, seed = 7, runs = 20, path?: string) {
  const target = referenceTarget({ region: 'us-east-1', timeoutMs: 5_000 });
  try {
    const outcome = await runProperty(property, target, { seed, runs, path });
    return { outcome, byRule: Object.fromEntries(outcome.verdicts.map((v) => [v.ruleId, v])) };
  } finally {
    await target.close();
  }
}

describe('verdicts', () => {
  it('keeps checking the other rules after one fails: each broken rule fails, each held rule passes', async () => {
    // A breaks on every input, B on inputs over 50 (checked after A on the same "answer"), C always holds.
    const property = defineProperty({
      name: 'three independent rules',
      service: 'ses',
      rules: [A, B, C],
      arbitrary: () => fc.integer({ min: 0, max: 100 }),
      async run(ctx, n) {
        checkThat(ctx, A, 'Op', false, () => ({ message: 'A broke', expected: 'a', actual: String(n) }));
        checkThat(ctx, B, 'Op', n <= 50, () => ({ message: 'B broke', expected: '≤ 50', actual: String(n) }), n <= 50 ? 'n ≤ 50' : 'n > 50');
        checkThat(ctx, C, 'Op', true, () => ({ message: '', expected: '', actual: '' }), 'always');
      },
    });
    const { byRule } = await verdictsOf(property);
    expect(byRule[A]!.status).toBe('fail');
    expect(byRule[B]!.status).toBe('fail');
    // Shrunk in its own pass, with A tolerated: the smallest input that breaks B.
    expect(byRule[B]!.failure!.actual).toBe('51');
    expect(byRule[B]!.failure!.path).toMatch(new RegExp(`\\^${A.replace(/\./g, '\\.')}$`));
    expect(byRule[C]!.status).toBe('pass');
    expect(byRule[C]!.observations).toEqual([{ observed: 'always', count: expect.any(Number) }]);
  });

  it('replays a finding of a later pass from its path alone', async () => {
    const property = defineProperty({
      name: 'a later finding',
      service: 'ses',
      rules: [A, B],
      arbitrary: () => fc.integer({ min: 0, max: 100 }),
      async run(ctx, n) {
        checkThat(ctx, A, 'Op', false, () => ({ message: 'A broke', expected: 'a', actual: String(n) }));
        checkThat(ctx, B, 'Op', n <= 50, () => ({ message: 'B broke', expected: '≤ 50', actual: String(n) }), 'n');
      },
    });
    const found = (await verdictsOf(property)).byRule[B]!.failure!;
    expect(parsePath(found.path).tolerated).toEqual([A]);
    const replayed = await verdictsOf(property, found.seed, 20, found.path);
    expect(replayed.byRule[B]!.status).toBe('fail');
    expect(replayed.byRule[B]!.failure!.actual).toBe('51');
    // A, found in the run the path comes from, broke again in the replay: never a pass.
    expect(replayed.byRule[A]).toMatchObject({ status: 'fail', broke: expect.any(Number) });
    expect(replayed.byRule[A]!.reason).toMatch(/found failing in the run this replay path comes from/);
  });

  it('never passes a rule on a set-up success or an empty observation: not exercised is inconclusive', async () => {
    const property = defineProperty({
      name: 'set-up only',
      service: 'ses',
      rules: [A, B, C],
      arbitrary: () => fc.constant(0),
      async run(ctx) {
        expectSetup(ctx, A, 'VerifyEmailIdentity', ok({}), 'accepted');
        expectSuccess(ctx, B, 'Op', ok({}), 'answered', 'an answer');
        // Checks that held but name no case the rule speaks of: an empty observation, a shape parsed with none.
        judge(ctx, C, 'Op', true, () => ({ message: '', expected: '', actual: '' }), '');
        expectShape(ctx, C, 'Op', z.object({}), {});
      },
    });
    const { byRule } = await verdictsOf(property);
    expect(byRule[A]!.status).toBe('inconclusive');
    expect(byRule[A]!.reason).toMatch(/^not exercised/);
    expect(byRule[B]!.status).toBe('pass');
    expect(byRule[C]!.status).toBe('inconclusive');
    expect(byRule[C]!.reason).toMatch(/^not exercised/);
  });

  it('files a throttling answer under no rule: the run stops, the rule it was testing stays unjudged', async () => {
    const property = defineProperty({
      name: 'throttled',
      service: 'ses',
      rules: [A],
      arbitrary: () => fc.constant(0),
      async run(ctx) {
        expectSuccess(ctx, A, 'GetIdentityVerificationAttributes', answered('Throttling', 400), '100 identities answered');
      },
    });
    const { byRule } = await verdictsOf(property);
    expect(byRule[A]!.status).toBe('inconclusive');
    expect(byRule[A]!.reason).toMatch(/Throttling/);
  });

  it('charges an undocumented error to the documented-errors rule, not to the rule under test', async () => {
    const property = defineProperty({
      name: 'undocumented',
      service: 'ses',
      rules: [A, 'SES.ERRORS.QUERY_ERROR_SHAPE'],
      arbitrary: () => fc.constant(0),
      async run(ctx) {
        expectSuccess(ctx, A, 'GetIdentityVerificationAttributes', answered('Whatever', 400), '100 identities answered');
      },
    });
    const { byRule } = await verdictsOf(property);
    expect(byRule['SES.ERRORS.QUERY_ERROR_SHAPE']!.status).toBe('fail');
    // The rule under test was never compared with an answer: unjudged, and the reason says what stopped it.
    expect(byRule[A]!.status).toBe('inconclusive');
    expect(byRule[A]!.reason).toMatch(/^not exercised .*stopped at SES\.ERRORS\.QUERY_ERROR_SHAPE, already found failing/);
  });

  it('runs the boundary examples in every pass, whatever the seed', async () => {
    const seen: number[] = [];
    const property = defineProperty({
      name: 'boundaries',
      service: 'ses',
      rules: [A],
      arbitrary: () => fc.integer({ min: 2, max: 99 }),
      examples: () => [0, 1, 100, 101],
      async run(ctx, n) {
        seen.push(n);
        checkThat(ctx, A, 'Op', true, () => ({ message: '', expected: '', actual: '' }), n > 100 ? `${n} → rejected` : `${n} → accepted`);
      },
    });
    for (const seed of [1, 2, 3]) {
      seen.splice(0);
      const { byRule } = await verdictsOf(property, seed, 5);
      expect(seen.slice(0, 4)).toEqual([0, 1, 100, 101]);
      expect(byRule[A]!.observations!.map((o) => o.observed)).toEqual(expect.arrayContaining(['101 → rejected', '100 → accepted', '0 → accepted']));
    }
  });

  const outcome = (ruleId: string, status: 'pass' | 'fail', checks = 1, broke?: number) => ({
    property: 'p',
    service: 'ses' as const,
    status: 'passed' as const,
    seed: 1,
    numRuns: 1,
    durationMs: 1,
    warnings: [],
    verdicts: [{ ruleId, status, checks, broke, observations: checks ? [{ observed: 'x', count: checks }] : [] }],
  });
  const report = (...outcomes: ReturnType<typeof outcome>[]) =>
    buildReport({
      config: { runId: 't', seed: 1, runs: 1, services: ['ses'], region: 'us-east-1', target: 'reference' },
      outcomes,
      serviceErrors: {},
      errors: [],
      startedAt: new Date(),
      durationMs: 1,
    });
  const ruleOf = (built: ReturnType<typeof report>, id: string) => built.rules.find((r) => r.id === id)!;

  it('blocks a rule that depends on a failed one, and says which', () => {
    const built = report(
      outcome('SES.EMAIL.PENDING_UNTIL_CLICKED', 'pass'),
      outcome('SES.EMAIL.FAILED_AFTER_24H', 'fail'),
      outcome('SES.EMAIL.RESTART_AFTER_FAILED', 'pass'),
    );
    const restart = ruleOf(built, 'SES.EMAIL.RESTART_AFTER_FAILED');
    expect(restart.status).toBe('inconclusive');
    expect(restart.blockedBy).toEqual(['SES.EMAIL.FAILED_AFTER_24H']);
    expect(restart.reason).toMatch(/^blocked by SES\.EMAIL\.FAILED_AFTER_24H \(fail\)/);
  });

  it('blocks a pass whose dependency was never shown to hold, directly or further down', () => {
    // FAILED_AFTER_24H presupposes PENDING_UNTIL_CLICKED, which nothing exercised here.
    const built = report(outcome('SES.EMAIL.FAILED_AFTER_24H', 'pass'), outcome('SES.EMAIL.RESTART_AFTER_FAILED', 'pass'));
    expect(ruleOf(built, 'SES.EMAIL.FAILED_AFTER_24H')).toMatchObject({ status: 'inconclusive', blockedBy: ['SES.EMAIL.PENDING_UNTIL_CLICKED'] });
    // Further down: blocked by the rule that did not pass, not by the one it blocked.
    expect(ruleOf(built, 'SES.EMAIL.RESTART_AFTER_FAILED')).toMatchObject({ status: 'inconclusive', blockedBy: ['SES.EMAIL.PENDING_UNTIL_CLICKED'] });
  });

  it('never reports a pass that no check held or that broke', () => {
    const built = report(outcome('SES.GIVA.MAX_IDENTITIES', 'pass', 0), outcome('SES.GIVA.IDENTITIES_REQUIRED', 'pass', 3, 2));
    expect(ruleOf(built, 'SES.GIVA.MAX_IDENTITIES')).toMatchObject({ status: 'inconclusive', checks: 0 });
    expect(ruleOf(built, 'SES.GIVA.IDENTITIES_REQUIRED')).toMatchObject({ status: 'fail', broke: 2 });
  });
});
