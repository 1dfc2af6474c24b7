// The standalone server over real HTTP on 127.0.0.1, and the `bin/emulator.mjs` command.
import { GetIdentityVerificationAttributesCommand, SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../emulator/server.ts';
import { jsonAt, jsonObject } from './support.ts';

describe('startServer', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves SES to the SDK over HTTP, with links that work over HTTP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ses = new SESClient({
      region: 'eu-central-1',
      endpoint: server.url,
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
    });
    try {
      await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'alice@example.com' }));
      const inbox = await jsonObject(await fetch(`${server.url}/_emulator/inbox?to=alice%40example.com`));
      expect(inbox.messages).toHaveLength(1);
      expect(jsonAt(inbox, 'messages', 0, 'region')).toBe('eu-central-1');
      const link = jsonAt(inbox, 'messages', 0, 'link');
      if (typeof link !== 'string') throw new Error(`the message has no link: ${JSON.stringify(inbox)}`);
      expect(link.startsWith(`${server.url}/_emulator/links/`)).toBe(true);
      expect((await fetch(link)).status).toBe(200);
      const attrs = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: ['alice@example.com'] }));
      expect(attrs.VerificationAttributes?.['alice@example.com']?.VerificationStatus).toBe('Success');
    } finally {
      ses.destroy();
    }
  });

  it('answers control routes and garbage over HTTP', async () => {
    expect(await jsonObject(await fetch(`${server.url}/_emulator/health`))).toEqual({ ok: true });
    const garbage = await fetch(`${server.url}/`, { method: 'POST', body: new Uint8Array([0xff, 0x00, 0x26, 0x3d]), headers: { authorization: 'x' } });
    expect(garbage.status).toBe(400);
    expect(garbage.headers.get('x-amzn-requestid')).toBeTruthy();
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
  });

  it('refuses a port that is taken', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ port, host: '127.0.0.1' })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('bin/emulator.mjs', () => {
  const bin = fileURLToPath(new URL('../../bin/emulator.mjs', import.meta.url));
  const children: ChildProcess[] = [];
  // A failed assertion must not leave a server running.
  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  function run(args: string[]) {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: unknown) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk: unknown) => (stderr += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited, out: () => stdout, err: () => stderr };
  }

  async function freePort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    if (address === null || typeof address === 'string') throw new Error(`the probe is not on a TCP port: ${String(address)}`);
    const { port } = address;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  // One test so that the node processes start side by side: each one costs a Node start-up.
  it('serves and exits 0 on SIGTERM; exits 2 with one line for bad flags and for a port in use', async () => {
    const port = await freePort();
    const serving = run(['--port', String(port), '--host', '127.0.0.1']);
    const badFlags = [['--bogus'], ['--port', 'eighty'], ['--port'], ['--port', '70000'], ['--fault', 'ses.no-such-fault', '--port', '0']].map((args) => ({
      args,
      started: run(args),
    }));

    await expect.poll(serving.out, { timeout: 15_000, interval: 50 }).toContain('\n');
    expect(serving.out()).toBe(`reference emulator listening on http://127.0.0.1:${port}\n`);
    expect((await fetch(`http://127.0.0.1:${port}/_emulator/health`)).status).toBe(200);

    const portTaken = run(['--port', String(port)]);
    expect(await portTaken.exited).toBe(2);
    expect(portTaken.err()).toBe(`emulator: port ${port} is already in use on 127.0.0.1\n`);

    for (const { args, started } of badFlags) {
      expect(await started.exited, args.join(' ')).toBe(2);
      expect(started.err()).toMatch(/^emulator: [^\n]+\n$/);
      expect(started.out()).toBe('');
    }

    serving.child.kill('SIGTERM');
    expect(await serving.exited).toBe(0);
    expect(serving.err()).toBe('');
  });
});
