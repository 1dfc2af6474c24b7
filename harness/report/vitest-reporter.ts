// The vitest reporter that turns property outcomes (attached to each test's meta by the
// properties) into the conformance report. The CLI uses it; a team running vitest directly can
// use it too: `vitest run --project conformance --reporter=./harness/report/vitest-reporter.ts`.
import { join, relative } from 'node:path';
import type { Reporter, SerializedError, TestCase, TestModule, Vitest } from 'vitest/node';
import type { ServiceName } from '../../services/index.ts';
import type {} from '../vitest-context.ts';
import { resolveConfig, type ConformanceConfig } from '../config.ts';
import { arbitrateByAws } from './aws-departures.ts';
import { applyBaseline, baselineFrom, readBaseline, writeBaseline, type BaselineComparison } from './baseline.ts';
import { buildReport } from './build.ts';
import { PropertyOutcome } from './outcome.ts';
import type { ConformanceReport } from './schema.ts';
import { budgetSummary } from './budget.ts';
import { PLAN_FILE, planSummary, writePlan } from './plan.ts';
import { summaryLine } from './text.ts';
import { writeReport } from './write.ts';

export interface ConformanceReporterOptions {
  config?: ConformanceConfig;
  /** Lines of progress and the final summary go here (the CLI prints them; tests collect them). */
  print?: (line: string) => void;
}

/** The service a test belongs to, as its service's suite says in its meta. */
function serviceOf(testCase: TestCase): ServiceName | undefined {
  for (let parent = testCase.parent; parent.type === 'suite'; parent = parent.parent) {
    const service = parent.meta().conformanceService;
    if (service) return service;
  }
  return undefined;
}

const firstLine = (error: { message?: string } | undefined) => (error?.message ?? 'unknown error').split('\n')[0];

export default class ConformanceReporter implements Reporter {
  report?: ConformanceReport;
  reportPath?: string;
  /** Set when the run was compared with a baseline. */
  comparison?: BaselineComparison;
  private startedAt = new Date();
  private root = process.cwd();
  private readonly print: (line: string) => void;
  private readonly config: ConformanceConfig;

  constructor(options: ConformanceReporterOptions = {}) {
    this.config = options.config ?? resolveConfig();
    this.print = options.print ?? ((line) => process.stdout.write(`${line}\n`));
  }

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
    this.startedAt = new Date();
  }

  onTestCaseResult(testCase: TestCase): void {
    const outcome = testCase.meta().conformance;
    if (!outcome) return;
    const mark = { passed: '✓', failed: '✗', errored: '!', skipped: '-' }[outcome.status];
    const bad = outcome.verdicts
      .filter((v) => v.status === 'fail' || v.status === 'error' || v.status === 'not-implemented')
      .map((v) => `${v.ruleId} ${v.status}`);
    this.print(
      `${mark} [${outcome.service}] ${outcome.property} (${outcome.numRuns} runs, ${(outcome.durationMs / 1000).toFixed(1)} s)${bad.length ? `: ${bad.join(', ')}` : outcome.reason && outcome.status === 'skipped' ? `: ${outcome.reason}` : ''}`,
    );
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): Promise<void> {
    const outcomes: PropertyOutcome[] = [];
    const serviceErrors: Partial<Record<ServiceName, string>> = {};
    const moduleErrors: string[] = [];
    for (const module of testModules) {
      const moduleError = module.errors()[0];
      if (moduleError) moduleErrors.push(`could not run ${relative(this.root, module.moduleId)}: ${firstLine(moduleError)}`);
      // A service's suite that failed before its tests ran (its target could not be opened).
      for (const suite of module.children.allSuites()) {
        const service = suite.meta().conformanceService;
        const suiteError = suite.errors()[0];
        if (service && suiteError) serviceErrors[service] ??= `could not run: ${firstLine(suiteError)}`;
      }
      for (const testCase of module.children.allTests()) {
        const meta = testCase.meta().conformance;
        const service = serviceOf(testCase);
        if (meta) outcomes.push(PropertyOutcome.parse(meta));
        else if (service && testCase.result().state === 'failed') serviceErrors[service] ??= `could not run: ${firstLine(testCase.result().errors?.[0])}`;
      }
    }
    let report = buildReport({
      config: this.config,
      outcomes,
      serviceErrors,
      errors: [...moduleErrors, ...unhandledErrors.map((e) => `unhandled: ${firstLine(e)}`)],
      startedAt: this.startedAt,
      durationMs: Date.now() - this.startedAt.getTime(),
    });
    // AWS's own departures first (aws-departures.ts): what AWS itself does is no divergence for a baseline to record.
    report = await arbitrateByAws(report, this.config, this.print);
    const { baseline: baselinePath, updateBaseline } = this.config;
    if (baselinePath && updateBaseline) {
      const baseline = baselineFrom(report);
      await writeBaseline(baselinePath, baseline);
      this.print(`baseline ${baselinePath} written: ${Object.keys(baseline.divergences).length} known divergences`);
    } else if (baselinePath) {
      ({ report, comparison: this.comparison } = applyBaseline(report, await readBaseline(baselinePath)));
    }
    this.report = report;
    this.reportPath = await writeReport(this.report, this.config.reportDir);
    if (outcomes.some((o) => o.plannedCalls)) {
      await writePlan(outcomes, [this.reportPath, join(this.config.reportDir, 'latest')]);
      for (const line of planSummary(outcomes)) this.print(line);
      for (const line of budgetSummary(outcomes)) this.print(line);
      this.print(`the calls, run by run: ${join(this.reportPath, PLAN_FILE)}`);
    }
    const s = this.report.summary;
    this.print(`${summaryLine(s)} · report: ${this.reportPath}`);
  }
}
