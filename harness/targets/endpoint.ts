// Any emulator at a URL: one URL for all services (LocalStack style) or one per service, with
// an adapter for its out-of-band channel.
import type { ConformanceConfig } from '../config.ts';
import { buildTarget, EMULATOR_CREDENTIALS } from './base.ts';
import type { AdapterFactory } from './adapters/adapter.ts';
import { awsSesV2LocalAdapter } from './adapters/aws-ses-v2-local.ts';
import { cognitoLocalAdapter } from './adapters/cognito-local.ts';
import { genericAdapter } from './adapters/generic.ts';
import { localstackAdapter } from './adapters/localstack.ts';
import { motoAdapter } from './adapters/moto.ts';
import { referenceHttpAdapter } from './adapters/reference-http.ts';
import type { Target } from './target.ts';

const ADAPTERS: Record<ConformanceConfig['emulator'], AdapterFactory> = {
  reference: referenceHttpAdapter,
  generic: genericAdapter,
  'cognito-local': cognitoLocalAdapter,
  'aws-ses-v2-local': awsSesV2LocalAdapter,
  moto: motoAdapter,
  localstack: localstackAdapter,
};

export interface EndpointOptions {
  version?: string;
  /** Started by the harness: its URL (a random port) is no part of its name. */
  managed?: boolean;
  /** Called after the target's own close (stops an emulator the harness started). */
  onClose?: () => Promise<void>;
}

function baseUrl(config: ConformanceConfig): string {
  const base = config.endpoint ?? Object.values(config.endpoints)[0];
  if (!base) throw new Error('--target endpoint needs --endpoint URL (or --endpoint-<service> URL)');
  return base;
}

const openAdapter = (config: ConformanceConfig, version?: string) =>
  ADAPTERS[config.emulator](baseUrl(config), { timeoutMs: config.timeoutMs, workDir: config.emulatorData, version, seed: config.seed });

/** Once per run, before the properties: what the emulator's adapter does to start a run afresh (moto: reset and seed). */
export async function prepareEndpoint(config: ConformanceConfig): Promise<void> {
  await (await openAdapter(config)).prepare?.();
}

export async function endpointTarget(config: ConformanceConfig, options: EndpointOptions = {}): Promise<Target> {
  const base = baseUrl(config);
  const adapter = await openAdapter(config, options.version);
  const name =
    adapter.name === 'generic' || adapter.name === 'reference'
      ? `endpoint ${base} (${adapter.name})`
      : `${adapter.name}${adapter.version ? ` ${adapter.version}` : ''}${options.managed ? '' : ` ${base}`}`;
  return buildTarget({
    kind: 'endpoint',
    label: name,
    version: adapter.version,
    region: config.region,
    // An emulator texts nobody: the harness's fictional phone numbers are harmless there.
    capabilities: [...adapter.capabilities, 'sms'],
    fetch: (request, init) => fetch(request, init),
    credentials: EMULATOR_CREDENTIALS,
    endpoint: (service) => config.endpoints[service] ?? config.endpoint,
    timeoutMs: config.timeoutMs,
    baseDomain: 'example.com',
    cliArgs: ` --region ${config.region} --endpoint-url ${base}`,
    now: adapter.now,
    oob: adapter.oob,
    reset: adapter.reset,
    close: options.onClose,
  });
}
