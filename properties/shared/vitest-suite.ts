// The vitest face of a service's properties: one test per property, run against the configured
// target, with the verdicts attached to the test's meta for the conformance reporter. A test
// fails when a rule fails or errors, so a plain `vitest` run is red exactly when the report is.
// The configuration comes from the CLI through vitest's provide/inject; a team running vitest
// itself sets it through CONFORMANCE_* environment variables instead.
import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import { propertyTimeoutMs, reproduceCommand, resolveConfig, type ConformanceConfig } from '../../harness/config.ts';
import type {} from '../../harness/vitest-context.ts';
import { openTarget } from '../../harness/targets/open.ts';
import type { Target } from '../../harness/targets/target.ts';
import { manifestOf, type ServiceName } from '../../services/index.ts';
import type { ConformanceProperty } from './property.ts';
import { runProperty } from './run-property.ts';

/** The run's configuration: the CLI's when it provided one, else the environment's. */
const runConfig = (): ConformanceConfig => inject('conformanceConfig') ?? resolveConfig();

/** Registers the service's properties as tests; a service whose properties cannot be loaded gets one failing test saying why. */
export async function describeConformance(service: ServiceName): Promise<void> {
  const config = runConfig();
  let properties: readonly ConformanceProperty[] = [];
  let loadError: unknown;
  try {
    if (config.services.includes(service)) properties = await manifestOf(service).properties();
  } catch (error) {
    loadError = error;
  }
  describe.runIf(config.services.includes(service))(service, { meta: { conformanceService: service } }, () => {
    let target: Target | undefined;
    beforeAll(async () => {
      if (loadError === undefined) target = await openTarget(config);
    }, config.timeoutMs * 3);
    afterAll(async () => {
      await target?.close();
    });

    if (loadError !== undefined) {
      test('its properties load', () => {
        throw loadError;
      });
    }
    for (const property of properties) {
      test(
        property.name,
        async ({ task, skip }) => {
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
        },
        propertyTimeoutMs(config),
      );
    }
  });
}
