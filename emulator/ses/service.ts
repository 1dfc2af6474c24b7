// SES (API 2010-12-01) as an emulated service: its faults, its per-region store, its awsQuery
// binding, and its reaction to DNS publications.
import type { EmulatedService, ServiceContext } from '../service.ts';
import { registerSesFaults } from './faults.ts';
import { createSesOperations } from './operations.ts';
import { SesLifecycle } from './lifecycle.ts';
import { createSesStore } from './store.ts';

export function createSesService(ctx: ServiceContext): EmulatedService {
  registerSesFaults(ctx.faults);
  const store = createSesStore(ctx.clock);
  const lifecycle = new SesLifecycle(ctx);
  ctx.dns.onPublish(() => lifecycle.onRecordPublished(store.all(), ctx.clock.now()));
  return {
    name: 'ses',
    bindings: [
      {
        protocol: 'awsQuery',
        version: '2010-12-01',
        xmlNamespace: 'http://ses.amazonaws.com/doc/2010-12-01/',
        signingNames: ['ses', 'email'],
        operations: createSesOperations(ctx, store, lifecycle),
      },
    ],
    reset: () => store.clear(),
  };
}
