// Pacing and retries for every SDK call a target's clients make, as one middleware: a call whose
// operation has a rate on this target waits until the previous call of its rate key was answered
// at least the interval (plus a margin) before; on the aws target a throttled or quota answer to a
// call that no throttle rule judges is waited out and sent again, a bounded number of times.
// What a call was paced and retried by is handed back to call() through an AsyncLocalStorage scope.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AbsoluteLocation, InitializeHandlerOptions, InitializeMiddleware } from '@smithy/types';
import { isThrottling, type ObservedError } from '../../models/shared/aws-error.ts';
import { memberOf } from '../../models/shared/record.ts';
import type { CommandInput } from '../../services/manifest.ts';
import { PACE_TOLERANCE_MS } from './target.ts';

/** How a call is paced: calls of one key (an operation, or a Cognito category) keep `intervalMs` apart. */
export interface PaceRate {
  key: string;
  intervalMs: number;
}

/**
 * Bounded retries of throttled and quota answers, with exponential backoff, as AWS advises
 * ("Error retries and exponential backoff in AWS", https://docs.aws.amazon.com/general/latest/gr/api-retries.html:
 * "retry ... using progressively longer waits between retries").
 */
export interface RetryPolicy {
  /** Retries of a throttled answer; the n-th waits max(interval, 1 s) × 2^n, at most 30 s. */
  throttled: number;
  /** Retries of a quota answer (LimitExceededException and kin); the n-th waits quotaWaitMs × 2^n. */
  quota: number;
  quotaWaitMs: number;
}

/** The aws target's policy: a rate exceeded by other callers in the account passes within seconds; a quota may take a minute. */
export const AWS_RETRY_POLICY: RetryPolicy = { throttled: 4, quota: 2, quotaWaitMs: 30_000 };

/**
 * Codes of a quota answer: a limit on how much, not how fast (Cognito's LimitExceededException:
 * "This exception is thrown when a user exceeds the limit for a requested Amazon Web Services
 * resource", https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAttributeVerificationCode.html).
 */
const QUOTA_CODES: readonly string[] = ['LimitExceededException'];

/** What one call() learns of its pacing: filled in by the middleware. */
export interface CallScope {
  /** A throttle rule judges this call: a throttled answer is its verdict, never retried. */
  readonly judgesThrottling: boolean;
  /** Sent at once, whatever its rate (the throttle rule's burst); still counts for the next call. */
  readonly unpaced: boolean;
  /** ms from the previous answer of its key to this sending, where there was a previous call. */
  gap?: number;
  /** Each answer waited out and sent again, as a person would read it. */
  retried: string[];
  /** Set when the retries ran out: why the call's answer is no verdict. */
  gaveUp?: string;
}

const scopes = new AsyncLocalStorage<CallScope>();

/** Runs `send` with a scope its pacing and retries are written to. */
export function inCallScope<T>(scope: CallScope, send: () => Promise<T>): Promise<T> {
  return scopes.run(scope, send);
}

/** An SDK error as far as retrying needs it: its code and HTTP status. */
function answeredError(error: unknown): ObservedError | undefined {
  const status = memberOf(memberOf(error, '$metadata'), 'httpStatusCode');
  const code = memberOf(error, 'Code') ?? memberOf(error, 'name');
  if (typeof status !== 'number' || typeof code !== 'string') return undefined;
  return { code, message: String(memberOf(error, 'message') ?? ''), httpStatus: status };
}

const isQuota = (e: ObservedError) => e.httpStatus >= 400 && e.httpStatus < 500 && QUOTA_CODES.includes(e.code);

/** Pacing margin (see PACE_TOLERANCE_MS): a virtual clock is exact; a real one drifts, so 10% + 100 ms. */
const realMargin = (intervalMs: number) => Math.max(PACE_TOLERANCE_MS, Math.ceil(intervalMs * 0.1) + 100);

interface PacerOptions {
  now: () => number;
  /** Waits on the target's clock: moving it where the harness can, sleeping otherwise. */
  wait: (ms: number) => Promise<void>;
  virtualClock: boolean;
  /** The rate of an operation in a region on this target; undefined: not paced here. */
  rateOf: (service: string, operation: string, region: string) => PaceRate | undefined;
  retry?: RetryPolicy;
}

/** What the pacing of a run has cost and done: a dry run reports it as the real run's budget. */
export interface PacingTally {
  /** Time spent waiting for rates and retries, on the target's clock. */
  waitedMs: number;
  /** Calls sent, by `service Operation`. */
  calls: Map<string, number>;
}

export class Pacer {
  /** Per rate key: when its last call was answered (or, until it is, sent), on the target clock. */
  private readonly lastCall = new Map<string, number>();
  readonly tally: PacingTally = { waitedMs: 0, calls: new Map() };

  constructor(private readonly options: PacerOptions) {}

  /** Waits `ms` on the target's clock (moving it where the harness can), counted in the tally. */
  async wait(ms: number): Promise<void> {
    this.tally.waitedMs += ms;
    await this.options.wait(ms);
  }

  /**
   * Waits until a call keyed `key` may be sent: `intervalMs` plus the margin after the previous
   * one's answer. Returns the gap from that answer to now, or undefined for the key's first call.
   */
  async pace(key: string, intervalMs: number): Promise<number | undefined> {
    const { now } = this.options;
    const previous = this.lastCall.get(key);
    const start = now();
    let gap: number | undefined;
    if (previous !== undefined && previous <= start) {
      const wanted = intervalMs + (this.options.virtualClock ? PACE_TOLERANCE_MS : realMargin(intervalMs));
      const wait = previous + wanted - start;
      if (wait > 0) await this.wait(wait);
      // What was waited, not a re-read of the clock: a test's wait may move the server's clock only.
      gap = start - previous + Math.max(0, wait);
    }
    // Until paced(key) marks the answer, the call counts from its sending.
    this.lastCall.set(key, now());
    return gap;
  }

  /** Marks the call keyed `key` as answered now: the next one counts from here. */
  paced(key: string): void {
    this.lastCall.set(key, this.options.now());
  }

  /** A reset target starts afresh (its throttling state too), and its clock may have moved back. */
  forget(): void {
    this.lastCall.clear();
  }

  /** How long to wait before sending a call again after `error`, or undefined: no retry. */
  private retryWait(error: unknown, retries: number, rate: PaceRate | undefined, scope: CallScope | undefined): number | undefined {
    const policy = this.options.retry;
    const answered = answeredError(error);
    if (!policy || !answered || scope?.judgesThrottling) return undefined;
    if (isThrottling(answered) && retries < policy.throttled) return Math.min(30_000, Math.max(rate?.intervalMs ?? 0, 1_000) * 2 ** retries);
    if (isQuota(answered) && retries < policy.quota) return policy.quotaWaitMs * 2 ** retries;
    if (scope && (isThrottling(answered) || isQuota(answered)))
      scope.gaveUp = `AWS still answered ${answered.code} (HTTP ${answered.httpStatus}) after ${retries} retries: ${answered.message}`.trim();
    return undefined;
  }

  /** The middleware for one client: `service`'s calls in `region`. */
  middleware(
    service: string,
    region: string,
  ): { middleware: InitializeMiddleware<CommandInput, object>; options: InitializeHandlerOptions & AbsoluteLocation } {
    const middleware: InitializeMiddleware<CommandInput, object> = (next, context) => async (args) => {
      const operation = String(context.commandName).replace(/Command$/, '');
      const scope = scopes.getStore();
      const rate = this.options.rateOf(service, operation, region);
      for (let retries = 0; ; retries++) {
        const gap = rate && !scope?.unpaced ? await this.pace(rate.key, rate.intervalMs) : undefined;
        if (scope && retries === 0) scope.gap = gap;
        const counted = `${service} ${operation}`;
        this.tally.calls.set(counted, (this.tally.calls.get(counted) ?? 0) + 1);
        try {
          return await next(args);
        } catch (error) {
          const wait = this.retryWait(error, retries, rate, scope);
          if (wait === undefined) throw error;
          const answered = answeredError(error)!;
          scope?.retried.push(`${operation}: ${answered.code} (HTTP ${answered.httpStatus}), waited ${wait} ms and sent it again`);
          await this.wait(wait);
        } finally {
          if (rate) this.paced(rate.key);
        }
      }
    };
    // Low priority: after the aws target's guards, so a refused call waits for nothing.
    return { middleware, options: { step: 'initialize', name: 'conformancePacer', priority: 'low' } };
  }
}
