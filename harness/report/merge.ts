// Reports of one matrix, brought together: shards of a run (vitest --shard) merge into one report;
// two runs diff into what regressed since a baseline run and what was fixed.
import { readFile } from 'node:fs/promises';
import { firstLineOf } from '../errors.ts';
import { applyBaseline, baselineFrom, type BaselineComparison } from './baseline.ts';
import { combine, summarize } from './build.ts';
import { ConformanceReport, type RuleResult } from './schema.ts';

export async function readReport(path: string): Promise<ConformanceReport> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read report ${path}: ${firstLineOf(error)}`);
  }
  const parsed = ConformanceReport.safeParse(json);
  if (!parsed.success) throw new Error(`${path} is not a conformance.json: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** Shards of one run: every rule once, the strongest verdict where shards overlap. */
export function mergeReports(reports: ConformanceReport[]): ConformanceReport {
  if (!reports.length) throw new Error('nothing to merge');
  // The verdicts of one rule across shards combine as a run's properties' do: one precedence, every check counted.
  const byId = new Map<string, RuleResult[]>();
  for (const rule of reports.flatMap((r) => r.rules)) byId.set(rule.id, [...(byId.get(rule.id) ?? []), rule]);
  const rules = [...byId.values()].map(
    (shards): RuleResult =>
      shards.length === 1 ? shards[0]! : { ...shards[0]!, ...combine(shards), properties: [...new Set(shards.flatMap((r) => r.properties))] },
  );
  const labels = [...new Set(reports.map((r) => r.target.label))];
  const started = reports.map((r) => Date.parse(r.startedAt));
  return ConformanceReport.parse({
    ...reports[0],
    runId: `${reports[0].runId}-merged`,
    target: { ...reports[0].target, label: labels.join(' + '), capabilities: [...new Set(reports.flatMap((r) => r.target.capabilities))] },
    services: [...new Set(reports.flatMap((r) => r.services))],
    startedAt: new Date(Math.min(...started)).toISOString(),
    durationMs: Math.max(...reports.map((r, i) => started[i] + r.durationMs)) - Math.min(...started),
    summary: summarize(rules),
    rules,
    properties: reports.flatMap((r) => r.properties),
    errors: reports.flatMap((r) => r.errors),
  });
}

/** What `next` does differently from `base`: divergences that appeared (regressions) or went away. */
export function diffReports(base: ConformanceReport, next: ConformanceReport): BaselineComparison {
  return applyBaseline(next, baselineFrom(base)).comparison;
}
