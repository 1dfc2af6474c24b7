// The target a configuration names.
import type { ConformanceConfig } from '../config.ts';
import { awsTarget } from './aws.ts';
import { endpointTarget } from './endpoint.ts';
import { managedTarget } from './managed/target.ts';
import { referenceTarget } from './reference.ts';
import type { Target } from './target.ts';

export async function openTarget(config: ConformanceConfig): Promise<Target> {
  switch (config.target) {
    case 'reference':
      return referenceTarget(config);
    case 'endpoint':
      return endpointTarget(config);
    case 'aws':
      return awsTarget(config);
    default:
      return managedTarget(config, config.target);
  }
}
