// Which errors an operation documents, as data per service, and the one check every service's
// errors pass, in one order: a client mistake never gets a 5xx; the code is one the operation
// documents; the status is the one documented for that code. A failure here is charged to the
// service's documented-errors rule, never to the rule whose constraint the request tested.
import type { ObservedError } from '../../models/shared/aws-error.ts';
import { isClientError, isServerError, isThrottling } from '../../models/shared/aws-error.ts';
import type { RuleId } from '../../services/index.ts';

/** The HTTP status a documented code comes with: exact where the model says it, else its class. */
export type DocumentedStatus = number | '4xx' | '5xx' | '4xx or 5xx';

export interface DocumentedErrors<Id extends string = RuleId> {
  /** The rule every error of the service is judged by. */
  rule: Id;
  /** The codes `operation` documents, with their status. */
  of(operation: string): ReadonlyMap<string, DocumentedStatus>;
}

export type ErrorVerdict = { holds: true; observed: string } | { holds: false; message: string; expected: string };

function statusFits(status: DocumentedStatus, httpStatus: number): boolean {
  if (typeof status === 'number') return status === httpStatus;
  const client = httpStatus >= 400 && httpStatus < 500;
  const server = httpStatus >= 500 && httpStatus < 600;
  return status === '4xx' ? client : status === '5xx' ? server : client || server;
}

const show = (documented: ReadonlyMap<string, DocumentedStatus>) => [...documented].map(([code, status]) => `${code} (HTTP ${status})`).join(', ');

/** Judges one error answer against the documented errors of its operation. */
export function judgeError(errors: DocumentedErrors, operation: string, error: ObservedError, clientMistake: boolean): ErrorVerdict {
  const documented = errors.of(operation);
  if (clientMistake && isServerError(error)) {
    return { holds: false, message: 'answered a server error (5xx) for a client mistake', expected: `a documented client error (4xx): ${show(documented)}` };
  }
  const status = documented.get(error.code);
  if (status === undefined) return { holds: false, message: `answered an error ${operation} does not document`, expected: show(documented) };
  if (!statusFits(status, error.httpStatus)) {
    return { holds: false, message: `answered ${error.code} with another HTTP status than documented`, expected: `${error.code} (HTTP ${status})` };
  }
  return { holds: true, observed: `${operation} ${error.code} (HTTP ${error.httpStatus})` };
}

/** Codes that say "not this much": a quota (throttling, "not now", is `isThrottling`'s). */
const QUOTA_CODES: readonly string[] = ['SlowDown', 'LimitExceededException', 'ServiceQuotaExceededException'];

/** An answer that says nothing about the rule a call was testing: throttling, a quota, or a server fault on a valid request. */
export function unrelatedCause(error: ObservedError, clientMistake: boolean): string | undefined {
  if (isThrottling(error) || (isClientError(error) && QUOTA_CODES.includes(error.code))) return `${error.code} (a rate or quota, HTTP ${error.httpStatus})`;
  if (!clientMistake && isServerError(error)) return `${error.code} (a server fault, HTTP ${error.httpStatus})`;
  return undefined;
}
