// Which service's suite opened a target, in a vitest worker: the test file vitest is running
// (`properties/<service>/conformance.property.test.ts`). A recording keeps each suite's exchanges
// apart, and a replay answers each suite from its own, so that files may run in any order or
// side by side.
import { expect } from 'vitest';
import { isServiceName, type ServiceName } from '../../services/index.ts';

export function currentSuite(): ServiceName {
  const file = expect.getState().testPath ?? '';
  const service = /properties[\\/]([^\\/]+)[\\/][^\\/]*\.property\.test\.ts$/.exec(file)?.[1];
  if (!service || !isServiceName(service))
    throw new Error(`recording and replay run from a service's conformance test file, not from ${file || 'outside vitest'}`);
  return service;
}
