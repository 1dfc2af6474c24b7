// Runs one property against a target and turns fast-check's result into a verdict per rule:
// pass only when checks of the rule held and nothing failed; a failing property's other rules
// are inconclusive, never pass; rules whose capabilities the target lacks are skipped.
import fc from 'fast-check';
import type { PropertyOutcome, RuleVerdict } from '../../harness/report/outcome.ts';
import type { Target } from '../../harness/targets/target.ts';
import { ruleById } from '../../spec/index.ts';
import { RunContext, type Ledger } from './context.ts';
import { ConformanceFailure, NotImplementedError, RefusedError, TargetError } from './failure.ts';
import type { ConformanceProperty } from './property.ts';

export interface RunOptions {
  seed: number;
  runs: number;
  /** How a person reruns a finding (the vitest suite fills it in from the configuration). */
  reproduce?: (finding: { property: string; seed: number; path?: string }) => string;
  /**
   * Replay only this counterexample (with the seed of the finding): fast-check's path, and for a
   * model-based property also fc.commands' replay path, written `<path>@<replayPath>`.
   */
  path?: string;
}

function missingCapabilities(needs: readonly string[] | undefined, target: Target): string[] {
  return (needs ?? []).filter((need) => !target.capabilities.has(need as never));
}

export async function runProperty<T>(property: ConformanceProperty<T>, target: Target, options: RunOptions): Promise<PropertyOutcome> {
  const started = performance.now();
  const numRuns = Math.max(1, Math.round(options.runs * (property.runsFactor ?? 1)));
  const base = {
    property: property.name,
    service: property.service,
    target: { kind: target.kind, label: target.label, region: target.region, capabilities: [...target.capabilities], version: target.version },
    seed: options.seed,
    numRuns,
    warnings: [] as string[],
  };
  const lacking = missingCapabilities(property.needs, target);
  const unavailable = lacking.length ? undefined : property.unavailable?.(target);
  if (lacking.length || unavailable) {
    const reason = unavailable ?? `target ${target.label} lacks ${lacking.join(', ')}`;
    return { ...base, status: 'skipped', reason, durationMs: 0, verdicts: property.rules.map((ruleId) => ({ ruleId, status: 'skipped', checks: 0, reason })) };
  }

  const warnings: string[] = [];
  const [corePath, without] = options.path?.split('~') ?? [];
  const [fcPath, replayPath] = corePath?.split('@') ?? [];
  const unsupported = new Set(without ? without.split(',') : []);
  // An operation the target does not implement ends the run; the property runs again without the
  // inputs that need it (once per missing operation), so that it costs only the rules needing it.
  const missing: NotImplementedError[] = [];
  // A dry run's plan: the calls of every run, as a person would make them.
  const plan: string[][] | undefined = target.dryRun ? [] : undefined;
  let ledger: Ledger;
  let details: fc.RunDetails<[T]>;
  for (;;) {
    ledger = new Map();
    plan?.splice(0);
    const attempt = await checkOnce(property, target, ledger, warnings, { seed: options.seed, numRuns, fcPath, replayPath, unsupported }, plan);
    if ('error' in attempt) {
      const reason = `the harness failed: ${attempt.error.message}`;
      return { ...base, warnings, status: 'errored', reason, durationMs: performance.now() - started, verdicts: property.rules.map((ruleId) => ({ ruleId, status: 'error', checks: 0, reason })) };
    }
    details = attempt.details;
    const failure = details.failed ? details.errorInstance : undefined;
    if (!(failure instanceof NotImplementedError) || unsupported.has(failure.operation) || options.path !== undefined) break;
    missing.push(failure);
    unsupported.add(failure.operation);
  }

  const verdicts = verdictsFor(property, target, ledger, details, options, { unsupported, missing });
  // Every check must name a rule its property declares; the coverage test keeps this list empty.
  for (const ruleId of ledger.keys()) if (!property.rules.includes(ruleId as never)) warnings.push(`checked ${ruleId}, which the property does not declare`);
  const status = verdicts.some((v) => v.status === 'fail' || v.status === 'not-implemented') ? 'failed' : verdicts.some((v) => v.status === 'error') ? 'errored' : 'passed';
  const reason = details.failed ? (details.errorInstance as Error | null)?.message ?? 'failed' : undefined;
  return { ...base, warnings: [...new Set(warnings)], status, reason, durationMs: performance.now() - started, verdicts, plannedCalls: plan };
}

interface Attempt { seed: number; numRuns: number; fcPath?: string; replayPath?: string; unsupported: ReadonlySet<string> }

/** One fast-check run of the property; each input runs on a reset target and cleans up after itself. */
async function checkOnce<T>(property: ConformanceProperty<T>, target: Target, ledger: Ledger, warnings: string[], attempt: Attempt, plan?: string[][]): Promise<{ details: fc.RunDetails<[T]> } | { error: Error }> {
  const { seed, numRuns, fcPath, replayPath, unsupported } = attempt;
  // The call that got no answer: shrinking afterwards only meets calls not sent, which show nothing.
  let silence: TargetError | undefined;
  const predicate = fc.asyncProperty(property.arbitrary({ capabilities: target.capabilities, unsupported, replayPath }), async (value) => {
    await target.reset();
    const ctx = new RunContext(target, ledger, target.newNaming());
    try {
      await property.run(ctx, value);
    } catch (error) {
      if (error instanceof TargetError && error.silent && !silence) silence = error;
      throw error;
    } finally {
      const calls = [...ctx.trace];
      // A target that stopped answering would make every clean-up wait out its timeout.
      if (target.unanswered) for (const key of target.resources.abandon()) warnings.push(`not cleaned up (the target stopped answering): ${key}`);
      else for (const leftover of await target.resources.cleanupAll((key) => calls.push(`# clean-up: delete ${key}`))) warnings.push(`clean-up failed: ${leftover}`);
      plan?.push(calls);
    }
  });
  try {
    const details = await fc.check(predicate, { seed, numRuns, path: fcPath });
    return { details: silence && details.failed ? ({ ...details, errorInstance: silence } as fc.RunDetails<[T]>) : details };
  } catch (error) {
    return { error: error as Error };
  }
}

/** What the target lacked: the operations left out of the final run, and the first answer that showed each missing. */
interface Missing { unsupported: ReadonlySet<string>; missing: readonly NotImplementedError[] }

function verdictsFor<T>(property: ConformanceProperty<T>, target: Target, ledger: Ledger, details: fc.RunDetails<[T]>, options: RunOptions, { unsupported, missing }: Missing): RuleVerdict[] {
  const failure = details.failed ? details.errorInstance : undefined;
  const ruleIds = [...property.rules];
  if (failure instanceof ConformanceFailure && !ruleIds.includes(failure.ruleId as never)) ruleIds.push(failure.ruleId as never);

  // fc.commands prints its replay path into the counterexample; it belongs with fast-check's path.
  const commandsReplay = /replayPath="([^"]+)"/.exec(String(details.counterexample?.[0] ?? ''))?.[1];
  // The operations left out belong with it too: the replay must generate what this run generated.
  const without = unsupported.size ? `~${[...unsupported].join(',')}` : '';
  const path = details.counterexamplePath ? `${details.counterexamplePath}${commandsReplay ? `@${commandsReplay}` : ''}${without}` : undefined;
  const detail = (message: string, operation: string, expected: string, actual: string, evidence: ConformanceFailure['evidence']) => ({
    message, operation, expected, actual,
    property: property.name,
    seed: details.seed,
    path,
    counterexample: evidence.trace,
    exchanges: evidence.exchanges,
    reproduce: (options.reproduce ?? ((f) => `npm run conformance -- --services ${property.service} --seed ${f.seed}${f.path ? ` --path ${f.path}` : ''}`))({
      property: property.name, seed: details.seed, path,
    }),
  });

  return ruleIds.map((ruleId): RuleVerdict => {
    const checks = ledger.get(ruleId) ?? 0;
    if (failure instanceof ConformanceFailure && failure.ruleId === ruleId) {
      return { ruleId, status: 'fail', checks, failure: detail(failure.message, failure.operation, failure.expected, failure.actual, failure.evidence) };
    }
    if (failure instanceof TargetError && failure.ruleIds.includes(ruleId)) {
      return { ruleId, status: 'error', checks, reason: failure.message, failure: detail(failure.message, failure.operation, 'an answer', failure.message, failure.evidence) };
    }
    const lacking = missingCapabilities(ruleById(ruleId).needs, target);
    if (lacking.length) return { ruleId, status: 'skipped', checks: 0, reason: `target ${target.label} lacks ${lacking.join(', ')}` };
    // The user's guards forbid what checking this rule takes (e.g. texting a number nobody listed).
    if (failure instanceof RefusedError) return { ruleId, status: failure.ruleIds.includes(ruleId) ? 'skipped' : 'inconclusive', checks, reason: failure.message };
    // An operation the property needs is missing: none of its rules can be checked on this target.
    if (failure instanceof NotImplementedError) {
      return { ruleId, status: 'not-implemented', checks, reason: failure.message, failure: detail(failure.message, failure.operation, `${failure.operation} answered`, failure.message, failure.evidence) };
    }
    // A target that stopped answering leaves nothing else checkable either.
    if (failure instanceof TargetError && failure.silent) {
      return { ruleId, status: 'error', checks, reason: failure.message, failure: detail(failure.message, failure.operation, 'an answer', failure.message, failure.evidence) };
    }
    if (failure instanceof ConformanceFailure || failure instanceof TargetError) {
      return { ruleId, status: 'inconclusive', checks, reason: `not fully checked: the property stopped at ${failure instanceof ConformanceFailure ? failure.ruleId : 'an error'} first` };
    }
    if (details.failed) {
      const message = failure instanceof Error ? failure.message : String(failure ?? 'the property failed');
      return { ruleId, status: 'error', checks, reason: `the harness failed: ${message}` };
    }
    // Left unchecked once the inputs needing a missing operation were left out: that operation is why.
    if (checks === 0 && missing.length) {
      const first = missing[0];
      const message = missing.map((m) => m.message).join('; ');
      return { ruleId, status: 'not-implemented', checks, reason: message, failure: detail(message, first.operation, `${first.operation} answered`, message, first.evidence) };
    }
    if (checks === 0) return { ruleId, status: 'inconclusive', checks, reason: `not exercised in ${details.numRuns} runs` };
    return { ruleId, status: 'pass', checks };
  });
}
