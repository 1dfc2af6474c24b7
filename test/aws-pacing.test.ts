// The aws target keeps every call to AWS's documented rate (spec/aws-rates.ts), waits out a
// throttled or quota answer no rule judges, and never charges one to a rule. Offline: msw answers
// the real AWS hostnames from the reference emulator, and throttles like AWS would, on the
// emulator's clock (which the target's waits move), so nothing here waits in real time.
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { ConformanceConfig } from '../harness/config.ts';
import { awsTarget } from '../harness/targets/aws.ts';
import { loadProperties, SERVICES, type ServiceName } from '../services/index.ts';
import { intervalOf, rateOf } from '../spec/aws-rates.ts';
import { runSuite } from './support/run-suite.ts';
import { ACCOUNT, AWS_CREDENTIALS_ENV, servicesAnsweredBy, stsAnswersAccount } from './support/simulated-aws.ts';

const PROPERTIES = await loadProperties();
const emulator = createEmulator();

/** The service and operation of a request to a real AWS hostname. */
async function operationOf(request: Request): Promise<{ service: ServiceName; operation: string }> {
  const url = new URL(request.url);
  const target = request.headers.get('x-amz-target')?.split('.').at(-1);
  if (url.hostname.startsWith('email.') && url.pathname === '/')
    return { service: 'ses', operation: new URLSearchParams(await request.clone().text()).get('Action') ?? '?' };
  if (url.hostname.startsWith('email.')) return { service: 'pinpoint-email', operation: `${request.method} ${url.pathname}` };
  if (url.hostname.startsWith('lightsail.')) return { service: 'lightsail', operation: target ?? '?' };
  if (url.hostname.startsWith('cognito-idp.')) return { service: 'cognito-idp', operation: target ?? '?' };
  return { service: 'amplifybackend', operation: `${request.method} ${url.pathname}` };
}

/**
 * The rate key a request counts against: per operation where AWS limits each (SES, Cognito's
 * categories), per service where one assumed rate covers all its operations (their table row lists them all).
 */
function rateKeyOf(service: ServiceName, operation: string, region: string): { key: string; intervalMs: number } {
  const sharedRow = service === 'pinpoint-email' || service === 'lightsail' || service === 'amplifybackend';
  const rate = sharedRow ? rateOf(service, rateOfService[service]) : rateOf(service, operation);
  return { key: `${region} ${rate.key}`, intervalMs: intervalOf(rate) };
}
/** An operation of each service whose one table row covers the rest. */
const rateOfService = { 'pinpoint-email': 'CreateEmailIdentity', lightsail: 'CreateContactMethod', amplifybackend: 'GetBackendJob' } as const;

/** AWS's throttling answer in the service's protocol. */
function throttled(service: ServiceName): Response {
  if (service === 'ses')
    return new HttpResponse(
      '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>t</RequestId></ErrorResponse>',
      { status: 400, headers: { 'content-type': 'text/xml' } },
    );
  const code = service === 'lightsail' ? 'ServiceException' : 'TooManyRequestsException';
  return HttpResponse.json({ message: 'Rate exceeded' }, { status: service === 'lightsail' ? 400 : 429, headers: { 'x-amzn-errortype': code } });
}

/** How the simulated AWS decides: undefined lets the emulator answer. */
type Decide = (call: { service: ServiceName; operation: string; key: string; sinceLast: number | undefined; region: string }) => Response | undefined;
let decide: Decide = () => undefined;
/** Every request as AWS saw it, with when it arrived on the emulator's clock. */
const arrivals: { key: string; at: number; throttled: boolean }[] = [];
const lastArrival = new Map<string, number>();

const server = setupServer(
  stsAnswersAccount,
  ...servicesAnsweredBy(async (request) => {
    const region = new URL(request.url).hostname.split('.')[1]!;
    const { service, operation } = await operationOf(request);
    const { key } = rateKeyOf(service, operation, region);
    const at = emulator.control.clock.now();
    const previous = lastArrival.get(key);
    lastArrival.set(key, at);
    const answer = decide({ service, operation, key, sinceLast: previous === undefined ? undefined : at - previous, region });
    arrivals.push({ key, at, throttled: answer !== undefined });
    return answer ?? emulator.fetch(request);
  }),
);

const config = (aws: Partial<ConformanceConfig['aws']> = {}) =>
  ConformanceConfig.parse({
    target: 'aws',
    services: [...SERVICES],
    timeoutMs: 5_000,
    aws: { accountAllowlist: [ACCOUNT], emailDomain: 'sandbox.example.org', ...aws },
  });

/** The aws target, waiting on the emulator's clock instead of in real time. */
const target = (aws: Partial<ConformanceConfig['aws']> = {}) => awsTarget(config(aws), { sleep: async (ms) => emulator.control.clock.advance(ms) });

const savedEnv = { ...process.env };
const failedOrErrored = (report: Awaited<ReturnType<typeof runSuite>>) =>
  report.rules.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.id} ${r.status}: ${r.failure?.message ?? r.reason}`);

describe('aws target pacing and retries (offline, msw on the real AWS hostnames)', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    Object.assign(process.env, AWS_CREDENTIALS_ENV, { CONFORMANCE_AMPLIFY_APP_ID: 'd1avcsandbox' });
    emulator.control.reset();
    arrivals.length = 0;
    lastArrival.clear();
    decide = () => undefined;
  });
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it.each(SERVICES)('keeps every %s call to its documented rate: an AWS that throttles anything faster throttles nothing', async (service) => {
    // What AWS does at its documented rates: a call sooner than the interval after the previous one of its key is throttled.
    decide = ({ service: s, operation, region, sinceLast }) =>
      sinceLast !== undefined && sinceLast < rateKeyOf(s, operation, region).intervalMs ? throttled(s) : undefined;
    const report = await runSuite(service, PROPERTIES[service], { target: await target(), runs: 3 });
    expect(arrivals.filter((a) => a.throttled)).toEqual([]);
    expect(arrivals.length).toBeGreaterThan(5);
    expect(failedOrErrored(report)).toEqual([]);
    expect(report.rules.some((r) => r.status === 'pass')).toBe(true);
  });

  it('keeps SES identities Pending-checkable when AWS allows its four identity actions one call a second', async () => {
    // The case: VerifyEmailIdentity, VerifyDomainIdentity, ListIdentities and DeleteIdentity at one call a second.
    const limited = new Set(['VerifyEmailIdentity', 'VerifyDomainIdentity', 'ListIdentities', 'DeleteIdentity', 'GetIdentityVerificationAttributes']);
    decide = ({ service, operation, sinceLast }) =>
      service === 'ses' && limited.has(operation) && sinceLast !== undefined && sinceLast < 1_000 ? throttled('ses') : undefined;
    const report = await runSuite('ses', PROPERTIES.ses, { target: await target(), runs: 5 });
    expect(failedOrErrored(report)).toEqual([]);
    for (const id of ['SES.EMAIL.PENDING_UNTIL_CLICKED', 'SES.DOMAIN.PENDING_UNTIL_RECORD']) expect(report.rules.find((r) => r.id === id)?.status).toBe('pass');
  });

  it('waits out a throttled answer no rule judges and sends the call again', async () => {
    // Another caller in the account used up the rate: the first call of every key is throttled once.
    const seen = new Set<string>();
    decide = ({ service, key }) => {
      if (seen.has(key)) return undefined;
      seen.add(key);
      return throttled(service);
    };
    const t = await target();
    const report = await runSuite('pinpoint-email', PROPERTIES['pinpoint-email'], { target: t, runs: 3 });
    expect(failedOrErrored(report)).toEqual([]);
    expect(seen.size).toBeGreaterThan(0);
    // Each throttled call was sent again, at least a second (the first backoff) after it was throttled.
    for (const key of seen) {
      const [throttledAt, again] = arrivals.filter((a) => a.key === key);
      expect(throttledAt?.throttled, key).toBe(true);
      expect(again, key).toBeDefined();
      expect(again!.throttled, key).toBe(false);
      expect(again!.at - throttledAt!.at, key).toBeGreaterThanOrEqual(1_000);
    }
  });

  it('never retries a GetIdentityVerificationAttributes call the throttle rule judges (with --probe-throttling)', async () => {
    decide = ({ service, operation, sinceLast }) =>
      service === 'ses' && operation === 'GetIdentityVerificationAttributes' && sinceLast !== undefined && sinceLast < 1_000 ? throttled('ses') : undefined;
    const probe = PROPERTIES.ses.filter((p) => p.name === 'GetIdentityVerificationAttributes is throttled at one request per second');
    expect(probe).toHaveLength(1);
    const t = await target({ probeThrottling: true });
    const report = await runSuite('ses', probe, { target: t, runs: 2 });
    expect(report.rules.find((r) => r.id === 'SES.GIVA.THROTTLE')?.status).toBe('pass');
    // The burst's throttled answers were its verdict: no wait was spent retrying them, only pacing.
    const throttledCalls = arrivals.filter((a) => a.throttled).length;
    expect(throttledCalls).toBeGreaterThan(0);
    const resent = arrivals.filter((a, i) => a.throttled && arrivals[i + 1]?.key === a.key && arrivals[i + 1]!.at - a.at >= 1_000);
    expect(resent.length).toBeLessThan(throttledCalls);
  });

  it('ends a run without a verdict when AWS keeps throttling after the bounded retries', async () => {
    decide = ({ service, operation }) => (service === 'pinpoint-email' && operation === 'POST /v1/email/tags' ? throttled(service) : undefined);
    const report = await runSuite('pinpoint-email', PROPERTIES['pinpoint-email'], { target: await target(), runs: 2 });
    expect(failedOrErrored(report)).toEqual([]);
    const tagging = report.rules.filter((r) => r.id.startsWith('PINPOINT.TAGS.') && r.status === 'inconclusive');
    expect(tagging.length).toBeGreaterThan(0);
    expect(tagging.map((r) => r.reason).join('\n')).toMatch(/TooManyRequestsException \(HTTP 429\) after 4 retries/);
    // Four retries, each after a longer wait: five TagResource calls per attempt, never a sixth.
    const tagCalls = arrivals.filter((a) => a.throttled).length;
    expect(tagCalls).toBeGreaterThanOrEqual(5);
    expect(tagCalls % 5).toBe(0);
  });

  it('ends a run without a verdict when a Cognito quota answer does not pass', async () => {
    const quota = () =>
      HttpResponse.json(
        { message: 'Attempt limit exceeded, please try after some time.' },
        { status: 400, headers: { 'x-amzn-errortype': 'LimitExceededException' } },
      );
    decide = ({ operation }) => (operation === 'GetUserAttributeVerificationCode' ? quota() : undefined);
    const report = await runSuite('cognito-idp', PROPERTIES['cognito-idp'], { target: await target(), runs: 2 });
    expect(failedOrErrored(report)).toEqual([]);
    expect(report.rules.map((r) => r.reason ?? '').join('\n')).toMatch(/LimitExceededException \(HTTP 400\) after 2 retries/);
  });
});
