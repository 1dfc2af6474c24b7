// conformance.json: the report of one run, validated by this schema before it is written and
// when it is read back (merge, diff, baselines).
import { z } from 'zod';
import { SERVICES } from '../../services/index.ts';
import { RULE_BASES } from '../../spec/rule.ts';
import { FailureDetail, Observation, RULE_STATUSES, TargetInfo } from './outcome.ts';

export const RuleResult = z.object({
  id: z.string(),
  service: z.enum(SERVICES),
  operation: z.string(),
  kind: z.string(),
  status: z.enum(RULE_STATUSES),
  statement: z.string(),
  quote: z.string(),
  source: z.string(),
  /** What the rule rests on: a document's sentence, an API-model element, or an assumption (absent from reports written before it was recorded). */
  basis: z.enum(RULE_BASES).optional(),
  /** For an assumption: why the check is reasonable, and the public source, if any, that supports it. */
  assumption: z.object({ reason: z.string(), publicSource: z.string().optional() }).optional(),
  needs: z.array(z.string()).optional(),
  contradiction: z.object({ note: z.string(), reading: z.string(), readings: z.record(z.string(), z.string()).optional() }).optional(),
  /** How many checks of the rule held, across properties. */
  checks: z.number().int(),
  /** What held, by boundary or case, across properties. */
  observations: z.array(Observation).default([]),
  /** How many times it broke, across properties. */
  broke: z.number().int().optional(),
  /** The rules it depends on that failed: its own observations cannot be trusted. */
  blockedBy: z.array(z.string()).optional(),
  properties: z.array(z.string()),
  reason: z.string().optional(),
  failure: FailureDetail.optional(),
  /** With a baseline: the status the rule had before the baseline marked it `known`. */
  baselineStatus: z.enum(RULE_STATUSES).optional(),
  /** Why a rule is `known`: an emulator's baseline (`--baseline`), or AWS fails it the same way (baselines/aws.json). */
  knownBecause: z.enum(['baseline', 'aws']).optional(),
});
export type RuleResult = z.infer<typeof RuleResult>;

export const Summary = z.object({
  total: z.number().int(),
  pass: z.number().int(),
  fail: z.number().int(),
  skipped: z.number().int(),
  inconclusive: z.number().int(),
  error: z.number().int(),
  'not-implemented': z.number().int(),
  known: z.number().int(),
});
export type Summary = z.infer<typeof Summary>;

const PropertySummary = z.object({
  property: z.string(),
  service: z.enum(SERVICES),
  status: z.enum(['passed', 'failed', 'errored', 'skipped']),
  numRuns: z.number().int(),
  durationMs: z.number(),
  reason: z.string().optional(),
  warnings: z.array(z.string()),
});

export const ConformanceReport = z.object({
  schemaVersion: z.literal(1),
  runId: z.string(),
  target: TargetInfo,
  seed: z.number().int(),
  runs: z.number().int(),
  services: z.array(z.enum(SERVICES)),
  startedAt: z.string(),
  durationMs: z.number(),
  summary: Summary,
  rules: z.array(RuleResult),
  properties: z.array(PropertySummary),
  /** What kept the harness from running part of the suite (a module that failed to load, a target that could not be opened). */
  errors: z.array(z.string()),
});
export type ConformanceReport = z.infer<typeof ConformanceReport>;
