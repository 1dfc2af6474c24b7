// Each Lightsail fault, switched on alone, changes exactly the behaviour its description names:
// every scenario runs on a fresh emulator with the fault off and one with it on.
import {
  CreateContactMethodCommand,
  DeleteContactMethodCommand,
  GetContactMethodsCommand,
  SendContactMethodVerificationCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { jsonRequest, lightsailClient, rawJson } from './aws-json-support.ts';
import { altered, expectFaultCatalog, follow, isSdkError } from './support.ts';

type Client = ReturnType<typeof lightsailClient>;

async function offAndOn<T>(fault: string, scenario: (emulator: Emulator, client: Client) => Promise<T>, region = 'us-east-1'): Promise<{ off: T; on: T }> {
  const off = createEmulator();
  const on = createEmulator({ faults: [fault] });
  return { off: await scenario(off, lightsailClient(off, region)), on: await scenario(on, lightsailClient(on, region)) };
}

/** 'ok' or the error's name and status. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (error: unknown) => {
      if (!isSdkError(error)) throw error;
      return `${error.name} ${error.$metadata.httpStatusCode}`;
    },
  );
}

describe('Lightsail fault catalog', () => {
  it('lists every Lightsail fault once, with a one-sentence description', () => {
    expectFaultCatalog('lightsail');
  });

  it('lightsail.sms-verification-accepted: SendContactMethodVerification with SMS succeeds', async () => {
    const { off, on } = await offAndOn('lightsail.sms-verification-accepted', async (_, client) => {
      await client.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550100' }));
      return outcome(client.send(new SendContactMethodVerificationCommand(altered({ protocol: 'Email' as const }, ['protocol'], 'SMS'))));
    });
    expect(off).toBe('InvalidInputException 400');
    expect(on).toBe('ok');
  });

  it('lightsail.send-without-contact-method: sending with no email contact method succeeds', async () => {
    const { off, on } = await offAndOn('lightsail.send-without-contact-method', (_, client) =>
      outcome(client.send(new SendContactMethodVerificationCommand({ protocol: 'Email' }))),
    );
    expect(off).toBe('NotFoundException 400');
    expect(on).toBe('ok');
  });

  it('lightsail.second-email-contact-method: a second email contact method is listed beside the first', async () => {
    const { off, on } = await offAndOn('lightsail.second-email-contact-method', async (_, client) => {
      await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'first@example.com' }));
      await outcome(client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'second@example.com' })));
      return (await client.send(new GetContactMethodsCommand({}))).contactMethods?.map((m) => m.contactEndpoint);
    });
    expect(off).toEqual(['first@example.com']);
    expect(on).toEqual(['first@example.com', 'second@example.com']);
  });

  it('lightsail.sms-any-region: SMS contact methods are accepted where SMS is not supported', async () => {
    const scenario = (_: Emulator, client: Client) =>
      outcome(client.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550100' })));
    const { off, on } = await offAndOn('lightsail.sms-any-region', scenario, 'eu-central-1');
    expect(off).toBe('InvalidInputException 400');
    expect(on).toBe('ok');
  });

  it("lightsail.operation-wrong-region: the operation's regionName is not the caller's", async () => {
    const { off, on } = await offAndOn(
      'lightsail.operation-wrong-region',
      async (_, client) => {
        await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
        return (await client.send(new SendContactMethodVerificationCommand({ protocol: 'Email' }))).operations?.[0]?.location?.regionName;
      },
      'eu-west-1',
    );
    expect(off).toBe('eu-west-1');
    expect(on).not.toBe('eu-west-1');
  });

  it('lightsail.operation-wrong-type: operationType is not SendContactMethodVerification', async () => {
    const { off, on } = await offAndOn('lightsail.operation-wrong-type', async (_, client) => {
      await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
      return (await client.send(new SendContactMethodVerificationCommand({ protocol: 'Email' }))).operations?.[0]?.operationType;
    });
    expect(off).toBe('SendContactMethodVerification');
    expect(on).not.toBe('SendContactMethodVerification');
  });

  it('lightsail.link-does-not-verify: following the link leaves the contact method PendingVerification', async () => {
    const { off, on } = await offAndOn('lightsail.link-does-not-verify', async (emulator, client) => {
      await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
      await follow(emulator, emulator.control.inbox.list()[0]!.link!);
      return (await client.send(new GetContactMethodsCommand({}))).contactMethods?.[0]?.status;
    });
    expect(off).toBe('Valid');
    expect(on).toBe('PendingVerification');
  });

  it('lightsail.errors-as-500: documented input errors answer HTTP 500', async () => {
    const { off, on } = await offAndOn('lightsail.errors-as-500', async (emulator, client) => [
      await outcome(client.send(new SendContactMethodVerificationCommand({ protocol: 'Email' }))),
      (await rawJson(emulator, jsonRequest('Lightsail_20161128.CreateContactMethod', '{"protocol":"Fax","contactEndpoint":"x"}'))).status,
    ]);
    expect(off).toEqual(['NotFoundException 400', 400]);
    expect(on).toEqual(['NotFoundException 500', 500]);
  });

  it('lightsail.send-protocol-optional: a request without protocol is accepted as Email', async () => {
    const { off, on } = await offAndOn('lightsail.send-protocol-optional', async (_, client) => {
      await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
      return outcome(client.send(new SendContactMethodVerificationCommand(altered({ protocol: 'Email' as const }, ['protocol']))));
    });
    expect(off).toBe('InvalidInputException 400');
    expect(on).toBe('ok');
  });

  it('lightsail.created-valid: a new email contact method is Valid at once', async () => {
    const { off, on } = await offAndOn('lightsail.created-valid', async (_, client) => {
      await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
      return (await client.send(new GetContactMethodsCommand({}))).contactMethods?.[0]?.status;
    });
    expect(off).toBe('PendingVerification');
    expect(on).toBe('Valid');
  });

  it('lightsail.resend-refused: another verification request is refused while the first is unexpired', async () => {
    const { off, on } = await offAndOn('lightsail.resend-refused', async (_, client) => {
      await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
      return outcome(client.send(new SendContactMethodVerificationCommand({ protocol: 'Email' })));
    });
    expect(off).toBe('ok');
    expect(on).toBe('OperationFailureException 400');
  });

  it('lightsail.send-empty-operations: a successful send answers no operation', async () => {
    const { off, on } = await offAndOn('lightsail.send-empty-operations', async (_, client) => {
      await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }));
      return (await client.send(new SendContactMethodVerificationCommand({ protocol: 'Email' }))).operations?.length;
    });
    expect(off).toBe(1);
    expect(on).toBe(0);
  });

  it("lightsail.status-lowercase: operations report status 'succeeded'", async () => {
    const { off, on } = await offAndOn(
      'lightsail.status-lowercase',
      async (_, client) =>
        (await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'ops@example.com' }))).operations?.[0]?.status,
    );
    expect(off).toBe('Succeeded');
    expect(on).toBe('succeeded');
  });

  it('lightsail.get-drops-sms: GetContactMethods leaves out the SMS contact method', async () => {
    const { off, on } = await offAndOn('lightsail.get-drops-sms', async (_, client) => {
      await client.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550100' }));
      return (await client.send(new GetContactMethodsCommand({}))).contactMethods?.map((m) => m.protocol);
    });
    expect(off).toEqual(['SMS']);
    expect(on).toEqual([]);
  });

  it('lightsail.delete.keeps-contact: a deleted contact method is still listed until another is created', async () => {
    const { off, on } = await offAndOn('lightsail.delete.keeps-contact', async (_, client) => {
      const listed = async () => (await client.send(new GetContactMethodsCommand({}))).contactMethods?.map((m) => m.contactEndpoint);
      await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'first@example.com' }));
      await client.send(new DeleteContactMethodCommand({ protocol: 'Email' }));
      const afterDelete = await listed();
      await client.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'second@example.com' }));
      return [afterDelete, await listed()];
    });
    expect(off).toEqual([[], ['second@example.com']]);
    expect(on).toEqual([['first@example.com'], ['second@example.com']]);
  });
});
