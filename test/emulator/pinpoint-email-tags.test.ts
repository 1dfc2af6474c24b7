// The document's tag rules at their boundaries, through the real SDK client: 50/51 tags (counting
// those already there), keys 1..128 and values 0..256 characters, the allowed characters, the
// reserved aws: prefix, case-sensitive keys, one value per key, and a missing Value as "".
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type PinpointEmailClient,
  type Tag,
} from '@aws-sdk/client-pinpoint-email';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { identityArn, pinpointClient } from './rest-json-clients.ts';
import { altered, expectSdkError } from './support.ts';

const IDENTITY = 'example.com';
const ARN = identityArn(IDENTITY);

let emulator: Emulator;
let pinpoint: PinpointEmailClient;

beforeEach(async () => {
  emulator = createEmulator();
  pinpoint = pinpointClient(emulator);
  await pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: IDENTITY }));
});

const numbered = (n: number, from = 0): Tag[] => Array.from({ length: n }, (_, i) => ({ Key: `k${from + i}`, Value: `v${from + i}` }));
const tag = (Tags: Tag[]) => pinpoint.send(new TagResourceCommand({ ResourceArn: ARN, Tags }));
const tags = async () => (await pinpoint.send(new ListTagsForResourceCommand({ ResourceArn: ARN }))).Tags;

describe('Pinpoint Email tags: the 50-tag limit', () => {
  it('takes 50 tags at create time and refuses 51', async () => {
    await pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: 'a.example', Tags: numbered(50) }));
    expect(await pinpoint.send(new ListTagsForResourceCommand({ ResourceArn: identityArn('a.example') }))).toMatchObject({ Tags: numbered(50) });
    await expectSdkError(pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: 'b.example', Tags: numbered(51) })), 'BadRequestException', 400);
    await expectSdkError(pinpoint.send(new ListTagsForResourceCommand({ ResourceArn: identityArn('b.example') })), 'NotFoundException', 404);
  });

  it('counts the tags already there, and leaves them untouched when refusing', async () => {
    await tag(numbered(49));
    await expectSdkError(tag(numbered(2, 49)), 'BadRequestException', 400);
    expect(await tags()).toHaveLength(49);
    await tag(numbered(1, 49));
    expect(await tags()).toHaveLength(50);
    await expectSdkError(tag(numbered(1, 50)), 'BadRequestException', 400);
  });

  it('does not count keys that are only given new values', async () => {
    await tag(numbered(50));
    await tag([
      { Key: 'k0', Value: 'new' },
      { Key: 'k49', Value: 'new' },
    ]);
    const now = await tags();
    expect(now).toHaveLength(50);
    expect(now!.find((t) => t.Key === 'k0')!.Value).toBe('new');
  });
});

describe('Pinpoint Email tags: keys and values', () => {
  it('takes keys of 1..128 characters and refuses 0 or 129', async () => {
    await tag([
      { Key: 'k'.repeat(128), Value: 'v' },
      { Key: 'x', Value: 'v' },
    ]);
    await expectSdkError(tag([{ Key: 'k'.repeat(129), Value: 'v' }]), 'BadRequestException', 400);
    await expectSdkError(tag([{ Key: '', Value: 'v' }]), 'BadRequestException', 400);
    expect((await tags())!.map((t) => t.Key!.length)).toEqual([128, 1]);
  });

  it('counts characters, not UTF-16 code units', async () => {
    await tag([{ Key: '𝐀'.repeat(128), Value: '𝐀'.repeat(256) }]);
    await expectSdkError(tag([{ Key: '𝐀'.repeat(129), Value: 'v' }]), 'BadRequestException', 400);
  });

  it('takes values of 0..256 characters and refuses 257', async () => {
    await tag([
      { Key: 'empty', Value: '' },
      { Key: 'long', Value: 'v'.repeat(256) },
    ]);
    await expectSdkError(tag([{ Key: 'longer', Value: 'v'.repeat(257) }]), 'BadRequestException', 400);
    expect(await tags()).toEqual([
      { Key: 'empty', Value: '' },
      { Key: 'long', Value: 'v'.repeat(256) },
    ]);
  });

  it('sets a missing Value to the empty string', async () => {
    await tag([altered({ Key: 'novalue', Value: '' }, ['Value'])]);
    expect(await tags()).toEqual([{ Key: 'novalue', Value: '' }]);
  });

  it('takes Unicode letters, digits, white space and _ . : / = + - only', async () => {
    await tag([{ Key: 'Ключ 名前 ٣ _.:/=+-', Value: 'é\tß 9' }]);
    for (const bad of ['a#b', 'a@b', 'a*b', 'a!b']) {
      await expectSdkError(tag([{ Key: bad, Value: 'v' }]), 'BadRequestException', 400);
      await expectSdkError(tag([{ Key: 'k', Value: bad }]), 'BadRequestException', 400);
    }
    expect(await tags()).toHaveLength(1);
  });

  it('refuses the reserved aws: prefix in keys and values, and in keys to remove', async () => {
    await expectSdkError(tag([{ Key: 'aws:owner', Value: 'v' }]), 'BadRequestException', 400);
    await expectSdkError(tag([{ Key: 'owner', Value: 'aws:team' }]), 'BadRequestException', 400);
    for (const prefix of ['AWS:', 'Aws:', 'aWS:']) {
      await expectSdkError(tag([{ Key: `${prefix}owner`, Value: 'v' }]), 'BadRequestException', 400);
      await expectSdkError(tag([{ Key: 'owner', Value: `${prefix}team` }]), 'BadRequestException', 400);
    }
    await expectSdkError(pinpoint.send(new UntagResourceCommand({ ResourceArn: ARN, TagKeys: ['aws:owner'] })), 'BadRequestException', 400);
    // Reserved in every letter case (AWS's tagging guide: "aws:, AWS:, or any upper or lowercase combination"); only the prefix is.
    await tag([
      { Key: 'awsome', Value: 'v' },
      { Key: 'x aws:', Value: 'AWS' },
    ]);
    expect(await tags()).toHaveLength(2);
  });

  it('keeps keys case sensitive and one value per key (tagging a key again replaces its value)', async () => {
    await tag([
      { Key: 'Env', Value: 'prod' },
      { Key: 'env', Value: 'dev' },
    ]);
    await tag([{ Key: 'Env', Value: 'staging' }]);
    expect(await tags()).toEqual([
      { Key: 'Env', Value: 'staging' },
      { Key: 'env', Value: 'dev' },
    ]);
    await expectSdkError(
      tag([
        { Key: 'dup', Value: '1' },
        { Key: 'dup', Value: '2' },
      ]),
      'BadRequestException',
      400,
    );
  });
});

describe('Pinpoint Email tags: untag and resources', () => {
  it('removes the named keys and ignores keys that are not there', async () => {
    await tag(numbered(3));
    await pinpoint.send(new UntagResourceCommand({ ResourceArn: ARN, TagKeys: ['k0', 'k2', 'nope', 'K1'] }));
    expect(await tags()).toEqual([{ Key: 'k1', Value: 'v1' }]);
  });

  it('answers NotFoundException for unknown identities or ARNs of another region or account, BadRequestException for a non-ARN', async () => {
    await expectSdkError(pinpoint.send(new ListTagsForResourceCommand({ ResourceArn: identityArn('nobody.example') })), 'NotFoundException', 404);
    await expectSdkError(pinpoint.send(new ListTagsForResourceCommand({ ResourceArn: identityArn(IDENTITY, 'eu-west-1') })), 'NotFoundException', 404);
    await expectSdkError(
      pinpoint.send(new ListTagsForResourceCommand({ ResourceArn: identityArn(IDENTITY, 'us-east-1', '123456789012') })),
      'NotFoundException',
      404,
    );
    await expectSdkError(pinpoint.send(new TagResourceCommand({ ResourceArn: 'example.com', Tags: [] })), 'BadRequestException', 400);
    await expectSdkError(pinpoint.send(new UntagResourceCommand({ ResourceArn: identityArn('nobody.example'), TagKeys: ['k'] })), 'NotFoundException', 404);
  });

  it('shows the tags in GetEmailIdentity too', async () => {
    await tag([{ Key: 'team', Value: 'mail' }]);
    expect((await pinpoint.send(new GetEmailIdentityCommand({ EmailIdentity: IDENTITY }))).Tags).toEqual([{ Key: 'team', Value: 'mail' }]);
  });
});
