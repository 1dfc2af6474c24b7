// The restJson1 protocol (Pinpoint Email, AmplifyBackend): an operation is chosen by HTTP method
// and path template under the service's path prefix; input travels in URI labels, the query
// string and a JSON body; answers are JSON. Errors carry the model's HTTP status, the code in
// the `x-amzn-ErrorType` header and `{"message": ...}` in the body, which is what the SDKs read.
// Unreadable or invalid input gets the service's 400 input error, never a 5xx.
import { isPlainObject, readJsonBody } from './json-body.ts';
import { randomUUID } from 'node:crypto';
import { readCallerScope, type CallerScope } from '../caller-scope.ts';
import { AwsError } from '../errors.ts';
import type { FrontDoor } from '../router.ts';
import { validationMessage, type Infer, type Output } from './input-shapes.ts';
import { decodeRequest, encodeOutput, hasBodyMembers, type RequestParts } from './rest-json-codec.ts';
import { compileRoute, matchRoute, pathSegments, type RouteTemplate } from './rest-json-routes.ts';
import type { RestStructureShape } from './rest-json-shapes.ts';

export interface RestJsonCall {
  scope: CallerScope;
  requestId: string;
  /** Extra headers for a success answer (e.g. the emulator's resource ARN hint). */
  responseHeaders: Record<string, string>;
}

interface RestJsonOperation<I extends RestStructureShape = RestStructureShape, O extends RestStructureShape = RestStructureShape> {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** The model's requestUri, labels in braces. */
  uri: string;
  input: I;
  output: O;
  /** Returns the output members by their model names; throws AwsError for an error answer. */
  handle(input: Infer<I>, call: RestJsonCall): NoInfer<Output<O>>;
}

/**
 * An operation as its binding holds it: the input and output types are closed over, so operations
 * of every shape share one list. The front door hands it the request parts it gathered.
 */
export interface AnyRestJsonOperation {
  name: string;
  method: RestJsonOperation['method'];
  uri: string;
  /** Read before decoding: whether the body needs reading at all. */
  input: RestStructureShape;
  /** Decodes the input, runs the handler and encodes its output by wire name; the problems when the input is refused. */
  run(parts: RequestParts, call: RestJsonCall): { ok: true; body: unknown } | { ok: false; problems: string[] };
}

export interface RestJsonBinding {
  protocol: 'restJson1';
  /** Every path under this prefix belongs to the service, e.g. '/v1/email' or '/backend'. */
  pathPrefix: string;
  operations: readonly AnyRestJsonOperation[];
  /** The service's own 400 error for input it cannot accept. */
  inputError(message: string): AwsError;
  /** The service's own 500 error, for a bug in the emulator. */
  internalError(): AwsError;
  /** A last look at every error answer before it is written (where a fault bends status codes). */
  rewriteError?(error: AwsError): AwsError;
}

/** An error whose shape has members besides the message (AmplifyBackend's resourceType, ...). */
export class AwsErrorWithFields extends AwsError {
  constructor(
    code: string,
    message: string,
    status: number,
    readonly fields: Readonly<Record<string, string>>,
  ) {
    super(code, message, status);
  }
}

/** Types the handler against its declared shapes, then closes over them for the binding's list. */
export function restOperation<I extends RestStructureShape, O extends RestStructureShape>(operation: RestJsonOperation<I, O>): AnyRestJsonOperation {
  return {
    name: operation.name,
    method: operation.method,
    uri: operation.uri,
    input: operation.input,
    run(parts, call) {
      const decoded = decodeRequest(operation.input, parts);
      if (!decoded.ok) return decoded;
      return { ok: true, body: encodeOutput(operation.output, operation.handle(decoded.input, call)) };
    },
  };
}

interface RouteEntry {
  route: RouteTemplate;
  operation: AnyRestJsonOperation;
}

interface CompiledBinding {
  binding: RestJsonBinding;
  routes: RouteEntry[];
}

export function createRestJsonFrontDoor(bindings: readonly RestJsonBinding[]): FrontDoor {
  const compiled: CompiledBinding[] = bindings.map((binding) => ({
    binding,
    routes: binding.operations
      .map((operation): RouteEntry => ({ route: compileRoute(operation.method, operation.uri), operation }))
      .sort((a, b) => b.route.literals - a.route.literals),
  }));
  const owner = (url: URL) => compiled.find(({ binding: { pathPrefix } }) => url.pathname === pathPrefix || url.pathname.startsWith(`${pathPrefix}/`));

  return {
    claims: (_request, url) => owner(url) !== undefined,
    async handle(request, url) {
      const requestId = randomUUID();
      const service = owner(url)!;
      const { binding } = service;
      try {
        const segments = pathSegments(url.pathname);
        if (segments === undefined) throw binding.inputError('The request path has a malformed percent-encoding.');
        const found = findOperation(service, request.method.toUpperCase(), segments);
        if (found === undefined) throw new AwsError('UnknownOperationException', `No operation at ${request.method} ${url.pathname.slice(0, 256)}`, 404);

        const scope = readCallerScope(request, url);
        if (scope === undefined) throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);

        const {
          entry: { operation },
          labels,
        } = found;
        const body = hasBodyMembers(operation.input) ? await readJsonObject(request, binding) : undefined;
        const call: RestJsonCall = { scope, requestId, responseHeaders: {} };
        const answer = operation.run({ labels, query: url.searchParams, body }, call);
        if (!answer.ok) throw binding.inputError(validationMessage(answer.problems));
        return jsonResponse(200, answer.body, requestId, call.responseHeaders);
      } catch (error) {
        const answer = error instanceof AwsError ? error : binding.internalError();
        return errorResponse(binding.rewriteError?.(answer) ?? answer, requestId);
      }
    },
  };
}

function findOperation(service: CompiledBinding, method: string, segments: readonly string[]) {
  for (const entry of service.routes) {
    if (entry.route.method !== method) continue;
    const labels = matchRoute(entry.route, segments);
    if (labels !== undefined) return { entry, labels };
  }
  return undefined;
}

/** restJson1 bodies are JSON objects: anything else is the service's input error. */
async function readJsonObject(request: Request, binding: RestJsonBinding): Promise<Record<string, unknown>> {
  const parsed = await readJsonBody(request, (m) => binding.inputError(m));
  if (!isPlainObject(parsed)) throw binding.inputError('The request body must be a JSON object.');
  return parsed;
}

function jsonResponse(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body ?? {}), {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-RequestId': requestId, ...headers },
  });
}

function errorResponse(error: AwsError, requestId: string): Response {
  const fields = error instanceof AwsErrorWithFields ? error.fields : {};
  return jsonResponse(error.status, { ...fields, message: error.message }, requestId, { 'x-amzn-ErrorType': error.code });
}
