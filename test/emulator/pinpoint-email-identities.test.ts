// Pinpoint Email identities through the real SDK client: create, get, list (paging), delete;
// verification of an address by its mailed link and of a domain by its DKIM CNAME records
// (PENDING → SUCCESS, or FAILED after 72 hours); the ARN hint; the errors the model lists.
import {
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
  ListTagsForResourceCommand,
  type PinpointEmailClient,
} from '@aws-sdk/client-pinpoint-email';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { identityArn, pinpointClient, signedRequest } from './rest-json-clients.ts';
import { expectSdkError, follow, HOUR } from './support.ts';

let emulator: Emulator;
let pinpoint: PinpointEmailClient;

beforeEach(() => {
  emulator = createEmulator();
  pinpoint = pinpointClient(emulator);
});

const get = (name: string) => pinpoint.send(new GetEmailIdentityCommand({ EmailIdentity: name }));
const create = (name: string) => pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));

function publishDkim(domain: string, tokens: readonly string[]): void {
  for (const token of tokens) emulator.control.dns.publish({ name: `${token}._domainkey.${domain}`, type: 'CNAME', value: `${token}.dkim.amazonses.com` });
}

describe('Pinpoint Email: email address identities', () => {
  it('creates an unverified EMAIL_ADDRESS identity with an empty DKIM object and mails a link', async () => {
    const out = await create('alice@example.com');
    expect(out).toMatchObject({ IdentityType: 'EMAIL_ADDRESS', VerifiedForSendingStatus: false, DkimAttributes: {} });
    expect(out.DkimAttributes).toEqual({});
    const [mail, ...others] = emulator.control.inbox.list({ to: 'alice@example.com' });
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ service: 'pinpoint-email', region: 'us-east-1' });
    expect(mail!.link).toMatch(/^http:\/\/localhost:4566\/_emulator\/links\/[\w-]+$/);
    expect(mail!.body).toContain(mail!.link);
  });

  it('is verified as soon as the link is followed', async () => {
    await create('alice@example.com');
    expect((await get('alice@example.com')).VerifiedForSendingStatus).toBe(false);
    expect(await follow(emulator, emulator.control.inbox.list()[0]!.link!)).toBe(200);
    const identity = await get('alice@example.com');
    expect(identity).toMatchObject({
      IdentityType: 'EMAIL_ADDRESS',
      VerifiedForSendingStatus: true,
      FeedbackForwardingStatus: true,
      DkimAttributes: {},
      Tags: [],
    });
    const list = await pinpoint.send(new ListEmailIdentitiesCommand({}));
    expect(list.EmailIdentities).toEqual([{ IdentityType: 'EMAIL_ADDRESS', IdentityName: 'alice@example.com', SendingEnabled: true }]);
  });

  it('voids links of a deleted identity and links older than 24 hours', async () => {
    await create('alice@example.com');
    const first = emulator.control.inbox.list()[0]!.link!;
    await pinpoint.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'alice@example.com' }));
    await create('alice@example.com');
    expect(await follow(emulator, first)).toBe(410);
    emulator.control.clock.advance(24 * HOUR);
    expect(await follow(emulator, emulator.control.inbox.list()[1]!.link!)).toBe(410);
    expect((await get('alice@example.com')).VerifiedForSendingStatus).toBe(false);
  });
});

describe('Pinpoint Email: domain identities and DKIM', () => {
  it('gives a domain three unique DKIM tokens, PENDING and not verified', async () => {
    const out = await create('example.com');
    expect(out).toMatchObject({ IdentityType: 'DOMAIN', VerifiedForSendingStatus: false, DkimAttributes: { SigningEnabled: true, Status: 'PENDING' } });
    const tokens = out.DkimAttributes!.Tokens!;
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) expect(token).toMatch(/^[a-z0-9]{32}$/);
    expect((await get('example.com')).DkimAttributes).toEqual(out.DkimAttributes);
  });

  it('is verified once every CNAME record is published (names and values compare loosely)', async () => {
    const tokens = (await create('example.com')).DkimAttributes!.Tokens!;
    publishDkim('example.com', tokens.slice(0, 2));
    expect((await get('example.com')).DkimAttributes!.Status).toBe('PENDING');
    emulator.control.dns.publish({ name: `${tokens[2]}._domainkey.EXAMPLE.com.`, type: 'CNAME', value: `${tokens[2]}.DKIM.amazonses.com.` });
    const identity = await get('example.com');
    expect(identity).toMatchObject({ VerifiedForSendingStatus: true, DkimAttributes: { Status: 'SUCCESS', Tokens: tokens } });
    emulator.control.clock.advance(100 * HOUR);
    expect((await get('example.com')).DkimAttributes!.Status).toBe('SUCCESS');
  });

  it('ignores records that point elsewhere or are TXT records', async () => {
    const tokens = (await create('example.com')).DkimAttributes!.Tokens!;
    for (const token of tokens) {
      emulator.control.dns.publish({ name: `${token}._domainkey.example.com`, type: 'CNAME', value: 'elsewhere.example.net' });
      emulator.control.dns.publish({ name: `${token}._domainkey.example.com`, type: 'TXT', value: `${token}.dkim.amazonses.com` });
    }
    expect((await get('example.com')).DkimAttributes!.Status).toBe('PENDING');
  });

  it('goes FAILED after 72 hours without the records, and later records do not help', async () => {
    const tokens = (await create('example.com')).DkimAttributes!.Tokens!;
    emulator.control.clock.advance(72 * HOUR - 1000);
    expect((await get('example.com')).DkimAttributes!.Status).toBe('PENDING');
    emulator.control.clock.advance(1000);
    expect(await get('example.com')).toMatchObject({ VerifiedForSendingStatus: false, DkimAttributes: { Status: 'FAILED' } });
    publishDkim('example.com', tokens);
    expect((await get('example.com')).DkimAttributes!.Status).toBe('FAILED');
  });
});

describe('Pinpoint Email: identities in general', () => {
  it('sends the identity ARN in a header on create and get; AWS clients build the same ARN', async () => {
    const response = await emulator.fetch(signedRequest('POST', '/v1/email/identities', JSON.stringify({ EmailIdentity: 'example.org' })));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-emulator-resource-arn')).toBe(identityArn('example.org'));
    const tags = await pinpoint.send(new ListTagsForResourceCommand({ ResourceArn: identityArn('example.org') }));
    expect(tags.Tags).toEqual([]);
  });

  it('lists identities in pages, in name order', async () => {
    const names = ['e@example.com', 'a.example', 'c@example.com', 'b.example', 'd@example.com'];
    for (const name of names) await create(name);
    const seen: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await pinpoint.send(new ListEmailIdentitiesCommand({ PageSize: 2, NextToken }));
      expect(page.EmailIdentities!.length).toBeLessThanOrEqual(2);
      seen.push(...page.EmailIdentities!.map((i) => i.IdentityName!));
      NextToken = page.NextToken;
      pages++;
    } while (NextToken !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort());
    const all = await pinpoint.send(new ListEmailIdentitiesCommand({}));
    expect(all.NextToken).toBeUndefined();
    expect(all.EmailIdentities!.find((i) => i.IdentityName === 'a.example')).toEqual({
      IdentityType: 'DOMAIN',
      IdentityName: 'a.example',
      SendingEnabled: false,
    });
  });

  it('refuses bad paging input with BadRequestException', async () => {
    await expectSdkError(pinpoint.send(new ListEmailIdentitiesCommand({ NextToken: 'not a token' })), 'BadRequestException', 400);
    await expectSdkError(pinpoint.send(new ListEmailIdentitiesCommand({ PageSize: 0 })), 'BadRequestException', 400);
    await expectSdkError(pinpoint.send(new ListEmailIdentitiesCommand({ PageSize: 1001 })), 'BadRequestException', 400);
  });

  it('deletes identities; unknown identities are NotFoundException (404)', async () => {
    await create('example.com');
    await pinpoint.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'example.com' }));
    await expectSdkError(get('example.com'), 'NotFoundException', 404);
    await expectSdkError(pinpoint.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'example.com' })), 'NotFoundException', 404);
    expect((await pinpoint.send(new ListEmailIdentitiesCommand({}))).EmailIdentities).toEqual([]);
  });

  it('refuses malformed and duplicate identities with BadRequestException (the model lists no AlreadyExistsException here)', async () => {
    await expectSdkError(create('not an identity'), 'BadRequestException', 400);
    await expectSdkError(create('@example.com'), 'BadRequestException', 400);
    await create('alice@example.com');
    const duplicate = await expectSdkError(create('alice@example.com'), 'BadRequestException', 400);
    expect(duplicate.message).toContain('already exists');
  });

  it('keeps identities apart per region', async () => {
    await create('example.com');
    await expectSdkError(pinpointClient(emulator, 'eu-west-1').send(new GetEmailIdentityCommand({ EmailIdentity: 'example.com' })), 'NotFoundException', 404);
  });
});
