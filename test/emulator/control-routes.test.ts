// The control plane over HTTP (/_emulator/...): same data as emulator.control, JSON in and out.
import { GetIdentityVerificationAttributesCommand, VerifyDomainIdentityCommand, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { HOUR, jsonAt, jsonObject, sesClient } from './support.ts';

let emulator: Emulator;

beforeEach(() => {
  emulator = createEmulator({ publicUrl: 'http://emulator.test:9999/' });
});

/** How far the emulator's monotonic clock may stray from Date.now (rounding, clock slew): not a bound on how long anything takes. */
const DRIFT_MS = 50;

/** `read` gives real time plus `offset`: between Date.now() just before and just after it, however slow the machine. */
async function expectRealTime(read: () => number | Promise<number>, offset = 0): Promise<number> {
  const before = Date.now();
  const value = await read();
  const after = Date.now();
  expect(value).toBeGreaterThanOrEqual(before + offset - DRIFT_MS);
  expect(value).toBeLessThanOrEqual(after + offset + DRIFT_MS);
  return value;
}

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return value;
}

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await emulator.fetch(new Request(`http://localhost:4566${path}`, init));
  expect(response.headers.get('content-type')).toBe('application/json');
  return { status: response.status, json: await jsonObject(response) };
}

describe('control routes', () => {
  it('GET /_emulator/health', async () => {
    expect(await call('GET', '/_emulator/health')).toEqual({ status: 200, json: { ok: true } });
  });

  it('reads and advances the clock', async () => {
    const before = await expectRealTime(async () => num((await call('GET', '/_emulator/clock')).json.now));
    const advanced = await call('POST', '/_emulator/clock/advance', { ms: 5 * HOUR });
    expect(advanced.status).toBe(200);
    expect(num(advanced.json.now) - before).toBeGreaterThanOrEqual(5 * HOUR);
    await expectRealTime(() => emulator.control.clock.now(), 5 * HOUR);
    for (const bad of [{ ms: -1 }, { ms: 'soon' }, {}, '[1]', 'not json']) {
      expect((await call('POST', '/_emulator/clock/advance', bad)).status).toBe(400);
    }
  });

  it('lists and clears the inbox, filtered by recipient; links use the public URL', async () => {
    const ses = sesClient(emulator);
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@example.com' }));
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'b@example.com' }));
    expect((await call('GET', '/_emulator/inbox')).json.messages).toHaveLength(2);
    const { messages } = (await call('GET', '/_emulator/inbox?to=b%40example.com')).json;
    expect(messages).toEqual(emulator.control.inbox.list({ to: 'b@example.com' }));
    expect(jsonAt(messages, 0, 'link')).toMatch(/^http:\/\/emulator\.test:9999\/_emulator\/links\/[\w-]+$/);
    expect(await call('DELETE', '/_emulator/inbox')).toEqual({ status: 200, json: { ok: true } });
    expect((await call('GET', '/_emulator/inbox')).json.messages).toEqual([]);
  });

  it('follows a verification link over HTTP: 200 once accepted, 410 once expired, 404 unknown', async () => {
    const ses = sesClient(emulator);
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@example.com' }));
    const path = new URL(emulator.control.inbox.list()[0]!.link!).pathname;
    const page = await emulator.fetch(new Request(`http://localhost:4566${path}`));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('successfully verified');
    expect((await emulator.fetch(new Request(`http://localhost:4566${path}`, { method: 'POST' }))).status).toBe(405);
    emulator.control.clock.advance(24 * HOUR);
    expect((await emulator.fetch(new Request(`http://localhost:4566${path}`))).status).toBe(410);
    expect((await emulator.fetch(new Request('http://localhost:4566/_emulator/links/%E0%A4%A'))).status).toBe(404);
  });

  it('publishes, lists and removes DNS records, and a publication verifies a domain', async () => {
    const ses = sesClient(emulator);
    const { VerificationToken } = await ses.send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
    const record = { name: '_amazonses.example.com', type: 'TXT', value: VerificationToken };
    expect(await call('POST', '/_emulator/dns', record)).toEqual({ status: 200, json: { records: [record] } });
    expect((await call('GET', '/_emulator/dns')).json.records).toEqual([record]);
    expect(emulator.control.dns.list()).toEqual([record]);
    const attrs = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: ['example.com'] }));
    expect(attrs.VerificationAttributes?.['example.com']?.VerificationStatus).toBe('Success');
    expect(await call('DELETE', '/_emulator/dns', record)).toEqual({ status: 200, json: { records: [] } });
    for (const bad of [{ name: 'x', type: 'MX', value: 'y' }, { name: '', type: 'TXT', value: 'y' }, { name: 'x', type: 'TXT' }, 'nope']) {
      expect((await call('POST', '/_emulator/dns', bad)).status).toBe(400);
    }
  });

  it('shows the fault catalog and switches faults on and off, refusing unknown ids as a whole', async () => {
    const { json } = await call('GET', '/_emulator/faults');
    expect(json.enabled).toEqual([]);
    expect(json.catalog).toEqual(emulator.control.faults.catalog());
    expect(await call('POST', '/_emulator/faults', { enable: ['ses.status.lowercase', 'ses.giva.no-throttle'] })).toEqual({
      status: 200,
      json: { enabled: ['ses.status.lowercase', 'ses.giva.no-throttle'] },
    });
    expect(await call('POST', '/_emulator/faults', { disable: ['ses.status.lowercase'] })).toEqual({
      status: 200,
      json: { enabled: ['ses.giva.no-throttle'] },
    });
    const refused = await call('POST', '/_emulator/faults', { enable: ['ses.status.lowercase', 'ses.no-such-fault'] });
    expect(refused.status).toBe(400);
    expect(refused.json.unknown).toEqual(['ses.no-such-fault']);
    expect(emulator.control.faults.enabled()).toEqual(['ses.giva.no-throttle']);
    expect((await call('POST', '/_emulator/faults', { enable: 'ses.status.lowercase' })).status).toBe(400);
  });

  it('resets all state but keeps the faults', async () => {
    const ses = sesClient(emulator);
    emulator.control.faults.enable('ses.status.lowercase');
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@example.com' }));
    emulator.control.dns.publish({ name: 'x.example.com', type: 'CNAME', value: 'y.example.com' });
    emulator.control.clock.advance(10 * HOUR);
    expect(await call('POST', '/_emulator/reset')).toEqual({ status: 200, json: { ok: true } });
    expect(emulator.control.inbox.list()).toEqual([]);
    expect(emulator.control.dns.list()).toEqual([]);
    await expectRealTime(() => emulator.control.clock.now());
    expect(emulator.control.faults.enabled()).toEqual(['ses.status.lowercase']);
    const attrs = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: ['a@example.com'] }));
    expect(attrs.VerificationAttributes).toEqual({});
  });

  it('answers 404 to unknown control paths and 405 to wrong methods, without Authorization', async () => {
    expect((await call('GET', '/_emulator/nothing')).status).toBe(404);
    const wrong = await emulator.fetch(new Request('http://localhost:4566/_emulator/health', { method: 'DELETE' }));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });
});

describe('in-process control', () => {
  it('refuses a negative clock step and unknown fault ids', () => {
    expect(() => emulator.control.clock.advance(-1)).toThrow(RangeError);
    expect(() => emulator.control.faults.enable('nope')).toThrow(/unknown fault id/);
    expect(() => createEmulator({ faults: ['nope'] })).toThrow(/unknown fault id/);
  });

  it('switches faults on from the options', () => {
    expect(createEmulator({ faults: ['ses.giva.no-throttle'] }).control.faults.enabled()).toEqual(['ses.giva.no-throttle']);
  });
});
