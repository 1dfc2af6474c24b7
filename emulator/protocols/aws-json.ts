// The awsJson1_1 protocol (Lightsail, Cognito user pools): POST / with
// `X-Amz-Target: <targetPrefix>.<Operation>` and a JSON body; JSON answers, and errors as
// HTTP 4xx/5xx with `{"__type": "<Code>", "message": ...}`. Malformed bodies, wrong types and
// missing members get the service's own 400 input error, never a 5xx.
import { readJsonBody } from './json-body.ts';
import { randomUUID } from 'node:crypto';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, readCallerScope, type CallerScope } from '../caller-scope.ts';
import { AwsError, internalFailure } from '../errors.ts';
import type { FrontDoor } from '../router.ts';
import { validationMessage, type Infer, type StructureShape } from './input-shapes.ts';
import { decodeJsonInput } from './json-input.ts';

const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface JsonCall {
  /** From the SigV4 credential scope; for unsigned calls the default account and the endpoint's region. */
  scope: CallerScope;
  /** Whether the request carried IAM credentials at all. */
  signed: boolean;
  requestId: string;
}

type JsonValue = string | number | boolean | null | undefined | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

interface AwsJsonOperation<S extends StructureShape = StructureShape> {
  input: S;
  /**
   * 'sigv4': the request must carry IAM credentials. 'none': the operation is authorised by
   * something in its input (Cognito's access token) and works without an Authorization header.
   */
  auth: 'sigv4' | 'none';
  /** Returns the output members (timestamps as epoch seconds); throws AwsError for an error answer. */
  handle(input: Infer<S>, call: JsonCall): JsonObject;
}

/**
 * An operation as its binding holds it: the input type is closed over, so operations of every
 * input shape share one table. The front door hands it the parsed body.
 */
export interface AnyAwsJsonOperation {
  auth: AwsJsonOperation['auth'];
  /** Checks the body against the input shape and runs the handler; the problems when the input is refused. */
  run(body: unknown, call: JsonCall): { ok: true; output: JsonObject } | { ok: false; problems: string[] };
}

export interface AwsJsonBinding {
  protocol: 'awsJson1_1';
  /** e.g. 'Lightsail_20161128' */
  targetPrefix: string;
  operations: Readonly<Record<string, AnyAwsJsonOperation>>;
  /** The service's own 400 error for input it cannot accept (unreadable JSON, wrong types, constraints). */
  inputError(message: string): AwsError;
  /** The service's own 500 error, for a bug in the emulator. */
  internalError(): AwsError;
  /** A last look at every error answer before it is written (where a fault bends status codes). */
  rewriteError?(error: AwsError): AwsError;
}

/** Types the handler against its declared shape, then closes over both for the binding's table. */
export function jsonOperation<S extends StructureShape>(operation: AwsJsonOperation<S>): AnyAwsJsonOperation {
  return {
    auth: operation.auth,
    run(body, call) {
      const decoded = decodeJsonInput(operation.input, body);
      if (!decoded.ok) return decoded;
      return { ok: true, output: operation.handle(decoded.input, call) };
    },
  };
}

/** What a JSON service answers to a call that needs IAM credentials and has none. */
export function missingAuthenticationError(): AwsError {
  return new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 400);
}

export function epochSeconds(ms: number): number {
  return ms / 1000;
}

const TARGET_HEADER = 'x-amz-target';
/** The region of a regional endpoint such as cognito-idp.eu-west-1.amazonaws.com. */
const ENDPOINT_REGION = /^[a-z0-9-]+\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;

export function createAwsJsonFrontDoor(bindings: readonly AwsJsonBinding[]): FrontDoor {
  const byPrefix = new Map(bindings.map((binding) => [binding.targetPrefix, binding]));
  return {
    claims: (request) => request.headers.has(TARGET_HEADER),
    async handle(request, url) {
      const requestId = randomUUID();
      const target = request.headers.get(TARGET_HEADER) ?? '';
      const dot = target.lastIndexOf('.');
      const binding = dot === -1 ? undefined : byPrefix.get(target.slice(0, dot));
      try {
        if (binding === undefined || request.method !== 'POST' || url.pathname !== '/') throw unknownOperation(target);
        const name = target.slice(dot + 1);
        const operation = Object.hasOwn(binding.operations, name) ? binding.operations[name] : undefined;
        if (operation === undefined) throw unknownOperation(target);

        const signedScope = readCallerScope(request, url);
        if (operation.auth === 'sigv4' && signedScope === undefined) throw missingAuthenticationError();
        const call: JsonCall = { scope: signedScope ?? unsignedScope(url), signed: signedScope !== undefined, requestId };

        const answer = operation.run(await readJsonBody(request, (m) => binding.inputError(m)), call);
        if (!answer.ok) throw binding.inputError(validationMessage(answer.problems));
        return awsJsonResponse(200, answer.output, requestId);
      } catch (error) {
        const answer = error instanceof AwsError ? error : (binding?.internalError() ?? internalFailure());
        return errorResponse(binding?.rewriteError?.(answer) ?? answer, requestId);
      }
    },
  };
}

function unknownOperation(target: string): AwsError {
  return new AwsError('UnknownOperationException', target === '' ? 'Missing X-Amz-Target' : `Unknown operation ${target.slice(0, 128)}`, 400);
}

function unsignedScope(url: URL): CallerScope {
  const region = ENDPOINT_REGION.exec(url.hostname)?.[1] ?? DEFAULT_REGION;
  return { accessKeyId: '', account: DEFAULT_ACCOUNT, region };
}

function awsJsonResponse(status: number, body: JsonObject, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': AWS_JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId, ...headers },
  });
}

function errorResponse(error: AwsError, requestId: string): Response {
  return awsJsonResponse(error.status, { __type: error.code, message: error.message }, requestId, { 'x-amzn-ErrorType': error.code });
}
