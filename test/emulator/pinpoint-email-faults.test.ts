// Each Pinpoint Email fault of the catalog changes the behaviour its description names; where it
// is cheap, the same test first shows the documented behaviour with the fault off.
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type PinpointEmailClient,
  type Tag,
} from '@aws-sdk/client-pinpoint-email';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { identityArn, pinpointClient } from './rest-json-clients.ts';
import { expectFaultCatalog, expectSdkError, HOUR, sdkFailure } from './support.ts';

const ARN = identityArn('example.com');
let emulator: Emulator;
let pinpoint: PinpointEmailClient;

beforeEach(async () => {
  emulator = createEmulator();
  pinpoint = pinpointClient(emulator);
});

const createDomain = () => pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.com' }));
const tag = (Tags: Tag[]) => pinpoint.send(new TagResourceCommand({ ResourceArn: ARN, Tags }));
const tags = async () => (await pinpoint.send(new ListTagsForResourceCommand({ ResourceArn: ARN }))).Tags!;
/** IdentityType of example.com as GetEmailIdentity and ListEmailIdentities answer it. */
const domainTypes = async () => [
  (await pinpoint.send(new GetEmailIdentityCommand({ EmailIdentity: 'example.com' }))).IdentityType,
  (await pinpoint.send(new ListEmailIdentitiesCommand({}))).EmailIdentities![0]!.IdentityType,
];
const numbered = (n: number): Tag[] => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));

describe('Pinpoint Email faults', () => {
  it('lists every fault under the pinpoint-email service', () => {
    expectFaultCatalog('pinpoint-email');
  });

  it('pinpoint.tags.accept-over-50 accepts a 51st tag', async () => {
    await createDomain();
    await tag(numbered(50));
    await expectSdkError(tag([{ Key: 'extra', Value: 'v' }]), 'BadRequestException', 400);
    emulator.control.faults.enable('pinpoint.tags.accept-over-50');
    await tag([{ Key: 'extra', Value: 'v' }]);
    expect(await tags()).toHaveLength(51);
  });

  it('pinpoint.tags.accept-long-key accepts a 129-character key', async () => {
    await createDomain();
    await expectSdkError(tag([{ Key: 'k'.repeat(129), Value: 'v' }]), 'BadRequestException', 400);
    emulator.control.faults.enable('pinpoint.tags.accept-long-key');
    await tag([{ Key: 'k'.repeat(129), Value: 'v' }]);
    expect((await tags())[0]!.Key).toHaveLength(129);
  });

  it('pinpoint.tags.accept-aws-prefix accepts keys beginning aws:', async () => {
    await createDomain();
    await expectSdkError(tag([{ Key: 'aws:k', Value: 'v' }]), 'BadRequestException', 400);
    emulator.control.faults.enable('pinpoint.tags.accept-aws-prefix');
    await tag([{ Key: 'aws:k', Value: 'v' }]);
    expect(await tags()).toEqual([{ Key: 'aws:k', Value: 'v' }]);
  });

  it('pinpoint.tags.duplicate-key adds a second tag instead of replacing the value', async () => {
    await createDomain();
    await tag([{ Key: 'env', Value: 'a' }]);
    await tag([{ Key: 'env', Value: 'b' }]);
    expect(await tags()).toEqual([{ Key: 'env', Value: 'b' }]);
    emulator.control.faults.enable('pinpoint.tags.duplicate-key');
    await tag([{ Key: 'env', Value: 'c' }]);
    expect(await tags()).toEqual([
      { Key: 'env', Value: 'b' },
      { Key: 'env', Value: 'c' },
    ]);
  });

  it('pinpoint.tags.case-insensitive-keys lets keys differing only in case overwrite each other', async () => {
    await createDomain();
    emulator.control.faults.enable('pinpoint.tags.case-insensitive-keys');
    await tag([{ Key: 'Env', Value: 'a' }]);
    await tag([{ Key: 'env', Value: 'b' }]);
    expect(await tags()).toEqual([{ Key: 'env', Value: 'b' }]);
  });

  it('pinpoint.identity.domain-as-email answers EMAIL_ADDRESS for a domain', async () => {
    expect((await createDomain()).IdentityType).toBe('DOMAIN');
    emulator.control.faults.enable('pinpoint.identity.domain-as-email');
    expect(await domainTypes()).toEqual(['EMAIL_ADDRESS', 'EMAIL_ADDRESS']);
  });

  it('pinpoint.identity.verified-on-create answers VerifiedForSendingStatus true for a new identity', async () => {
    emulator.control.faults.enable('pinpoint.identity.verified-on-create');
    expect((await pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: 'alice@example.com' }))).VerifiedForSendingStatus).toBe(true);
    expect((await createDomain()).VerifiedForSendingStatus).toBe(true);
  });

  it('pinpoint.dkim.email-gets-tokens gives an email address DKIM tokens', async () => {
    emulator.control.faults.enable('pinpoint.dkim.email-gets-tokens');
    const out = await pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: 'alice@example.com' }));
    expect(out.DkimAttributes!.Tokens).toHaveLength(3);
  });

  it('pinpoint.dkim.duplicate-tokens makes the domain tokens identical', async () => {
    emulator.control.faults.enable('pinpoint.dkim.duplicate-tokens');
    const tokens = (await createDomain()).DkimAttributes!.Tokens!;
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
  });

  it('pinpoint.domain.never-fails keeps a domain PENDING after 72 hours', async () => {
    emulator.control.faults.enable('pinpoint.domain.never-fails');
    await createDomain();
    emulator.control.clock.advance(73 * HOUR);
    expect((await pinpoint.send(new GetEmailIdentityCommand({ EmailIdentity: 'example.com' }))).DkimAttributes!.Status).toBe('PENDING');
  });

  it('pinpoint.errors.limit-as-500 answers a tag-limit violation with 500', async () => {
    await createDomain();
    await tag(numbered(50));
    emulator.control.faults.enable('pinpoint.errors.limit-as-500');
    const error = await sdkFailure(tag([{ Key: 'extra', Value: 'v' }]));
    expect(error?.$metadata.httpStatusCode).toBe(500);
  });

  it('pinpoint.errors.empty-key-validation answers an empty key with ValidationException', async () => {
    await createDomain();
    await expectSdkError(tag([{ Key: '', Value: 'v' }]), 'BadRequestException', 400);
    emulator.control.faults.enable('pinpoint.errors.empty-key-validation');
    await expectSdkError(tag([{ Key: '', Value: 'v' }]), 'ValidationException', 400);
    await expectSdkError(tag([{ Key: 'k'.repeat(129), Value: 'v' }]), 'BadRequestException', 400);
    expect(await tags()).toEqual([]);
  });

  it('pinpoint.untag.ignored answers success but keeps the tags', async () => {
    await createDomain();
    await tag([{ Key: 'a', Value: '1' }]);
    emulator.control.faults.enable('pinpoint.untag.ignored');
    await pinpoint.send(new UntagResourceCommand({ ResourceArn: ARN, TagKeys: ['a'] }));
    expect(await tags()).toEqual([{ Key: 'a', Value: '1' }]);
  });
});

describe('Pinpoint Email faults that bend what is answered', () => {
  it('pinpoint.identity.type-lowercase answers IdentityType in lower case everywhere', async () => {
    expect((await createDomain()).IdentityType).toBe('DOMAIN');
    emulator.control.faults.enable('pinpoint.identity.type-lowercase');
    expect(await domainTypes()).toEqual(['domain', 'domain']);
  });

  it('pinpoint.create.drops-tags keeps none of the tags given to CreateEmailIdentity', async () => {
    await pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.com', Tags: [{ Key: 'env', Value: 'a' }] }));
    expect(await tags()).toEqual([{ Key: 'env', Value: 'a' }]);
    emulator.control.faults.enable('pinpoint.create.drops-tags');
    await pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.org', Tags: [{ Key: 'env', Value: 'a' }] }));
    expect((await pinpoint.send(new ListTagsForResourceCommand({ ResourceArn: identityArn('example.org') }))).Tags).toEqual([]);
    await expectSdkError(
      pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.net', Tags: [{ Key: 'aws:x', Value: 'a' }] })),
      'BadRequestException',
      400,
    );
  });
});
