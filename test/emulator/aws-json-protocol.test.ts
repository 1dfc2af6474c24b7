// The awsJson1_1 front door: how requests reach an operation, and that malformed input never
// crashes the emulator or gets a 5xx, only a 4xx in the service's own vocabulary
// (Lightsail: InvalidInputException; Cognito: InvalidParameterException).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.ts';
import { jsonRequest, rawJson } from './aws-json-support.ts';

const emulator = createEmulator();
const LIGHTSAIL = 'Lightsail_20161128';
const COGNITO = 'AWSCognitoIdentityProviderService';
const OPERATIONS = [
  `${LIGHTSAIL}.CreateContactMethod`,
  `${LIGHTSAIL}.GetContactMethods`,
  `${LIGHTSAIL}.DeleteContactMethod`,
  `${LIGHTSAIL}.SendContactMethodVerification`,
  ...[
    'GetUserAttributeVerificationCode',
    'VerifyUserAttribute',
    'GetUser',
    'UpdateUserAttributes',
    'GlobalSignOut',
    'CreateUserPool',
    'CreateUserPoolClient',
    'AdminCreateUser',
    'AdminSetUserPassword',
    'InitiateAuth',
    'AdminInitiateAuth',
    'DeleteUserPool',
    'DescribeUserPool',
  ].map((name) => `${COGNITO}.${name}`),
];
const inputErrorOf = (target: string) => (target.startsWith(LIGHTSAIL) ? 'InvalidInputException' : 'InvalidParameterException');

describe('awsJson1_1 front door', () => {
  it('answers with the awsJson content type and a request id', async () => {
    const response = await emulator.fetch(jsonRequest(`${LIGHTSAIL}.GetContactMethods`, '{}'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ contactMethods: [] });
  });

  it.each([
    ['an unknown operation', `${LIGHTSAIL}.LaunchRocket`],
    ['an unknown target prefix', 'Nothing_20990101.GetContactMethods'],
    ['a target without a dot', 'GetContactMethods'],
    ['an empty target', ''],
    ['an inherited property name', `${LIGHTSAIL}.__proto__`],
    ['another inherited name', `${COGNITO}.toString`],
  ])('answers %s with 400 UnknownOperationException', async (_, target) => {
    const result = await rawJson(emulator, jsonRequest(target, '{}'));
    expect([result.status, result.type]).toEqual([400, 'UnknownOperationException']);
  });

  it('answers a GET with 400 UnknownOperationException', async () => {
    const result = await rawJson(emulator, jsonRequest(`${LIGHTSAIL}.GetContactMethods`, undefined, { method: 'GET' }));
    expect([result.status, result.type]).toEqual([400, 'UnknownOperationException']);
  });

  it('answers a Lightsail call without credentials with 400 MissingAuthenticationTokenException', async () => {
    const result = await rawJson(emulator, jsonRequest(`${LIGHTSAIL}.GetContactMethods`, '{}', { auth: false }));
    expect([result.status, result.type]).toEqual([400, 'MissingAuthenticationTokenException']);
  });

  it('reads the account and Region from the credential scope', async () => {
    await rawJson(
      emulator,
      jsonRequest(`${LIGHTSAIL}.CreateContactMethod`, '{"protocol":"Email","contactEndpoint":"scope@example.com"}', { region: 'ap-south-1' }),
    );
    const here = await rawJson(emulator, jsonRequest(`${LIGHTSAIL}.GetContactMethods`, '{}', { region: 'ap-south-1' }));
    const elsewhere = await rawJson(emulator, jsonRequest(`${LIGHTSAIL}.GetContactMethods`, '{}', { region: 'us-east-1' }));
    expect(here.body.contactMethods).toMatchObject([{ contactEndpoint: 'scope@example.com', location: { regionName: 'ap-south-1' } }]);
    expect(elsewhere.body.contactMethods).toEqual([]);
  });
});

describe('malformed awsJson1_1 requests', () => {
  it.each([
    ['malformed JSON', '{"protocol":'],
    ['a JSON array', '["Email"]'],
    ['a JSON string', '"Email"'],
    ['JSON null', 'null'],
    ['a number for a string', '{"protocol":5}'],
    ['an enum value in the wrong case', '{"protocol":"email"}'],
    ['a missing required member', '{}'],
    ['an empty body (read as {})', ''],
    ['an object for a string', '{"protocol":{"Email":true}}'],
  ])('Lightsail answers %s with 400 InvalidInputException', async (_, body) => {
    const result = await rawJson(emulator, jsonRequest(`${LIGHTSAIL}.DeleteContactMethod`, body));
    expect([result.status, result.type]).toEqual([400, 'InvalidInputException']);
    expect(result.body.message).toEqual(expect.any(String));
  });

  it.each([
    ['malformed JSON', 'AccessToken='],
    ['a list for a string', '{"AccessToken":["a"],"AttributeName":"email"}'],
    ['a missing AttributeName', '{"AccessToken":"a.b.c"}'],
    ['an AttributeName over 32 characters', `{"AccessToken":"a.b.c","AttributeName":"${'x'.repeat(33)}"}`],
    ['a ClientMetadata value that is not a string', '{"AccessToken":"a.b.c","AttributeName":"email","ClientMetadata":{"a":1}}'],
    ['a token with characters outside its pattern', '{"AccessToken":"a b c","AttributeName":"email"}'],
  ])('Cognito answers %s with 400 InvalidParameterException', async (_, body) => {
    const result = await rawJson(emulator, jsonRequest(`${COGNITO}.GetUserAttributeVerificationCode`, body, { auth: false }));
    expect([result.status, result.type]).toEqual([400, 'InvalidParameterException']);
  });

  it('answers a non-UTF-8 body with a 400', async () => {
    const bytes = Buffer.concat([Buffer.from('{"protocol":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]);
    const result = await rawJson(emulator, jsonRequest(`${LIGHTSAIL}.DeleteContactMethod`, bytes));
    expect([result.status, result.type]).toEqual([400, 'InvalidInputException']);
  });

  it('never answers 5xx to arbitrary bodies, for any operation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OPERATIONS),
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ wrapped: v })),
        ),
        async (target, body) => {
          const result = await rawJson(emulator, jsonRequest(target, body, { service: target.startsWith(LIGHTSAIL) ? 'lightsail' : 'cognito-idp' }));
          expect(result.status).toBeLessThan(500);
          expect(result.contentType).toBe('application/x-amz-json-1.1');
          if (result.status >= 400) expect(typeof result.type).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never answers 5xx to objects whose members have arbitrary types', async () => {
    const member = fc.oneof(fc.jsonValue(), fc.constantFrom('Email', 'SMS', 'email', 'a.b.c', '+14155550100', 'x@example.com'));
    const names = fc.constantFrom(
      'protocol',
      'protocols',
      'contactEndpoint',
      'AccessToken',
      'AttributeName',
      'Code',
      'UserAttributes',
      'ClientMetadata',
      'PoolName',
      'UserPoolId',
      'ClientId',
      'Username',
      'Password',
      'AuthFlow',
      'AuthParameters',
      'ExplicitAuthFlows',
      'Policies',
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS), fc.dictionary(names, member), async (target, body) => {
        const result = await rawJson(emulator, jsonRequest(target, JSON.stringify(body)));
        expect(result.status).toBeLessThan(500);
        if (result.status >= 400) expect(result.type).toMatch(/^[A-Z]\w+Exception$/);
      }),
      { numRuns: 400 },
    );
  });

  it('answers wrong types and missing members in the service vocabulary, for every operation', async () => {
    for (const target of OPERATIONS.filter((t) => !t.endsWith('GetContactMethods'))) {
      const result = await rawJson(emulator, jsonRequest(target, '[]'));
      expect([target, result.status, result.type]).toEqual([target, 400, inputErrorOf(target)]);
    }
  });
});
