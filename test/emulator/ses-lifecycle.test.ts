// The verification lifecycles of the SES document, driven by the virtual clock, the inbox's
// links and the emulator's DNS.
import { DeleteIdentityCommand, GetIdentityVerificationAttributesCommand, VerifyDomainIdentityCommand, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { follow, HOUR, nextSecond, sesClient } from './support.ts';

let emulator: Emulator;
let ses: ReturnType<typeof sesClient>;

beforeEach(() => {
  emulator = createEmulator();
  ses = sesClient(emulator);
});

async function statusOf(identity: string): Promise<{ VerificationStatus?: string; VerificationToken?: string } | undefined> {
  nextSecond(emulator);
  const out = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: [identity] }));
  return out.VerificationAttributes?.[identity];
}

function lastLink(to: string): string {
  const link = emulator.control.inbox.list({ to }).at(-1)?.link;
  if (link === undefined) throw new Error(`no mail to ${to}`);
  return link;
}

describe('email verification', () => {
  const address = 'alice@example.com';

  it('becomes Success when the link is followed within 24 hours', async () => {
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    emulator.control.clock.advance(23 * HOUR);
    expect(await follow(emulator, lastLink(address))).toBe(200);
    expect(await statusOf(address)).toEqual({ VerificationStatus: 'Success' });
    emulator.control.clock.advance(48 * HOUR);
    expect(await statusOf(address)).toEqual({ VerificationStatus: 'Success' });
    expect(await follow(emulator, lastLink(address))).toBe(410); // a used link expires with its window
  });

  it('becomes Failed when the link is not followed within 24 hours, and the link expires', async () => {
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    emulator.control.clock.advance(24 * HOUR - 2000);
    expect(await statusOf(address)).toEqual({ VerificationStatus: 'Pending' });
    emulator.control.clock.advance(2000);
    expect(await statusOf(address)).toEqual({ VerificationStatus: 'Failed' });
    expect(await follow(emulator, lastLink(address))).toBe(410);
    expect(await statusOf(address)).toEqual({ VerificationStatus: 'Failed' });
  });

  it('restarts from the beginning after Failed: Pending, a new link, a new 24 hour window', async () => {
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    const firstLink = lastLink(address);
    emulator.control.clock.advance(25 * HOUR);
    expect((await statusOf(address))?.VerificationStatus).toBe('Failed');

    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    expect((await statusOf(address))?.VerificationStatus).toBe('Pending');
    const secondLink = lastLink(address);
    expect(secondLink).not.toBe(firstLink);
    expect(await follow(emulator, firstLink)).toBe(410);
    emulator.control.clock.advance(23 * HOUR);
    expect(await follow(emulator, secondLink)).toBe(200);
    expect((await statusOf(address))?.VerificationStatus).toBe('Success');
  });

  it('sends a new link to a Pending address and restarts its 24 hour window; earlier links stay valid', async () => {
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    const firstLink = lastLink(address);
    emulator.control.clock.advance(20 * HOUR);
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    const secondLink = lastLink(address);
    expect(emulator.control.inbox.list({ to: address })).toHaveLength(2);

    emulator.control.clock.advance(10 * HOUR); // 30 h after the first mail, 10 h after the second
    expect((await statusOf(address))?.VerificationStatus).toBe('Pending');
    expect(await follow(emulator, firstLink)).toBe(410);
    expect(await follow(emulator, secondLink)).toBe(200);
    expect((await statusOf(address))?.VerificationStatus).toBe('Success');
  });

  it('leaves a Success address Success when it is verified again, and sends nothing', async () => {
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    await follow(emulator, lastLink(address));
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    expect(emulator.control.inbox.list({ to: address })).toHaveLength(1);
    emulator.control.clock.advance(30 * HOUR);
    expect((await statusOf(address))?.VerificationStatus).toBe('Success');
  });

  it('voids the links of a deleted identity, also after it is created again', async () => {
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    const oldLink = lastLink(address);
    await ses.send(new DeleteIdentityCommand({ Identity: address }));
    expect(await follow(emulator, oldLink)).toBe(410);
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    expect(await follow(emulator, oldLink)).toBe(410);
    expect((await statusOf(address))?.VerificationStatus).toBe('Pending');
  });

  it('answers 404 to a link it never issued', async () => {
    expect(await follow(emulator, 'http://localhost:4566/_emulator/links/not-a-token')).toBe(404);
  });
});

describe('domain verification', () => {
  const domain = 'example.com';
  const publishToken = (value: string, name = `_amazonses.${domain}`) => emulator.control.dns.publish({ name, type: 'TXT', value });

  it('becomes Success once the TXT record is published within 72 hours, and keeps its token', async () => {
    const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    emulator.control.clock.advance(71 * HOUR);
    expect(await statusOf(domain)).toEqual({ VerificationStatus: 'Pending', VerificationToken });
    publishToken(VerificationToken!);
    expect(await statusOf(domain)).toEqual({ VerificationStatus: 'Success', VerificationToken });
    emulator.control.clock.advance(100 * HOUR);
    expect(await statusOf(domain)).toEqual({ VerificationStatus: 'Success', VerificationToken });
  });

  it('stays Success when the record is removed after it was detected', async () => {
    const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    publishToken(VerificationToken!);
    emulator.control.dns.remove({ name: `_amazonses.${domain}`, type: 'TXT', value: VerificationToken! });
    expect((await statusOf(domain))?.VerificationStatus).toBe('Success');
  });

  it('matches the record name in any case and with a trailing dot, and a quoted TXT value', async () => {
    const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    publishToken(`"${VerificationToken}"`, `_AmazonSES.Example.COM.`);
    expect((await statusOf(domain))?.VerificationStatus).toBe('Success');
  });

  it('starts a deleted domain over with a new token', async () => {
    const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    publishToken(VerificationToken!);
    await ses.send(new DeleteIdentityCommand({ Identity: domain }));
    const again = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    expect(again.VerificationToken).not.toBe(VerificationToken);
    expect((await statusOf(domain))?.VerificationStatus).toBe('Pending');
  });

  it('ignores records with another value, another name or another type', async () => {
    const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    publishToken('some-other-token');
    publishToken(VerificationToken!, `_amazonses.other.${domain}`);
    emulator.control.dns.publish({ name: `_amazonses.${domain}`, type: 'CNAME', value: VerificationToken! });
    expect((await statusOf(domain))?.VerificationStatus).toBe('Pending');
  });

  it('becomes Failed when the record is not found within 72 hours', async () => {
    const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    emulator.control.clock.advance(72 * HOUR);
    expect(await statusOf(domain)).toEqual({ VerificationStatus: 'Failed', VerificationToken });
    publishToken(VerificationToken!);
    expect(await statusOf(domain)).toEqual({ VerificationStatus: 'Failed', VerificationToken });
  });

  it('does not count a record published after 72 hours, even if nobody looked in between', async () => {
    const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    emulator.control.clock.advance(72 * HOUR);
    publishToken(VerificationToken!);
    expect(await statusOf(domain)).toEqual({ VerificationStatus: 'Failed', VerificationToken });
  });

  it('restarts after Failed with a new token and a new 72 hour window', async () => {
    const first = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    emulator.control.clock.advance(73 * HOUR);
    expect((await statusOf(domain))?.VerificationStatus).toBe('Failed');
    const second = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    expect(second.VerificationToken).not.toBe(first.VerificationToken);
    expect(await statusOf(domain)).toEqual({ VerificationStatus: 'Pending', VerificationToken: second.VerificationToken });
    emulator.control.clock.advance(71 * HOUR);
    publishToken(second.VerificationToken!);
    expect((await statusOf(domain))?.VerificationStatus).toBe('Success');
  });

  it('returns the same token when a Pending or verified domain is verified again', async () => {
    const first = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    const pending = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    expect(pending.VerificationToken).toBe(first.VerificationToken);
    publishToken(first.VerificationToken!);
    const verified = await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    expect(verified.VerificationToken).toBe(first.VerificationToken);
    expect((await statusOf(domain))?.VerificationStatus).toBe('Success');
  });
});
