// Recordings (`--record`) and their replay (`--target replay --recording FILE`): a recording is
// HAR 1.2 and holds no secret of the run; a recorded reference-emulator run replays to the verdicts
// it had; a replay that sends a request the recording does not hold stops with exit 2, naming it and
// the nearest recorded request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { ConformanceConfig } from '../harness/config.ts';
import { Har, Recording, RECORDING_FILE } from '../harness/recording/har.ts';
import { writeRecording } from '../harness/recording/merge.ts';
import { recordTarget } from '../harness/recording/record.ts';
import { EMULATOR_CREDENTIALS } from '../harness/targets/base.ts';
import { referenceTarget } from '../harness/targets/reference.ts';
import { ConformanceReport } from '../harness/report/schema.ts';
import { CLI_TIMEOUT_MS, removeTempDirs, ROOT, runCli, tempDir } from './support/cli.ts';

const FIXTURES = join(ROOT, 'fixtures/recordings');
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.har'))
  .map((name) => name.replace(/\.har$/, ''));

interface Expected {
  summary: Record<string, number>;
  verdicts: Record<string, string>;
}
/** The fixture whose requests depend on the seed (the others' properties run their fixed examples only). */
const SEEDED = 'pinpoint-email-tags';
const expectedOf = (name: string): Expected => JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
const readReport = (dir: string) => ConformanceReport.parse(JSON.parse(readFileSync(join(dir, 'latest', 'conformance.json'), 'utf8')));
const verdictsOf = (report: ConformanceReport) => Object.fromEntries(report.rules.map((rule) => [rule.id, rule.status]));
const stderrLines = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .filter((l) => !/^npm warn|ExperimentalWarning|--trace-warnings/.test(l));

afterAll(removeTempDirs);

describe('a recording', () => {
  it('has fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s is HAR 1.2 with the seed and configuration of its run', (name) => {
    const json: unknown = JSON.parse(readFileSync(join(FIXTURES, `${name}.har`), 'utf8'));
    const har = Har.parse(json);
    expect(har.log.creator.name).toBe('aws-verification-conformance');
    expect(har.log.entries.length).toBeGreaterThan(0);
    const recording = Recording.parse(json);
    expect(recording.log._conformance.config).toMatchObject({ seed: 7, runs: 3, target: 'reference' });
    // Both kinds of entries: the SDK's HTTP exchanges and the properties' out-of-band steps.
    const urls = recording.log.entries.map((e) => e.request.url);
    expect(urls.some((url) => url.startsWith('https://'))).toBe(true);
    expect(urls.some((url) => url.startsWith('conformance-oob:'))).toBe(true);
  });

  it('fails HAR 1.2 validation without a member HAR requires', () => {
    const json = JSON.parse(readFileSync(join(FIXTURES, `${fixtures[0]}.har`), 'utf8'));
    delete json.log.entries[0].response.content.mimeType;
    expect(Har.safeParse(json).success).toBe(false);
    const noVersion = JSON.parse(readFileSync(join(FIXTURES, `${fixtures[0]}.har`), 'utf8'));
    noVersion.log.version = '1.1';
    expect(Har.safeParse(noVersion).success).toBe(false);
  });

  it('holds no secret of the run: credentials, passwords, client secrets, tokens', async () => {
    const reportDir = tempDir('conformance-recording-');
    const config = ConformanceConfig.parse({ services: ['cognito-idp'], seed: 1, runs: 1, reportDir, runId: 'secrets', record: true });
    const target = recordTarget(referenceTarget(config), config, 'cognito-idp');
    const cognito = target.client('cognito-idp');
    const password = 'Sup3r-secret-Passw0rd!';
    const temporary = 'Tmp-secret-Passw0rd!1';
    const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: 'avc-secrets' }));
    const poolId = pool.UserPool!.Id!;
    const secretClient = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'with-secret', GenerateSecret: true }));
    const client = await cognito.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'avc-user', TemporaryPassword: temporary, MessageAction: 'SUPPRESS' }));
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'avc-user', Password: password, Permanent: true }));
    const auth = await cognito.send(
      new InitiateAuthCommand({
        ClientId: client.UserPoolClient!.ClientId!,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'avc-user', PASSWORD: password },
      }),
    );
    const minted = await target.oob.mintToken!({ userPoolId: poolId, clientId: client.UserPoolClient!.ClientId!, username: 'avc-user' });
    await target.close();
    const { file } = writeRecording(config);
    expect(file).toBe(join(reportDir, 'secrets', RECORDING_FILE));

    const text = readFileSync(file, 'utf8');
    const recording = Recording.parse(Har.parse(JSON.parse(text)));
    const secrets = {
      password,
      temporary,
      clientSecret: secretClient.UserPoolClient!.ClientSecret!,
      accessToken: auth.AuthenticationResult!.AccessToken!,
      refreshToken: auth.AuthenticationResult!.RefreshToken!,
      idToken: auth.AuthenticationResult!.IdToken!,
      minted,
      accessKeyId: EMULATOR_CREDENTIALS.accessKeyId,
      secretAccessKey: EMULATOR_CREDENTIALS.secretAccessKey,
    };
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret.length, what).toBeGreaterThan(8);
      expect(text.includes(secret), `${what} is in the recording`).toBe(false);
    }
    // What was recorded is still there, only redacted: every call, each signature.
    const operations = recording.log.entries.map((e) => e.request.headers.find((h) => h.name.toLowerCase() === 'x-amz-target')?.value ?? e.request.url);
    expect(operations).toEqual([
      'AWSCognitoIdentityProviderService.CreateUserPool',
      'AWSCognitoIdentityProviderService.CreateUserPoolClient',
      'AWSCognitoIdentityProviderService.CreateUserPoolClient',
      'AWSCognitoIdentityProviderService.AdminCreateUser',
      'AWSCognitoIdentityProviderService.AdminSetUserPassword',
      'AWSCognitoIdentityProviderService.InitiateAuth',
      'conformance-oob:mintToken',
    ]);
    const signatures = recording.log.entries.flatMap((e) => e.request.headers.filter((h) => h.name.toLowerCase() === 'authorization').map((h) => h.value));
    expect(signatures).toHaveLength(5); // InitiateAuth is not signed
    for (const signature of signatures) expect(signature).toMatch(/Credential=\[redacted\]\/.*Signature=\[redacted\]$/);
    expect(text).toContain('"AccessToken\\":\\"[redacted]\\"');
  });
});

describe('replay', { timeout: CLI_TIMEOUT_MS + 10_000 }, () => {
  it.concurrent.each(fixtures)('of %s reaches the recorded run’s verdicts', async (name) => {
    const reportDir = tempDir('conformance-replay-');
    const run = await runCli(['run', '--target', 'replay', '--recording', join(FIXTURES, `${name}.har`), '--report-dir', reportDir]);
    const expected = expectedOf(name);
    expect(run.code, run.stderr).toBe(expected.summary.fail ? 1 : 0);
    const report = readReport(reportDir);
    expect(report.seed).toBe(7);
    expect(report.summary).toEqual(expected.summary);
    expect(verdictsOf(report)).toEqual(expected.verdicts);
    expect(report.target.kind).toBe('replay');
  });

  it.concurrent('stops with exit 2 at the first request the recording does not hold, naming it and the nearest recorded one', async () => {
    const dir = tempDir('conformance-replay-');
    const har = JSON.parse(readFileSync(join(FIXTURES, `${SEEDED}.har`), 'utf8'));
    har.log._conformance.config.seed = 8; // the same configuration, another seed: other requests
    const file = join(dir, 'other-seed.har');
    writeFileSync(file, JSON.stringify(har));
    const run = await runCli(['run', '--target', 'replay', '--recording', file, '--report-dir', dir]);
    expect(run.code).toBe(2);
    const lines = stderrLines(run.stderr);
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^conformance: replay: pinpoint-email sent (GET|POST|PUT|DELETE) \S+ \S+.*, which the recording does not hold; nearest recorded: (GET|POST|PUT|DELETE) \S+ \S+.* \(entry \d+ of pinpoint-email's \d+\)$/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.concurrent('stops with exit 2 when the run ends before sending every recorded request', async () => {
    const dir = tempDir('conformance-replay-');
    const har = JSON.parse(readFileSync(join(FIXTURES, `${SEEDED}.har`), 'utf8'));
    har.log._conformance.config.runs = 1; // fewer runs than recorded: the last requests are never sent
    const file = join(dir, 'fewer-runs.har');
    writeFileSync(file, JSON.stringify(har));
    const run = await runCli(['run', '--target', 'replay', '--recording', file, '--report-dir', dir]);
    expect(run.code).toBe(2);
    expect(stderrLines(run.stderr)).toEqual([
      expect.stringMatching(
        /^conformance: replay: pinpoint-email's run ended with \d+ recorded requests? never sent, the first: \S+ \S+ .*\(entry \d+ of pinpoint-email's \d+\)$/,
      ),
    ]);
  });

  it.concurrent('records a run and replays the recording to the same verdicts', async () => {
    const dir = tempDir('conformance-record-');
    const property = 'An email address is verified as soon as its link is followed';
    const recorded = await runCli([
      'run',
      '--services',
      'pinpoint-email',
      '--runs',
      '2',
      '--seed',
      '11',
      '--property',
      property,
      '--record',
      '--report-dir',
      dir,
    ]);
    expect(recorded.code, recorded.stderr).toBe(0);
    const report = readReport(dir);
    const file = join(dir, report.runId, RECORDING_FILE);
    expect(recorded.stdout).toContain(`recording: ${file}`);
    expect(readFileSync(join(dir, 'latest', RECORDING_FILE), 'utf8')).toBe(readFileSync(file, 'utf8'));
    const recording = Recording.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(recording.log._conformance.config).toMatchObject({ seed: 11, runs: 2, services: ['pinpoint-email'], property });

    const replayDir = tempDir('conformance-replay-');
    const replayed = await runCli(['run', '--target', 'replay', '--recording', file, '--report-dir', replayDir]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(verdictsOf(readReport(replayDir))).toEqual(verdictsOf(report));
  });

  it.concurrent("replays a run against AWS through the aws target's guards to the same verdicts (recorded from its dry run, nothing sent)", async () => {
    // The aws code path, guards and pacing included; the guards' own calls (Lightsail's look at the
    // account's contact methods) are in the recording, so the replay goes through the same guards.
    const account = {
      CONFORMANCE_AWS_ACCOUNT_ALLOWLIST: '123456789012',
      CONFORMANCE_EMAIL_DOMAIN: 'sandbox.example.org',
      CONFORMANCE_SMS_NUMBERS: '+14155550123',
      CONFORMANCE_AMPLIFY_APP_ID: 'd1avcsandbox',
    };
    const dir = tempDir('conformance-record-aws-');
    const flags = ['--services', 'lightsail,amplifybackend', '--runs', '2', '--seed', '5'];
    const recorded = await runCli(['run', '--target', 'aws', '--dry-run', ...flags, '--record', '--report-dir', dir], account);
    expect(recorded.code, recorded.stderr).toBe(0);
    const report = readReport(dir);
    expect(report.target.kind).toBe('aws');
    const replayDir = tempDir('conformance-replay-aws-');
    const replayed = await runCli(['run', '--target', 'replay', '--recording', join(dir, 'latest', RECORDING_FILE), '--report-dir', replayDir], account);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(verdictsOf(readReport(replayDir))).toEqual(verdictsOf(report));
    expect(Object.values(verdictsOf(report))).toContain('pass');
  });

  it.concurrent.each([
    [['--seed', '8'], /^conformance: --seed 8 differs from the recording's 7: a replay sends the recorded run's requests \(drop --seed\)$/],
    [['--services', 'ses'], /^conformance: --services ses differs from the recording's pinpoint-email/],
    [['--endpoint', 'http://127.0.0.1:1'], /^conformance: --endpoint does not go with --target replay/],
    [['--record'], /^conformance: --record does not go with --target replay/],
  ])('refuses %j, which would change the requests, with exit 2', async (flags, message) => {
    const run = await runCli(['run', '--target', 'replay', '--recording', join(FIXTURES, `${fixtures[0]}.har`), ...flags]);
    expect(run.code).toBe(2);
    expect(stderrLines(run.stderr)).toEqual([expect.stringMatching(message)]);
  });

  it.concurrent.each([
    [['--target', 'replay'], /^conformance: --target replay needs --recording FILE/],
    [['--recording', 'x.har'], /^conformance: --recording FILE goes with --target replay$/],
    [['--target', 'replay', '--recording', '/nonexistent/x.har'], /^conformance: cannot read the recording \/nonexistent\/x\.har: ENOENT$/],
  ])('%j is a usage error', async (flags, message) => {
    const run = await runCli(['run', ...flags]);
    expect(run.code).toBe(2);
    expect(stderrLines(run.stderr)).toEqual([expect.stringMatching(message)]);
  });
});
