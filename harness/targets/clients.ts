// The SDK clients of the services, built one way for every target: maxAttempts 1 (a check must
// see every answer, throttling included: the harness's own pacer retries where no rule judges the
// answer), the recording fetch transport, a real timeout, the target's pacing. Each service's
// manifest says how its client is constructed.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { manifestOf, type ClientOf, type ServiceName } from '../../services/index.ts';
import type { ExchangeRecorder } from '../transport/exchange.ts';
import { takesInitializeStep } from './middleware-stack.ts';
import type { Pacer } from './pacer.ts';
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
  /** Paces (and, on AWS, retries) every call of every client. */
  pacer: Pacer;
}

/** Builds clients on first use, one per service and region. */
export function clientFactory(options: ClientOptions) {
  const requestHandler = fetchHandler(options.fetch, { recorder: options.recorder, timeoutMs: options.timeoutMs });
  /** The clients built so far, each under `service region`. */
  const built = new Map<string, ClientOf<ServiceName>>();
  return <S extends ServiceName>(service: S, region: string = options.region): ClientOf<S> => {
    const key = `${service} ${region}`;
    let client = built.get(key);
    if (!client) {
      client = manifestOf(service).client({ region, credentials: options.credentials, maxAttempts: 1, requestHandler, endpoint: options.endpoint?.(service) });
      const stack: object = client.middlewareStack;
      if (!takesInitializeStep(stack)) throw new Error(`the ${service} client has no middleware stack to pace`);
      const { middleware, options: placement } = options.pacer.middleware(service, region);
      stack.add(middleware, placement);
      built.set(key, client);
    }
    // Stored under `service region` only here, with that service's client; TypeScript cannot follow a call through a union of manifests.
    return client as ClientOf<S>;
  };
}
