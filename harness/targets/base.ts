// The parts every target shares: clients, recorder, resource tracking, naming, pacing. A target
// module only says how to reach its endpoint, its clock and its out-of-band channel.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Capability } from '../../spec/rule.ts';
import type { ServiceName } from '../../services/index.ts';
import { ExchangeRecorder } from '../transport/exchange.ts';
import type { FetchLike } from '../transport/fetch-handler.ts';
import { clientFactory } from './clients.ts';
import { ResourceTracker } from './resources.ts';
import { PACE_TOLERANCE_MS, type Naming, type OutOfBand, type Target, type TargetKind } from './target.ts';

export interface TargetParts {
  kind: TargetKind;
  label: string;
  version?: string;
  region: string;
  capabilities: Iterable<Capability>;
  fetch: FetchLike;
  /** None: the SDK's default credential chain (the aws target). */
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  endpoint?: (service: ServiceName) => string | undefined;
  timeoutMs: number;
  oob: OutOfBand;
  cliArgs: string;
  /** The domain every email address and domain identity of a run lives under. */
  baseDomain: string;
  now?: () => number;
  /** How pacing waits on a target whose clock cannot be moved (tests of the aws path replace it). */
  sleep?: (ms: number) => Promise<void>;
  reset?: () => Promise<void>;
  close?: () => Promise<void>;
}

/** Fake static credentials for emulators: they never leave this machine. */
export const EMULATOR_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'AKIDCONFORMANCE', secretAccessKey: 'conformance-secret' };

/**
 * Pacing margin: what pacing adds to the documented interval between the previous call's answer
 * and the next call's sending. Counted from the answer (the previous call had reached the server
 * before it), the server sees the calls at least interval + margin apart, however late the first
 * one arrived. A virtual clock is exact, so PACE_TOLERANCE_MS is enough (and moving it costs no
 * wall-clock time); a real one drifts between harness and server, so it gets 10% of the interval
 * + 100 ms, never less than PACE_TOLERANCE_MS.
 */
const VIRTUAL_MARGIN_MS = PACE_TOLERANCE_MS;
const realMargin = (intervalMs: number) => Math.max(PACE_TOLERANCE_MS, Math.ceil(intervalMs * 0.1) + 100);

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function buildTarget(parts: TargetParts): Target {
  const recorder = new ExchangeRecorder();
  const client = clientFactory({
    region: parts.region,
    credentials: parts.credentials,
    fetch: parts.fetch,
    recorder,
    timeoutMs: parts.timeoutMs,
    endpoint: parts.endpoint,
  });
  const now = parts.now ?? (() => Date.now());
  const sleep = parts.sleep ?? realSleep;
  /** Per pace key: when its last call was answered (or, until it is, sent), on the target clock. */
  const lastCall = new Map<string, number>();
  const runTag = Math.random().toString(36).slice(2, 7);
  let namings = 0;

  return {
    kind: parts.kind,
    label: parts.label,
    version: parts.version,
    region: parts.region,
    capabilities: new Set(parts.capabilities),
    recorder,
    oob: parts.oob,
    resources: new ResourceTracker(),
    cliArgs: parts.cliArgs,
    client,
    now,
    async pace(key, intervalMs) {
      if (this.unanswered) return undefined; // the call will not be sent: nothing to wait for
      const previous = lastCall.get(key);
      const start = now();
      let gap: number | undefined;
      if (previous !== undefined && previous <= start) {
        const wanted = intervalMs + (parts.oob.advanceClock ? VIRTUAL_MARGIN_MS : realMargin(intervalMs));
        const wait = previous + wanted - start;
        if (wait > 0) await (parts.oob.advanceClock ? parts.oob.advanceClock(wait) : sleep(wait));
        // What was waited, not a re-read of the clock: a test's sleep may move the server's clock only.
        gap = start - previous + Math.max(0, wait);
      }
      // Until the caller marks the answer with paced(key), the call counts from its sending.
      lastCall.set(key, now());
      return gap;
    },
    paced(key) {
      lastCall.set(key, now());
    },
    newNaming(): Naming {
      namings += 1;
      const prefix = `avc-${runTag}-${namings}`;
      return {
        email: (local) => `${prefix}-${local}@${parts.baseDomain}`,
        domain: (label) => `${prefix}-${label}.${parts.baseDomain}`,
      };
    },
    async reset() {
      await parts.reset?.();
      // A reset target starts afresh (its throttling state too), and its clock may have moved back.
      if (parts.reset) lastCall.clear();
    },
    close: parts.close ?? (async () => {}),
  };
}
