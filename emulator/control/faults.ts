// The fault catalog: named, documented deviations from AWS behaviour, off by default. Each
// service's faults file defines its entries; handlers ask `on(id)` where a fault would bend them.
import type { FaultInfo } from '../types.ts';

class UnknownFaultError extends Error {
  constructor(readonly faultId: string) {
    super(`unknown fault id: ${faultId}`);
    this.name = 'UnknownFaultError';
  }
}

export interface FaultRegistry {
  define(fault: FaultInfo): void;
  /** Whether a fault is switched on; an undefined id is a programming error and throws. */
  on(id: string): boolean;
  catalog(): FaultInfo[];
  enable(id: string): void;
  disable(id: string): void;
  enabled(): string[];
  has(id: string): boolean;
}

export function createFaultRegistry(): FaultRegistry {
  const defined = new Map<string, FaultInfo>();
  const switchedOn = new Set<string>();
  const known = (id: string) => {
    if (!defined.has(id)) throw new UnknownFaultError(id);
  };
  return {
    define(fault) {
      if (defined.has(fault.id)) throw new Error(`fault defined twice: ${fault.id}`);
      defined.set(fault.id, { ...fault });
    },
    on(id) {
      if (switchedOn.has(id)) return true;
      known(id);
      return false;
    },
    catalog: () => [...defined.values()].map((f) => ({ ...f })),
    enable(id) {
      known(id);
      switchedOn.add(id);
    },
    disable(id) {
      known(id);
      switchedOn.delete(id);
    },
    enabled: () => [...switchedOn],
    has: (id) => defined.has(id),
  };
}
