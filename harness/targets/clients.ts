// The SDK clients of the services, built one way for every target: maxAttempts 1 (a check must
// see every answer, throttling included), the recording fetch transport, a real timeout. Each
// service's manifest says how its client is constructed.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { manifestOf, type ClientOf, type ServiceName } from '../../services/index.ts';
import type { ExchangeRecorder } from '../transport/exchange.ts';
import { fetchHandler, type FetchLike } from '../transport/fetch-handler.ts';

export interface ClientOptions {
  region: string;
  /** None: the SDK's default credential chain (the aws target). */
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  fetch: FetchLike;
  recorder: ExchangeRecorder;
  timeoutMs?: number;
  /** Per service; none means the SDK's own AWS endpoint. */
  endpoint?: (service: ServiceName) => string | undefined;
}

/** The clients built so far, each under its service and region. */
class ClientCache {
  private readonly built = new Map<string, ClientOf<ServiceName>>();

  get<S extends ServiceName>(service: S, region: string, build: () => ClientOf<S>): ClientOf<S> {
    const key = `${service} ${region}`;
    // Stored under `service region` by this method only, with the client of that service.
    const client = (this.built.get(key) as ClientOf<S> | undefined) ?? build();
    this.built.set(key, client);
    return client;
  }
}

/** Builds clients on first use, one per service and region. */
export function clientFactory(options: ClientOptions) {
  const requestHandler = fetchHandler(options.fetch, { recorder: options.recorder, timeoutMs: options.timeoutMs });
  const cache = new ClientCache();
  return <S extends ServiceName>(service: S, region: string = options.region): ClientOf<S> =>
    cache.get(service, region, () => {
      const config = { region, credentials: options.credentials, maxAttempts: 1, requestHandler, endpoint: options.endpoint?.(service) };
      // manifestOf(S).client builds ClientOf<S>; TypeScript cannot follow a call through a union of manifests.
      return (manifestOf(service).client as (c: typeof config) => ClientOf<S>)(config);
    });
}
