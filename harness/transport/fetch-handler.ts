// An SDK v3 requestHandler that hands each request to a WHATWG fetch function (the in-process
// emulator, or anything else with the same signature) instead of the network. It does the
// minimum the SDK needs: no sockets, no streams, the body as one Uint8Array.
import type { HttpHandler, HttpRequest, HttpResponse } from '@smithy/types';

export type FetchLike = (request: Request) => Promise<Response>;

export function toFetchRequest(request: HttpRequest): Request {
  const query = request.query ? encodeQuery(request.query) : '';
  const port = request.port ? `:${request.port}` : '';
  const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
  const method = request.method.toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD' && request.body !== undefined && request.body !== null;
  return new Request(url, { method, headers: request.headers, body: hasBody ? (request.body as BodyInit) : undefined });
}

function encodeQuery(query: Record<string, string | Array<string> | null>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === null) parts.push(encodeURIComponent(key));
    else for (const v of Array.isArray(value) ? value : [value]) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
  }
  return parts.join('&');
}

export async function toSdkResponse(response: Response): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => { headers[key] = value; });
  const body = new Uint8Array(await response.arrayBuffer());
  return { statusCode: response.status, reason: response.statusText, headers, body };
}

export function fetchHandler(fetchFn: FetchLike): HttpHandler<Record<string, never>> {
  return {
    async handle(request: HttpRequest) {
      const response = await fetchFn(toFetchRequest(request));
      return { response: await toSdkResponse(response) };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  } as unknown as HttpHandler<Record<string, never>>;
}
