// ListIdentities paging and filtering; the documented limits of GetIdentityVerificationAttributes:
// at most 100 identities per call, and one request per second.
import {
  DeleteIdentityCommand,
  GetIdentityVerificationAttributesCommand,
  ListIdentitiesCommand,
  VerifyDomainIdentityCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { altered, errorCode, expectSdkError, nextSecond, queryRequest, sesClient } from './support.ts';

let emulator: Emulator;
let ses: ReturnType<typeof sesClient>;

beforeEach(() => {
  emulator = createEmulator();
  ses = sesClient(emulator);
});

const giva = (identities: string[], client = ses) => client.send(new GetIdentityVerificationAttributesCommand({ Identities: identities }));

describe('ListIdentities', () => {
  beforeEach(async () => {
    for (const address of ['c@example.com', 'a@example.com', 'b@example.com']) await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    for (const domain of ['b.example', 'a.example']) await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
  });

  async function allPages(input: { IdentityType?: 'EmailAddress' | 'Domain'; MaxItems?: number }): Promise<string[][]> {
    const pages: string[][] = [];
    let NextToken: string | undefined;
    do {
      const out = await ses.send(new ListIdentitiesCommand({ ...input, NextToken }));
      pages.push(out.Identities ?? []);
      NextToken = out.NextToken;
    } while (NextToken !== undefined);
    return pages;
  }

  it('pages with MaxItems and NextToken, every identity exactly once', async () => {
    expect(await allPages({ MaxItems: 2 })).toEqual([['a.example', 'a@example.com'], ['b.example', 'b@example.com'], ['c@example.com']]);
    expect(await allPages({ MaxItems: 5 })).toEqual([['a.example', 'a@example.com', 'b.example', 'b@example.com', 'c@example.com']]);
  });

  it('filters by IdentityType', async () => {
    expect(await allPages({ IdentityType: 'EmailAddress', MaxItems: 2 })).toEqual([['a@example.com', 'b@example.com'], ['c@example.com']]);
    expect(await allPages({ IdentityType: 'Domain' })).toEqual([['a.example', 'b.example']]);
  });

  it('keeps paging consistent when the last identity of a page is deleted in between', async () => {
    const first = await ses.send(new ListIdentitiesCommand({ MaxItems: 2 }));
    await ses.send(new DeleteIdentityCommand({ Identity: 'a@example.com' }));
    const second = await ses.send(new ListIdentitiesCommand({ MaxItems: 2, NextToken: first.NextToken }));
    expect(second.Identities).toEqual(['b.example', 'b@example.com']);
  });

  it('rejects a NextToken it did not issue, and an IdentityType outside the enum', async () => {
    await expectSdkError(ses.send(new ListIdentitiesCommand({ NextToken: 'garbage!' })), 'InvalidParameterValue', 400);
    await expectSdkError(ses.send(new ListIdentitiesCommand({ NextToken: 'Zm9v' })), 'InvalidParameterValue', 400);
    await expectSdkError(ses.send(new ListIdentitiesCommand(altered({ IdentityType: 'Domain' as const }, ['IdentityType'], 'Phone'))), 'ValidationError', 400);
  });

  it('clamps MaxItems into 1..1000', async () => {
    expect((await ses.send(new ListIdentitiesCommand({ MaxItems: 0 }))).Identities).toEqual(['a.example']);
    expect((await ses.send(new ListIdentitiesCommand({ MaxItems: 5000 }))).Identities).toHaveLength(5);
  });

  it('answers a ValidationError to a MaxItems that is not an integer', async () => {
    const response = await emulator.fetch(queryRequest('Action=ListIdentities&Version=2010-12-01&MaxItems=ten'));
    expect(response.status).toBe(400);
    expect(errorCode(await response.text()).code).toBe('ValidationError');
  });
});

describe('GetIdentityVerificationAttributes limits', () => {
  const identities = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`);

  it('accepts 100 identities and rejects 101 with a 400 ValidationError', async () => {
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'user99@example.com' }));
    const out = await giva(identities(100));
    expect(Object.keys(out.VerificationAttributes ?? {})).toEqual(['user99@example.com']);
    nextSecond(emulator);
    const error = await expectSdkError(giva(identities(101)), 'ValidationError', 400);
    expect(error.message).toContain('less than or equal to 100');
  });

  it('throttles a second call within the same second with 400 Throttling "Rate exceeded"', async () => {
    await giva([]);
    const error = await expectSdkError(giva([]), 'Throttling', 400);
    expect(error.message).toBe('Rate exceeded');
    expect(error).toHaveProperty('Type', 'Sender');
  });

  it('admits one call per second of virtual time', async () => {
    // Real time flows too, so the steps leave room for the few real milliseconds a call takes.
    await giva([]);
    emulator.control.clock.advance(500);
    await expectSdkError(giva([]), 'Throttling', 400);
    emulator.control.clock.advance(500);
    await giva([]);
    // A long pause does not bank more than one call.
    emulator.control.clock.advance(60_000);
    await giva([]);
    await expectSdkError(giva([]), 'Throttling', 400);
  });

  it('counts calls per account and region, and throttles no other operation', async () => {
    await giva([]);
    await giva([], sesClient(emulator, 'eu-west-1'));
    await giva([], sesClient(emulator, 'us-east-1', '123456789012'));
    await expectSdkError(giva([]), 'Throttling', 400);
    for (let i = 0; i < 5; i++) await ses.send(new ListIdentitiesCommand({}));
  });

  it('counts invalid calls too: throttling is judged before the input', async () => {
    await expectSdkError(giva(identities(101)), 'ValidationError', 400);
    await expectSdkError(giva([]), 'Throttling', 400);
  });
});
