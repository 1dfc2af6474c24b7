// One interface for every target: real AWS, any emulator at a URL, or the embedded reference
// emulator. Properties see only this: SDK clients, capabilities, the out-of-band channel.
import type { Capability } from '../../spec/rule.ts';
import type { ClientOf, ServiceName } from '../../services/index.ts';
import type { ExchangeRecorder } from '../transport/exchange.ts';
import type { MessageTally } from './message-budget.ts';
import type { PacingTally } from './pacer.ts';
import type { ResourceTracker } from './resources.ts';

export type TargetKind = 'reference' | 'endpoint' | 'aws' | 'replay';

export interface InboxMessage {
  to: string;
  subject: string;
  body: string;
  link?: string;
  code?: string;
  sentAt: string;
}
export interface DnsRecord {
  name: string;
  type: 'TXT' | 'CNAME';
  value: string;
}

/** An access token minted out of band (token-minting capability), e.g. without the admin scope. */
export interface TokenRequest {
  userPoolId: string;
  clientId?: string;
  username: string;
  scopes?: string[];
  expiresInSeconds?: number;
}

/** What a person would do by hand, printed so a counterexample can be replayed. */
export interface ReplayLines {
  advanceClock(ms: number): string;
  followLink(link: string): string;
  publishDns(record: DnsRecord): string;
  readInbox(to: string): string;
  mintToken(request: TokenRequest): string;
}

/** The channel outside the AWS API: clock, inbox, DNS. Each member exists only with its capability. */
export interface OutOfBand {
  advanceClock?(ms: number): Promise<void>;
  latestMessage?(to: string): Promise<InboxMessage | undefined>;
  followLink?(link: string): Promise<number>;
  publishDns?(record: DnsRecord): Promise<void>;
  mintToken?(request: TokenRequest): Promise<string>;
  /** What the emulator itself said of a 5xx answer to `operation` where its answer said nothing (moto's log naming an action it lacks). */
  explainServerError?(operation: string): Promise<string | undefined>;
  replay: ReplayLines;
}

/** Names of what a run creates: under a run prefix, and (on AWS) under the user's domain only. */
export interface Naming {
  email(local: string): string;
  domain(label: string): string;
}

/**
 * Pacing tolerance: the least that pacing adds to a documented interval, between the previous
 * call's answer and the next call's sending. A rule about a rate calls a call "at the documented
 * rate" only when it was sent at least interval + PACE_TOLERANCE_MS after the previous answer.
 */
export const PACE_TOLERANCE_MS = 100;

export interface Target {
  readonly kind: TargetKind;
  /** For reports: which target, e.g. `reference`, `endpoint http://127.0.0.1:4566`, `aws 123456789012`. */
  readonly label: string;
  readonly version?: string;
  readonly region: string;
  /** The AWS account the target's resources live in, where the target knows it (AWS: from STS); used in ARNs. */
  readonly account?: string;
  /** Phone numbers the user lets a run create SMS destinations for (a real account: CONFORMANCE_SMS_NUMBERS); elsewhere the harness uses its own fictional ones. */
  readonly phoneNumbers?: readonly string[];
  /**
   * Its answers are a real AWS account's (the aws target, its dry run, or a replay of its recording):
   * what the account already holds is respected (Lightsail's contact methods), and what only the
   * user can provide (an Amplify app) is required.
   */
  readonly realAccount?: boolean;
  /** A dry run: nothing reaches the real target; the calls of every run are the plan it reports. */
  readonly dryRun?: boolean;
  readonly capabilities: ReadonlySet<Capability>;
  readonly recorder: ExchangeRecorder;
  readonly oob: OutOfBand;
  readonly resources: ResourceTracker;
  /** Appended to every printed AWS CLI call: region and endpoint. */
  readonly cliArgs: string;
  /** The SDK client of a service, in the target's region or (Lightsail's per-region rules) another. */
  client<S extends ServiceName>(service: S, region?: string): ClientOf<S>;
  /** The target's clock, epoch ms (virtual where the target has one). */
  now(): number;
  /**
   * What pacing has cost so far: every call's wait for its rate (and retries) on the target clock,
   * and the calls sent. Pacing itself is in the clients (harness/targets/pacer.ts): each call waits
   * until it is at least its interval + PACE_TOLERANCE_MS after the previous answer of its rate key.
   * What the harness spaces itself (a job's polls) waits with `wait`.
   */
  readonly pacing: PacingTally;
  /** Waits `ms` on the target's clock: moves it where the harness can, sleeps otherwise (a job's polls). */
  wait(ms: number): Promise<void>;
  /** On AWS: the messages AWS was asked to send, per `service channel` (checked against its quotas). */
  readonly messages?: MessageTally;
  /**
   * Set when a call got no answer at all (a hang, a refused or dropped connection): later calls
   * fail at once instead of each waiting out its timeout, so a dead target costs seconds.
   */
  unanswered?: string;
  /** Names for the resources of one property run. */
  newNaming(): Naming;
  /** What every name of this target's runs is made of: `avc-<runTag>-<n>-...` under `baseDomain` (a recording keeps both). */
  readonly runTag: string;
  readonly baseDomain: string;
  /** A fresh state for the next property run, where the target can give one. */
  reset(): Promise<void>;
  close(): Promise<void>;
}
