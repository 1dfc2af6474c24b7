// The parts every target shares: clients, recorder, resource tracking, naming, pacing. A target
// module only says how to reach its endpoint, its clock and its out-of-band channel.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Capability } from '../../spec/rule.ts';
import type { ServiceName } from '../../services/index.ts';
import { ExchangeRecorder } from '../transport/exchange.ts';
import type { FetchLike } from '../transport/fetch-handler.ts';
import { clientFactory } from './clients.ts';
import { Pacer, type PaceRate, type RetryPolicy } from './pacer.ts';
import { judgedRateOf } from './rates.ts';
import { ResourceTracker } from './resources.ts';
import type { Naming, OutOfBand, Target, TargetKind } from './target.ts';

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
  /** The tag of its run names; by default a random one (a replay names things as the recorded run did). */
  runTag?: string;
  now?: () => number;
  /** How pacing waits on a target whose clock cannot be moved (tests of the aws path replace it). */
  sleep?: (ms: number) => Promise<void>;
  reset?: () => Promise<void>;
  close?: () => Promise<void>;
  /** The rate each call is paced at; by default only the operations a throttle rule judges (the aws target: every call). */
  rateOf?: (service: string, operation: string, region: string) => PaceRate | undefined;
  /** Retries of throttled and quota answers no rule judges (the aws target); none by default: an emulator's answer is what it is. */
  retry?: RetryPolicy;
}

/** Fake static credentials for emulators: they never leave this machine. */
export const EMULATOR_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'AKIDCONFORMANCE', secretAccessKey: 'conformance-secret' };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function buildTarget(parts: TargetParts): Target {
  const recorder = new ExchangeRecorder();
  const now = parts.now ?? (() => Date.now());
  const sleep = parts.sleep ?? realSleep;
  const advance = parts.oob.advanceClock;
  const pacer = new Pacer({
    now,
    wait: advance ? (ms) => advance(ms) : sleep,
    virtualClock: advance !== undefined,
    rateOf: parts.rateOf ?? judgedRateOf,
    retry: parts.retry,
  });
  const client = clientFactory({
    region: parts.region,
    credentials: parts.credentials,
    fetch: parts.fetch,
    recorder,
    timeoutMs: parts.timeoutMs,
    endpoint: parts.endpoint,
    pacer,
  });
  const runTag = parts.runTag ?? Math.random().toString(36).slice(2, 7);
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
    pacing: pacer.tally,
    wait: (ms) => pacer.wait(ms),
    runTag,
    baseDomain: parts.baseDomain,
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
      if (parts.reset) pacer.forget();
    },
    close: parts.close ?? (async () => {}),
  };
}
