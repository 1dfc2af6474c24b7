// The reference emulator: every emulated AWS service behind one fetch function, plus the
// control plane (clock, inbox, DNS, faults) the harness uses to drive what AWS does out of band.
import { createClock } from './control/clock.ts';
import { createDns } from './control/dns.ts';
import { createFaultRegistry } from './control/faults.ts';
import { createInbox } from './control/inbox.ts';
import { createLinks } from './control/links.ts';
import { createControlRoutes } from './control/routes.ts';
import { assertMintRequest } from './control/tokens.ts';
import { createCognitoService } from './cognito-idp/service.ts';
import { createLightsailService } from './lightsail/service.ts';
import { createAwsJsonFrontDoor, type AwsJsonBinding } from './protocols/aws-json.ts';
import { createAwsQueryFrontDoor, type AwsQueryBinding } from './protocols/aws-query.ts';
import { createRestJsonFrontDoor, type RestJsonBinding } from './protocols/rest-json.ts';
import { createAmplifyBackendService } from './amplifybackend/service.ts';
import { createPinpointEmailService } from './pinpoint-email/service.ts';
import { createRouter } from './router.ts';
import type { EmulatedService, ServiceContext } from './service.ts';
import { createSesService } from './ses/service.ts';
import type { Emulator, EmulatorControl, EmulatorOptions } from './types.ts';

export type { DnsRecord, Emulator, EmulatorControl, EmulatorOptions, FaultInfo, InboxMessage, MintTokenRequest } from './types.ts';

export const DEFAULT_PUBLIC_URL = 'http://localhost:4566';

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const publicUrl = options.publicUrl ?? DEFAULT_PUBLIC_URL;
  const clock = createClock();
  const ctx: ServiceContext = {
    clock,
    inbox: createInbox(clock),
    dns: createDns(clock),
    faults: createFaultRegistry(),
    links: createLinks(clock, () => publicUrl),
  };
  const cognito = createCognitoService(ctx);
  const services: EmulatedService[] = [
    createSesService(ctx),
    createLightsailService(ctx),
    cognito,
    createPinpointEmailService(ctx),
    createAmplifyBackendService(ctx),
  ];
  for (const id of options.faults ?? []) ctx.faults.enable(id); // throws UnknownFaultError on a typo

  const control: EmulatorControl = {
    clock: { now: () => clock.now(), advance: (ms) => clock.advance(ms) },
    inbox: { list: (filter) => ctx.inbox.list(filter), clear: () => ctx.inbox.clear() },
    dns: { publish: (record) => ctx.dns.publish(record), remove: (record) => ctx.dns.remove(record), list: () => ctx.dns.list() },
    faults: {
      catalog: () => ctx.faults.catalog(),
      enable: (id) => ctx.faults.enable(id),
      disable: (id) => ctx.faults.disable(id),
      enabled: () => ctx.faults.enabled(),
    },
    tokens: {
      mint(request) {
        assertMintRequest(request);
        return cognito.mintAccessToken(request);
      },
    },
    reset() {
      for (const service of services) service.reset();
      ctx.inbox.clear();
      ctx.dns.clear();
      ctx.links.clear();
      clock.reset();
    },
  };

  const bindings = services.flatMap((service) => service.bindings);
  const queryBindings = bindings.filter((binding): binding is AwsQueryBinding => binding.protocol === 'awsQuery');
  const jsonBindings = bindings.filter((binding): binding is AwsJsonBinding => binding.protocol === 'awsJson1_1');
  const restBindings = bindings.filter((binding): binding is RestJsonBinding => binding.protocol === 'restJson1');
  const fetch = createRouter({
    control: createControlRoutes(control, ctx.links),
    frontDoors: [createAwsJsonFrontDoor(jsonBindings), createRestJsonFrontDoor(restBindings), createAwsQueryFrontDoor(queryBindings)],
  });
  return { fetch, control };
}
