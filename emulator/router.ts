// The single entry point (one port for every service, LocalStack style): control routes first,
// then the first protocol front door that recognises the request, else 404.
import { randomUUID } from 'node:crypto';

/** A wire protocol's entrance: recognises its requests and answers them in its own shapes. */
export interface FrontDoor {
  claims(request: Request, url: URL): boolean;
  /** Must answer every claimed request in the protocol's error shape rather than throw. */
  handle(request: Request, url: URL): Promise<Response>;
}

const CONTROL_PREFIX = '/_emulator/';

interface RouterParts {
  control(request: Request, url: URL): Promise<Response>;
  /**
   * In order of precedence. A header (X-Amz-Target, awsJson1_1) is the most specific signal,
   * then a service's path prefix (restJson1), and awsQuery (POST /) is the fallback.
   */
  frontDoors: FrontDoor[];
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function createRouter(parts: RouterParts): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const url = new URL(request.url);
      if (url.pathname.startsWith(CONTROL_PREFIX)) return await parts.control(request, url);
      for (const door of parts.frontDoors) {
        if (door.claims(request, url)) return await door.handle(request, url);
      }
      return jsonResponse(404, { error: 'NotFound', message: `no AWS API or control route at ${request.method} ${url.pathname}` });
    } catch (error) {
      // Only a bug in the emulator gets here: front doors answer malformed input themselves.
      const requestId = randomUUID();
      return jsonResponse(500, { error: 'InternalFailure', message: String(error), requestId }, { 'x-amzn-RequestId': requestId });
    }
  };
}
