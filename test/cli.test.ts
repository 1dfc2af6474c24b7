// The `conformance` command as a user meets it: exit codes 0/1/2, one-line causes on stderr,
// never a stack trace or a hang, and the report files on disk.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../emulator/server.ts';
import { ConformanceReport } from '../harness/report/schema.ts';
import { listeningPort } from '../harness/targets/managed/process.ts';
import { CLI_TIMEOUT_MS, removeTempDirs, runCli, tempDir } from './support/cli.ts';

const reportDir = () => tempDir('conformance-cli-');
const readReport = (dir: string) => ConformanceReport.parse(JSON.parse(readFileSync(join(dir, 'latest', 'conformance.json'), 'utf8')));

function expectOneLineCause(stderr: string, pattern: RegExp) {
  const lines = stderr
    .trim()
    .split('\n')
    .filter((l) => !/^npm warn|ExperimentalWarning|--trace-warnings/.test(l));
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${listeningPort(server)}` };
}

// Every test runs the command, which can take minutes on a busy machine: only a hang fails one.
/** An allowed account and a mail domain, but no AWS credentials anywhere the SDK looks. */
const NO_CREDENTIALS = {
  CONFORMANCE_EMAIL_DOMAIN: 'sandbox.example.org',
  CONFORMANCE_AWS_ACCOUNT_ALLOWLIST: '123456789012',
  AWS_ACCESS_KEY_ID: '',
  AWS_SECRET_ACCESS_KEY: '',
  AWS_SESSION_TOKEN: '',
  AWS_PROFILE: '',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_EC2_METADATA_DISABLED: 'true',
};

describe('conformance CLI', { timeout: CLI_TIMEOUT_MS + 10_000 }, () => {
  afterAll(removeTempDirs);

  it.concurrent.each([
    [['run', '--bogus'], /^conformance: Unknown option '--bogus'/],
    [['run', '--services', 'ses,sns'], /^conformance: unknown service sns/],
    [['run', '--runs', 'many'], /^conformance: --runs takes a whole number/],
    [['run', '--runs', '-3'], /^conformance: --runs needs a value: write --runs=VALUE/],
    [['run', '--target', 'moon'], /^conformance: --target: /],
    [['run', '--target', 'endpoint'], /^conformance: --target endpoint needs --endpoint URL/],
    [['run', '--endpoint', 'http://127.0.0.1:1'], /^conformance: --endpoint only goes with --target endpoint/],
    [['fly'], /^conformance: unknown command "fly"/],
    // The sweep reads its flags as run does, and names them as they are written.
    [['sweep', '--timeout-ms', 'abc'], /^conformance: --timeout-ms takes a whole number, not "abc"$/],
    [['sweep', '--timeout-ms', '5'], /^conformance: --timeout-ms: /],
    [['sweep', '--services', 'ses,,lightsail'], /^conformance: --services takes a comma-separated list without empty items/],
  ])('rejects %j with one line and exit 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expectOneLineCause(result.stderr, message);
  });

  it('explains an unreachable endpoint in one line, quickly', async () => {
    const { server, url } = await listen(() => {});
    await new Promise((resolve) => server.close(resolve)); // a port that was just free: nothing listens
    const result = await runCli(['run', '--target', 'endpoint', '--endpoint', url]);
    expect(result.code).toBe(2);
    expectOneLineCause(result.stderr, new RegExp(`^conformance: cannot reach endpoint ${url}: .*ECONNREFUSED`));
  });

  it('refuses the aws target without an allow-list before touching the network', async () => {
    const result = await runCli(['run', '--target', 'aws'], { CONFORMANCE_EMAIL_DOMAIN: 'sandbox.example.org', CONFORMANCE_AWS_ACCOUNT_ALLOWLIST: '' });
    expect(result.code).toBe(2);
    expectOneLineCause(result.stderr, /CONFORMANCE_AWS_ACCOUNT_ALLOWLIST is empty/);
  });

  it('says in one line that there are no AWS credentials', async () => {
    const result = await runCli(['run', '--target', 'aws'], NO_CREDENTIALS);
    expect(result.code).toBe(2);
    expectOneLineCause(result.stderr, /^conformance: no AWS credentials found/);
  });

  it('plans an aws run without credentials or network: --dry-run writes the calls it would make', async () => {
    const reportDir = tempDir('conformance-dry-');
    // No credentials at all: a dry run that called STS or AWS would fail.
    const result = await runCli(
      ['run', '--target', 'aws', '--dry-run', '--services', 'ses,cognito-idp', '--runs', '3', '--seed', '7', '--report-dir', reportDir],
      NO_CREDENTIALS,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/dry run: \d+ calls planned, nothing sent/);
    expect(result.stdout).toMatch(/ses verify-email-identity ×\d+/);
    const plan = readFileSync(join(reportDir, 'latest', 'planned-calls.txt'), 'utf8');
    const calls = plan.split('\n').filter((line) => line.startsWith('aws '));
    expect(calls.length).toBeGreaterThan(10);
    // Exactly what would go to AWS: its own endpoints, addresses under the domain only, no phone numbers for Cognito users.
    expect(calls.filter((line) => line.includes('--endpoint-url'))).toEqual([]);
    expect(plan).toMatch(/^# clean-up: delete cognito-idp:/m);
    for (const address of plan.match(/[\w.+-]+@[\w.-]+/g) ?? []) expect(address).toMatch(/@sandbox\.example\.org$/);
    expect(calls.filter((line) => line.includes('admin-create-user') && line.includes('phone_number'))).toEqual([]);
    expect(ConformanceReport.parse(JSON.parse(readFileSync(join(reportDir, 'latest', 'conformance.json'), 'utf8'))).target.label).toMatch(/dry run/);
  });

  it('refuses --dry-run for anything but the aws target', async () => {
    const result = await runCli(['run', '--dry-run']);
    expect(result.code).toBe(2);
    expectOneLineCause(result.stderr, /^conformance: --dry-run goes with --target aws/);
  });

  it('runs every rule on the reference emulator, exits 0 and writes the reports', async () => {
    const dir = reportDir();
    const result = await runCli(['run', '--runs', '10', '--seed', '7', '--report-dir', dir]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    const report = readReport(dir);
    expect(report.target.kind).toBe('reference');
    expect(report.seed).toBe(7);
    expect(report.summary.total).toBeGreaterThan(15);
    expect(report.rules.filter((r) => r.status !== 'pass').map((r) => r.id)).toEqual([]);
    expect(readFileSync(join(dir, 'latest', 'summary.md'), 'utf8')).toContain(`${report.summary.pass} pass, 0 fail`);
    expect(readFileSync(join(dir, 'latest', 'junit.xml'), 'utf8')).toMatch(/<testsuite name="ses @ reference" tests="\d+" failures="0"/);
    expect(readFileSync(join(dir, 'latest', 'index.html'), 'utf8')).toContain('<table>');
    expect(readFileSync(join(dir, report.runId, 'conformance.json'), 'utf8')).toBe(readFileSync(join(dir, 'latest', 'conformance.json'), 'utf8'));
  });

  describe('against the reference emulator as a server', () => {
    let emulator: Awaited<ReturnType<typeof startServer>>;
    beforeAll(async () => {
      emulator = await startServer({ port: 0, host: '127.0.0.1' });
    });
    afterAll(() => emulator.close());

    it('passes over HTTP with the reference adapter', async () => {
      const dir = reportDir();
      const result = await runCli(['run', '--target', 'endpoint', '--endpoint', emulator.url, '--emulator', 'reference', '--runs', '5', '--report-dir', dir]);
      expect(result.code, result.stderr + result.stdout).toBe(0);
      expect(readReport(dir).target.label).toBe(`endpoint ${emulator.url} (reference)`);
    });

    it('exits 1 and names the broken rule when the emulator has a fault', async () => {
      emulator.emulator.control.faults.enable('ses.giva.accept-over-100');
      try {
        const dir = reportDir();
        const result = await runCli(['run', '--target', 'endpoint', '--endpoint', emulator.url, '--emulator', 'reference', '--runs', '5', '--report-dir', dir]);
        expect(result.code, result.stderr + result.stdout).toBe(1);
        const rule = readReport(dir).rules.find((r) => r.id === 'SES.GIVA.MAX_IDENTITIES')!;
        expect(rule.status).toBe('fail');
        expect(rule.failure!.reproduce).toContain(`--endpoint ${emulator.url}`);
        expect(rule.failure!.exchanges.at(-1)!.request.body).toContain('Identities.member.101=');

        // The finding's own reproduce command replays exactly its shrunk counterexample.
        const replayDir = reportDir();
        const replayArgs = rule
          .failure!.reproduce.replace(/^npm run conformance -- /, '')
          .match(/'[^']*'|\S+/g)!
          .map((a) => a.replace(/^'|'$/g, ''));
        const replay = await runCli(['run', ...replayArgs, '--report-dir', replayDir]);
        expect(replay.code, replay.stderr + replay.stdout).toBe(1);
        const replayed = readReport(replayDir).rules.find((r) => r.id === 'SES.GIVA.MAX_IDENTITIES')!;
        expect(replayed.status).toBe('fail');
        expect(replayed.failure!.counterexample.length).toBe(rule.failure!.counterexample.length);
        expect(readReport(replayDir).properties.map((p) => p.property)).toEqual([rule.failure!.property]);
      } finally {
        emulator.emulator.control.faults.disable('ses.giva.accept-over-100');
      }
    });
  });

  describe('against a target that answers garbage or nothing', () => {
    let garbage: { server: Server; url: string };
    let silent: { server: Server; url: string };
    /** The API calls the silent target received (and never answered). */
    let silentCalls = 0;
    beforeAll(async () => {
      garbage = await listen((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>It works!</body></html>'));
      // Answers the reachability probe, then never answers an API call.
      silent = await listen((req, res) => {
        if (req.method === 'GET') res.end('ok');
        else silentCalls += 1;
      });
    });
    afterAll(() => {
      garbage.server.close();
      silent.server.closeAllConnections();
      silent.server.close();
    });

    it('reports garbage answers as error verdicts and exits 2 with one line', async () => {
      const dir = reportDir();
      const result = await runCli(['run', '--target', 'endpoint', '--endpoint', garbage.url, '--runs', '3', '--report-dir', dir]);
      expect(result.code, result.stdout).toBe(2);
      expectOneLineCause(result.stderr, /^conformance: could not check every rule: .*unreadable answer: HTTP 200 text\/html/);
      const report = readReport(dir);
      expect(report.summary.error).toBeGreaterThan(0);
      expect(report.summary.pass).toBe(0);
    });

    it('gives up on a target that never answers after its first unanswered call, not the run', async () => {
      const dir = reportDir();
      const result = await runCli(['run', '--target', 'endpoint', '--endpoint', silent.url, '--timeout-ms', '500', '--runs', '3', '--report-dir', dir]);
      expect(result.code, result.stdout).toBe(2);
      expectOneLineCause(result.stderr, /no answer within 500 ms/);
      const report = readReport(dir);
      // Gave up at once, in substance rather than by the clock (how long it takes is `npm run bench`):
      // each service's first call went unanswered, and every later call was not sent at all,
      // instead of each waiting out its own timeout.
      expect(silentCalls).toBeGreaterThan(0);
      expect(silentCalls).toBeLessThanOrEqual(report.services.length);
      const reasons = report.rules.filter((r) => r.status === 'error').map((r) => r.reason ?? '');
      for (const reason of reasons) expect(reason).toMatch(/no answer within 500 ms|not sent: the target stopped answering/);
      expect(reasons.filter((reason) => /not sent: the target stopped answering/.test(reason)).length).toBeGreaterThan(0);
      // The finding shows the call that got no answer, not only calls that were never sent.
      const hung = report.rules.flatMap((r) => r.failure?.exchanges ?? []).filter((e) => !e.response);
      expect(hung.length).toBeGreaterThan(0);
      expect(hung[0]!.error).toMatch(/no answer within 500 ms/);
    });
  });
});
