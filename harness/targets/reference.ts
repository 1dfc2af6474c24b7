// The default target: the reference emulator in this process. The SDK's requestHandler hands
// each request straight to emulator.fetch, so a call costs close to a bare SDK call.
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import type { ConformanceConfig } from '../config.ts';
import type { FetchLike } from '../transport/fetch-handler.ts';
import { buildTarget, EMULATOR_CREDENTIALS } from './base.ts';
import { controlRouteReplay } from './replay-lines.ts';
import type { Target } from './target.ts';

/** Where `npm run emulator` listens by default: printed replays point there. */
const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:4566';

export interface ReferenceTargetOptions {
  /** Fault ids from the emulator's catalog, switched on (the harness's self-check). */
  faults?: string[];
  /** Something between the SDK and the emulator (the harness's tests put wire faults there, e.g. an operation answered as unknown). */
  wrapFetch?: (fetch: FetchLike) => FetchLike;
}

export function referenceTarget(
  config: Pick<ConformanceConfig, 'region' | 'timeoutMs'>,
  options: ReferenceTargetOptions = {},
): Target & { emulator: Emulator } {
  const emulator = createEmulator({ publicUrl: DEFAULT_EMULATOR_URL, faults: options.faults });
  const { control } = emulator;
  const target = buildTarget({
    kind: 'reference',
    label: options.faults?.length ? `reference (faults: ${options.faults.join(', ')})` : 'reference',
    region: config.region,
    capabilities: ['clock', 'inbox', 'dns', 'throttle-probe', 'token-minting', 'sms'],
    fetch: options.wrapFetch ? options.wrapFetch((request) => emulator.fetch(request)) : (request) => emulator.fetch(request),
    credentials: EMULATOR_CREDENTIALS,
    timeoutMs: config.timeoutMs,
    baseDomain: 'example.com',
    cliArgs: ` --region ${config.region} --endpoint-url ${DEFAULT_EMULATOR_URL}`,
    now: () => control.clock.now(),
    oob: {
      advanceClock: async (ms) => control.clock.advance(ms),
      latestMessage: async (to) => control.inbox.list({ to }).at(-1),
      followLink: async (link) => (await emulator.fetch(new Request(link))).status,
      publishDns: async (record) => control.dns.publish(record),
      mintToken: async (request) => control.tokens.mint(request),
      replay: controlRouteReplay(DEFAULT_EMULATOR_URL),
    },
    reset: async () => control.reset(),
  });
  return Object.assign(target, { emulator });
}
