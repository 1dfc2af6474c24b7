// The vitest face of a service's properties: one test per property, run against the configured
// target, with the verdicts attached to the test's meta for the conformance reporter. A test
// fails when a rule fails or errors, so a plain `vitest` run is red exactly when the report is.
import { afterAll, beforeAll, describe, test } from 'vitest';
import { reproduceCommand, resolveConfig } from '../../harness/config.ts';
import type { PropertyOutcome } from '../../harness/report/outcome.ts';
import { openTarget } from '../../harness/targets/open.ts';
import type { Target } from '../../harness/targets/target.ts';
import type { ServiceName } from '../../spec/rule.ts';
import type { ConformanceProperty } from './property.ts';
import { runProperty } from './run-property.ts';

declare module 'vitest' {
  interface TaskMeta {
    conformance?: PropertyOutcome;
  }
}

export function describeConformance(service: ServiceName, properties: readonly ConformanceProperty<any>[]): void {
  const config = resolveConfig();
  describe.runIf(config.services.includes(service))(service, () => {
    let target: Target | undefined;
    beforeAll(async () => {
      target = await openTarget(config);
    }, config.timeoutMs * 3);
    afterAll(async () => {
      await target?.close();
    });

    for (const property of properties) {
      test(property.name, async ({ task, skip }) => {
        const outcome = await runProperty(property, target!, {
          seed: config.seed,
          runs: config.runs,
          path: config.path,
          reproduce: (finding) => reproduceCommand(config, service, finding),
        });
        task.meta.conformance = outcome;
        if (outcome.status === 'skipped') skip(outcome.reason);
        const bad = outcome.verdicts.filter((v) => v.status === 'fail' || v.status === 'error' || v.status === 'not-implemented');
        if (bad.length) throw new Error(bad.map((v) => `${v.ruleId} ${v.status}: ${v.failure?.message ?? v.reason}`).join('\n'));
      });
    }
  });
}
