// Runs a service's properties against a reference target (optionally with faults) and builds the
// report exactly as a conformance run would, without vitest in between.
import { buildReport } from '../../harness/report/build.ts';
import type { ConformanceReport } from '../../harness/report/schema.ts';
import { referenceTarget } from '../../harness/targets/reference.ts';
import type { Target } from '../../harness/targets/target.ts';
import type { ConformanceProperty } from '../../properties/shared/property.ts';
import { runProperty } from '../../properties/shared/run-property.ts';
import type { ServiceName } from '../../services/index.ts';

export interface SuiteOptions {
  seed?: number;
  runs?: number;
  faults?: string[];
  target?: Target;
}

export async function runSuite(service: ServiceName, properties: readonly ConformanceProperty[], options: SuiteOptions = {}): Promise<ConformanceReport> {
  const seed = options.seed ?? 42;
  const runs = options.runs ?? 25;
  const target = options.target ?? referenceTarget({ region: 'us-east-1', timeoutMs: 5_000 }, { faults: options.faults });
  const started = new Date();
  const outcomes = [];
  for (const property of properties) outcomes.push(await runProperty(property, target, { seed, runs }));
  await target.close();
  return buildReport({
    config: { runId: 'test', seed, runs, services: [service], region: target.region, target: target.kind },
    outcomes,
    serviceErrors: {},
    errors: [],
    startedAt: started,
    durationMs: Date.now() - started.getTime(),
  });
}

export const statusOf = (report: ConformanceReport, ruleId: string) => report.rules.find((r) => r.id === ruleId)?.status;
