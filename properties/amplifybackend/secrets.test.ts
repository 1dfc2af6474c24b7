// Secrets in auth configurations (social providers' ClientSecret, Apple's PrivateKey) never reach
// a report: not in the recorded exchanges, not in the printed AWS CLI calls, not in a finding's
// expected or actual value. Checked on real failing findings of the reference emulator's faults.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authCreated, authUpdated, emptyAmplifyModel } from '../../models/amplifybackend/model.ts';
import type { CreateResourceConfig, UpdateResourceConfig } from '../../models/amplifybackend/shapes.ts';
import { referenceTarget } from '../../harness/targets/reference.ts';
import { REDACTED } from '../../harness/transport/redact.ts';
import { runProperty } from '../shared/run-property.ts';
import { defineProperty } from '../shared/property.ts';
import { runSuite } from '../../test/support/run-suite.ts';
import { SECRET_MARKER } from './arbitraries.ts';
import { amplifyBackendProperties } from './properties.ts';
import { awaitJob, checkGetAuth, createAuth, setUpBackend, updateAuth } from './steps.ts';

const secret = (name: string) => `${SECRET_MARKER}${name}`;
const providers = {
  Facebook: { ClientId: 'fbclient', ClientSecret: secret('facebook') },
  Google: { ClientId: 'gclient', ClientSecret: secret('google') },
  LoginWithAmazon: { ClientId: 'lwaclient', ClientSecret: secret('amazon') },
  SignInWithApple: { ClientId: 'com.example.app', KeyId: 'KEY1234567', PrivateKey: secret('apple'), TeamId: 'TEAM123456' },
};
const oauth = {
  OAuthGrantType: 'CODE' as const,
  OAuthScopes: ['EMAIL' as const, 'OPENID' as const],
  RedirectSignInURIs: ['https://app.example.com/'],
  RedirectSignOutURIs: ['https://app.example.com/'],
  SocialProviderSettings: providers,
};
const config: CreateResourceConfig = {
  AuthResources: 'USER_POOL_ONLY',
  Service: 'COGNITO',
  UserPoolConfigs: {
    RequiredSignUpAttributes: ['EMAIL'],
    SignInMethod: 'EMAIL',
    UserPoolName: 'avcpoolsecret',
    OAuth: oauth,
    PasswordPolicy: { MinimumLength: 8 },
    VerificationMessage: { DeliveryMethod: 'EMAIL', EmailSettings: { EmailMessage: 'Code {####}', EmailSubject: 'Verify' } },
  },
};
const update: UpdateResourceConfig = {
  AuthResources: 'USER_POOL_ONLY',
  Service: 'COGNITO',
  UserPoolConfigs: {
    OAuth: { ...oauth, OAuthGrantType: 'IMPLICIT' },
    VerificationMessage: { DeliveryMethod: 'SMS', SmsSettings: { SmsMessage: 'Code {####}' } },
  },
};

/** A finding whose configuration is full of secrets: create, update (ignored by the fault), read. */
const secretsFinding = defineProperty({
  name: 'secrets finding',
  service: 'amplifybackend',
  rules: [
    'AMPLIFY.UPDATE.APPLIED',
    'AMPLIFY.GET.ROUND_TRIP',
    'AMPLIFY.VERIFICATION.ROUND_TRIP',
    'AMPLIFY.VERIFICATION.DELIVERY_METHOD_ENUM',
    'AMPLIFY.ENUMS',
    'AMPLIFY.JOB.RESPONSE_FIELDS',
    'AMPLIFY.ERRORS.DOCUMENTED',
  ],
  arbitrary: () => fc.constant(null),
  async run(ctx) {
    const watch = { rules: ['AMPLIFY.UPDATE.APPLIED'] as const, judge: false };
    const { env } = await setUpBackend(ctx, ['AMPLIFY.UPDATE.APPLIED']);
    const created = await createAuth(ctx, env, config, ['AMPLIFY.UPDATE.APPLIED']);
    await awaitJob(ctx, env, { jobId: created.output?.JobId, operation: 'CreateBackendAuth' }, watch);
    const updated = await updateAuth(ctx, env, update, ['AMPLIFY.UPDATE.APPLIED']);
    await awaitJob(ctx, env, { jobId: updated.output?.JobId, operation: 'UpdateBackendAuth' }, watch);
    await checkGetAuth(ctx, env, authUpdated(authCreated(emptyAmplifyModel(), config), update).auth!);
  },
});

describe('AmplifyBackend secrets in findings', () => {
  it('a failing finding shows the configuration with every secret redacted', async () => {
    const target = referenceTarget({ region: 'us-east-1', timeoutMs: 5_000 }, { faults: ['amplify.update-ignored'] });
    const outcome = await runProperty(secretsFinding, target, { seed: 1, runs: 1 });
    await target.close();
    const finding = outcome.verdicts.find((v) => v.ruleId === 'AMPLIFY.UPDATE.APPLIED')!;
    expect(finding.status).toBe('fail');
    const { exchanges, counterexample, expected, actual } = finding.failure!;
    const printed = [JSON.stringify(exchanges), counterexample.join('\n'), expected, actual];
    // The secrets were sent and answered (so there was something to leak) ...
    expect(exchanges.some((e) => e.response?.body.includes('client_secret'))).toBe(true);
    expect(counterexample.some((line) => line.includes('ClientSecret') && line.includes(REDACTED))).toBe(true);
    // ... and none of them is in the finding, while the rest of the configuration is readable.
    for (const text of printed) expect(text).not.toContain(SECRET_MARKER);
    expect(counterexample.join('\n')).toContain('PasswordPolicy":{"MinimumLength":8}');
    expect(actual).toContain('"ClientSecret":"[redacted]"');
  });

  it('no report of a faulty emulator carries a generated secret', async () => {
    for (const fault of ['amplify.update-ignored', 'amplify.drops-verification-message']) {
      const report = await runSuite('amplifybackend', amplifyBackendProperties, { faults: [fault], runs: 10 });
      expect(report.rules.some((r) => r.status === 'fail')).toBe(true);
      expect(JSON.stringify(report)).not.toContain(SECRET_MARKER);
    }
  });
});
