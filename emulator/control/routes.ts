// The control plane over HTTP, under /_emulator/: the same data as `emulator.control`, JSON in
// and out, no Authorization needed. Also the landing page of verification links.
import { isPlainObject } from '../protocols/json-body.ts';
import { jsonResponse } from '../router.ts';
import type { EmulatorControl } from '../types.ts';
import { assertDnsRecord } from './dns.ts';
import { LINK_PATH_PREFIX, type LinkOutcome, type Links } from './links.ts';
import { mintTokenRoute } from './tokens.ts';

type RouteHandler = (request: Request, url: URL) => Promise<Response> | Response;

class BadRequest extends Error {}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    const text = await request.text();
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new BadRequest('the body must be JSON');
  }
  if (!isPlainObject(parsed)) throw new BadRequest('the body must be a JSON object');
  return parsed;
}

function idList(body: Record<string, unknown>, field: string): readonly string[] {
  const value = body[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new BadRequest(`${field} must be an array of fault ids`);
  const ids: readonly unknown[] = value;
  if (!ids.every((id) => typeof id === 'string')) throw new BadRequest(`${field} must be an array of fault ids`);
  return ids;
}

const LINK_PAGES: Record<LinkOutcome, { status: number; title: string; text: string }> = {
  accepted: { status: 200, title: 'Verification successful', text: 'You have successfully verified this address.' },
  expired: { status: 410, title: 'Link expired', text: 'This verification link has expired. Request a new verification to try again.' },
  gone: { status: 410, title: 'Link no longer valid', text: 'This verification link is no longer valid.' },
  unknown: { status: 404, title: 'Unknown link', text: 'This verification link is not known.' },
};

function linkPage(outcome: LinkOutcome): Response {
  const page = LINK_PAGES[outcome];
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${page.title}</title></head><body><h1>${page.title}</h1><p>${page.text}</p></body></html>`;
  return new Response(html, { status: page.status, headers: { 'content-type': 'text/html; charset=utf-8', 'x-emulator-link-outcome': outcome } });
}

export function createControlRoutes(control: EmulatorControl, links: Links): (request: Request, url: URL) => Promise<Response> {
  const routes: Record<string, Partial<Record<string, RouteHandler>>> = {
    '/_emulator/health': { GET: () => jsonResponse(200, { ok: true }) },
    '/_emulator/clock': { GET: () => jsonResponse(200, { now: control.clock.now() }) },
    '/_emulator/clock/advance': {
      POST: async (request) => {
        const { ms } = await readJson(request);
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new BadRequest('ms must be a finite number >= 0');
        control.clock.advance(ms);
        return jsonResponse(200, { now: control.clock.now() });
      },
    },
    '/_emulator/inbox': {
      GET: (_request, url) => {
        const to = url.searchParams.get('to');
        return jsonResponse(200, { messages: control.inbox.list(to === null ? undefined : { to }) });
      },
      DELETE: () => {
        control.inbox.clear();
        return jsonResponse(200, { ok: true });
      },
    },
    '/_emulator/dns': {
      GET: () => jsonResponse(200, { records: control.dns.list() }),
      POST: async (request) => {
        const record = await dnsRecord(request);
        control.dns.publish(record);
        return jsonResponse(200, { records: control.dns.list() });
      },
      DELETE: async (request) => {
        control.dns.remove(await dnsRecord(request));
        return jsonResponse(200, { records: control.dns.list() });
      },
    },
    '/_emulator/faults': {
      GET: () => jsonResponse(200, { catalog: control.faults.catalog(), enabled: control.faults.enabled() }),
      POST: async (request) => {
        const body = await readJson(request);
        const enable = idList(body, 'enable');
        const disable = idList(body, 'disable');
        const known = new Set(control.faults.catalog().map((f) => f.id));
        const unknown = [...enable, ...disable].filter((id) => !known.has(id));
        // All or nothing: a typo must not leave half of the request applied.
        if (unknown.length > 0) return jsonResponse(400, { error: 'UnknownFault', message: `unknown fault ids: ${unknown.join(', ')}`, unknown });
        for (const id of disable) control.faults.disable(id);
        for (const id of enable) control.faults.enable(id);
        return jsonResponse(200, { enabled: control.faults.enabled() });
      },
    },
    '/_emulator/tokens': { POST: (request) => mintTokenRoute(control, request) },
    '/_emulator/reset': {
      POST: () => {
        control.reset();
        return jsonResponse(200, { ok: true });
      },
    },
  };

  return async (request, url) => {
    if (url.pathname.startsWith(LINK_PATH_PREFIX)) {
      if (request.method !== 'GET') return methodNotAllowed(request, url, ['GET']);
      return linkPage(links.follow(url.pathname.slice(LINK_PATH_PREFIX.length)));
    }
    const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname]! : undefined;
    if (route === undefined) return jsonResponse(404, { error: 'NotFound', message: `no control route at ${url.pathname}` });
    const handler = Object.hasOwn(route, request.method) ? route[request.method] : undefined;
    if (handler === undefined) return methodNotAllowed(request, url, Object.keys(route));
    try {
      return await handler(request, url);
    } catch (error) {
      if (error instanceof BadRequest || error instanceof TypeError || error instanceof RangeError) {
        return jsonResponse(400, { error: 'BadRequest', message: error.message });
      }
      throw error;
    }
  };
}

async function dnsRecord(request: Request) {
  const body = await readJson(request);
  const record = { name: body.name, type: body.type, value: body.value };
  assertDnsRecord(record);
  return record;
}

function methodNotAllowed(request: Request, url: URL, allowed: string[]): Response {
  return jsonResponse(405, { error: 'MethodNotAllowed', message: `${request.method} is not allowed on ${url.pathname}` }, { allow: allowed.join(', ') });
}
