// The checks every property is written with. Each names the rule it checks: when it holds it is
// counted in the ledger; when it does not, the run ends with a ConformanceFailure for that rule.
import type { z } from 'zod';
import { isClientError, isServerError, type ObservedError } from '../../models/shared/aws-error.ts';
import type { RuleId } from '../../spec/index.ts';
import type { CallResult } from './call.ts';
import type { RunContext } from './context.ts';
import { ConformanceFailure } from './failure.ts';

export interface Mismatch { message: string; expected: string; actual: string }

export function fail(ctx: RunContext, ruleId: RuleId, operation: string, mismatch: Mismatch): never {
  // JSON.stringify(undefined) is undefined: a missing value must still read as one.
  const text = (value: string | undefined) => value ?? 'undefined';
  throw new ConformanceFailure(ruleId, operation, mismatch.message, text(mismatch.expected), text(mismatch.actual), ctx.evidence());
}

export function checkThat(ctx: RunContext, ruleId: RuleId, operation: string, holds: boolean, mismatch: () => Mismatch): void {
  if (!holds) fail(ctx, ruleId, operation, mismatch());
  ctx.held(ruleId);
}

const describeError = (e: ObservedError) => `${e.code} (HTTP ${e.httpStatus}): ${e.message}`;

/** The call succeeded, as the documents say it does. */
export function expectSuccess<O>(ctx: RunContext, ruleId: RuleId, operation: string, result: CallResult<O>, expected: string): O {
  if (!result.ok) fail(ctx, ruleId, operation, { message: `answered an error where the call should succeed`, expected, actual: describeError(result.error) });
  ctx.held(ruleId);
  return result.output;
}

/** The call was rejected with an AWS client error (4xx), never accepted and never a 5xx. */
export function expectRejected(
  ctx: RunContext,
  ruleId: RuleId,
  operation: string,
  result: CallResult<unknown>,
  expected: string,
  codes?: readonly string[],
): ObservedError {
  if (result.ok) fail(ctx, ruleId, operation, { message: 'accepted a request the documents say is invalid', expected, actual: `success: ${JSON.stringify(stripMetadata(result.output))}` });
  const { error } = result;
  if (isServerError(error)) fail(ctx, ruleId, operation, { message: 'answered a server error (5xx) for a client mistake', expected, actual: describeError(error) });
  if (!isClientError(error)) fail(ctx, ruleId, operation, { message: 'answered a non-error status for a rejected request', expected, actual: describeError(error) });
  if (codes && !codes.includes(error.code)) {
    fail(ctx, ruleId, operation, { message: `rejected with an undocumented error code`, expected: `${expected}; one of ${codes.join(', ')}`, actual: describeError(error) });
  }
  ctx.held(ruleId);
  return error;
}

/** The value parses with the documented schema. */
export function expectShape<T extends z.ZodType>(ctx: RunContext, ruleId: RuleId, operation: string, schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(stripMetadata(value));
  if (!parsed.success) {
    fail(ctx, ruleId, operation, {
      message: 'answered a response that does not match the documented shape',
      expected: 'the documented response shape',
      actual: `${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')} in ${JSON.stringify(stripMetadata(value))}`,
    });
  }
  ctx.held(ruleId);
  return parsed.data;
}

export function expectMember(ctx: RunContext, ruleId: RuleId, operation: string, what: string, allowed: Iterable<string>, actual: unknown): void {
  const values = [...allowed];
  checkThat(ctx, ruleId, operation, typeof actual === 'string' && values.includes(actual), () => ({
    message: `${what} is not one of the allowed values`,
    expected: values.join(' | '),
    actual: JSON.stringify(actual),
  }));
}

export function stripMetadata(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !('$metadata' in value)) return value;
  const { $metadata: _ignored, ...rest } = value as Record<string, unknown>;
  return rest;
}
