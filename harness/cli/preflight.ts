// What must hold before any property runs, so that a wrong set-up ends in one line and exit 2
// instead of a report full of errors: the endpoint answers, the aws guards pass.
import type { ConformanceConfig } from '../config.ts';
import { asError } from '../errors.ts';
import { readBaseline } from '../report/baseline.ts';
import { checkAwsGuards, checkDryRunGuards } from '../targets/aws.ts';
import { describeTransportError } from '../transport/fetch-handler.ts';

export class PreflightError extends Error {
  override readonly name = 'PreflightError';
}

/** Any HTTP answer at all means reachable; the properties judge what it says. */
async function assertReachable(url: string, timeoutMs: number): Promise<void> {
  try {
    const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(Math.min(timeoutMs, 5_000)) });
    await response.body?.cancel();
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'no answer within 5 s' : describeTransportError(error);
    throw new PreflightError(`cannot reach endpoint ${url}: ${reason}`);
  }
}

export async function preflight(config: ConformanceConfig): Promise<void> {
  if (config.baseline && !config.updateBaseline) {
    try {
      await readBaseline(config.baseline);
    } catch (error) {
      throw new PreflightError(asError(error).message);
    }
  }
  if (config.target === 'endpoint') {
    const urls = new Set([config.endpoint, ...config.services.map((s) => config.endpoints[s])].filter((u): u is string => Boolean(u)));
    for (const url of urls) await assertReachable(url, config.timeoutMs);
  }
  if (config.target === 'aws') {
    try {
      if (config.aws.dryRun) checkDryRunGuards(config);
      else await checkAwsGuards(config);
    } catch (error) {
      throw new PreflightError(asError(error).message);
    }
  }
}
