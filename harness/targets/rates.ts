// Which calls a target paces, from the one table of AWS's rates (spec/aws-rates.ts). AWS's rates
// hold per account and region, so a rate key is per region.
import { catalog } from '../../services/index.ts';
import { intervalOf, rateOf } from '../../spec/aws-rates.ts';
import type { ServiceName } from '../../services/index.ts';
import type { PaceRate } from './pacer.ts';

/** On AWS every call keeps to its documented rate: another caller's throttling is no verdict either. */
export function awsRateOf(service: string, operation: string, region: string): PaceRate {
  const rate = rateOf(service as ServiceName | 'sts', operation);
  return { key: `${region} ${rate.key}`, intervalMs: intervalOf(rate) };
}

/** `service Operation` of every operation a throttle rule judges: paced on every target, so the rule can hold the target to the rate. */
const JUDGED = new Set(catalog.filter((rule) => rule.kind === 'throttle').map((rule) => `${rule.service} ${rule.operation}`));

/** On an emulator only the operations a throttle rule judges are paced: the rest has no documented rate for it to keep. */
export function judgedRateOf(service: string, operation: string, region: string): PaceRate | undefined {
  return JUDGED.has(`${service} ${operation}`) ? awsRateOf(service, operation, region) : undefined;
}
