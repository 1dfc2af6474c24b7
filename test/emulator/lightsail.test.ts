// Lightsail contact methods through the real Lightsail client: every operation, the one-per-
// protocol-per-Region rule, SMS Regions, the verification link lifecycle, and Regions kept apart.
import {
  CreateContactMethodCommand,
  DeleteContactMethodCommand,
  GetContactMethodsCommand,
  SendContactMethodVerificationCommand,
  type Operation,
} from '@aws-sdk/client-lightsail';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { HOUR, lightsailClient } from './aws-json-support.ts';
import { altered, expectSdkError, follow } from './support.ts';

let emulator: Emulator;
let lightsail: ReturnType<typeof lightsailClient>;
/** The emulator's clock when the test began: every operation is stamped between it and now. */
let testStart: number;

beforeEach(() => {
  emulator = createEmulator();
  lightsail = lightsailClient(emulator);
  testStart = emulator.control.clock.now();
});

function expectOperation(operation: Operation | undefined, type: string, region = 'us-east-1'): void {
  expect(operation).toMatchObject({
    resourceType: 'ContactMethod',
    location: { availabilityZone: 'all', regionName: region },
    isTerminal: true,
    operationType: type,
    status: 'Succeeded',
  });
  expect(operation!.id).toMatch(/\S/);
  expect(operation!.resourceName).toMatch(/^\w[\w-]*\w$/);
  expect(operation!.createdAt).toBeInstanceOf(Date);
  // Stamped on the emulator's clock (epoch seconds with a fraction on the wire: 1 ms for rounding).
  expect(operation!.createdAt!.getTime()).toBeGreaterThanOrEqual(testStart - 1);
  expect(operation!.createdAt!.getTime()).toBeLessThanOrEqual(emulator.control.clock.now());
  expect(operation!.statusChangedAt).toEqual(operation!.createdAt);
}

async function contactMethods(client = lightsail) {
  return (await client.send(new GetContactMethodsCommand({}))).contactMethods ?? [];
}

describe('Lightsail contact methods', () => {
  it('CreateContactMethod (Email) answers one operation, lists the method PendingVerification and mails a link', async () => {
    const out = await lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
    expect(out.operations).toHaveLength(1);
    expectOperation(out.operations![0], 'CreateContactMethod');

    const [method, ...others] = await contactMethods();
    expect(others).toEqual([]);
    expect(method).toMatchObject({
      protocol: 'Email',
      contactEndpoint: 'ops@example.com',
      status: 'PendingVerification',
      resourceType: 'ContactMethod',
      location: { regionName: 'us-east-1' },
    });
    expect(method!.name).toBe(out.operations![0]!.resourceName);
    expect(method!.arn).toMatch(/^arn:aws:lightsail:us-east-1:\d{12}:ContactMethod\/[\w-]+$/);

    const [mail, ...more] = emulator.control.inbox.list({ to: 'ops@example.com' });
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ service: 'lightsail', region: 'us-east-1' });
    expect(mail!.body).toContain(mail!.link);
  });

  it('following the link makes the email contact method Valid', async () => {
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
    expect(await follow(emulator, emulator.control.inbox.list()[0]!.link!)).toBe(200);
    expect((await contactMethods())[0]!.status).toBe('Valid');
  });

  it('an SMS contact method needs no verification: Valid at once, nothing mailed', async () => {
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550100' }));
    expect(await contactMethods()).toMatchObject([{ protocol: 'SMS', contactEndpoint: '+14155550100', status: 'Valid' }]);
    expect(emulator.control.inbox.list()).toEqual([]);
  });

  it('SendContactMethodVerification mails another link and answers a SendContactMethodVerification operation', async () => {
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
    const out = await lightsail.send(new SendContactMethodVerificationCommand({ protocol: 'Email' }));
    expect(out.operations).toHaveLength(1);
    expectOperation(out.operations![0], 'SendContactMethodVerification');
    expect(emulator.control.inbox.list({ to: 'ops@example.com' })).toHaveLength(2);
  });

  it('a link expires after 24 hours; a new one from SendContactMethodVerification still verifies', async () => {
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
    emulator.control.clock.advance(24 * HOUR);
    expect(await follow(emulator, emulator.control.inbox.list()[0]!.link!)).toBe(410);
    expect((await contactMethods())[0]!.status).toBe('PendingVerification');

    await lightsail.send(new SendContactMethodVerificationCommand({ protocol: 'Email' }));
    expect(await follow(emulator, emulator.control.inbox.list()[1]!.link!)).toBe(200);
    expect((await contactMethods())[0]!.status).toBe('Valid');
  });

  it('SendContactMethodVerification with protocol SMS is an InvalidInputException', async () => {
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550100' }));
    await expectSdkError(
      lightsail.send(new SendContactMethodVerificationCommand(altered({ protocol: 'Email' as const }, ['protocol'], 'SMS'))),
      'InvalidInputException',
      400,
    );
  });

  it('SendContactMethodVerification without an email contact method in the Region is a NotFoundException', async () => {
    await expectSdkError(lightsail.send(new SendContactMethodVerificationCommand({ protocol: 'Email' })), 'NotFoundException', 400);
    await lightsailClient(emulator, 'eu-west-1').send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
    await expectSdkError(lightsail.send(new SendContactMethodVerificationCommand({ protocol: 'Email' })), 'NotFoundException', 400);
    expect(emulator.control.inbox.list()).toHaveLength(1);
  });

  it('one contact method per protocol per Region: a second one is refused, the first stays', async () => {
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'first@example.com' }));
    await expectSdkError(
      lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'second@example.com' })),
      'InvalidInputException',
      400,
    );
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550100' }));
    await expectSdkError(lightsail.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550101' })), 'InvalidInputException', 400);
    const methods = await contactMethods();
    expect(methods.map((m) => [m.protocol, m.contactEndpoint])).toEqual([
      ['Email', 'first@example.com'],
      ['SMS', '+14155550100'],
    ]);
  });

  it('GetContactMethods filters by protocol', async () => {
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550100' }));
    const sms = await lightsail.send(new GetContactMethodsCommand({ protocols: ['SMS'] }));
    expect(sms.contactMethods?.map((m) => m.protocol)).toEqual(['SMS']);
  });

  it('DeleteContactMethod removes it, voids its links, and a missing one is a NotFoundException', async () => {
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
    const out = await lightsail.send(new DeleteContactMethodCommand({ protocol: 'Email' }));
    expectOperation(out.operations![0], 'DeleteContactMethod');
    expect(await contactMethods()).toEqual([]);
    expect(await follow(emulator, emulator.control.inbox.list()[0]!.link!)).toBe(410);
    await expectSdkError(lightsail.send(new DeleteContactMethodCommand({ protocol: 'Email' })), 'NotFoundException', 400);
    // After a delete a new email contact method may be created, PendingVerification again.
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'other@example.com' }));
    expect((await contactMethods())[0]).toMatchObject({ contactEndpoint: 'other@example.com', status: 'PendingVerification' });
  });

  it.each(['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2'])(
    'accepts SMS contact methods in %s',
    async (region) => {
      const client = lightsailClient(emulator, region);
      const out = await client.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550100' }));
      expectOperation(out.operations![0], 'CreateContactMethod', region);
    },
  );

  it.each(['eu-central-1', 'us-east-2', 'ca-central-1', 'eu-north-1'])('refuses SMS contact methods in %s (no SMS there) but takes email', async (region) => {
    const client = lightsailClient(emulator, region);
    await expectSdkError(client.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550100' })), 'InvalidInputException', 400);
    const out = await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
    expectOperation(out.operations![0], 'CreateContactMethod', region);
    const send = await client.send(new SendContactMethodVerificationCommand({ protocol: 'Email' }));
    expectOperation(send.operations![0], 'SendContactMethodVerification', region);
    expect(await contactMethods(client)).toMatchObject([{ protocol: 'Email', location: { regionName: region } }]);
  });

  it('keeps Regions apart: one email contact method in each', async () => {
    const eu = lightsailClient(emulator, 'eu-central-1');
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'us@example.com' }));
    await eu.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'eu@example.com' }));
    expect((await contactMethods()).map((m) => m.contactEndpoint)).toEqual(['us@example.com']);
    expect((await contactMethods(eu)).map((m) => m.contactEndpoint)).toEqual(['eu@example.com']);
    expect(emulator.control.inbox.list({ to: 'eu@example.com' })[0]!.region).toBe('eu-central-1');
  });

  it.each([
    ['an email address without a domain', 'Email', 'ops'],
    ['a phone number outside E.164', 'SMS', '555-0100'],
    ['an empty endpoint', 'Email', ''],
    ['an endpoint over 256 characters', 'Email', `${'a'.repeat(250)}@example.com`],
  ] as const)('refuses %s with InvalidInputException', async (_, protocol, contactEndpoint) => {
    await expectSdkError(lightsail.send(new CreateContactMethodCommand({ protocol, contactEndpoint })), 'InvalidInputException', 400);
  });

  it('reset() forgets every contact method', async () => {
    await lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
    emulator.control.reset();
    expect(await contactMethods()).toEqual([]);
  });
});
