// The `aws` target's code path, offline: msw intercepts the real AWS hostnames and answers SES
// from the reference emulator and STS with a fixed caller. Proves the guards refuse before
// anything is sent, and that a run leaves nothing behind.
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { ListIdentitiesCommand, SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { ConformanceConfig } from '../harness/config.ts';
import { sweepCommand } from '../harness/cli/sweep-command.ts';
import { awsTarget, checkAwsGuards } from '../harness/targets/aws.ts';
import { fetchHandler } from '../harness/transport/fetch-handler.ts';
import { sesProperties } from '../properties/ses/properties.ts';
import { loadProperties, type ServiceName } from '../services/index.ts';
import { runSuite } from './support/run-suite.ts';
import { ACCOUNT, AWS_CREDENTIALS_ENV, SES_HOST, servicesAnsweredBy, stsAnswersAccount } from './support/simulated-aws.ts';

const PROPERTIES = await loadProperties();

const emulator = createEmulator();
const sesRequests: string[] = [];

const server = setupServer(
  stsAnswersAccount,
  ...servicesAnsweredBy(async (request) => {
    if (SES_HOST.test(request.url)) sesRequests.push(new URLSearchParams(await request.clone().text()).get('Action') ?? '?');
    return emulator.fetch(request);
  }),
);

const config = (aws: Partial<ConformanceConfig['aws']>) =>
  ConformanceConfig.parse({
    target: 'aws',
    services: ['ses'],
    timeoutMs: 5_000,
    aws: { accountAllowlist: [ACCOUNT], emailDomain: 'sandbox.example.org', ...aws },
  });

/** Waiting out AWS's rates is real time on AWS; here it is the emulator's clock. */
const ON_EMULATOR_CLOCK = { sleep: async (ms: number) => emulator.control.clock.advance(ms) };

/** The account's own Lightsail client (what it holds is none of a run's). */
const accountLightsail = (region: string) =>
  new LightsailClient({ region, requestHandler: fetchHandler((r) => emulator.fetch(r)), credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'b' } });

const savedEnv = { ...process.env };

describe('aws target (offline, msw on the real AWS hostnames)', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    // A 12-digit key id is the account to the emulator: the same account STS names, as on AWS.
    Object.assign(process.env, AWS_CREDENTIALS_ENV);
    sesRequests.length = 0;
    emulator.control.reset();
  });
  afterEach(() => {
    server.resetHandlers();
    process.env = { ...savedEnv };
  });

  it('runs the SES properties, skips what needs a clock, inbox or DNS, and leaves nothing behind', async () => {
    const target = await awsTarget(config({}), ON_EMULATOR_CLOCK);
    expect(target.label).toBe(`aws ${ACCOUNT} us-east-1`);
    const report = await runSuite('ses', sesProperties, { target, runs: 5 });
    const byStatus = (status: string) => report.rules.filter((r) => r.status === status).map((r) => r.id);
    expect(byStatus('fail')).toEqual([]);
    expect(byStatus('error')).toEqual([]);
    expect(byStatus('skipped')).toEqual(expect.arrayContaining(['SES.GIVA.THROTTLE', 'SES.EMAIL.SUCCESS_WITHIN_24H', 'SES.DOMAIN.FAILED_AFTER_72H']));
    expect(report.rules.find((r) => r.id === 'SES.EMAIL.SUCCESS_WITHIN_24H')!.reason).toBe(`target aws ${ACCOUNT} us-east-1 lacks inbox`);
    expect(byStatus('pass')).toEqual(expect.arrayContaining(['SES.GIVA.MAX_IDENTITIES', 'SES.GIVA.RESPONSE_SHAPE', 'SES.DELETE.REMOVES_IDENTITY']));
    const left = await new SESClient({
      region: 'us-east-1',
      requestHandler: fetchHandler((r) => emulator.fetch(r)),
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    }).send(new ListIdentitiesCommand({}));
    expect(left.Identities).toEqual([]);
    expect(sesRequests).toContain('VerifyEmailIdentity');
  });

  const guardedServices: ServiceName[] = ['pinpoint-email', 'lightsail', 'cognito-idp', 'amplifybackend'];
  it.each(guardedServices)('runs the %s properties within the guards and leaves nothing behind', async (service) => {
    process.env.CONFORMANCE_AMPLIFY_APP_ID = 'd1avcsandbox';
    // No CONFORMANCE_SMS_NUMBERS: on AWS, Cognito users carry no phone number at all.
    const target = await awsTarget(config({}), ON_EMULATOR_CLOCK);
    const report = await runSuite(service, PROPERTIES[service], { target, runs: 3 });
    expect(
      report.rules.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.id} ${r.status}: ${r.failure?.message ?? r.reason}`),
    ).toEqual([]);
    expect(report.rules.some((r) => r.status === 'pass')).toBe(true);
    // SMS needs CONFORMANCE_SMS_NUMBERS, which this run does not set: those rules are refused, never sent.
    for (const rule of report.rules.filter((r) => r.status === 'skipped')) expect(rule.reason).toMatch(/lacks|CONFORMANCE_SMS_NUMBERS/);
    expect(report.properties.flatMap((p) => p.warnings)).toEqual([]);
    expect(target.resources.size).toBe(0);
  });

  it('creates Lightsail SMS contact methods only for the numbers the user listed, and then checks the SMS rules', async () => {
    const target = await awsTarget(config({ smsNumbers: ['+14155550123'] }), ON_EMULATOR_CLOCK);
    const report = await runSuite('lightsail', PROPERTIES.lightsail, { target, runs: 5 });
    expect(
      report.rules.filter((r) => r.status !== 'pass' && r.status !== 'skipped').map((r) => `${r.id} ${r.status}: ${r.failure?.message ?? r.reason}`),
    ).toEqual([]);
    for (const id of ['LIGHTSAIL.CONTACT.SMS_REGIONS', 'LIGHTSAIL.SEND.SMS_REJECTED']) expect(report.rules.find((r) => r.id === id)!.status).toBe('pass');
    expect(target.resources.size).toBe(0);
  });

  it('never replaces or deletes a Lightsail contact method the account already had', async () => {
    const { CreateContactMethodCommand, GetContactMethodsCommand } = await import('@aws-sdk/client-lightsail');
    const own = accountLightsail('us-east-1');
    await own.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'alerts@team.example.net' }));
    const target = await awsTarget(config({}), ON_EMULATOR_CLOCK);
    const report = await runSuite('lightsail', PROPERTIES.lightsail, { target, runs: 3 });
    expect((await own.send(new GetContactMethodsCommand({}))).contactMethods!.map((m) => m.contactEndpoint)).toEqual(['alerts@team.example.net']);
    expect(report.rules.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.id}: ${r.failure?.message ?? r.reason}`)).toEqual([]);
    // Every Lightsail rule is skipped with the reason: the model starts from a region without contact methods.
    expect(report.rules.map((r) => r.status)).toEqual(report.rules.map(() => 'skipped'));
    expect(report.rules[0]!.reason).toMatch(/^us-east-1 already has contact methods this run did not create \(Email alerts@team\.example\.net\)/);
    expect(target.resources.size).toBe(0);
  });

  it("looks for the account's own contact methods in every region a property creates in, not only the three slots", async () => {
    const { CreateContactMethodCommand, GetContactMethodsCommand } = await import('@aws-sdk/client-lightsail');
    // eu-west-1 supports SMS and is none of the three slots of a us-east-1 run; only the SMS-regions property creates there.
    const own = accountLightsail('eu-west-1');
    await own.send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+14155550199' }));
    const target = await awsTarget(config({ smsNumbers: ['+14155550123'] }), ON_EMULATOR_CLOCK);
    const report = await runSuite('lightsail', PROPERTIES.lightsail, { target, runs: 3 });
    expect((await own.send(new GetContactMethodsCommand({}))).contactMethods!.map((m) => m.contactEndpoint)).toEqual(['+14155550199']);
    expect(report.rules.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.id}: ${r.failure?.message ?? r.reason}`)).toEqual([]);
    const smsRegions = report.properties.find((p) => p.property === 'SMS contact methods only in the regions that support SMS')!;
    expect(smsRegions.reason).toMatch(/^eu-west-1 already has contact methods this run did not create \(SMS \+14155550199\)/);
    // The properties that stay in the slot regions are judged as before.
    expect(report.rules.find((r) => r.id === 'LIGHTSAIL.SEND.SMS_REJECTED')!.status).toBe('pass');
    expect(target.resources.size).toBe(0);
  });

  it('refuses to create or delete over a Lightsail contact method the run did not create, at the client itself', async () => {
    const { CreateContactMethodCommand, DeleteContactMethodCommand } = await import('@aws-sdk/client-lightsail');
    const own = accountLightsail('us-east-1');
    await own.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'alerts@team.example.net' }));
    const lightsail = (await awsTarget(config({}))).client('lightsail');
    await expect(lightsail.send(new DeleteContactMethodCommand({ protocol: 'Email' }))).rejects.toThrow(
      /refused DeleteContactMethodCommand: us-east-1 already has a Email contact method \(alerts@team\.example\.net\) that this run did not create/,
    );
    await expect(lightsail.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'x@sandbox.example.org' }))).rejects.toThrow(
      /refused CreateContactMethodCommand/,
    );
    // What the run created itself it may replace and delete.
    const other = (await awsTarget(config({}))).client('lightsail', 'us-west-2');
    await other.send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'a@sandbox.example.org' }));
    await other
      .send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'b@sandbox.example.org' }))
      .catch((e: Error) => expect(e.name).not.toBe('GuardError'));
    await other.send(new DeleteContactMethodCommand({ protocol: 'Email' }));
    // Deleted: no longer the run's, so a later delete asks again (and finds nothing to protect).
    await expect(other.send(new DeleteContactMethodCommand({ protocol: 'Email' }))).rejects.toThrow(/NotFound|no Email contact method/i);
  });

  it('sweeps what interrupted runs left, and nothing else', async () => {
    const { CreateContactMethodCommand, GetContactMethodsCommand } = await import('@aws-sdk/client-lightsail');
    const { CreateUserPoolCommand, ListUserPoolsCommand, CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
    const { CreateEmailIdentityCommand, ListEmailIdentitiesCommand, PinpointEmailClient } = await import('@aws-sdk/client-pinpoint-email');
    const own = { requestHandler: fetchHandler((r) => emulator.fetch(r)), credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'b' } };
    const ses = new SESClient({ region: 'us-east-1', ...own });
    const pinpoint = new PinpointEmailClient({ region: 'us-east-1', ...own });
    const cognito = new CognitoIdentityProviderClient({ region: 'us-east-1', ...own });
    const lightsail = (region: string) => new LightsailClient({ region, ...own });
    // Left by a run: run-prefixed names under the mail domain. The account's own: anything else.
    for (const address of ['avc-k3x9q-4-alice@sandbox.example.org', 'alice@sandbox.example.org', 'avc-k3x9q-4-bob@elsewhere.com'])
      await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    for (const name of ['avc-k3x9q-5-mail.sandbox.example.org', 'sandbox.example.org'])
      await pinpoint.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    for (const name of ['avc-k3x9q-6-pool-sandbox-example-org', 'production-users']) await cognito.send(new CreateUserPoolCommand({ PoolName: name }));
    await lightsail('us-west-2').send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'avc-k3x9q-7-ops0-sms@sandbox.example.org' }));
    await lightsail('us-east-1').send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'alerts@team.example.net' }));
    Object.assign(process.env, { CONFORMANCE_AWS_ACCOUNT_ALLOWLIST: ACCOUNT, CONFORMANCE_EMAIL_DOMAIN: 'sandbox.example.org' });

    const listed: string[] = [];
    expect(await sweepCommand([], process.env, (line) => listed.push(line))).toBe(0);
    expect(listed).toEqual([
      expect.stringMatching(/^amplifybackend: not swept: /),
      'ses us-east-1 identity avc-k3x9q-4-alice@sandbox.example.org',
      'pinpoint-email us-east-1 email identity avc-k3x9q-5-mail.sandbox.example.org',
      'lightsail us-west-2 Email contact method avc-k3x9q-7-ops0-sms@sandbox.example.org',
      expect.stringMatching(/^cognito-idp us-east-1 user pool \S+ \(avc-k3x9q-6-pool-sandbox-example-org\)$/),
      '4 left by earlier runs; npx conformance sweep --delete removes them',
    ]);
    expect((await ses.send(new ListIdentitiesCommand({}))).Identities).toHaveLength(3); // listing deletes nothing

    const deleted: string[] = [];
    expect(await sweepCommand(['--delete'], process.env, (line) => deleted.push(line))).toBe(0);
    expect(deleted.at(-1)).toBe('deleted 4 of 4');
    expect((await ses.send(new ListIdentitiesCommand({}))).Identities!.sort()).toEqual(['alice@sandbox.example.org', 'avc-k3x9q-4-bob@elsewhere.com']);
    expect((await pinpoint.send(new ListEmailIdentitiesCommand({}))).EmailIdentities!.map((i) => i.IdentityName)).toEqual(['sandbox.example.org']);
    expect((await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools!.map((p) => p.Name)).toEqual(['production-users']);
    expect((await lightsail('us-west-2').send(new GetContactMethodsCommand({}))).contactMethods).toEqual([]);
    expect((await lightsail('us-east-1').send(new GetContactMethodsCommand({}))).contactMethods!.map((m) => m.contactEndpoint)).toEqual([
      'alerts@team.example.net',
    ]);
  });

  it('says where the sweep could not look, and exits 2', async () => {
    server.use(http.all(/^https:\/\/lightsail\.eu-north-1\.amazonaws\.com\//, () => HttpResponse.error()));
    Object.assign(process.env, { CONFORMANCE_AWS_ACCOUNT_ALLOWLIST: ACCOUNT, CONFORMANCE_EMAIL_DOMAIN: 'sandbox.example.org' });
    const lines: string[] = [];
    expect(await sweepCommand(['--services', 'lightsail'], process.env, (line) => lines.push(line))).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^lightsail eu-north-1: could not look: /), 'nothing left by earlier runs']);
  });

  it('refuses an account that is not on the allow-list, before any SES call', async () => {
    await expect(awsTarget(config({ accountAllowlist: ['210987654321'] }))).rejects.toThrow(`refusing to touch AWS account ${ACCOUNT}`);
    await expect(awsTarget(config({ accountAllowlist: [] }))).rejects.toThrow(/ALLOWLIST is empty/);
    expect(sesRequests).toEqual([]);
  });

  it('refuses a mail domain under a domain the account has verified, in one line, and sweeps all the same', async () => {
    // AWS treats every address under a verified domain as verified: the Pending rules would fail on AWS itself.
    server.use(
      http.post(/^https:\/\/email\.[a-z0-9-]+\.amazonaws\.com\/$/, async ({ request }) => {
        const form = new URLSearchParams(await request.clone().text());
        if (form.get('Action') !== 'GetIdentityVerificationAttributes') return emulator.fetch(request);
        const asked = [...form.entries()].filter(([k]) => k.startsWith('Identities.member.')).map(([, v]) => v);
        expect(asked).toEqual(['sandbox.example.org', 'example.org']);
        return HttpResponse.xml(
          `<GetIdentityVerificationAttributesResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><GetIdentityVerificationAttributesResult><VerificationAttributes>
<entry><key>example.org</key><value><VerificationStatus>Success</VerificationStatus><VerificationToken>t</VerificationToken></value></entry>
</VerificationAttributes></GetIdentityVerificationAttributesResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetIdentityVerificationAttributesResponse>`,
        );
      }),
    );
    await expect(checkAwsGuards(config({}))).rejects.toThrow(
      /^refusing to run: example\.org is a verified SES identity in us-east-1, so AWS treats every address under sandbox\.example\.org as verified/,
    );
    await expect(awsTarget(config({}))).rejects.toThrow(/^refusing to run: example\.org is a verified SES identity/);
    // The services that create no identity under the domain are not held to it.
    await expect(awsTarget(ConformanceConfig.parse({ ...config({}), services: ['lightsail'] }))).resolves.toBeDefined();
    // Nor is the sweep: it only removes what runs left.
    await expect(awsTarget(config({}), { forSweep: true })).resolves.toBeDefined();
  });

  it('refuses to run without a mail domain', async () => {
    await expect(awsTarget(config({ emailDomain: undefined }))).rejects.toThrow(/CONFORMANCE_EMAIL_DOMAIN/);
  });

  it('never sends verification mail outside the configured domain', async () => {
    const target = await awsTarget(config({}));
    const ses = target.client('ses');
    await expect(ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'someone@elsewhere.com' }))).rejects.toThrow(/not under CONFORMANCE_EMAIL_DOMAIN/);
    await expect(ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'x@sandbox.example.org.evil.com' }))).rejects.toThrow(/not under/);
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: 'ok@mail.sandbox.example.org' }));
    // The one call before: whether the mail domain is already verified (it would make the Pending rules fail on AWS).
    expect(sesRequests).toEqual(['GetIdentityVerificationAttributes', 'VerifyEmailIdentity']);
  });

  it('never creates SMS destinations or Cognito users outside what the user allowed', async () => {
    const target = await awsTarget(config({ smsNumbers: ['+12065550100'] }));
    const { CreateContactMethodCommand } = await import('@aws-sdk/client-lightsail');
    const { AdminCreateUserCommand, UpdateUserAttributesCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    await expect(target.client('lightsail').send(new CreateContactMethodCommand({ protocol: 'SMS', contactEndpoint: '+12065550199' }))).rejects.toThrow(
      /\+12065550199 is not in CONFORMANCE_SMS_NUMBERS/,
    );
    await expect(target.client('lightsail').send(new CreateContactMethodCommand({ protocol: 'Email', contactEndpoint: 'a@elsewhere.com' }))).rejects.toThrow(
      /not under CONFORMANCE_EMAIL_DOMAIN/,
    );
    await expect(
      target
        .client('cognito-idp')
        .send(new AdminCreateUserCommand({ UserPoolId: 'p', Username: 'u', UserAttributes: [{ Name: 'email', Value: 'u@elsewhere.com' }] })),
    ).rejects.toThrow(/not under/);
    await expect(
      target
        .client('cognito-idp')
        .send(new UpdateUserAttributesCommand({ AccessToken: 't', UserAttributes: [{ Name: 'phone_number', Value: '+15555550123' }] })),
    ).rejects.toThrow(/CONFORMANCE_SMS_NUMBERS/);
    expect(sesRequests).toEqual(['GetIdentityVerificationAttributes']); // the mail-domain check only
  });

  it('says in one line that there are no credentials', async () => {
    for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'AWS_SESSION_TOKEN']) delete process.env[key];
    Object.assign(process.env, { AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials', AWS_CONFIG_FILE: '/nonexistent/config' });
    // One line: the message starts so and holds no line break.
    await expect(awsTarget(config({}))).rejects.toThrow(/^no AWS credentials found[^\n]*$/);
  });
});
