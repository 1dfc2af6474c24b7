// The one way a property calls a target: through the SDK client, recording the exchange and the
// AWS CLI form of the call, and sorting the outcome into an answer, an AWS error, or no usable
// answer at all (which is the target's fault, reported as `error`, never as a pass or a fail).
import type { ObservedError } from '../../models/shared/aws-error.ts';
import type { Instant } from '../../models/shared/clock.ts';
import { memberOf } from '../../models/shared/record.ts';
import { manifestOf, ruleById, type RuleId, type ServiceName } from '../../services/index.ts';
import { isProtocolAnswer } from '../../harness/transport/wire-shape.ts';
import { describeTransportError } from '../../harness/transport/fetch-handler.ts';
import { awsCliCall } from './aws-cli.ts';
import type { RunContext } from './context.ts';
import { GuardError } from '../../harness/targets/aws-guard.ts';
import { QuotaRefusal } from '../../harness/targets/message-budget.ts';
import { inCallScope, type CallScope } from '../../harness/targets/pacer.ts';
import { NotImplementedError, RefusedError, RunStopped, TargetError } from './failure.ts';

/** `gap`: ms from the previous answer of the call's rate key to its sending, where it is paced and had one. */
export type CallResult<O> =
  | { ok: true; output: O; error?: undefined; at: Instant; gap?: number }
  | { ok: false; output?: undefined; error: ObservedError; at: Instant; gap?: number };

/**
 * Any SDK v3 command; its output type is read off its middleware handler. (`never[]` parameters:
 * any handler's parameters accept them, so every command's resolveMiddleware fits.)
 */
type SdkCommand = { readonly input: object; resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: unknown }> };
type OutputOf<C> = C extends { resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: infer O }> } ? O : never;
/** What call() needs of a client: every manifest's client sends any command this way. */
type Sender = { send<C extends SdkCommand>(command: C): Promise<OutputOf<C>> };

const operationName = (command: { constructor: { name: string } }) => command.constructor.name.replace(/Command$/, '');

/** A string member of an SDK error, where it has one. */
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** An AWS error the target answered with, or undefined when there was no usable answer. */
export function observeError(error: unknown): ObservedError | undefined {
  // Whatever was thrown: an SDK error carries $metadata (and $fault where it read the body).
  const metadata = memberOf(error, '$metadata');
  const status = memberOf(metadata, 'httpStatusCode') ?? memberOf(memberOf(error, '$response'), 'statusCode');
  if (typeof status !== 'number' || status < 300) return undefined;
  const fault = memberOf(error, '$fault');
  // Without $fault the SDK could not read the error body at all: that is no AWS answer, unless it
  // is the bare 404/501 a web server gives for a route it does not have.
  const bareRouteMiss = status === 404 || status === 501;
  if (!fault && !bareRouteMiss) return undefined;
  return {
    code: fault ? (text(memberOf(error, 'Code')) ?? text(memberOf(error, 'name')) ?? 'Unknown') : status === 501 ? 'NotImplemented' : 'NotFound',
    message: (text(memberOf(error, 'message')) ?? '').split('\n')[0],
    httpStatus: status,
    fault: fault === 'client' || fault === 'server' ? fault : undefined,
    requestId: text(memberOf(metadata, 'requestId')),
  };
}

const NOT_IMPLEMENTED_CODE = /^(UnknownOperation(Exception)?|InvalidAction|NotImplemented(Exception)?|Unsupported(Operation)?(Exception)?)$/;

/**
 * The target's way of saying it does not know the operation: HTTP 501, an "unknown operation"
 * code, a 5xx whose message says so (NOT_IMPLEMENTED_TEXT), or a bare 404 (the SDK names an unreadable 404 `NotFound` or `Unknown`; AWS's own
 * not-found errors are named *NotFoundException or NoSuch* and speak of a resource, not the operation).
 */
export function isNotImplemented(error: ObservedError): boolean {
  if (error.httpStatus === 501 || NOT_IMPLEMENTED_CODE.test(error.code)) return true;
  if (error.httpStatus >= 500 && NOT_IMPLEMENTED_TEXT.test(error.message)) return true;
  return error.httpStatus === 404 && /^(NotFound|Unknown|UnknownError)$/.test(error.code);
}

/**
 * How an emulator's 5xx says it lacks the operation, in words, when its code does not:
 * - moto raises `NotImplementedError("The <action> action has not been implemented")` for an action
 *   its backend lacks (getmoto/moto moto/core/responses.py, `call_action`); its server answers
 *   HTTP 500, with a Werkzeug page naming the exception (`NotImplementedError: The ... action has
 *   not been implemented`) when run with the Werkzeug debugger;
 * - LocalStack answers InternalFailure, HTTP 501 (`on_not_implemented_error`, localstack/aws/skeleton.py),
 *   "API action '<Op>' for service '<svc>' not yet implemented or pro feature ..." (older
 *   localstack/utils/coverage_docs.py) or "... is either not available in your current license plan
 *   or has not yet been emulated by LocalStack ..." (newer), or moto's own message passed through.
 * An ordinary 500 (InternalFailure, "boom") says none of these.
 */
const NOT_IMPLEMENTED_TEXT =
  /\bNotImplementedError\b|\bha(?:s|ve) not (?:yet )?been implemented\b|\bnot yet implemented\b|\bis not implemented\b|\bhas not yet been emulated\b/i;

/** The words of a body, without HTML markup: the Werkzeug page puts its message in markup. */
function bodyWords(body: string): string {
  return body
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&#x27;/gi, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A 5xx answer whose body says the operation is not implemented, described by its status, type and
 * the words around what it says (`HTTP 500 text/html "NotImplementedError: The ... action has not
 * been implemented ..."`); undefined for any other answer. Read off the recorded exchange, so it
 * works where the SDK could not parse the body (moto's HTML page).
 */
export function notImplementedAnswer(response: { status: number; headers: Record<string, string>; body: string } | undefined): string | undefined {
  if (!response || response.status < 500) return undefined;
  const words = bodyWords(response.body);
  const match = NOT_IMPLEMENTED_TEXT.exec(words);
  if (!match) return undefined;
  const from = Math.max(0, match.index - 40);
  const to = Math.min(words.length, match.index + 120);
  const excerpt = `${from > 0 ? '…' : ''}${words.slice(from, to)}${to < words.length ? '…' : ''}`;
  return `HTTP ${response.status} ${response.headers['content-type'] ?? ''} "${excerpt}"`.replace(/ {2,}/g, ' ');
}

/** Why there was no usable answer: no answer at all, or one the SDK could not read. */
function noAnswerReason(error: unknown, exchanges: RunContext['lastExchanges']): string {
  const last = exchanges.at(-1);
  if (last?.error || !last?.response) return `no answer: ${last?.error ?? describeTransportError(error)}`;
  const message = error instanceof Error ? error.message : undefined;
  return unreadable(last.response, message?.split('\n')[0] ?? 'the SDK could not read it');
}

function unreadable({ status, headers, body }: { status: number; headers: Record<string, string>; body: string }, why: string): string {
  return `unreadable answer: HTTP ${status} ${headers['content-type'] ?? ''} "${body.slice(0, 80).replace(/\s+/g, ' ')}" (${why})`;
}

export async function call<C extends SdkCommand>(
  ctx: RunContext,
  service: ServiceName,
  command: C,
  rules: readonly RuleId[],
  /**
   * `unpaced`: sent at once whatever its rate (the throttle rule's burst). `judgesThrottling`: a
   * throttled answer is a verdict of the throttle rule though `rules` do not name it (a paced call
   * the rule holds to the rate), so it is never retried.
   */
  options: { region?: string; unpaced?: boolean; judgesThrottling?: boolean } = {},
): Promise<CallResult<OutputOf<C>>> {
  const { target } = ctx;
  const operation = operationName(command);
  ctx.note(
    awsCliCall(
      service,
      operation,
      command.input,
      options.region ? target.cliArgs.replace(`--region ${target.region}`, `--region ${options.region}`) : target.cliArgs,
    ),
  );
  if (target.unanswered) throw new TargetError(rules, operation, `${operation}: not sent: ${target.unanswered}`, ctx.evidence(), true);
  const mark = target.recorder.mark();
  const started = ctx.now();
  // A throttled answer to a call a throttle rule judges is that rule's verdict: never retried.
  const scope: CallScope = {
    judgesThrottling: options.judgesThrottling || rules.some((id) => ruleById(id).kind === 'throttle'),
    unpaced: options.unpaced ?? false,
    retried: [],
  };
  const retriedNotes = () => {
    for (const line of scope.retried) ctx.note(`# retried: ${line}`);
  };
  try {
    const client: Sender = target.client(service, options.region);
    const output = await inCallScope(scope, () => client.send(command));
    retriedNotes();
    ctx.lastExchanges = target.recorder.since(mark);
    const response = ctx.lastExchanges.at(-1)?.response;
    if (response && !isProtocolAnswer(manifestOf(service).protocol, operation, response)) {
      throw new TargetError(
        rules,
        operation,
        `${operation}: ${unreadable(response, `not an ${manifestOf(service).protocol} ${operation} answer`)}`,
        ctx.evidence(),
      );
    }
    return { ok: true, output, at: ctx.since(started), gap: scope.gap };
  } catch (error) {
    retriedNotes();
    // Throttled or over a quota even after the retries: the account's limits, no verdict on a rule.
    if (scope.gaveUp) throw new RunStopped(`${operation}: ${scope.gaveUp}`);
    // One recipient's quota is used up for now: this run ends, the next sends to another (no verdict).
    if (error instanceof QuotaRefusal && error.scope === 'destination') throw new RunStopped(error.message);
    if (error instanceof GuardError) {
      ctx.note(`# not sent: ${error.message}`);
      throw new RefusedError(rules, error.message);
    }
    ctx.lastExchanges = target.recorder.since(mark);
    const observed = observeError(error);
    if (observed && isNotImplemented(observed)) {
      throw new NotImplementedError(
        operation,
        `${operation} is not implemented by the target: ${observed.code} (HTTP ${observed.httpStatus}) ${observed.message}`.trim(),
        ctx.evidence(),
        rules,
      );
    }
    // The body says so where the SDK could not read it (an HTML page) or read only a generic code.
    const answer = ctx.lastExchanges.at(-1)?.response;
    const saying =
      notImplementedAnswer(answer) ??
      (answer && answer.status >= 500
        ? await target.oob.explainServerError?.(operation).then((said) => said && `HTTP ${answer.status}; its log: ${said}`)
        : undefined);
    if (saying) throw new NotImplementedError(operation, `${operation} is not implemented by the target: ${saying}`, ctx.evidence(), rules);
    if (observed) return { ok: false, error: observed, at: ctx.since(started), gap: scope.gap };
    const silent = !ctx.lastExchanges.at(-1)?.response;
    if (silent) target.unanswered = `the target stopped answering (${operation}: ${ctx.lastExchanges.at(-1)?.error ?? describeTransportError(error)})`;
    throw new TargetError(rules, operation, `${operation}: ${noAnswerReason(error, ctx.lastExchanges)}`, ctx.evidence(), silent);
  }
}
