// The fault catalog: each SES fault, switched on alone, changes exactly the behaviour its
// description names. Every scenario runs twice, fault off and fault on, on fresh emulators.
import {
  DeleteIdentityCommand,
  GetIdentityVerificationAttributesCommand,
  ListIdentitiesCommand,
  VerifyDomainIdentityCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { altered, errorCode, expectFaultCatalog, HOUR, nextSecond, queryRequest, sdkErrorName, sesClient } from './support.ts';

/** Runs a scenario without and with the fault; returns both observations. */
async function offAndOn<T>(fault: string, scenario: (emulator: Emulator, ses: ReturnType<typeof sesClient>) => Promise<T>): Promise<{ off: T; on: T }> {
  const off = createEmulator();
  const on = createEmulator({ faults: [fault] });
  expect(on.control.faults.enabled()).toEqual([fault]);
  return { off: await scenario(off, sesClient(off)), on: await scenario(on, sesClient(on)) };
}

async function attributes(emulator: Emulator, ses: ReturnType<typeof sesClient>, identity: string) {
  nextSecond(emulator);
  return (await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: [identity] }))).VerificationAttributes?.[identity];
}

/** The status code and error code of a raw awsQuery call. */
async function raw(emulator: Emulator, body: string): Promise<{ status: number; code?: string }> {
  const response = await emulator.fetch(queryRequest(body));
  return { status: response.status, code: errorCode(await response.text()).code };
}

describe('fault catalog', () => {
  it('lists every SES fault once, with its service and a one-sentence description', () => {
    expectFaultCatalog('ses');
  });

  it('is off by default and switches faults one at a time', () => {
    const emulator = createEmulator();
    expect(emulator.control.faults.enabled()).toEqual([]);
    emulator.control.faults.enable('ses.status.lowercase');
    emulator.control.faults.disable('ses.status.lowercase');
    expect(emulator.control.faults.enabled()).toEqual([]);
  });
});

describe('SES faults', () => {
  const manyIdentities = Array.from({ length: 101 }, (_, i) => `Identities.member.${i + 1}=u${i}%40example.com`).join('&');

  it('ses.giva.accept-over-100 accepts 101 identities', async () => {
    const { off, on } = await offAndOn('ses.giva.accept-over-100', (e) =>
      raw(e, `Action=GetIdentityVerificationAttributes&Version=2010-12-01&${manyIdentities}`),
    );
    expect(off).toEqual({ status: 400, code: 'ValidationError' });
    expect(on).toEqual({ status: 200, code: undefined });
  });

  it('ses.giva.no-throttle never throttles', async () => {
    const twice = async (e: Emulator) => [
      await raw(e, 'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities='),
      await raw(e, 'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities='),
    ];
    const { off, on } = await offAndOn('ses.giva.no-throttle', twice);
    expect(off[1]).toEqual({ status: 400, code: 'Throttling' });
    expect(on[1]).toEqual({ status: 200, code: undefined });
  });

  it('ses.giva.throttle-as-500 answers a throttled call with 500 ServiceUnavailable', async () => {
    const twice = async (e: Emulator) => [
      await raw(e, 'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities='),
      await raw(e, 'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities='),
    ];
    const { off, on } = await offAndOn('ses.giva.throttle-as-500', twice);
    expect(off).toEqual([
      { status: 200, code: undefined },
      { status: 400, code: 'Throttling' },
    ]);
    expect(on).toEqual([
      { status: 200, code: undefined },
      { status: 500, code: 'ServiceUnavailable' },
    ]);
  });

  it('ses.giva.missing-identities-500 answers a call without Identities with 500', async () => {
    const { off, on } = await offAndOn('ses.giva.missing-identities-500', (e) => raw(e, 'Action=GetIdentityVerificationAttributes&Version=2010-12-01'));
    expect(off).toEqual({ status: 400, code: 'ValidationError' });
    expect(on.status).toBe(500);
  });

  it('ses.giva.accepts-missing-identities answers a call without Identities with success and an empty map', async () => {
    const { off, on } = await offAndOn('ses.giva.accepts-missing-identities', async (e, ses) => {
      await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@example.com' }));
      const answer = await raw(e, 'Action=GetIdentityVerificationAttributes&Version=2010-12-01');
      nextSecond(e); // past the one-a-second throttle
      const output = await ses.send(new GetIdentityVerificationAttributesCommand(altered({ Identities: [] }, ['Identities']))).catch(sdkErrorName);
      return [answer, typeof output === 'string' ? output : output.VerificationAttributes];
    });
    expect(off).toEqual([{ status: 400, code: 'ValidationError' }, 'ValidationError']);
    expect(on).toEqual([{ status: 200, code: undefined }, {}]);
  });

  it('ses.status.lowercase answers statuses in lower case', async () => {
    const { off, on } = await offAndOn('ses.status.lowercase', async (e, ses) => {
      await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@example.com' }));
      const pending = (await attributes(e, ses, 'a@example.com'))?.VerificationStatus;
      e.control.clock.advance(25 * HOUR);
      return [pending, (await attributes(e, ses, 'a@example.com'))?.VerificationStatus];
    });
    expect(off).toEqual(['Pending', 'Failed']);
    expect(on).toEqual(['pending', 'failed']);
  });

  it('ses.email.never-fails keeps an unverified address Pending after 24 hours', async () => {
    const { off, on } = await offAndOn('ses.email.never-fails', async (e, ses) => {
      await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@example.com' }));
      e.control.clock.advance(30 * HOUR);
      return (await attributes(e, ses, 'a@example.com'))?.VerificationStatus;
    });
    expect(off).toBe('Failed');
    expect(on).toBe('Pending');
  });

  it('ses.email.token-not-null gives email identities a VerificationToken', async () => {
    const { off, on } = await offAndOn('ses.email.token-not-null', async (e, ses) => {
      await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@example.com' }));
      return (await attributes(e, ses, 'a@example.com'))?.VerificationToken;
    });
    expect(off).toBeUndefined();
    expect(on).toEqual(expect.any(String));
  });

  it('ses.email.no-restart leaves a Failed address Failed when it is verified again', async () => {
    const { off, on } = await offAndOn('ses.email.no-restart', async (e, ses) => {
      await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@example.com' }));
      e.control.clock.advance(25 * HOUR);
      await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@example.com' }));
      return [(await attributes(e, ses, 'a@example.com'))?.VerificationStatus, e.control.inbox.list().length];
    });
    expect(off).toEqual(['Pending', 2]);
    expect(on).toEqual(['Failed', 1]);
  });

  it('ses.domain.drop-token leaves the VerificationToken out for domains', async () => {
    const { off, on } = await offAndOn('ses.domain.drop-token', async (e, ses) => {
      await ses.send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
      return attributes(e, ses, 'example.com');
    });
    expect(off).toEqual({ VerificationStatus: 'Pending', VerificationToken: expect.any(String) });
    expect(on).toEqual({ VerificationStatus: 'Pending' });
  });

  it('ses.domain.token-mismatch answers a token other than the one VerifyDomainIdentity returned', async () => {
    const { off, on } = await offAndOn('ses.domain.token-mismatch', async (e, ses) => {
      const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
      return (await attributes(e, ses, 'example.com'))?.VerificationToken === VerificationToken;
    });
    expect(off).toBe(true);
    expect(on).toBe(false);
  });

  it('ses.domain.ignores-dns never verifies a domain from its TXT record', async () => {
    const { off, on } = await offAndOn('ses.domain.ignores-dns', async (e, ses) => {
      const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
      e.control.dns.publish({ name: '_amazonses.example.com', type: 'TXT', value: VerificationToken! });
      return (await attributes(e, ses, 'example.com'))?.VerificationStatus;
    });
    expect(off).toBe('Success');
    expect(on).toBe('Pending');
  });

  it('ses.delete.keeps-identity answers success to DeleteIdentity but keeps the identity', async () => {
    const { off, on } = await offAndOn('ses.delete.keeps-identity', async (e, ses) => {
      await ses.send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
      const deleted = await ses.send(new DeleteIdentityCommand({ Identity: 'example.com' }));
      return [
        deleted.$metadata.httpStatusCode,
        (await ses.send(new ListIdentitiesCommand({}))).Identities,
        (await attributes(e, ses, 'example.com')) !== undefined,
      ];
    });
    expect(off).toEqual([200, [], false]);
    expect(on).toEqual([200, ['example.com'], true]);
  });
});
