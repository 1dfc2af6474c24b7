// The CLI's side of a replay that met a request its recording does not hold: each suite's worker
// wrote its one line beside the report (replay-target.ts); the first, in the order of --services,
// is the run's cause.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceConfig } from '../config.ts';

export const mismatchFile = (config: Pick<ConformanceConfig, 'reportDir' | 'runId'>, suite: string) =>
  join(config.reportDir, config.runId, `replay-mismatch-${suite}.txt`);

export function replayMismatch(config: ConformanceConfig): string | undefined {
  for (const suite of config.services) {
    const file = mismatchFile(config, suite);
    if (existsSync(file)) return readFileSync(file, 'utf8').trim().split('\n')[0];
  }
  return undefined;
}
