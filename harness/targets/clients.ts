// The SDK clients of the five services, built one way for every target: maxAttempts 1 (a check
// must see every answer, throttling included), the recording fetch transport, a real timeout.
import { SESClient } from '@aws-sdk/client-ses';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ServiceName } from '../../spec/rule.ts';
import type { ExchangeRecorder } from '../transport/exchange.ts';
import { fetchHandler, type FetchLike } from '../transport/fetch-handler.ts';
import type { WireProtocol } from '../transport/wire-shape.ts';

export interface ServiceClients {
  ses: SESClient;
}

export interface ClientOptions {
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  fetch: FetchLike;
  recorder: ExchangeRecorder;
  timeoutMs?: number;
  /** Per service; none means the SDK's own AWS endpoint. */
  endpoint?: (service: ServiceName) => string | undefined;
}

type ClientConfig = NonNullable<ConstructorParameters<typeof SESClient>[0]>;

const CONSTRUCTORS: { [S in keyof ServiceClients]: (config: ClientConfig) => ServiceClients[S] } = {
  ses: (config) => new SESClient(config),
};

/** The wire protocol each service speaks (its API model's metadata.protocol). */
export const SERVICE_PROTOCOL: { [S in keyof ServiceClients]: WireProtocol } = {
  ses: 'awsQuery',
};

export const implementedServices = Object.keys(CONSTRUCTORS) as (keyof ServiceClients)[];

export function isImplemented(service: ServiceName): service is keyof ServiceClients {
  return service in CONSTRUCTORS;
}

export function clientFactory(options: ClientOptions) {
  const requestHandler = fetchHandler(options.fetch, { recorder: options.recorder, timeoutMs: options.timeoutMs });
  const built = new Map<string, unknown>();
  return <S extends keyof ServiceClients>(service: S): ServiceClients[S] => {
    let client = built.get(service) as ServiceClients[S] | undefined;
    if (!client) {
      client = CONSTRUCTORS[service]({
        region: options.region,
        credentials: options.credentials,
        maxAttempts: 1,
        requestHandler,
        endpoint: options.endpoint?.(service),
      });
      built.set(service, client);
    }
    return client;
  };
}
