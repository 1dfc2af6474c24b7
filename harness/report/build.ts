// From property outcomes to one verdict per rule of the catalog. A rule's verdict across the
// properties that cover it: fail > error > pass > inconclusive > skipped, so one property that
// saw the rule break outweighs any that saw it hold, and a rule nothing checked is never a pass.
import type { ServiceName } from '../../spec/rule.ts';
import { rulesFor } from '../../spec/index.ts';
import type { ConformanceConfig } from '../config.ts';
import type { PropertyOutcome, RuleStatus, RuleVerdict, TargetInfo } from './outcome.ts';
import { ConformanceReport, type RuleResult, type Summary } from './schema.ts';

const PRECEDENCE: RuleStatus[] = ['fail', 'error', 'pass', 'not-implemented', 'inconclusive', 'skipped', 'known'];

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
const shownExchanges = (verdict: RuleVerdict) => (verdict.failure?.exchanges.length ? 0 : 1);

function combine(verdicts: { verdict: RuleVerdict; property: string }[]): Pick<RuleResult, 'status' | 'checks' | 'reason' | 'failure'> {
  const ordered = [...verdicts].sort((a, b) => PRECEDENCE.indexOf(a.verdict.status) - PRECEDENCE.indexOf(b.verdict.status) || shownExchanges(a.verdict) - shownExchanges(b.verdict));
  const chosen = ordered[0].verdict;
  return {
    status: chosen.status,
    checks: verdicts.reduce((sum, { verdict }) => sum + verdict.checks, 0),
    reason: chosen.reason,
    failure: chosen.failure,
  };
}

export function buildReport(input: BuildInput): ConformanceReport {
  const { config, outcomes, serviceErrors } = input;
  const rules: RuleResult[] = rulesFor(config.services).map((rule) => {
    const verdicts = outcomes.flatMap((o) => o.verdicts.filter((v) => v.ruleId === rule.id).map((verdict) => ({ verdict, property: o.property })));
    const serviceError = serviceErrors[rule.service];
    const combined = verdicts.length
      ? combine(verdicts)
      : serviceError
        ? { status: 'error' as const, checks: 0, reason: serviceError }
        : { status: 'inconclusive' as const, checks: 0, reason: 'no property ran that checks this rule' };
    return {
      id: rule.id,
      service: rule.service,
      operation: rule.operation,
      kind: rule.kind,
      statement: rule.statement,
      quote: rule.quote,
      source: rule.source,
      needs: rule.needs ? [...rule.needs] : undefined,
      contradiction: rule.contradiction,
      properties: [...new Set(verdicts.map((v) => v.property))],
      ...combined,
    };
  });

  const target: TargetInfo = outcomes.find((o) => o.target)?.target ?? { kind: config.target === 'reference' || config.target === 'aws' ? config.target : 'endpoint', label: config.target, region: config.region, capabilities: [] };
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
    properties: outcomes.map(({ property, service, status, numRuns, durationMs, reason, warnings }) => ({ property, service, status, numRuns, durationMs: Math.round(durationMs), reason, warnings })),
    errors: [...input.errors, ...Object.entries(serviceErrors).map(([service, message]) => `${service}: ${message}`)],
  });
}

/** 1 when non-conformance was found (a failing rule, an operation the target lacks); else 2 when the harness could not check something; else 0. */
export function exitCodeOf(report: ConformanceReport): 0 | 1 | 2 {
  if (report.summary.fail > 0 || report.summary['not-implemented'] > 0) return 1;
  if (report.summary.error > 0 || report.errors.length > 0) return 2;
  return 0;
}
