// The moto and LocalStack adapters against answers recorded from the real emulators
// (fixtures/moto, fixtures/localstack: each file says what it was recorded from), served by a
// loopback server that answers each recorded request with its recorded answer.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../../test/support/cli.ts';
import { listeningPort } from '../managed/process.ts';
import { localstackAdapter } from './localstack.ts';
import { motoAdapter } from './moto.ts';
import { sentMailTo } from './sent-mail.ts';

interface Recorded {
  exchanges: { request: { method: string; path: string }; response: { status: number; headers: Record<string, string>; body: string } }[];
}
const recording = (file: string): Recorded => JSON.parse(readFileSync(new URL(`../../../fixtures/${file}`, import.meta.url), 'utf8'));

/** Serves the recorded answers by method and path (the last one recorded for each); keeps what it was asked. */
async function replaying(recorded: Recorded): Promise<{ url: string; asked: string[]; server: Server }> {
  const answers = new Map(recorded.exchanges.map((e) => [`${e.request.method} ${e.request.path}`, e.response]));
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const key = `${request.method} ${request.url}`;
    asked.push(key);
    const answer = answers.get(key);
    if (!answer) return response.writeHead(404).end();
    response.writeHead(answer.status, answer.headers).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${listeningPort(server)}`, asked, server };
}

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
  removeTempDirs();
});

describe('the LocalStack adapter', () => {
  let url: string;
  beforeAll(async () => {
    const replay = await replaying(recording('localstack/ses-send-and-mailbox.json'));
    servers.push(replay.server);
    url = replay.url;
  });

  it('reads the newest mail to an address from /_aws/ses, whether it was sent To or Cc', async () => {
    const adapter = await localstackAdapter(url, { timeoutMs: 2_000 });
    expect(adapter.capabilities).toContain('inbox');
    expect(await adapter.oob.latestMessage!('b@example.com')).toMatchObject({ to: 'b@example.com', subject: 'Hello', body: 'Hi there' });
    expect(await adapter.oob.latestMessage!('c@example.com')).toMatchObject({ to: 'c@example.com', subject: 'Hello' });
    expect(await adapter.oob.latestMessage!('a@example.com')).toBeUndefined(); // the sender is no recipient
    expect(adapter.prepare).toBeUndefined(); // the community edition has no reset
  });

  it("takes LocalStack's zone-less timestamps as UTC", async () => {
    const adapter = await localstackAdapter(url, { timeoutMs: 2_000 });
    const mailbox = JSON.parse(recording('localstack/ses-send-and-mailbox.json').exchanges.find((e) => e.request.path === '/_aws/ses')!.response.body);
    expect((await adapter.oob.latestMessage!('b@example.com'))?.sentAt).toBe(new Date(`${mailbox.messages[0].Timestamp}Z`).toISOString());
  });
});

it('finds the link and the code in a sent mail as its owner would', () => {
  const mail = { recipients: ['owner@example.com'], subject: 'Verify', body: 'Open https://example.com/verify?t=1 or use 123456.' };
  expect(sentMailTo('owner@example.com', [mail])).toMatchObject({ link: 'https://example.com/verify?t=1', code: '123456' });
});

describe('the moto adapter', () => {
  let url: string;
  let asked: string[];
  beforeAll(async () => {
    const replay = await replaying(recording('moto/ses-mail-and-missing-action.json'));
    servers.push(replay.server);
    ({ url, asked } = replay);
  });

  it('reads the newest mail to an address from /moto-api/data.json', async () => {
    const adapter = await motoAdapter(url, { timeoutMs: 2_000 });
    expect(await adapter.oob.latestMessage!('owner@example.com')).toMatchObject({ subject: 'Second', body: 'newer' });
    expect(await adapter.oob.latestMessage!('cc@example.com')).toMatchObject({ subject: 'Second' });
    expect(await adapter.oob.latestMessage!('nobody@example.com')).toBeUndefined();
  });

  it("prepares a run with moto's reset, then its seed", async () => {
    const adapter = await motoAdapter(url, { timeoutMs: 2_000, seed: 1 });
    asked.length = 0;
    await adapter.prepare!();
    expect(asked).toEqual(['POST /moto-api/reset', 'POST /moto-api/seed?a=1']);
  });

  it('says an action is not implemented only where its log says so', async () => {
    const workDir = tempDir('conformance-adapter-log-');
    writeFileSync(`${workDir}/emulator.log`, readFileSync(new URL('../../../fixtures/moto/missing-action-log.txt', import.meta.url)));
    const adapter = await motoAdapter(url, { timeoutMs: 2_000, workDir });
    expect(await adapter.oob.explainServerError!('GetUserAttributeVerificationCode')).toBe(
      'NotImplementedError: The get_user_attribute_verification_code action has not been implemented',
    );
    expect(await adapter.oob.explainServerError!('VerifyUserAttribute')).toBeUndefined();
    // Without the log (a moto the harness did not start), it cannot tell.
    expect((await motoAdapter(url, { timeoutMs: 2_000 })).oob.explainServerError).toBeUndefined();
  });
});
