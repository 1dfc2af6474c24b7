// Malformed input to the restJson1 services (Pinpoint Email, AmplifyBackend) as raw Requests:
// unreadable JSON, wrong types, missing members, bad escapes, unknown routes, garbage bytes.
// Every answer is a 4xx in the protocol's error shape, never a 5xx and never a throw.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.ts';
import { rawCall, signedRequest } from './rest-json-clients.ts';

const emulator = createEmulator();

async function setUp(): Promise<void> {
  await rawCall(emulator, signedRequest('POST', '/v1/email/identities', JSON.stringify({ EmailIdentity: 'example.com' })));
  await rawCall(
    emulator,
    signedRequest('POST', '/backend', JSON.stringify({ appId: 'app', appName: 'a', backendEnvironmentName: 'dev' }), { service: 'amplifybackend' }),
  );
}

const ARN = encodeURIComponent('arn:aws:ses:us-east-1:000000000000:identity/example.com');
const BODIES = [
  '{',
  '[]',
  '"text"',
  'null',
  '42',
  '{"a":',
  '\u0000\u00ff',
  '{"EmailIdentity": {"nested": true}}',
  JSON.stringify({ deep: JSON.parse('['.repeat(500) + ']'.repeat(500)) }),
];

/** Every route of both services, with bodies that break it in some way. */
const ROUTES: Array<[string, string]> = [
  ['POST', '/v1/email/identities'],
  ['GET', '/v1/email/identities/example.com'],
  ['GET', '/v1/email/identities'],
  ['DELETE', '/v1/email/identities/nobody.example'],
  ['POST', '/v1/email/tags'],
  ['DELETE', `/v1/email/tags?ResourceArn=${ARN}`],
  ['GET', '/v1/email/tags'],
  ['POST', '/backend'],
  ['POST', '/backend/app/auth'],
  ['POST', '/backend/app/auth/dev/details'],
  ['POST', '/backend/app/auth/dev'],
  ['GET', '/backend/app/job/dev/x'],
  ['POST', '/backend/app/environments/dev/remove'],
  ['POST', '/backend/app/auth/dev/remove'],
];

describe('restJson1 malformed input', () => {
  it('answers every malformed body on every route that reads one with a 4xx and an error type', async () => {
    await setUp();
    // GET routes and DeleteBackend have no body members: their bodies are not read at all.
    for (const [method, path] of ROUTES.filter(([m, p]) => m !== 'GET' && !p.includes('/environments/'))) {
      for (const body of BODIES) {
        const answer = await rawCall(emulator, signedRequest(method, path, body));
        expect(answer.status, `${method} ${path} ${body.slice(0, 20)}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${method} ${path} ${body.slice(0, 20)}`).toBeLessThan(500);
        expect(answer.code).toMatch(/^[A-Za-z]+$/);
        expect(typeof answer.body.message).toBe('string');
      }
    }
  });

  it('answers wrong JSON types and missing members with 400 BadRequestException', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/v1/email/identities', { EmailIdentity: 7 }],
      ['POST', '/v1/email/identities', { EmailIdentity: 'x.example', Tags: 'a=b' }],
      ['POST', '/v1/email/identities', { EmailIdentity: 'x.example', Tags: [{ Value: 'no key' }] }],
      ['POST', '/v1/email/identities', { EmailIdentity: 'x.example', Tags: [null] }],
      ['POST', '/v1/email/tags', { ResourceArn: decodeURIComponent(ARN) }],
      ['POST', '/backend', { appId: 'a', appName: 'b' }],
      ['POST', '/backend', { appId: ['a'], appName: 'b', backendEnvironmentName: 'c' }],
      ['POST', '/backend/app/auth/dev/details', {}],
      ['POST', '/backend/app/auth', { backendEnvironmentName: 'dev', resourceName: 'r', resourceConfig: 'cognito' }],
    ];
    for (const [method, path, body] of cases) {
      const answer = await rawCall(emulator, signedRequest(method, path, JSON.stringify(body)));
      expect(answer, `${path} ${JSON.stringify(body)}`).toMatchObject({ status: 400, code: 'BadRequestException' });
    }
    for (const path of [
      '/v1/email/tags',
      '/v1/email/identities?PageSize=ten',
      '/v1/email/identities?PageSize=99999999999',
      '/v1/email/identities/',
      '/backend//auth/dev/details',
    ]) {
      const answer = await rawCall(emulator, path.startsWith('/backend') ? signedRequest('POST', path, '{"resourceName":"r"}') : signedRequest('GET', path));
      expect(answer, path).toMatchObject({ status: 400, code: 'BadRequestException' });
    }
    expect(await rawCall(emulator, signedRequest('DELETE', `/v1/email/tags?ResourceArn=${ARN}`))).toMatchObject({ status: 400, code: 'BadRequestException' });
  });

  it('answers bad escapes, unknown routes and missing credentials without a 5xx', async () => {
    expect(await rawCall(emulator, signedRequest('GET', '/v1/email/identities/%E0%A4%A'))).toMatchObject({ status: 400, code: 'BadRequestException' });
    expect(await rawCall(emulator, signedRequest('PUT', '/v1/email/identities'))).toMatchObject({ status: 404, code: 'UnknownOperationException' });
    expect(await rawCall(emulator, signedRequest('GET', '/backend/app/nothing/here'))).toMatchObject({ status: 404, code: 'UnknownOperationException' });
    expect(await rawCall(emulator, signedRequest('GET', '/v1/email/identities', undefined, { auth: false }))).toMatchObject({
      status: 403,
      code: 'MissingAuthenticationTokenException',
    });
  });

  it('survives random bytes on random routes', async () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 200; i++) {
      const [method, path] = ROUTES[next() % ROUTES.length]!;
      const bytes = Uint8Array.from({ length: next() % 64 }, () => next() % 256);
      const request = new Request(`http://localhost:4566${path}`, {
        method,
        headers: { authorization: 'AWS4-HMAC-SHA256 Credential=garbage', 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : bytes,
      });
      const response = await emulator.fetch(request);
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
      await response.arrayBuffer();
    }
  });
});
