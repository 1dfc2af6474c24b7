// Malformed input never crashes the emulator and never gets a 5xx: it gets a 4xx in the
// protocol's error shape (awsQuery) or a 404 JSON for paths no service owns.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.ts';
import { errorCode, queryRequest } from './support.ts';

const emulator = createEmulator();
// GetIdentityVerificationAttributes is throttled at 1/s; step past it so the input is what is judged.
beforeEach(() => emulator.control.clock.advance(1000));

async function answer(request: Request): Promise<{ status: number; body: string; contentType: string | null }> {
  const response = await emulator.fetch(request);
  return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') };
}

function expectQueryError(result: { status: number; body: string }, code: string): void {
  expect(result.status, result.body).toBe(400);
  expect(result.body).toMatch(/^<ErrorResponse xmlns="http:\/\/ses\.amazonaws\.com\/doc\/2010-12-01\/"><Error><Type>Sender<\/Type>/);
  expect(errorCode(result.body).code).toBe(code);
}

describe('malformed awsQuery requests', () => {
  it.each([
    ['an empty body', '', 'MissingAction'],
    ['a body without Action', 'Version=2010-12-01', 'MissingAction'],
    ['a missing Version', 'Action=ListIdentities', 'MissingParameter'],
    ['an unknown Version', 'Action=ListIdentities&Version=2099-01-01', 'NoSuchVersion'],
    ['an unknown Action', 'Action=SendEverything&Version=2010-12-01', 'InvalidAction'],
    ['an inherited property name as Action', 'Action=__proto__&Version=2010-12-01', 'InvalidAction'],
    ['another inherited name as Action', 'Action=toString&Version=2010-12-01', 'InvalidAction'],
    ['a JSON body', '{"Action":"ListIdentities","Version":"2010-12-01"}', 'MissingAction'],
    ['bad percent escapes', 'Action=List%ZZIdentities%&Version=2010-12-01', 'InvalidAction'],
    ['a list given as a scalar', 'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities=a%40b.com', 'ValidationError'],
    ['a list with a bad index', 'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities.member.0=a%40b.com', 'ValidationError'],
    ['a list with a word index', 'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities.member.first=x', 'ValidationError'],
    ['a list nested one level too deep', 'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities.member.1.x=y', 'ValidationError'],
    ['a scalar given as a list', 'Action=VerifyEmailIdentity&Version=2010-12-01&EmailAddress.member.1=a%40b.com', 'ValidationError'],
    ['an integer that is not one', 'Action=ListIdentities&Version=2010-12-01&MaxItems=1e3', 'ValidationError'],
    ['an integer beyond 32 bits', 'Action=ListIdentities&Version=2010-12-01&MaxItems=99999999999', 'ValidationError'],
    ['an enum value in the wrong case', 'Action=ListIdentities&Version=2010-12-01&IdentityType=domain', 'ValidationError'],
    ['a control character in an address', 'Action=VerifyEmailIdentity&Version=2010-12-01&EmailAddress=a%00%3C%26%40b.com', 'InvalidParameterValue'],
  ])('answers %s with 400 %s', async (_, body, code) => {
    expectQueryError(await answer(queryRequest(body)), code);
  });

  it('answers a non-UTF-8 body with a 400', async () => {
    const bytes = Buffer.concat([Buffer.from('Action='), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80]), Buffer.from('&Version=2010-12-01')]);
    expectQueryError(await answer(queryRequest(bytes)), 'InvalidAction');
    expectQueryError(await answer(queryRequest('Action=VerifyEmailIdentity&Version=2010-12-01&EmailAddress=%ff%fe%40b.com')), 'InvalidParameterValue');
  });

  it('writes well-formed XML whatever the input echoed in a message', async () => {
    const result = await answer(queryRequest('Action=VerifyDomainIdentity&Version=2010-12-01&Domain=%3C%2FMessage%3E%26%01%0D%ED%A0%80'));
    expectQueryError(result, 'InvalidParameterValue');
    expect(result.body).toContain('Invalid domain name: &lt;/Message&gt;&amp;\uFFFD&#xD;');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserts that none of the control characters XML 1.0 forbids reach the body
    expect(result.body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('answers a large body of nonsense with a 400', async () => {
    const body = `Action=GetIdentityVerificationAttributes&Version=2010-12-01&${'Identities.member.1.a.b.c.d.e.f=x&'.repeat(20000)}`;
    expectQueryError(await answer(queryRequest(body)), 'ValidationError');
  });

  it('never answers 5xx to arbitrary form bodies', async () => {
    // Any UTF-16 code unit, lone surrogates and control characters included.
    const anyChar = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const key = fc.oneof(
      fc.constantFrom(
        'Action',
        'Version',
        'Identities',
        'Identities.member.1',
        'Identities.member.2',
        'EmailAddress',
        'Domain',
        'Identity',
        'MaxItems',
        'NextToken',
        'IdentityType',
        'Identities.entry.1.key',
      ),
      fc.string({ maxLength: 12 }),
    );
    const value = fc.oneof(
      fc.constantFrom(
        '2010-12-01',
        'GetIdentityVerificationAttributes',
        'VerifyEmailIdentity',
        'VerifyDomainIdentity',
        'DeleteIdentity',
        'ListIdentities',
        'VerifyEmailAddress',
        'a@example.com',
        'example.com',
        '',
        '-1',
        '0',
      ),
      fc.string({ maxLength: 20, unit: anyChar }),
    );
    const body = fc.oneof(
      fc.array(fc.tuple(key, value), { maxLength: 8 }).map((pairs) => new URLSearchParams(pairs).toString()),
      fc.string({ maxLength: 200, unit: anyChar }),
      fc.uint8Array({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, signed) => {
        const result = await answer(queryRequest(payload, { auth: signed }));
        // Plain checks rather than expect(): this runs hundreds of times.
        if (result.status >= 500) throw new Error(`answered ${result.status}: ${result.body}`);
        const wellFormedError = /^<ErrorResponse xmlns="[^"]+"><Error><Type>Sender<\/Type><Code>\w+<\/Code>/.test(result.body);
        if (result.status >= 400 && !wellFormedError) throw new Error(`not an awsQuery error: ${result.body}`);
      }),
      { numRuns: 400 },
    );
  });
});

describe('requests no service owns', () => {
  it.each([
    ['GET', '/'],
    ['PUT', '/'],
    ['DELETE', '/'],
    ['GET', '/v1/nothing/here'],
    ['POST', '/some/path'],
  ])('%s %s answers 404 JSON', async (method, path) => {
    const result = await answer(queryRequest(method === 'GET' ? undefined : 'x=1', { method, path }));
    expect(result.status).toBe(404);
    expect(result.contentType).toBe('application/json');
    expect(JSON.parse(result.body)).toMatchObject({ error: 'NotFound' });
  });
});
