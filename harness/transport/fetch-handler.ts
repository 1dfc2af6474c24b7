// An SDK v3 requestHandler that hands each request to a WHATWG fetch function: the in-process
// emulator, or the global fetch for a real endpoint. One transport for every target, so every
// target records exchanges and times out the same way, and the in-process path stays close to
// the cost of a bare SDK call (no sockets, no streams, the body as one Uint8Array).
import type { HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import { memberOf } from '../../models/shared/record.ts';
import { recordRequest, recordResponse, type ExchangeRecorder } from './exchange.ts';

export type FetchLike = (request: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

export interface FetchHandlerOptions {
  recorder?: ExchangeRecorder;
  /** A call with no answer after this long fails with a RequestTimeout error (it really fires). */
  timeoutMs?: number;
}

class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
}

function requestUrl(request: HttpRequest): string {
  const query = request.query ? encodeQuery(request.query) : '';
  const port = request.port ? `:${request.port}` : '';
  return `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
}

function toFetchRequest(request: HttpRequest, signal?: AbortSignal): Request {
  const method = request.method.toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD' && request.body !== undefined && request.body !== null;
  // The SDK types a request body as any; its serializers give a string or a Uint8Array, each a BodyInit.
  const body: BodyInit | undefined = hasBody ? request.body : undefined;
  return new Request(requestUrl(request), { method, headers: request.headers, body, signal });
}

function encodeQuery(query: Record<string, string | Array<string> | null>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === null) parts.push(encodeURIComponent(key));
    else for (const v of Array.isArray(value) ? value : [value]) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
  }
  return parts.join('&');
}

async function toSdkResponse(response: Response): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const body = new Uint8Array(await response.arrayBuffer());
  return { statusCode: response.status, reason: response.statusText, headers, body };
}

async function withTimeout<T>(timeoutMs: number | undefined, work: (signal?: AbortSignal) => Promise<T>): Promise<T> {
  if (!timeoutMs) return work();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new RequestTimeoutError(`no answer within ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type SdkRequestHandler = RequestHandler<HttpRequest, HttpResponse>;

export function fetchHandler(fetchFn: FetchLike, options: FetchHandlerOptions = {}): SdkRequestHandler {
  const { recorder, timeoutMs } = options;
  return {
    async handle(request: HttpRequest) {
      const started = performance.now();
      try {
        const response = await withTimeout(timeoutMs, async (signal) => toSdkResponse(await fetchFn(toFetchRequest(request, signal))));
        recorder?.record({
          at: new Date().toISOString(),
          durationMs: performance.now() - started,
          request: recordRequest(request.method, requestUrl(request), request.headers, request.body),
          response: recordResponse(response.statusCode, response.headers, response.body),
        });
        return { response };
      } catch (error) {
        recorder?.record({
          at: new Date().toISOString(),
          durationMs: performance.now() - started,
          request: recordRequest(request.method, requestUrl(request), request.headers, request.body),
          error: describeTransportError(error),
        });
        throw error;
      }
    },
  };
}

/** One line: what went wrong on the wire (fetch hides the cause one level down). */
export function describeTransportError(error: unknown): string {
  // Anything may be thrown: its members are read as unknown.
  const cause = memberOf(error, 'cause');
  const said = memberOf(cause, 'code') ?? memberOf(cause, 'message');
  const message = String(memberOf(error, 'message') ?? error);
  return said ? `${message} (${String(said)})` : message;
}
