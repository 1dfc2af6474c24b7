// AmplifyBackend (API 2020-08-11) as an emulated service: its faults, its per-region store and
// its restJson1 binding under /backend.
import { AwsError, internalFailure } from '../errors.ts';
import type { EmulatedService, ServiceContext } from '../service.ts';
import { registerAmplifyFaults } from './faults.ts';
import { createAmplifyOperations } from './operations.ts';
import { createAmplifyStore } from './store.ts';

export function createAmplifyBackendService(ctx: ServiceContext): EmulatedService {
  registerAmplifyFaults(ctx.faults);
  const store = createAmplifyStore();
  return {
    name: 'amplifybackend',
    bindings: [
      {
        protocol: 'restJson1',
        pathPrefix: '/backend',
        operations: createAmplifyOperations(ctx, store),
        inputError: (message) => new AwsError('BadRequestException', message, 400),
        internalError: () => internalFailure('InternalServerError'),
      },
    ],
    reset: () => store.clear(),
  };
}
