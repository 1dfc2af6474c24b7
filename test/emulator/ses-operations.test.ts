// Every SES operation's happy path and input validation, through the real SES client.
import {
  DeleteIdentityCommand,
  GetIdentityVerificationAttributesCommand,
  ListIdentitiesCommand,
  VerifyDomainIdentityCommand,
  VerifyEmailAddressCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { errorCode, expectSdkError, nextSecond, queryRequest, sesClient } from './support.ts';

let emulator: Emulator;
let ses: ReturnType<typeof sesClient>;

beforeEach(() => {
  emulator = createEmulator();
  ses = sesClient(emulator);
});

describe('SES operations', () => {
  it('VerifyEmailIdentity creates a Pending email identity without a token and mails a link', async () => {
    const out = await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'alice@example.com' }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const attrs = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: ['alice@example.com'] }));
    expect(attrs.VerificationAttributes).toEqual({ 'alice@example.com': { VerificationStatus: 'Pending' } });

    const [mail, ...others] = emulator.control.inbox.list({ to: 'alice@example.com' });
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ service: 'ses', region: 'us-east-1', to: 'alice@example.com' });
    expect(mail!.link).toMatch(/^http:\/\/localhost:4566\/_emulator\/links\/[\w-]+$/);
    expect(mail!.body).toContain(mail!.link);
    expect(new Date(mail!.sentAt).getTime()).toBeCloseTo(emulator.control.clock.now(), -3);
  });

  it('VerifyEmailAddress (deprecated) has the same effect and an empty response', async () => {
    const out = await ses.send(new VerifyEmailAddressCommand({ EmailAddress: 'bob@example.com' }));
    expect(Object.keys(out)).toEqual(['$metadata']);
    const attrs = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: ['bob@example.com'] }));
    expect(attrs.VerificationAttributes?.['bob@example.com']?.VerificationStatus).toBe('Pending');
    expect(emulator.control.inbox.list({ to: 'bob@example.com' })).toHaveLength(1);
  });

  it('VerifyDomainIdentity returns a token that GetIdentityVerificationAttributes repeats', async () => {
    const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
    expect(VerificationToken).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const attrs = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: ['example.com'] }));
    expect(attrs.VerificationAttributes).toEqual({ 'example.com': { VerificationStatus: 'Pending', VerificationToken } });
  });

  it('GetIdentityVerificationAttributes leaves out identities that do not exist and accepts an empty list', async () => {
    await ses.send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
    const attrs = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: ['nobody@example.com', 'example.com', 'example.org'] }));
    expect(Object.keys(attrs.VerificationAttributes ?? {})).toEqual(['example.com']);
    nextSecond(emulator);
    const empty = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: [] }));
    expect(empty.VerificationAttributes).toEqual({});
  });

  it('DeleteIdentity removes email and domain identities; deleting an unknown identity succeeds', async () => {
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'alice@example.com' }));
    await ses.send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
    await ses.send(new DeleteIdentityCommand({ Identity: 'alice@example.com' }));
    await ses.send(new DeleteIdentityCommand({ Identity: 'example.com' }));
    const unknown = await ses.send(new DeleteIdentityCommand({ Identity: 'never@example.com' }));
    expect(unknown.$metadata.httpStatusCode).toBe(200);

    expect((await ses.send(new ListIdentitiesCommand({}))).Identities).toEqual([]);
    const attrs = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: ['alice@example.com', 'example.com'] }));
    expect(attrs.VerificationAttributes).toEqual({});
  });

  it('ListIdentities lists every identity whatever its status', async () => {
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'alice@example.com' }));
    await ses.send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
    const out = await ses.send(new ListIdentitiesCommand({}));
    expect(out.Identities).toEqual(['alice@example.com', 'example.com']);
    expect(out.NextToken).toBeUndefined();
  });

  it('keeps regions (and accounts) apart', async () => {
    const euWest = sesClient(emulator, 'eu-west-1');
    const otherAccount = sesClient(emulator, 'us-east-1', '123456789012');
    await euWest.send(new VerifyEmailIdentityCommand({ EmailAddress: 'alice@example.com' }));
    expect((await ses.send(new ListIdentitiesCommand({}))).Identities).toEqual([]);
    expect((await otherAccount.send(new ListIdentitiesCommand({}))).Identities).toEqual([]);
    expect((await euWest.send(new ListIdentitiesCommand({}))).Identities).toEqual(['alice@example.com']);
    expect(emulator.control.inbox.list()[0]?.region).toBe('eu-west-1');
  });

  it.each([
    ['plain', 'alice'],
    ['no domain', 'alice@'],
    ['no local part', '@example.com'],
    ['space', 'al ice@example.com'],
    ['two @', 'a@b@example.com'],
    ['single-label domain', 'alice@localhost'],
    ['empty', ''],
  ])('rejects a malformed email address (%s) with InvalidParameterValue', async (_, address) => {
    await expectSdkError(ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address })), 'InvalidParameterValue', 400);
    await expectSdkError(ses.send(new VerifyEmailAddressCommand({ EmailAddress: address })), 'InvalidParameterValue', 400);
    expect(emulator.control.inbox.list()).toEqual([]);
  });

  it.each([['example'], ['-example.com'], ['exa mple.com'], ['example..com'], ['a@example.com'], [`${'x'.repeat(64)}.com`], ['']])(
    'rejects a malformed domain %j with InvalidParameterValue',
    async (domain) => {
      await expectSdkError(ses.send(new VerifyDomainIdentityCommand({ Domain: domain })), 'InvalidParameterValue', 400);
    },
  );

  it.each([
    ['GetIdentityVerificationAttributes', "'identities'"],
    ['VerifyEmailIdentity', "'emailAddress'"],
    ['VerifyEmailAddress', "'emailAddress'"],
    ['VerifyDomainIdentity', "'domain'"],
    ['DeleteIdentity', "'identity'"],
  ])('%s without its required member answers 400 ValidationError', async (action, member) => {
    const response = await emulator.fetch(queryRequest(`Action=${action}&Version=2010-12-01`));
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(errorCode(body)).toEqual({ code: 'ValidationError', type: 'Sender' });
    expect(body).toContain(`Value null at ${member} failed to satisfy constraint: Member must not be null`);
  });

  it('answers MissingAuthenticationToken (403) to a request without Authorization', async () => {
    const response = await emulator.fetch(queryRequest('Action=ListIdentities&Version=2010-12-01', { auth: false }));
    expect(response.status).toBe(403);
    expect(errorCode(await response.text())).toEqual({ code: 'MissingAuthenticationToken', type: 'Sender' });
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the same RequestId in the header and the XML, success or error', async () => {
    for (const body of ['Action=ListIdentities&Version=2010-12-01', 'Action=Nope&Version=2010-12-01']) {
      const response = await emulator.fetch(queryRequest(body));
      const xml = await response.text();
      const header = response.headers.get('x-amzn-RequestId');
      expect(header).toBeTruthy();
      expect(xml).toContain(`<RequestId>${header}</RequestId>`);
      expect(response.headers.get('content-type')).toBe('text/xml');
    }
  });

  it('also answers the query protocol over GET with the parameters in the URL', async () => {
    const response = await emulator.fetch(
      new Request('http://localhost:4566/?Action=ListIdentities&Version=2010-12-01', {
        headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/ses/aws4_request' },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<ListIdentitiesResult><Identities></Identities></ListIdentitiesResult>');
  });
});
