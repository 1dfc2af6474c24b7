// The ways a step can end a property run: the target answered and broke a documented rule
// (ConformanceFailure), gave no usable answer (TargetError), lacks the operation
// (NotImplementedError), or answered what is no verdict (RunStopped); or the user's guards refused
// the call (RefusedError).
import type { Exchange } from '../../harness/transport/exchange.ts';
import type { RuleId } from '../../services/index.ts';

export interface StepEvidence {
  /** Every call and out-of-band step of the run so far, as a person would replay it. */
  trace: string[];
  exchanges: Exchange[];
}

export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
  constructor(
    readonly ruleId: RuleId,
    readonly operation: string,
    message: string,
    readonly expected: string,
    readonly actual: string,
    readonly evidence: StepEvidence,
  ) {
    super(`${ruleId}: ${message}`);
  }
}

export class TargetError extends Error {
  override readonly name = 'TargetError';
  constructor(
    readonly ruleIds: readonly RuleId[],
    readonly operation: string,
    message: string,
    readonly evidence: StepEvidence,
    /** The target stopped answering altogether: nothing else in the property can be checked either. */
    readonly silent = false,
  ) {
    super(message);
  }
}

/** The target's guard refused the call before sending it (mail or SMS outside what the user allowed). */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
  constructor(
    readonly ruleIds: readonly RuleId[],
    message: string,
  ) {
    super(message);
  }
}

/** The target said it does not know an operation a rule needs (404/501, UnknownOperation, ...). */
export class NotImplementedError extends Error {
  override readonly name = 'NotImplementedError';
  constructor(
    readonly operation: string,
    message: string,
    readonly evidence: StepEvidence,
    /** The rules the call was made for: they cannot be checked without the operation. */
    readonly ruleIds: readonly RuleId[] = [],
  ) {
    super(message);
  }
}

/**
 * The run cannot go on, for a reason that is no verdict on the rules still to check: an already
 * failed rule broke again where its answer was needed, or the target gave an answer unrelated to
 * the rule under test (throttling, a quota). fast-check counts the run as passed; the reason is counted.
 */
export class RunStopped extends Error {
  override readonly name = 'RunStopped';
  constructor(readonly reason: string) {
    super(reason);
  }
}
