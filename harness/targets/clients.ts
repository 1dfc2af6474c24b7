// The SDK clients of the five services, built one way for every target: maxAttempts 1 (a check
// must see every answer, throttling included), the recording fetch transport, a real timeout.
import { AmplifyBackendClient } from '@aws-sdk/client-amplifybackend';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { PinpointEmailClient } from '@aws-sdk/client-pinpoint-email';
import { SESClient } from '@aws-sdk/client-ses';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ServiceName } from '../../spec/rule.ts';
import type { ExchangeRecorder } from '../transport/exchange.ts';
import { fetchHandler, type FetchLike } from '../transport/fetch-handler.ts';
import type { WireProtocol } from '../transport/wire-shape.ts';

export interface ServiceClients {
  ses: SESClient;
  'pinpoint-email': PinpointEmailClient;
  lightsail: LightsailClient;
  'cognito-idp': CognitoIdentityProviderClient;
  amplifybackend: AmplifyBackendClient;
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

// Each client's constructor takes its own config type; they share every field used here.
type ClientConfig = { region: string; credentials: ClientOptions['credentials']; maxAttempts: number; requestHandler: unknown; endpoint?: string };

const CONSTRUCTORS: { [S in ServiceName]: (config: ClientConfig) => ServiceClients[S] } = {
  ses: (config) => new SESClient(config as never),
  'pinpoint-email': (config) => new PinpointEmailClient(config as never),
  lightsail: (config) => new LightsailClient(config as never),
  'cognito-idp': (config) => new CognitoIdentityProviderClient(config as never),
  amplifybackend: (config) => new AmplifyBackendClient(config as never),
};

/** The wire protocol each service speaks (its API model's metadata.protocol). */
export const SERVICE_PROTOCOL: { [S in ServiceName]: WireProtocol } = {
  ses: 'awsQuery',
  'pinpoint-email': 'restJson1',
  lightsail: 'awsJson1_1',
  'cognito-idp': 'awsJson1_1',
  amplifybackend: 'restJson1',
};

/** Builds clients on first use, one per service and region. */
export function clientFactory(options: ClientOptions) {
  const requestHandler = fetchHandler(options.fetch, { recorder: options.recorder, timeoutMs: options.timeoutMs });
  const built = new Map<string, unknown>();
  return <S extends ServiceName>(service: S, region: string = options.region): ServiceClients[S] => {
    const key = `${service} ${region}`;
    let client = built.get(key) as ServiceClients[S] | undefined;
    if (!client) {
      client = CONSTRUCTORS[service]({ region, credentials: options.credentials, maxAttempts: 1, requestHandler, endpoint: options.endpoint?.(service) });
      built.set(key, client);
    }
    return client;
  };
}
