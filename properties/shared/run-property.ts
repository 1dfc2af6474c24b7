// Runs one property against a target and turns what it observed into a verdict per rule.
// A failure found in one pass is shrunk, recorded, and tolerated in the next pass (its checks
// counted, no longer fatal), so the other rules go on being checked until a pass finds nothing
// new: one rule's failure never leaves another unchecked. A rule passes only on evidence: checks
// that compared the target's answers with what it states. Rules whose capabilities the target
// lacks are skipped; an operation the target lacks costs only the rules needing it.
import fc from 'fast-check';
import type { PropertyOutcome, RuleVerdict } from '../../harness/report/outcome.ts';
import type { Target } from '../../harness/targets/target.ts';
import type { Capability } from '../../spec/rule.ts';
import { isRuleId, ruleById, type RuleId } from '../../services/index.ts';
import { heldCount, newEvidence, RunContext, type Evidence } from './context.ts';
import { ConformanceFailure, NotImplementedError, RefusedError, RunStopped, TargetError } from './failure.ts';
import type { ConformanceProperty } from './property.ts';

export interface RunOptions {
  seed: number;
  runs: number;
  /** How a person reruns a finding (the vitest suite fills it in from the configuration). */
  reproduce?: (finding: { property: string; seed: number; path?: string }) => string;
  /**
   * Replay only this counterexample (with the seed of the finding): fast-check's path, for a
   * model-based property also fc.commands' replay path, the operations left out and the rules
   * already found failing, written `<path>@<replayPath>~<Op,Op>^<RULE,RULE>`.
   */
  path?: string;
}

/**
 * The pass budget: every pass but the last finds one more failing rule, error or missing operation,
 * so a property's rules plus a few missing operations bound it; past that the rest is inconclusive.
 */
const maxPasses = (property: { rules: readonly unknown[] }) => property.rules.length + 4;

function missingCapabilities(needs: readonly Capability[] | undefined, target: Target): Capability[] {
  return (needs ?? []).filter((need) => !target.capabilities.has(need));
}

/** A rule id named in a replay path: one of the catalog's, or the path is not one this harness wrote. */
function knownRule(id: string): RuleId {
  if (!isRuleId(id)) throw new Error(`the replay path names ${id}, which is no rule of the catalog`);
  return id;
}

/** `<fcPath>@<replayPath>~<ops>^<rules>`, each part optional after the first. */
export function parsePath(path: string | undefined): { fcPath?: string; replayPath?: string; without: string[]; tolerated: RuleId[] } {
  if (path === undefined) return { without: [], tolerated: [] };
  const [rest1, rules] = path.split('^');
  const [rest2, ops] = rest1!.split('~');
  const [fcPath, replayPath] = rest2!.split('@');
  return { fcPath, replayPath, without: ops ? ops.split(',') : [], tolerated: rules ? rules.split(',').map(knownRule) : [] };
}

function formatPath(fcPath: string, replayPath: string | undefined, without: Iterable<string>, tolerated: Iterable<string>): string {
  const ops = [...without];
  const rules = [...tolerated];
  return `${fcPath}${replayPath ? `@${replayPath}` : ''}${ops.length ? `~${ops.join(',')}` : ''}${rules.length ? `^${rules.join(',')}` : ''}`;
}

/** A failure one pass found and shrank, with what that pass ran with (for its replay path). */
interface Finding<T> {
  error: ConformanceFailure | TargetError;
  details: fc.RunDetails<[T]>;
  without: string[];
  tolerated: RuleId[];
}

/**
 * One pass: fast-check's details, whether it ended on a failure no finding records, and what ended
 * it (the error thrown, or the silence met first; undefined when it did not fail).
 */
interface Pass<T> {
  details: fc.RunDetails<[T]>;
  failed: boolean;
  ending: unknown;
}

export async function runProperty<T>(property: ConformanceProperty<T>, target: Target, options: RunOptions): Promise<PropertyOutcome> {
  const started = performance.now();
  const numRuns = Math.max(1, Math.round(options.runs * (property.runsFactor ?? 1)));
  const base: Omit<PropertyOutcome, 'status' | 'reason' | 'durationMs' | 'verdicts' | 'plannedCalls' | 'budget'> = {
    property: property.name,
    service: property.service,
    target: { kind: target.kind, label: target.label, region: target.region, capabilities: [...target.capabilities], version: target.version },
    seed: options.seed,
    numRuns,
    warnings: [],
  };
  const lacking = missingCapabilities(property.needs, target);
  const unavailable = lacking.length ? undefined : property.unavailable?.(target);
  if (lacking.length || unavailable) {
    const reason = unavailable ?? `target ${target.label} lacks ${lacking.join(', ')}`;
    return { ...base, status: 'skipped', reason, durationMs: 0, verdicts: property.rules.map((ruleId) => ({ ruleId, status: 'skipped', checks: 0, reason })) };
  }

  const warnings: string[] = [];
  const replay = parsePath(options.path);
  const unsupported = new Set(replay.without);
  const tolerated = new Set(replay.tolerated);
  /** Operations found giving no usable answer (garbage, not silence). */
  const unusable = new Set<string>();
  const findings = new Map<string, Finding<T>>();
  // An operation the target does not implement ends a pass; the next runs without the inputs that need it.
  const missing: NotImplementedError[] = [];
  // A dry run's plan: the calls of every run, as a person would make them.
  const plan: string[][] | undefined = target.dryRun ? [] : undefined;
  const spentBefore = target.dryRun ? spent(target) : undefined;
  let evidence: Evidence = newEvidence();
  let last: Pass<T> | undefined;
  let passes = 0;
  let exhausted = false;
  for (;;) {
    evidence = newEvidence();
    plan?.splice(0);
    passes += 1;
    const attempt = await checkOnce(
      property,
      target,
      evidence,
      warnings,
      { seed: options.seed, numRuns, fcPath: replay.fcPath, replayPath: replay.replayPath, unsupported, tolerated, unusable },
      plan,
    );
    if ('error' in attempt) {
      const reason = `the harness failed: ${attempt.error.message}`;
      return {
        ...base,
        warnings,
        status: 'errored',
        reason,
        durationMs: performance.now() - started,
        verdicts: property.rules.map((ruleId) => ({ ruleId, status: 'error', checks: 0, reason })),
      };
    }
    last = attempt.pass;
    const { details } = last;
    const failure = last.ending;
    // Replaying one counterexample: one pass, whatever it finds.
    if (options.path !== undefined || !last.failed) {
      if (failure instanceof ConformanceFailure || (failure instanceof TargetError && !failure.silent)) {
        const key = failure instanceof ConformanceFailure ? failure.ruleId : failure.operation;
        findings.set(key, { error: failure, details, without: [...unsupported], tolerated: [...tolerated] });
        // Recorded: the pass no longer counts as failed.
        last = { details, failed: false, ending: undefined };
      }
      break;
    }
    if (failure instanceof NotImplementedError && !unsupported.has(failure.operation)) {
      missing.push(failure);
      unsupported.add(failure.operation);
    } else if (failure instanceof ConformanceFailure && !tolerated.has(failure.ruleId)) {
      findings.set(failure.ruleId, { error: failure, details, without: [...unsupported], tolerated: [...tolerated] });
      tolerated.add(failure.ruleId);
    } else if (failure instanceof TargetError && !failure.silent && !unusable.has(failure.operation)) {
      // An operation that gave no usable answer once is not asked again for a verdict: the same garbage
      // would cost every rule calling it a pass of its own.
      // Its rules are not tolerated: a real break of one of them elsewhere is still a finding of its own.
      findings.set(failure.operation, { error: failure, details, without: [...unsupported], tolerated: [...tolerated] });
      unusable.add(failure.operation);
    } else {
      break; // a refusal by the guards, a silent target, or a harness bug: nothing more to learn by going on
    }
    if (passes >= maxPasses(property)) {
      exhausted = true;
      break;
    }
  }

  const verdicts = verdictsFor(property, target, { evidence, ...last!, findings, unsupported, missing, exhausted }, options);
  // Every check must name a rule its property declares; the coverage test keeps this list empty.
  for (const ruleId of [...evidence.held.keys(), ...evidence.broken.keys()])
    if (!property.rules.includes(ruleId)) warnings.push(`checked ${ruleId}, which the property does not declare`);
  const status = verdicts.some((v) => v.status === 'fail' || v.status === 'not-implemented')
    ? 'failed'
    : verdicts.some((v) => v.status === 'error')
      ? 'errored'
      : 'passed';
  const ending = last!.ending;
  const reason = [...findings.values()][0]?.error.message ?? (ending instanceof Error ? ending.message : undefined);
  const budget = spentBefore && spentSince(target, spentBefore);
  return { ...base, warnings: [...new Set(warnings)], status, reason, durationMs: performance.now() - started, verdicts, plannedCalls: plan, budget };
}

type Spent = NonNullable<PropertyOutcome['budget']>;

/** What the target's pacing and messages have come to so far. */
const spent = (target: Target): Spent => ({
  pacingMs: target.pacing.waitedMs,
  calls: Object.fromEntries(target.pacing.calls),
  messages: Object.fromEntries(target.messages ?? []),
});

/** What the target spent since `before`: one property's share. */
function spentSince(target: Target, before: Spent): Spent {
  const now = spent(target);
  const minus = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(Object.entries(a).flatMap(([k, n]) => (n - (b[k] ?? 0) > 0 ? [[k, n - (b[k] ?? 0)]] : [])));
  return { pacingMs: now.pacingMs - before.pacingMs, calls: minus(now.calls, before.calls), messages: minus(now.messages, before.messages) };
}

interface Attempt {
  seed: number;
  numRuns: number;
  fcPath?: string;
  replayPath?: string;
  unsupported: ReadonlySet<string>;
  tolerated: ReadonlySet<RuleId>;
  unusable: ReadonlySet<string>;
}

/** One fast-check pass over the property; each input runs on a reset target and cleans up after itself. */
async function checkOnce<T>(
  property: ConformanceProperty<T>,
  target: Target,
  evidence: Evidence,
  warnings: string[],
  attempt: Attempt,
  plan?: string[][],
): Promise<{ pass: Pass<T> } | { error: Error }> {
  const { seed, numRuns, fcPath, replayPath, unsupported, tolerated, unusable } = attempt;
  // The call that got no answer: shrinking afterwards only meets calls not sent, which show nothing.
  let silence: TargetError | undefined;
  const env = { capabilities: target.capabilities, unsupported, replayPath };
  const predicate = fc.asyncProperty(property.arbitrary(env), async (value) => {
    await target.reset();
    const ctx = new RunContext(target, evidence, target.newNaming(), tolerated);
    try {
      await property.run(ctx, value);
    } catch (error) {
      if (error instanceof TargetError && error.silent && !silence) silence = error;
      // A run that stopped for a known failure, or for an answer that is no verdict, found nothing new.
      const known =
        error instanceof TargetError &&
        !error.silent &&
        ((error.ruleIds.length > 0 && error.ruleIds.every((id) => tolerated.has(id))) || unusable.has(error.operation));
      if (known) for (const id of error.ruleIds) evidence.unanswered.set(id, error.operation);
      if (error instanceof RunStopped || known) {
        const reason = error instanceof RunStopped ? error.reason : `stopped at ${error.operation}, already found giving no usable answer`;
        evidence.stopped.set(reason, (evidence.stopped.get(reason) ?? 0) + 1);
        return;
      }
      throw error;
    } finally {
      const calls = [...ctx.trace];
      // A target that stopped answering would make every clean-up wait out its timeout.
      if (target.unanswered) for (const key of target.resources.abandon()) warnings.push(`not cleaned up (the target stopped answering): ${key}`);
      else
        for (const leftover of await target.resources.cleanupAll((key) => calls.push(`# clean-up: delete ${key}`)))
          warnings.push(`clean-up failed: ${leftover}`);
      plan?.push(calls);
    }
  });
  const examples = (property.examples?.(env) ?? []).map((value): [T] => [value]);
  try {
    // The boundary examples run first in every pass, whatever the seed, on top of the random runs;
    // fast-check's paths count them, so a replay passes them too.
    const details = await fc.check(predicate, { seed, numRuns: numRuns + examples.length, path: fcPath, examples });
    return { pass: { details, failed: details.failed, ending: details.failed ? (silence ?? details.errorInstance) : undefined } };
  } catch (error) {
    // fc.check throws only for a harness bug (an arbitrary that throws): the property errs with it.
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

interface PassResult<T> extends Pass<T> {
  evidence: Evidence;
  findings: ReadonlyMap<string, Finding<T>>;
  unsupported: ReadonlySet<string>;
  missing: readonly NotImplementedError[];
  /** The pass budget ran out with failures still being found. */
  exhausted: boolean;
}

const observationsOf = (evidence: Evidence, ruleId: RuleId) =>
  [...(evidence.held.get(ruleId) ?? [])]
    .map(([observed, count]) => ({ observed, count }))
    .sort((a, b) => b.count - a.count || a.observed.localeCompare(b.observed));

function verdictsFor<T>(property: ConformanceProperty<T>, target: Target, pass: PassResult<T>, options: RunOptions): RuleVerdict[] {
  const { evidence, details, failed, ending, findings, unsupported, missing, exhausted } = pass;
  const ruleIds: RuleId[] = [...property.rules];
  for (const finding of findings.values())
    if (finding.error instanceof ConformanceFailure && !ruleIds.includes(finding.error.ruleId)) ruleIds.push(finding.error.ruleId);

  const detail = (
    finding: Finding<T> | undefined,
    message: string,
    operation: string,
    expected: string,
    actual: string,
    trace: string[],
    exchanges: ConformanceFailure['evidence']['exchanges'],
  ) => {
    const run = finding?.details ?? details;
    // fc.commands prints its replay path into the counterexample; it belongs with fast-check's path.
    const commandsReplay = /replayPath="([^"]+)"/.exec(String(run.counterexample?.[0] ?? ''))?.[1];
    // The operations left out and the rules tolerated belong with it too: the replay must run as this pass ran.
    const path = run.counterexamplePath
      ? formatPath(run.counterexamplePath, commandsReplay, finding?.without ?? unsupported, finding?.tolerated ?? [])
      : undefined;
    return {
      message,
      operation,
      expected,
      actual,
      property: property.name,
      seed: run.seed,
      path,
      counterexample: trace,
      exchanges,
      reproduce: (options.reproduce ?? ((f) => `npm run conformance -- --services ${property.service} --seed ${f.seed}${f.path ? ` --path '${f.path}'` : ''}`))(
        {
          property: property.name,
          seed: run.seed,
          path,
        },
      ),
    };
  };
  const stopped = [...evidence.stopped].map(([reason, n]) => `${reason} ×${n}`).join('; ');

  return ruleIds.map((ruleId): RuleVerdict => {
    const checks = heldCount(evidence.held, ruleId);
    const observations = observationsOf(evidence, ruleId);
    const broke = evidence.broken.get(ruleId);
    const found =
      findings.get(ruleId) ??
      [...findings.values()].find((f) => f.error instanceof TargetError && f.error.ruleIds.includes(ruleId)) ??
      // Its calls met an operation already found answering garbage, and nothing else was seen of it.
      (checks === 0 && evidence.unanswered.has(ruleId) ? findings.get(evidence.unanswered.get(ruleId)!) : undefined);
    if (found?.error instanceof ConformanceFailure) {
      const e = found.error;
      return {
        ruleId,
        status: 'fail',
        checks,
        observations,
        broke: (broke ?? 0) + 1,
        failure: detail(found, e.message, e.operation, e.expected, e.actual, e.evidence.trace, e.evidence.exchanges),
      };
    }
    if (found?.error instanceof TargetError) {
      const e = found.error;
      return {
        ruleId,
        status: 'error',
        checks,
        observations,
        reason: e.message,
        failure: detail(found, e.message, e.operation, 'an answer', e.message, e.evidence.trace, e.evidence.exchanges),
      };
    }
    // A missing operation explains this rule's silence when it was called for the rule or is the rule's own operation.
    const lackedBy = (m: NotImplementedError) => m.ruleIds.includes(ruleId) || ruleById(ruleId).operation === m.operation;
    const lacking = missingCapabilities(ruleById(ruleId).needs, target);
    if (lacking.length) return { ruleId, status: 'skipped', checks: 0, reason: `target ${target.label} lacks ${lacking.join(', ')}` };
    // The user's guards forbid what checking this rule takes (e.g. texting a number nobody listed).
    if (ending instanceof RefusedError)
      return { ruleId, status: ending.ruleIds.includes(ruleId) ? 'skipped' : 'inconclusive', checks, observations, reason: ending.message };
    // A target that stopped answering leaves nothing else checkable either.
    if (ending instanceof TargetError && ending.silent) {
      return {
        ruleId,
        status: 'error',
        checks,
        observations,
        reason: ending.message,
        failure: detail(undefined, ending.message, ending.operation, 'an answer', ending.message, ending.evidence.trace, ending.evidence.exchanges),
      };
    }
    // A pass that ended in it: no input could do without that operation, so nothing unchecked was checkable.
    if (ending instanceof NotImplementedError && checks === 0) {
      return {
        ruleId,
        status: 'not-implemented',
        checks,
        reason: ending.message,
        failure: detail(
          undefined,
          ending.message,
          ending.operation,
          `${ending.operation} answered`,
          ending.message,
          ending.evidence.trace,
          ending.evidence.exchanges,
        ),
      };
    }
    if (failed && !(ending instanceof NotImplementedError)) {
      const message = ending instanceof Error ? ending.message : String(ending ?? 'the property failed');
      if (exhausted)
        return {
          ruleId,
          status: 'inconclusive',
          checks,
          observations,
          reason: `not fully checked: ${maxPasses(property)} passes each found a new failure and the budget ran out`,
        };
      return { ruleId, status: 'error', checks, observations, reason: `the harness failed: ${message}` };
    }
    // Left unchecked once the inputs needing a missing operation were left out: that operation is why,
    // for the rules it explains; the others were merely not exercised.
    const lacked = missing.filter(lackedBy);
    if (checks === 0 && lacked.length) {
      const first = lacked[0]!;
      const message = lacked.map((m) => m.message).join('; ');
      return {
        ruleId,
        status: 'not-implemented',
        checks,
        reason: message,
        failure: detail(undefined, message, first.operation, `${first.operation} answered`, message, first.evidence.trace, first.evidence.exchanges),
      };
    }
    const leftOut = missing.length ? `; inputs calling ${missing.map((m) => m.operation).join(', ')}, which the target lacks, were left out` : '';
    // Broke again with no finding of its own in this run: it was found failing in the run this replay
    // path names (`^RULE`). A rule that broke is never a pass.
    if (broke)
      return {
        ruleId,
        status: 'fail',
        checks,
        observations,
        broke,
        reason: `broke ${broke} time${broke > 1 ? 's' : ''} again; it was found failing in the run this replay path comes from`,
      };
    if (checks === 0)
      return {
        ruleId,
        status: 'inconclusive',
        checks,
        reason: `not exercised in ${details.numRuns} runs${stopped ? ` (runs stopped early: ${stopped})` : ''}${leftOut}`,
      };
    return { ruleId, status: 'pass', checks, observations };
  });
}
