// The awsQuery protocol (SES v1): form-encoded `Action=...&Version=...` requests to POST /
// (or GET / with the same query string), XML responses and <ErrorResponse> errors.
import { randomUUID } from 'node:crypto';
import { readCallerScope, type CallerScope } from '../caller-scope.ts';
import { AwsError, internalFailure } from '../errors.ts';
import type { FrontDoor } from '../router.ts';
import type { Infer, StructureShape } from './input-shapes.ts';
import { buildFormTree, decodeInput, type FormNode } from './query-input.ts';
import { appendContent, escapeXml, type XmlStructure } from './xml.ts';

export interface QueryCall {
  scope: CallerScope;
  requestId: string;
}

interface AwsQueryOperation<S extends StructureShape = StructureShape> {
  input: S;
  /** False for operations whose output has no `<ActionResult>` element (e.g. VerifyEmailAddress). */
  resultWrapper?: boolean;
  /** Runs before the input is decoded, for what applies to every call, valid or not (rate limits). */
  admit?(call: QueryCall): void;
  /** Returns the result's members; throws AwsError for an error answer. */
  handle(input: Infer<S, 'map'>, call: QueryCall): XmlStructure;
}

/**
 * An operation as its binding holds it: the input type is closed over, so operations of every
 * input shape share one table. The front door hands it the form.
 */
export interface AnyAwsQueryOperation {
  /** False for operations whose output has no `<ActionResult>` element. */
  resultWrapper: boolean;
  admit(call: QueryCall): void;
  /** Decodes the form against the input shape (throws a ValidationError) and runs the handler. */
  run(form: FormNode, call: QueryCall): XmlStructure;
}

export interface AwsQueryBinding {
  protocol: 'awsQuery';
  version: string;
  xmlNamespace: string;
  /** SigV4 signing names, used to pick the service when the Version does not say. */
  signingNames: readonly string[];
  operations: Readonly<Record<string, AnyAwsQueryOperation>>;
}

/** Types the handler against its declared shape, then closes over both for the binding's table. */
export function queryOperation<S extends StructureShape>(operation: AwsQueryOperation<S>): AnyAwsQueryOperation {
  return {
    resultWrapper: operation.resultWrapper !== false,
    admit: (call) => operation.admit?.(call),
    run: (form, call) => operation.handle(decodeInput(operation.input, form), call),
  };
}

export function createAwsQueryFrontDoor(bindings: readonly AwsQueryBinding[]): FrontDoor {
  return {
    claims: (request, url) => url.pathname === '/' && (request.method === 'POST' || (request.method === 'GET' && url.searchParams.has('Action'))),
    async handle(request, url) {
      const requestId = randomUUID();
      let binding: AwsQueryBinding | undefined;
      try {
        const params = request.method === 'GET' ? url.searchParams : await readForm(request);
        const scope = readCallerScope(request, url);
        binding = pickBinding(bindings, params.get('Version'), scope?.service);
        if (scope === undefined) throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
        return dispatch(binding, params, { scope, requestId });
      } catch (error) {
        if (error instanceof AwsError) return errorResponse(error, binding?.xmlNamespace, requestId);
        return errorResponse(internalFailure(), binding?.xmlNamespace, requestId);
      }
    },
  };
}

async function readForm(request: Request): Promise<URLSearchParams> {
  let body: string;
  try {
    body = await request.text(); // invalid UTF-8 decodes to U+FFFD, it does not throw
  } catch {
    throw new AwsError('MalformedQueryString', 'The request body could not be read.');
  }
  return new URLSearchParams(body);
}

/** By Version, then by the signing name in the credential scope, then the only one there is. */
function pickBinding(bindings: readonly AwsQueryBinding[], version: string | null, signingName: string | undefined) {
  return (
    bindings.find((b) => b.version === version) ??
    (signingName === undefined ? undefined : bindings.find((b) => b.signingNames.includes(signingName))) ??
    (bindings.length === 1 ? bindings[0] : undefined)
  );
}

function dispatch(binding: AwsQueryBinding | undefined, params: URLSearchParams, call: QueryCall): Response {
  const action = params.get('Action');
  const version = params.get('Version');
  if (action === null || action === '') throw new AwsError('MissingAction', 'The request must contain the parameter Action.');
  if (version === null || version === '') throw new AwsError('MissingParameter', 'The request must contain the parameter Version.');
  if (binding === undefined || binding.version !== version) {
    throw new AwsError('NoSuchVersion', `The requested version (${version}) of this service does not exist.`);
  }
  const operation = Object.hasOwn(binding.operations, action) ? binding.operations[action] : undefined;
  if (operation === undefined) throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);

  operation.admit(call);
  const result = operation.run(buildFormTree(params), call);
  return successResponse(binding.xmlNamespace, action, operation.resultWrapper ? result : undefined, call.requestId);
}

function successResponse(namespace: string, action: string, result: XmlStructure | undefined, requestId: string): Response {
  const out = [`<${action}Response xmlns="${namespace}">`];
  if (result !== undefined) {
    out.push(`<${action}Result>`);
    appendContent(out, result);
    out.push(`</${action}Result>`);
  }
  out.push(`<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`);
  return xmlResponse(200, out.join(''), requestId);
}

function errorResponse(error: AwsError, namespace: string | undefined, requestId: string): Response {
  const xmlns = namespace === undefined ? '' : ` xmlns="${namespace}"`;
  const body =
    `<ErrorResponse${xmlns}><Error><Type>${error.type}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return xmlResponse(error.status, body, requestId);
}

function xmlResponse(status: number, body: string, requestId: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': requestId } });
}
