// From property outcomes to one verdict per rule of the catalog, with one precedence across
// properties: fail > error > not-implemented > pass > inconclusive > skipped. A rule is `fail` if
// any evidence broke it, `pass` only if evidence held it and nothing broke it; a rule nothing
// checked is never a pass, whatever a property said. Then dependencies: a pass of a rule whose
// dependency did not pass proves nothing (`inconclusive`, blocked by it); a failure stands.
import { basisOf, type Rule } from '../../spec/rule.ts';
import type { ServiceName } from '../../services/index.ts';
import { rulesFor } from '../../services/index.ts';
import type { ConformanceConfig } from '../config.ts';
import type { Observation, PropertyOutcome, RuleStatus, RuleVerdict, TargetInfo } from './outcome.ts';
import { ConformanceReport, type RuleResult, type Summary } from './schema.ts';

const PRECEDENCE: RuleStatus[] = ['fail', 'error', 'not-implemented', 'pass', 'inconclusive', 'skipped', 'known'];

export interface BuildInput {
  config: Pick<ConformanceConfig, 'runId' | 'seed' | 'runs' | 'services' | 'region' | 'target'>;
  outcomes: PropertyOutcome[];
  /** Per service, why its properties could not run at all. */
  serviceErrors: Partial<Record<ServiceName, string>>;
  errors: string[];
  startedAt: Date;
  durationMs: number;
}

export function summarize(rules: { status: RuleStatus }[]): Summary {
  const summary: Summary = { total: rules.length, pass: 0, fail: 0, skipped: 0, inconclusive: 0, error: 0, 'not-implemented': 0, known: 0 };
  for (const rule of rules) summary[rule.status] += 1;
  return summary;
}

/** Of two findings of the same status, the one that shows an exchange: a maintainer sees what was sent (and what came back, or that nothing did). */
const shownExchanges = (verdict: Pick<RuleVerdict, 'failure'>) => (verdict.failure?.exchanges.length ? 0 : 1);

function mergeObservations(verdicts: readonly Pick<RuleVerdict, 'observations'>[]): Observation[] {
  const counts = new Map<string, number>();
  for (const { observed, count } of verdicts.flatMap((v) => v.observations ?? [])) counts.set(observed, (counts.get(observed) ?? 0) + count);
  return [...counts].map(([observed, count]) => ({ observed, count })).sort((a, b) => b.count - a.count || a.observed.localeCompare(b.observed));
}

type Combined = Pick<RuleResult, 'status' | 'checks' | 'observations' | 'broke' | 'reason' | 'failure'>;

/** One rule's verdicts (of properties, or of shards' reports) as one: the strongest, with every check, observation and break counted. */
export function combine(verdicts: readonly (Omit<Combined, 'observations'> & Pick<RuleVerdict, 'observations'>)[]): Combined {
  const ordered = [...verdicts].sort((a, b) => PRECEDENCE.indexOf(a.status) - PRECEDENCE.indexOf(b.status) || shownExchanges(a) - shownExchanges(b));
  const chosen = ordered[0]!;
  const broke = verdicts.reduce((sum, verdict) => sum + (verdict.broke ?? 0), 0);
  const checks = verdicts.reduce((sum, verdict) => sum + verdict.checks, 0);
  // Reasons of the verdicts of the chosen status: "not exercised" in one property may say why.
  const reasons = [...new Set(ordered.filter((o) => o.status === chosen.status && o.reason).map((o) => o.reason!))];
  const combined: Combined = {
    status: chosen.status,
    checks,
    observations: mergeObservations(verdicts),
    broke: broke || undefined,
    reason: chosen.status === 'fail' ? chosen.reason : reasons.join('; ') || undefined,
    failure: chosen.failure,
  };
  // A pass is earned: checks that held, and no break.
  if (combined.status === 'pass' && broke > 0) return { ...combined, status: 'fail', reason: `broke ${broke} time${broke > 1 ? 's' : ''}` };
  if (combined.status === 'pass' && checks === 0) return { ...combined, status: 'inconclusive', reason: 'no check of it held' };
  return combined;
}

/** The rules `rule` depends on that did not pass, directly or through a rule that is itself blocked. */
function unmetDependencies(rule: Rule, statusOf: (id: string) => RuleStatus | undefined, byId: Map<string, Rule>, seen = new Set<string>()): string[] {
  const blocked: string[] = [];
  for (const dep of rule.dependsOn ?? []) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    if (statusOf(dep) !== 'pass') blocked.push(dep);
    const depRule = byId.get(dep);
    if (depRule) blocked.push(...unmetDependencies(depRule, statusOf, byId, seen));
  }
  return [...new Set(blocked)];
}

export function buildReport(input: BuildInput): ConformanceReport {
  const { config, outcomes, serviceErrors } = input;
  const catalog = rulesFor(config.services);
  const combined = new Map<string, Combined & { properties: string[] }>();
  for (const rule of catalog) {
    const verdicts = outcomes.flatMap((o) => o.verdicts.filter((v) => v.ruleId === rule.id).map((verdict) => ({ ...verdict, property: o.property })));
    const serviceError = serviceErrors[rule.service];
    const result: Combined = verdicts.length
      ? combine(verdicts)
      : serviceError
        ? { status: 'error', checks: 0, observations: [], reason: serviceError }
        : { status: 'inconclusive', checks: 0, observations: [], reason: 'no property ran that checks this rule' };
    combined.set(rule.id, { ...result, properties: [...new Set(verdicts.map((v) => v.property))] });
  }
  const byId = new Map(catalog.map((rule) => [rule.id, rule]));
  const statusOf = (id: string) => combined.get(id)?.status;

  const rules: RuleResult[] = catalog.map((rule) => {
    let result: Combined & { properties: string[]; blockedBy?: string[] } = combined.get(rule.id)!;
    // A pass whose presupposition did not hold proves nothing; an unexercised rule still says what failed under it.
    const unmet = unmetDependencies(rule, statusOf, byId);
    const blockedBy = result.status === 'pass' ? unmet : result.status === 'inconclusive' ? unmet.filter((id) => statusOf(id) === 'fail') : [];
    if (blockedBy.length) {
      const which = blockedBy.map((id) => `${id} (${statusOf(id)})`).join(', ');
      result = {
        ...result,
        status: 'inconclusive',
        blockedBy,
        reason: `blocked by ${which}: it presupposes ${blockedBy.length > 1 ? 'them' : 'it'}, and ${blockedBy.length > 1 ? 'they' : 'it'} did not pass`,
      };
    }
    return {
      id: rule.id,
      service: rule.service,
      operation: rule.operation,
      kind: rule.kind,
      statement: rule.statement,
      quote: rule.quote,
      source: rule.source,
      basis: basisOf(rule),
      assumption: rule.assumption,
      needs: rule.needs ? [...rule.needs] : undefined,
      contradiction: rule.contradiction,
      ...result,
    };
  });

  const target: TargetInfo = outcomes.find((o) => o.target)?.target ?? {
    kind: config.target === 'reference' || config.target === 'aws' ? config.target : 'endpoint',
    label: config.target,
    region: config.region,
    capabilities: [],
  };
  return ConformanceReport.parse({
    schemaVersion: 1,
    runId: config.runId,
    target,
    seed: config.seed,
    runs: config.runs,
    services: config.services,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    summary: summarize(rules),
    rules,
    properties: outcomes.map(({ property, service, status, numRuns, durationMs, reason, warnings }) => ({
      property,
      service,
      status,
      numRuns,
      durationMs: Math.round(durationMs),
      reason,
      warnings,
    })),
    errors: [...input.errors, ...Object.entries(serviceErrors).map(([service, message]) => `${service}: ${message}`)],
  });
}

/** 1 when non-conformance was found (a failing rule, an operation the target lacks); else 2 when the harness could not check something; else 0. */
export function exitCodeOf(report: ConformanceReport): 0 | 1 | 2 {
  if (report.summary.fail > 0 || report.summary['not-implemented'] > 0) return 1;
  if (report.summary.error > 0 || report.errors.length > 0) return 2;
  return 0;
}

const listed = (ids: readonly string[], max = 4) => `${ids.slice(0, max).join(', ')}${ids.length > max ? `, … ${ids.length - max} more` : ''}`;

/**
 * The one line a run ends with on stderr, naming failures and errors both when a run has both:
 * `non-conformance found: 3 rules fail (A, B, C); could not check 2 rules: <first cause>`.
 */
export function outcomeLine(report: ConformanceReport): string | undefined {
  const failing = report.rules.filter((r) => r.status === 'fail' || r.status === 'not-implemented');
  const errored = report.rules.filter((r) => r.status === 'error');
  // The error that shows a call (one that got no usable answer) says more than one that was not sent.
  const firstError = report.errors[0] ?? (errored.find((r) => r.failure?.exchanges.length) ?? errored[0])?.reason;
  const couldNot = firstError ? `could not check every rule: ${firstError}` : undefined;
  if (!failing.length) return couldNot;
  const fails = `non-conformance found: ${failing.length} rule${failing.length > 1 ? 's' : ''} fail${failing.length > 1 ? '' : 's'} (${listed(failing.map((r) => r.id))})`;
  return couldNot ? `${fails}; ${couldNot}` : fails;
}
