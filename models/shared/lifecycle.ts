// The verification lifecycle that SES, Pinpoint Email and Lightsail document alike: pending
// until confirmed (a link followed, a DNS record published), failed if not confirmed within a
// window. Each service maps these phases to its own status names.
import { DEADLINE_TOLERANCE_MS, type Instant } from './clock.ts';

export type Phase = 'pending' | 'verified' | 'failed';

export interface TimedVerification {
  readonly startedAt: Instant;
  readonly windowMs: number;
  /** When the owner confirmed (followed the link, published the record), if they did in time. */
  readonly confirmedAt?: Instant;
  /** True when the service detects a confirmation on its own schedule (DNS), false when at once. */
  readonly eventualDetection: boolean;
  /** An eventual detection has been seen to happen: from now on only `verified` is allowed. */
  readonly settled?: boolean;
}

export type DeadlinePosition = 'before' | 'after' | 'boundary';

/** Where `at` lies relative to the end of the window: surely before, surely after, or too close to judge. */
export function deadlinePosition(v: TimedVerification, at: Instant): DeadlinePosition {
  const latestElapsed = at.to - v.startedAt.from;
  const earliestElapsed = at.from - v.startedAt.to;
  if (latestElapsed < v.windowMs - DEADLINE_TOLERANCE_MS) return 'before';
  if (earliestElapsed > v.windowMs + DEADLINE_TOLERANCE_MS) return 'after';
  return 'boundary';
}

export function startVerification(at: Instant, windowMs: number, eventualDetection: boolean): TimedVerification {
  return { startedAt: at, windowMs, eventualDetection };
}

/** The phases a documented target may report at `at`. */
export function allowedPhases(v: TimedVerification, at: Instant): ReadonlySet<Phase> {
  const position = deadlinePosition(v, at);
  if (v.confirmedAt) {
    if (!v.eventualDetection || v.settled || position === 'after') return new Set(['verified']);
    return new Set(['pending', 'verified']);
  }
  if (position === 'before') return new Set(['pending']);
  if (position === 'after') return new Set(['failed']);
  return new Set(['pending', 'failed']);
}

/** Confirming is only modelled where its effect is certain: surely inside or surely outside the window. */
export function confirm(v: TimedVerification, at: Instant): TimedVerification {
  const position = deadlinePosition(v, at);
  if (position === 'boundary') throw new Error('confirm() called at the deadline boundary; the command must not be generated there');
  return position === 'before' && !v.confirmedAt ? { ...v, confirmedAt: at } : v;
}

export function settle(v: TimedVerification): TimedVerification {
  return v.confirmedAt && !v.settled ? { ...v, settled: true } : v;
}

/** Surely failed at `at`: the window has passed without a confirmation. */
export function surelyFailed(v: TimedVerification, at: Instant): boolean {
  return !v.confirmedAt && deadlinePosition(v, at) === 'after';
}

export function surelyPending(v: TimedVerification, at: Instant): boolean {
  return !v.confirmedAt && deadlinePosition(v, at) === 'before';
}
