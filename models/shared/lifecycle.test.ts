import { describe, expect, it } from 'vitest';
import { DEADLINE_TOLERANCE_MS, HOUR, instant } from './clock.ts';
import { allowedPhases, confirm, deadlinePosition, settle, startVerification, surelyFailed } from './lifecycle.ts';

const T0 = 1_000_000;
const email = startVerification(instant(T0, T0 + 5), 24 * HOUR, false);
const domain = startVerification(instant(T0, T0 + 5), 72 * HOUR, true);
const at = (ms: number) => instant(T0 + ms, T0 + ms + 5);

describe('verification lifecycle', () => {
  it('is pending before the window ends, failed after, and either at the edge', () => {
    expect([...allowedPhases(email, at(HOUR))]).toEqual(['pending']);
    expect([...allowedPhases(email, at(25 * HOUR))]).toEqual(['failed']);
    expect(new Set(allowedPhases(email, at(24 * HOUR)))).toEqual(new Set(['pending', 'failed']));
    expect(deadlinePosition(email, at(24 * HOUR - DEADLINE_TOLERANCE_MS - 10))).toBe('before');
    expect(deadlinePosition(email, at(24 * HOUR + DEADLINE_TOLERANCE_MS + 10))).toBe('after');
  });

  it('is verified at once after a confirmation in time, and never by a late one', () => {
    expect([...allowedPhases(confirm(email, at(HOUR)), at(30 * HOUR))]).toEqual(['verified']);
    const late = confirm(email, at(25 * HOUR));
    expect(late.confirmedAt).toBeUndefined();
    expect(surelyFailed(late, at(26 * HOUR))).toBe(true);
  });

  it('lets an eventual detection take until the window ends, then demands it', () => {
    const published = confirm(domain, at(HOUR));
    expect(new Set(allowedPhases(published, at(2 * HOUR)))).toEqual(new Set(['pending', 'verified']));
    expect([...allowedPhases(published, at(73 * HOUR))]).toEqual(['verified']);
    expect([...allowedPhases(settle(published), at(2 * HOUR))]).toEqual(['verified']);
  });

  it('refuses to model a confirmation it cannot judge', () => {
    expect(() => confirm(email, at(24 * HOUR))).toThrow(/boundary/);
  });
});
