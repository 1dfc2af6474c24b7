// The restJson1 codec and front door on their own: routes by method and path template, input from
// labels, query string and JSON body by wire name, AWS-worded validation problems, output by wire
// name with timestamps as epoch seconds, and errors with the status and x-amzn-ErrorType header.
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../emulator/errors.ts';
import { createRestJsonFrontDoor, restOperation, type RestJsonBinding } from '../../emulator/protocols/rest-json.ts';
import { decodeRequest, encodeOutput } from '../../emulator/protocols/rest-json-codec.ts';
import { compileRoute, matchRoute, pathSegments } from '../../emulator/protocols/rest-json-routes.ts';
import { shapes as rj } from '../../emulator/protocols/input-shapes.ts';
import { optional, required } from '../../emulator/protocols/rest-json-shapes.ts';
import { signedRequest } from './rest-json-clients.ts';

const shape = rj.structure({
  Id: required(rj.string(), { in: 'uri', wire: 'id' }),
  Keys: optional(rj.list(rj.string()), { in: 'query', wire: 'keys' }),
  Size: optional(rj.integer({ min: 1, max: 10 }), { in: 'query', wire: 'size' }),
  Since: optional(rj.timestamp(), { in: 'query', wire: 'since' }),
  Config: required(
    rj.structure({
      Mode: required(rj.enum(['ON', 'OFF']), { wire: 'mode' }),
      Nested: optional(rj.structure({ Name: required(rj.string({ min: 1 }), { wire: 'name' }) }), { wire: 'nested' }),
      At: optional(rj.timestamp(), { wire: 'at' }),
      Ratio: optional(rj.double(), { wire: 'ratio' }),
    }),
    { wire: 'config' },
  ),
});

const parts = (body: unknown, query = '', labels: Record<string, string> = { id: 'x' }) => ({ labels, query: new URLSearchParams(query), body });

describe('restJson1 routes', () => {
  it('matches literals and labels segment by segment, decoding each segment', () => {
    const route = compileRoute('post', '/backend/{appId}/auth/{env}/details');
    expect(route.literals).toBe(3);
    expect(matchRoute(route, pathSegments('/backend/a%2Fb/auth/dev/details')!)).toEqual({ appId: 'a/b', env: 'dev' });
    expect(matchRoute(route, pathSegments('/backend/a/auth/dev/remove')!)).toBeUndefined();
    expect(matchRoute(route, pathSegments('/backend/a/auth/dev')!)).toBeUndefined();
    expect(matchRoute(compileRoute('GET', '/v1/email/identities/{EmailIdentity}'), pathSegments('/v1/email/identities/')!)).toEqual({ EmailIdentity: '' });
    expect(pathSegments('/v1/%E0%A4%A')).toBeUndefined();
  });
});

describe('restJson1 input decoding', () => {
  it('reads labels, repeated query keys and body members by their wire names', () => {
    const decoded = decodeRequest(
      shape,
      parts({ config: { mode: 'ON', nested: { name: 'n' }, at: 1700000000.5, ratio: 0.25 } }, 'keys=a&keys=b&size=3&since=2024-01-02T03:04:05Z'),
    );
    expect(decoded).toEqual({
      ok: true,
      input: {
        Id: 'x',
        Keys: ['a', 'b'],
        Size: 3,
        Since: new Date('2024-01-02T03:04:05Z'),
        Config: { Mode: 'ON', Nested: { Name: 'n' }, At: new Date(1700000000500), Ratio: 0.25 },
      },
    });
  });

  it('names every problem with its wire path, at any depth', () => {
    const decoded = decodeRequest(shape, parts({ config: { mode: 'on', nested: {}, ratio: 'x' } }, 'size=11', { id: '' }));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.problems).toEqual([
      "Value null at 'id' failed to satisfy constraint: Member must not be null",
      "Value '11' at 'size' failed to satisfy constraint: Member must have value less than or equal to 10",
      "Value 'on' at 'config.mode' failed to satisfy constraint: Member must satisfy enum value set: [ON, OFF]",
      "Value null at 'config.nested.name' failed to satisfy constraint: Member must not be null",
      "Value at 'config.ratio' failed to satisfy constraint: Member must be a number",
    ]);
  });

  it('refuses wrong JSON types and malformed query scalars, treats null as absent, ignores unknown members', () => {
    const wrong = decodeRequest(shape, parts({ config: { mode: ['ON'], nested: 'n' } }, 'size=abc&since=yesterday'));
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.replace(/ failed.*/, ''))).toEqual([
      "Value at 'size'",
      "Value at 'since'",
      "Value at 'config.mode'",
      "Value at 'config.nested'",
    ]);
    expect(decodeRequest(shape, parts({ config: { mode: 'OFF', nested: null, extra: 1 } }))).toEqual({ ok: true, input: { Id: 'x', Config: { Mode: 'OFF' } } });
  });
});

describe('restJson1 output encoding', () => {
  it('writes wire names, drops undefined members and writes timestamps as epoch seconds', () => {
    const out = rj.structure({
      When: optional(rj.timestamp(), { wire: 'when' }),
      Items: optional(rj.list(rj.structure({ Name: optional(rj.string(), { wire: 'name' }) })), { wire: 'items' }),
      Gone: optional(rj.string()),
    });
    expect(encodeOutput(out, { When: new Date(1500), Items: [{ Name: 'a' }, {}], Gone: undefined })).toEqual({ when: 1.5, items: [{ name: 'a' }, {}] });
  });
});

describe('restJson1 front door', () => {
  const binding: RestJsonBinding = {
    protocol: 'restJson1',
    pathPrefix: '/things',
    operations: [
      restOperation({
        name: 'GetThing',
        method: 'GET',
        uri: '/things/{id}',
        input: rj.structure({ Id: required(rj.string(), { in: 'uri', wire: 'id' }) }),
        output: rj.structure({ Name: optional(rj.string(), { wire: 'name' }), Seen: optional(rj.timestamp(), { wire: 'seen' }) }),
        handle(input) {
          if (input.Id === 'missing') throw new AwsError('NotFoundException', 'no such thing', 404);
          if (input.Id === 'bug') throw new Error('a bug');
          return { Name: input.Id, Seen: new Date(2000) };
        },
      }),
    ],
    inputError: (message) => new AwsError('BadRequestException', message, 400),
    internalError: () => new AwsError('InternalFailure', 'internal', 500),
  };
  const door = createRestJsonFrontDoor([binding]);
  const call = async (request: Request) => {
    const response = await door.handle(request, new URL(request.url));
    return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: await response.json() };
  };

  it('claims only its path prefix', () => {
    expect(door.claims(signedRequest('GET', '/things'), new URL('http://h/things'))).toBe(true);
    expect(door.claims(signedRequest('GET', '/things/a'), new URL('http://h/things/a'))).toBe(true);
    expect(door.claims(signedRequest('GET', '/thingsx'), new URL('http://h/thingsx'))).toBe(false);
  });

  it('answers JSON with wire names, and errors with their status, code header and message', async () => {
    expect(await call(signedRequest('GET', '/things/a%20b'))).toEqual({ status: 200, type: null, body: { name: 'a b', seen: 2 } });
    expect(await call(signedRequest('GET', '/things/missing'))).toEqual({ status: 404, type: 'NotFoundException', body: { message: 'no such thing' } });
    expect(await call(signedRequest('POST', '/things/a'))).toMatchObject({ status: 404, type: 'UnknownOperationException' });
    expect(await call(signedRequest('GET', '/things/a', undefined, { auth: false }))).toMatchObject({
      status: 403,
      type: 'MissingAuthenticationTokenException',
    });
    expect(await call(signedRequest('GET', '/things/%zz'))).toMatchObject({ status: 400, type: 'BadRequestException' });
    expect(await call(signedRequest('GET', '/things/bug'))).toMatchObject({ status: 500, type: 'InternalFailure' });
  });
});
