// What a property run carries: the target, the names of this run's resources, the trace of
// calls so far (for counterexamples), the last step's exchanges, and the ledger of checks held.
import { instant, type Instant } from '../../models/shared/clock.ts';
import type { Naming, Target } from '../../harness/targets/target.ts';
import type { Exchange } from '../../harness/transport/exchange.ts';
import type { StepEvidence } from './failure.ts';

/** Per rule id: how many checks of it held. Shared by every run of one property. */
export type Ledger = Map<string, number>;

export class RunContext {
  readonly trace: string[] = [];
  lastExchanges: Exchange[] = [];

  constructor(
    readonly target: Target,
    readonly ledger: Ledger,
    readonly naming: Naming,
  ) {}

  now(): number {
    return this.target.now();
  }

  /** The interval from `from` to now: when something happened, as precisely as the harness knows. */
  since(from: number): Instant {
    return instant(from, this.now());
  }

  note(line: string): void {
    this.trace.push(line);
  }

  evidence(): StepEvidence {
    return { trace: [...this.trace], exchanges: this.lastExchanges };
  }

  held(ruleId: string): void {
    this.ledger.set(ruleId, (this.ledger.get(ruleId) ?? 0) + 1);
  }
}
