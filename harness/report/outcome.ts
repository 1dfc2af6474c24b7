// What one property run tells about each rule it covers: the verdicts the reporter aggregates.
// Zod schemas, because outcomes cross from vitest workers to the reporter as plain data.
import { z } from 'zod';
import { SERVICES } from '../../services/index.ts';

/**
 * pass: the target's answers were compared with what the rule states and held, and none broke it ·
 * fail: an answer broke the rule · error: no usable answer (a hang, a dropped connection, garbage) ·
 * not-implemented: the target says it does not know an operation the rule needs · skipped: the
 * target lacks a capability the rule needs · inconclusive: not exercised, or blocked by a rule it
 * depends on that failed · known: a divergence recorded in the baseline.
 */
export const RULE_STATUSES = ['pass', 'fail', 'skipped', 'inconclusive', 'error', 'not-implemented', 'known'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

const ExchangeSchema = z.object({
  at: z.string(),
  durationMs: z.number(),
  request: z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.string() }),
  response: z.object({ status: z.number(), headers: z.record(z.string(), z.string()), body: z.string() }).optional(),
  error: z.string().optional(),
});

export const FailureDetail = z.object({
  message: z.string(),
  operation: z.string(),
  expected: z.string(),
  actual: z.string(),
  property: z.string(),
  seed: z.number(),
  path: z.string().optional(),
  /** The shrunk sequence, as AWS CLI calls (and out-of-band steps) a person can paste. */
  counterexample: z.array(z.string()),
  /** The HTTP exchange(s) of the failing step, redacted. */
  exchanges: z.array(ExchangeSchema),
  reproduce: z.string(),
});
export type FailureDetail = z.infer<typeof FailureDetail>;

/** What was observed to hold, at which boundary or case (`101 identities → rejected`), how often. */
export const Observation = z.object({ observed: z.string(), count: z.number().int() });
export type Observation = z.infer<typeof Observation>;

export const RuleVerdict = z.object({
  ruleId: z.string(),
  status: z.enum(RULE_STATUSES),
  /** How many times a check of this rule held. */
  checks: z.number().int(),
  observations: z.array(Observation).optional(),
  /** How many times the rule broke: once where found, then in the passes that went on checking the other rules. */
  broke: z.number().int().optional(),
  reason: z.string().optional(),
  failure: FailureDetail.optional(),
});
export type RuleVerdict = z.infer<typeof RuleVerdict>;

export const TargetInfo = z.object({
  kind: z.enum(['reference', 'endpoint', 'aws', 'replay']),
  label: z.string(),
  region: z.string(),
  capabilities: z.array(z.string()),
  version: z.string().optional(),
});
export type TargetInfo = z.infer<typeof TargetInfo>;

export const PropertyOutcome = z.object({
  property: z.string(),
  target: TargetInfo.optional(),
  service: z.enum(SERVICES),
  status: z.enum(['passed', 'failed', 'errored', 'skipped']),
  seed: z.number(),
  numRuns: z.number().int(),
  durationMs: z.number(),
  reason: z.string().optional(),
  warnings: z.array(z.string()).default([]),
  verdicts: z.array(RuleVerdict),
  /** A dry run's plan: the calls each run made, in order (AWS CLI form). */
  plannedCalls: z.array(z.array(z.string())).optional(),
  /** A dry run's budget for the property, every pass included: what the real run would cost the account. */
  budget: z
    .object({
      /** Waiting for AWS's rates (and for jobs), on the target clock. */
      pacingMs: z.number(),
      /** Calls sent, by `service Operation`. */
      calls: z.record(z.string(), z.number().int()),
      /** Messages AWS would send, by `service channel`. */
      messages: z.record(z.string(), z.number().int()),
    })
    .optional(),
});
export type PropertyOutcome = z.infer<typeof PropertyOutcome>;
