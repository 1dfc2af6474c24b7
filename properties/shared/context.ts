// What a property run carries: the target, the names of this run's resources, the trace of
// calls so far (for counterexamples), the last step's exchanges, and the evidence gathered: per
// rule, what was observed to hold (by boundary or case) and how often an earlier-found failure
// recurred while the run went on checking the other rules.
import { instant, type Instant } from '../../models/shared/clock.ts';
import type { Naming, Target } from '../../harness/targets/target.ts';
import type { Exchange } from '../../harness/transport/exchange.ts';
import type { RuleId } from '../../services/index.ts';
import type { StepEvidence } from './failure.ts';

/** Per rule id, per observation (`101 identities → rejected`), how many times it held. */
export type Ledger = Map<RuleId, Map<string, number>>;

/** What one fast-check pass over a property gathers, shared by all its runs. */
export interface Evidence {
  held: Ledger;
  /** Rules already known to fail (found in an earlier pass): how often they broke again. */
  broken: Map<RuleId, number>;
  /** Why runs ended early without a verdict on anything (an unrelated answer: throttling, a quota), counted. */
  stopped: Map<string, number>;
  /** Rules whose calls got no usable answer from an operation already found answering none: rule → operation. */
  unanswered: Map<RuleId, string>;
}

export const newEvidence = (): Evidence => ({ held: new Map(), broken: new Map(), stopped: new Map(), unanswered: new Map() });

/** How many checks of a rule held, over all its observations. */
export const heldCount = (ledger: Ledger, ruleId: RuleId): number => [...(ledger.get(ruleId)?.values() ?? [])].reduce((a, b) => a + b, 0);

export class RunContext {
  readonly trace: string[] = [];
  lastExchanges: Exchange[] = [];
  /** A check of an already-failed rule broke during the current step: the model may no longer match the target. */
  brokeInStep = false;

  constructor(
    readonly target: Target,
    readonly gathered: Evidence,
    readonly naming: Naming,
    /** Rules already found failing: their checks are recorded, not fatal, so the others go on being checked. */
    readonly tolerated: ReadonlySet<RuleId> = new Set(),
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

  /**
   * A check of `ruleId` compared an answer of the target with what the rule states, and it held.
   * `observed` says what was seen, at which boundary (`101 identities → rejected`); the report counts them.
   */
  held(ruleId: RuleId, observed: string): void {
    const observations = this.gathered.held.get(ruleId) ?? new Map<string, number>();
    observations.set(observed, (observations.get(observed) ?? 0) + 1);
    this.gathered.held.set(ruleId, observations);
  }

  /** A check of an already-failed rule broke again: counted, and the run goes on with the other rules. */
  brokeAgain(ruleId: RuleId): void {
    this.gathered.broken.set(ruleId, (this.gathered.broken.get(ruleId) ?? 0) + 1);
    this.brokeInStep = true;
  }
}
