// Virtual time: real time plus an offset. Time flows normally for a person using the server,
// and the harness jumps forward with `advance` to cross the 24 h / 72 h verification windows.

export interface Clock {
  /** Epoch milliseconds, virtual. */
  now(): number;
  /** Moves virtual time forward; time never moves backwards. */
  advance(ms: number): void;
  /** Drops the offset, back to real time. */
  reset(): void;
}

export function createClock(): Clock {
  // performance.now() is monotonic; Date.now() alone can jump when the host clock is adjusted.
  const epochAtStart = Date.now();
  const monotonicAtStart = performance.now();
  let offset = 0;
  return {
    now: () => Math.floor(epochAtStart + (performance.now() - monotonicAtStart) + offset),
    advance(ms: number) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`clock.advance needs a finite number of milliseconds >= 0, got ${String(ms)}`);
      }
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}
