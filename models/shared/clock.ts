// Time in the abstract models. A target's clock is only ever read around a call, so an event's
// time is an interval (when the call started, when it answered), never a point.

const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/**
 * Slack when comparing elapsed time with a documented window ("within 24 hours"): covers the
 * harness's own pacing, round trips, and the fact that AWS does not promise expiry to the second.
 * Checks never judge an observation made this close to a deadline.
 */
export const DEADLINE_TOLERANCE_MS = 10 * MINUTE;

export interface Instant {
  readonly from: number;
  readonly to: number;
}

export const instant = (from: number, to: number = from): Instant => ({ from, to });
