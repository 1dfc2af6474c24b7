// A default `--target aws` run, planned with --dry-run (nothing sent, no credentials): its budget
// is printed, and the messages it would have AWS send stay within the daily quotas of a fresh
// sandbox account (spec/aws-rates.ts), so the guard never has to refuse one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isServiceName } from '../services/index.ts';
import { type MessageChannel, quotaOf } from '../spec/aws-rates.ts';
import { CLI_TIMEOUT_MS, removeTempDirs, runCli, tempDir } from './support/cli.ts';

const PLANNING = {
  CONFORMANCE_EMAIL_DOMAIN: 'sandbox.example.org',
  CONFORMANCE_AWS_ACCOUNT_ALLOWLIST: '123456789012',
  AWS_ACCESS_KEY_ID: '',
  AWS_SECRET_ACCESS_KEY: '',
  AWS_PROFILE: '',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_EC2_METADATA_DISABLED: 'true',
  CONFORMANCE_AMPLIFY_APP_ID: 'd1avcsandbox',
};

describe('the budget of a default aws run', { timeout: CLI_TIMEOUT_MS + 10_000 }, () => {
  afterAll(removeTempDirs);

  it('prints calls per operation, messages per kind and the pacing time, and stays within the daily quotas', async () => {
    const reportDir = tempDir('conformance-budget-');
    const result = await runCli(['run', '--target', 'aws', '--dry-run', '--seed', '11', '--report-dir', reportDir], PLANNING);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    const budget = /budget of the real run \(every pass and clean-up\): (\d+) calls, (?:(\d+) min )?(\d+) s of waiting/.exec(out);
    expect(budget, out).not.toBeNull();
    // Every call paced at its rate: at least a second between most of them, so minutes for a full run.
    expect(Number(budget![2] ?? 0) * 60 + Number(budget![3])).toBeGreaterThan(60);
    expect(out).toMatch(/^ {2}ses VerifyEmailIdentity ×\d+$/m);
    expect(out).toMatch(/^ {2}cognito-idp GetUserAttributeVerificationCode ×\d+$/m);
    const messages = [...out.matchAll(/^ {2}([a-z-]+) (email|sms) ×(\d+)/gm)].map(([, service, channel, n]) => ({ service, channel, n: Number(n) }));
    expect(messages.map((m) => `${m.service} ${m.channel}`)).toEqual(expect.arrayContaining(['ses email', 'pinpoint-email email', 'cognito-idp email']));
    for (const { service, channel, n } of messages) {
      const perDay = isServiceName(service) ? quotaOf(service, channel as MessageChannel)?.perDay : undefined;
      if (perDay !== undefined) expect(n, `${service} ${channel}`).toBeLessThanOrEqual(perDay);
    }
    expect(out).not.toMatch(/OVER the quota/);
    const plan = readFileSync(join(reportDir, 'latest', 'planned-calls.txt'), 'utf8');
    expect(plan).not.toMatch(/allows a day/);
  });
});
