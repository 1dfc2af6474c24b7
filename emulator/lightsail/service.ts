// Lightsail (API 2016-11-28) as an emulated service: its faults, its per-region store of contact
// methods, and its awsJson1_1 binding.
import { AwsError } from '../errors.ts';
import type { EmulatedService, ServiceContext } from '../service.ts';
import { ContactMethods } from './contact-methods.ts';
import { LightsailFault, registerLightsailFaults } from './faults.ts';
import { createLightsailOperations } from './operations.ts';
import { createLightsailStore } from './store.ts';

/** The documented input errors the errors-as-500 fault turns into server errors. */
const INPUT_ERRORS = new Set(['InvalidInputException', 'NotFoundException']);

export function createLightsailService(ctx: ServiceContext): EmulatedService {
  registerLightsailFaults(ctx.faults);
  const store = createLightsailStore();
  return {
    name: 'lightsail',
    bindings: [
      {
        protocol: 'awsJson1_1',
        targetPrefix: 'Lightsail_20161128',
        operations: createLightsailOperations(ctx, store, new ContactMethods(ctx)),
        inputError: (message) => new AwsError('InvalidInputException', message, 400),
        internalError: () => new AwsError('ServiceException', 'An internal error occurred.', 500),
        rewriteError: (error) =>
          INPUT_ERRORS.has(error.code) && ctx.faults.on(LightsailFault.ErrorsAs500) ? new AwsError(error.code, error.message, 500) : error,
      },
    ],
    reset: () => store.clear(),
  };
}
