// Pinpoint Email (API 2018-07-26) as an emulated service: its faults, its per-region store, its
// restJson1 binding under /v1/email, and its reaction to DNS publications (DKIM records).
import { AwsError, internalFailure } from '../errors.ts';
import type { EmulatedService, ServiceContext } from '../service.ts';
import { registerPinpointFaults } from './faults.ts';
import { PinpointLifecycle } from './lifecycle.ts';
import { createPinpointOperations } from './operations.ts';
import { createPinpointStore } from './store.ts';

export function createPinpointEmailService(ctx: ServiceContext): EmulatedService {
  registerPinpointFaults(ctx.faults);
  const store = createPinpointStore();
  const lifecycle = new PinpointLifecycle(ctx);
  ctx.dns.onPublish(() => lifecycle.onRecordPublished(store.all(), ctx.clock.now()));
  return {
    name: 'pinpoint-email',
    bindings: [
      {
        protocol: 'restJson1',
        pathPrefix: '/v1/email',
        operations: createPinpointOperations(ctx, store, lifecycle),
        inputError: (message) => new AwsError('BadRequestException', message, 400),
        internalError: () => internalFailure(),
      },
    ],
    reset: () => store.clear(),
  };
}
