// The target a configuration names.
import type { ConformanceConfig } from '../config.ts';
import { awsTarget } from './aws.ts';
import { endpointTarget } from './endpoint.ts';
import { managedTarget } from './managed/target.ts';
import { referenceTarget } from './reference.ts';
import type { Target } from './target.ts';

export async function openTarget(config: ConformanceConfig): Promise<Target> {
  const target = await open(config);
  // --record: every exchange and out-of-band step of the suite, for recording.har (harness/recording/).
  if (!config.record) return target;
  const { recordTarget } = await import('../recording/record.ts');
  return recordTarget(target, config);
}

async function open(config: ConformanceConfig): Promise<Target> {
  switch (config.target) {
    case 'reference':
      return referenceTarget(config);
    case 'endpoint':
      return endpointTarget(config);
    case 'aws':
      return awsTarget(config);
    case 'replay': {
      const { replayTarget } = await import('../recording/replay-target.ts');
      return replayTarget(config);
    }
    default:
      return managedTarget(config, config.target);
  }
}
