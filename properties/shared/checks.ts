// The checks every property is written with. Each names the rule it checks and, where it matters,
// what it observed (`101 identities → rejected`): when it holds, that observation is counted as
// evidence for the rule; when it does not, the run ends with a ConformanceFailure for that rule.
// A rule already found failing (ctx.tolerated) is recorded instead, so the run goes on checking the
// others. Only a comparison of the target's answer with the rule's statement is evidence: a
// set-up call's success is not (expectSetup).
import type { z } from 'zod';
import type { ObservedError } from '../../models/shared/aws-error.ts';
import { manifestOf, ruleById, type RuleId } from '../../services/index.ts';
import type { CallResult } from './call.ts';
import type { RunContext } from './context.ts';
import { judgeError, unrelatedCause, type DocumentedErrors } from './documented-errors.ts';
import { ConformanceFailure, RunStopped, TargetError } from './failure.ts';

export interface Mismatch {
  message: string;
  expected: string;
  actual: string;
}

/** The rule broke. A rule already known to fail is counted again and the run stops: what follows would rest on a broken answer. */
export function fail(ctx: RunContext, ruleId: RuleId, operation: string, mismatch: Mismatch): never {
  if (ctx.tolerated.has(ruleId)) {
    ctx.brokeAgain(ruleId);
    throw new RunStopped(`stopped at ${ruleId}, already found failing`);
  }
  // JSON.stringify(undefined) is undefined: a missing value must still read as one.
  const text = (value: string | undefined) => value ?? 'undefined';
  throw new ConformanceFailure(ruleId, operation, mismatch.message, text(mismatch.expected), text(mismatch.actual), ctx.evidence());
}

/** The run cannot go on for a reason that is no verdict on any rule (throttling, a quota, a server fault on a valid request). */
export function stop(reason: string): never {
  throw new RunStopped(reason);
}

/** Whether the check held. A rule already known to fail is counted and the run goes on; any other fails the run. */
export function checkThat(ctx: RunContext, ruleId: RuleId, operation: string, holds: boolean, mismatch: () => Mismatch, observed: string = operation): boolean {
  if (holds) {
    ctx.held(ruleId, observed);
    return true;
  }
  if (ctx.tolerated.has(ruleId)) {
    ctx.brokeAgain(ruleId);
    return false;
  }
  fail(ctx, ruleId, operation, mismatch());
}

/** A comparison that saw nothing the rule is about: only a break is recorded, a hold is no evidence. */
export function breakIf(ctx: RunContext, ruleId: RuleId, operation: string, holds: boolean, mismatch: () => Mismatch): boolean {
  return holds || checkThat(ctx, ruleId, operation, false, mismatch);
}

/** Evidence where `observed` names a case the rule speaks of; otherwise only a break counts. */
export function judge(ctx: RunContext, ruleId: RuleId, operation: string, holds: boolean, mismatch: () => Mismatch, observed?: string): boolean {
  return observed ? checkThat(ctx, ruleId, operation, holds, mismatch, observed) : breakIf(ctx, ruleId, operation, holds, mismatch);
}

/** Checks whose break leaves the model as true as before (enums, an answer's fields): a tolerated break in them does not end a model step. */
export function sparing<T>(ctx: RunContext, checks: () => T): T {
  const before = ctx.brokeInStep;
  try {
    return checks();
  } finally {
    ctx.brokeInStep = before;
  }
}

const describeError = (e: ObservedError) => `${e.code} (HTTP ${e.httpStatus}): ${e.message}`;

/** The documented-errors rule of the rule's service judges `error`; an unrelated error (a rate, a quota, a server fault on a valid call) stops the run. */
function judgeErrorAnswer(ctx: RunContext, ruleId: RuleId, operation: string, error: ObservedError, clientMistake: boolean): void {
  const unrelated = unrelatedCause(error, clientMistake);
  if (unrelated) stop(`${operation} answered ${unrelated}`);
  const errors: DocumentedErrors = manifestOf(ruleById(ruleId).service).documentedErrors;
  const verdict = judgeError(errors, operation, error, clientMistake);
  if (verdict.holds) {
    // Where the documented-errors rule is itself the rule under test, the caller credits the answer once.
    if (errors.rule !== ruleId) ctx.held(errors.rule, verdict.observed);
  }
  // The answer is no evidence on the rule under test either way: the run cannot go on with it.
  else
    checkThat(ctx, errors.rule, operation, false, () => ({ message: verdict.message, expected: verdict.expected, actual: describeError(error) })) ||
      stop(`stopped at ${errors.rule}, already found failing`);
}

/** The call succeeded, as the rule says it must: evidence for the rule (observed as `observed`). */
export function expectSuccess<O>(
  ctx: RunContext,
  ruleId: RuleId,
  operation: string,
  result: CallResult<O>,
  expected: string,
  observed = `${operation} → accepted`,
): O {
  if (!result.ok) {
    judgeErrorAnswer(ctx, ruleId, operation, result.error, false);
    fail(ctx, ruleId, operation, { message: 'answered an error where the call should succeed', expected, actual: describeError(result.error) });
  }
  ctx.held(ruleId, observed);
  return result.output;
}

/**
 * A set-up call (creating what the rule is then observed on) succeeded. Its success is no evidence
 * for the rule; its refusal of a valid request breaks the rule it was made for, unless the refusal
 * is unrelated (a rate, a quota, a server fault) or an undocumented error (the documented-errors rule).
 */
export function expectSetup<O>(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<O>, expected: string): O {
  if (result.ok) return result.output;
  judgeErrorAnswer(ctx, ruleId, operation, result.error, false);
  fail(ctx, ruleId, operation, { message: 'refused a valid request the rule needs', expected, actual: describeError(result.error) });
}

/**
 * The call was rejected, as the rule says a request breaking its constraint must be. In one order
 * for every service: accepted breaks the rule; a rate or quota is no verdict; a 5xx, an undocumented
 * code or status breaks the service's documented-errors rule; a documented error that is not the
 * one the rule names (`codes`) breaks the rule; otherwise the rejection holds.
 */
export function expectRejected(
  ctx: RunContext,
  ruleId: RuleId,
  operation: string,
  result: CallResult<unknown>,
  expected: string,
  codes?: readonly string[],
  observed?: string,
): ObservedError {
  if (result.ok)
    fail(ctx, ruleId, operation, {
      message: 'accepted a request the documents say is invalid',
      expected,
      actual: `success: ${JSON.stringify(stripMetadata(result.output))}`,
    });
  const { error } = result;
  judgeErrorAnswer(ctx, ruleId, operation, error, true);
  if (codes && !codes.includes(error.code)) {
    fail(ctx, ruleId, operation, {
      message: 'rejected with another error than the documents name',
      expected: `${expected}; one of ${codes.join(', ')}`,
      actual: describeError(error),
    });
  }
  ctx.held(ruleId, observed ?? `${operation} → rejected`);
  return error;
}

/**
 * The value parses with the documented schema. Evidence for the rule only with `observed`, where the
 * shape is what the rule states; a parse before the real comparison only breaks (a schema whose
 * members are all optional accepts `{}`, which compares nothing).
 */
export function expectShape<T extends z.ZodType>(ctx: RunContext, ruleId: RuleId, operation: string, schema: T, value: unknown, observed?: string): z.infer<T> {
  const parsed = schema.safeParse(stripMetadata(value));
  if (!parsed.success) {
    fail(ctx, ruleId, operation, {
      message: 'answered a response that does not match the documented shape',
      expected: 'the documented response shape',
      actual: `${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')} in ${JSON.stringify(stripMetadata(value))}`,
    });
  }
  if (observed !== undefined) ctx.held(ruleId, observed);
  return parsed.data;
}

/** Whether `actual` is one of the allowed values (observed as `<what> <value>`). */
export function expectMember(ctx: RunContext, ruleId: RuleId, operation: string, what: string, allowed: Iterable<string>, actual: unknown): boolean {
  const values = [...allowed];
  const member = typeof actual === 'string' && values.includes(actual);
  return checkThat(
    ctx,
    ruleId,
    operation,
    member,
    () => ({
      message: `${what} is not one of the allowed values`,
      expected: values.join(' | '),
      actual: JSON.stringify(actual),
    }),
    `${what.replace(/ of .*$/, '')} ${String(actual)}`,
  );
}

export function stripMetadata(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !('$metadata' in value)) return value;
  const { $metadata: _ignored, ...rest } = value;
  return rest;
}

/**
 * A set-up call no rule is about (a user pool, a backend, a sign-in; none documents its errors): its
 * answer is used, never judged. A target that cannot do it leaves `rules` unchecked (error), never
 * failed; a rate, a quota or a server fault stops the run with no verdict.
 */
export function setUp<O>(ctx: RunContext, rules: readonly RuleId[], operation: string, result: CallResult<O>): O {
  if (result.ok) return result.output;
  const unrelated = unrelatedCause(result.error, false);
  if (unrelated) stop(`${operation} answered ${unrelated}`);
  throw new TargetError(
    rules,
    operation,
    `set-up ${operation} failed: ${result.error.code} (HTTP ${result.error.httpStatus}) ${result.error.message}`,
    ctx.evidence(),
  );
}
