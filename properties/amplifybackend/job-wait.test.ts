// The wait for AmplifyBackend jobs (steps.ts awaitJob), through the real create-and-read property:
// a job still running past the bound, or ending FAILED, leaves the read-back rules unjudged (a
// set-up failure, `error`, never `fail`), with the job's Status and Error in the finding; a job that
// COMPLETED lets the read-back be judged. On the reference emulator the wait moves its clock. The
// round trip does not require the secrets AWS does not say it returns, but judges one returned.
import { describe, expect, it } from 'vitest';
import type { RuleVerdict } from '../../harness/report/outcome.ts';
import { referenceTarget } from '../../harness/targets/reference.ts';
import type { Target } from '../../harness/targets/target.ts';
import type { FetchLike } from '../../harness/transport/fetch-handler.ts';
import { runProperty } from '../shared/run-property.ts';
import { amplifyBackendProperties } from './properties.ts';
import { JOB_WAIT } from './steps.ts';

const createAndGet = amplifyBackendProperties.find((p) => p.name.startsWith('CreateBackendAuth accepts the documented ResourceConfig'))!;
const READ_BACK = ['AMPLIFY.GET.ROUND_TRIP', 'AMPLIFY.VERIFICATION.ROUND_TRIP', 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_ENUM', 'AMPLIFY.ENUMS'];

type Json = Record<string, unknown>;
/** An emulator answer rewritten where `rewrite` says so (the request's method and path, its JSON body). */
const rewriting =
  (rewrite: (method: string, path: string, body: Json) => Json | undefined) =>
  (fetch: FetchLike): FetchLike =>
  async (request, init) => {
    const { method } = request;
    const path = new URL(request.url).pathname;
    const response = await fetch(request, init);
    const text = await response.text();
    const body = text ? (JSON.parse(text) as Json) : {};
    const changed = response.ok ? rewrite(method, path, body) : undefined;
    return new Response(changed ? JSON.stringify(changed) : text, { status: response.status, headers: response.headers });
  };

/** GetBackendJob answers about CreateBackendAuth's jobs, with `job`'s members instead. */
const authJobsAnswer = (job: Json) =>
  rewriting((method, path, body) => (method === 'GET' && path.includes('/job/') && body.operation === 'CreateBackendAuth' ? { ...body, ...job } : undefined));

/** GetBackendAuth answers, their social providers replaced by `settings`. */
/** How many read-backs the last `providersAnswered` rewrote: a test of the rewritten answers must have had some. */
let providerRewrites = 0;
const providersAnswered = (settings: (given: Json) => Json) =>
  rewriting((method, path, body) => {
    if (method !== 'POST' || !path.endsWith('/details')) return undefined;
    const oauth = (body.resourceConfig as Json | undefined)?.userPoolConfigs as Json | undefined;
    const providers = (oauth?.oAuth as Json | undefined)?.socialProviderSettings as Json | undefined;
    if (!providers) return undefined;
    (oauth!.oAuth as Json).socialProviderSettings = settings(providers);
    providerRewrites += 1;
    return body;
  });

async function run(target: Target & { emulator: { control: { clock: { now(): number } } } }) {
  const started = target.emulator.control.clock.now();
  const outcome = await runProperty(createAndGet, target, { seed: 7, runs: 1 });
  await target.close();
  const verdict = (id: string) => outcome.verdicts.find((v) => v.ruleId === id)!;
  return { outcome, verdict, movedMs: target.emulator.control.clock.now() - started };
}

const target = (wrapFetch?: (fetch: FetchLike) => FetchLike, faults?: string[]) =>
  referenceTarget({ region: 'us-east-1', timeoutMs: 5_000 }, { wrapFetch, faults });

const statuses = (verdicts: RuleVerdict[], ids: string[]) => ids.map((id) => `${id} ${verdicts.find((v) => v.ruleId === id)?.status}`);

describe('AmplifyBackend: the wait for a job', () => {
  it('a job still IN_PROGRESS past the bound leaves the read-back unjudged (error, not fail), on the moved clock', async () => {
    const { outcome, verdict, movedMs } = await run(target(authJobsAnswer({ status: 'IN_PROGRESS' })));
    expect(statuses(outcome.verdicts, READ_BACK)).toEqual(READ_BACK.map((id) => `${id} error`));
    expect(outcome.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
    const { failure } = verdict('AMPLIFY.GET.ROUND_TRIP');
    expect(failure!.message).toMatch(/^set-up CreateBackendAuth did not complete: job \S+ is still IN_PROGRESS after \d+ polls over \d+ s/);
    expect(failure!.message).toContain(`(the bound: ${JOB_WAIT.maxPolls} polls, ${JOB_WAIT.maxMs / 1000} s)`);
    // The evidence: the last GetBackendJob exchange, and the waits written as clock moves.
    expect(failure!.exchanges.at(-1)!.response!.body).toContain('"status":"IN_PROGRESS"');
    expect(failure!.counterexample.filter((line) => line.includes('clock/advance')).length).toBeGreaterThan(10);
    expect(failure!.counterexample.some((line) => line.startsWith('aws amplifybackend get-backend-auth'))).toBe(false);
    // The bound is the target clock's: waited by moving the emulator's clock.
    expect(movedMs).toBeGreaterThanOrEqual(JOB_WAIT.maxMs);
    // The create itself was accepted: that rule is judged.
    expect(verdict('AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG').status).toBe('pass');
  });

  it('a job that ends FAILED leaves the read-back unjudged, its Status and Error in the finding', async () => {
    const { outcome, verdict } = await run(target(authJobsAnswer({ status: 'FAILED', error: 'Stack avcauth failed to deploy' })));
    expect(statuses(outcome.verdicts, READ_BACK)).toEqual(READ_BACK.map((id) => `${id} error`));
    expect(outcome.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
    expect(verdict('AMPLIFY.GET.ROUND_TRIP').failure!.message).toMatch(
      /job \S+ ended FAILED: Stack avcauth failed to deploy; what depends on it is not judged$/,
    );
    expect(verdict('AMPLIFY.GET.ROUND_TRIP').failure!.exchanges.at(-1)!.response!.body).toContain('"error":"Stack avcauth failed to deploy"');
    // FAILED is a documented outcome of a job, not a broken job answer.
    expect(verdict('AMPLIFY.JOB.STATUS').status).toBe('pass');
  });

  it('a job that COMPLETED lets the read-back be judged: it holds on the emulator, and a fault in it fails', async () => {
    const ok = await run(target());
    expect(statuses(ok.outcome.verdicts, READ_BACK)).toEqual(READ_BACK.map((id) => `${id} pass`));
    // Each read-back came after its job was seen COMPLETED, on the moved clock.
    expect(ok.verdict('AMPLIFY.JOB.STATUS').checks).toBeGreaterThan(0);
    const faulty = await run(target(undefined, ['amplify.get-drops-mfa']));
    const { failure } = faulty.verdict('AMPLIFY.GET.ROUND_TRIP');
    expect(faulty.verdict('AMPLIFY.GET.ROUND_TRIP').status).toBe('fail');
    const lines = failure!.counterexample;
    const read = lines.findIndex((line) => line.startsWith('aws amplifybackend get-backend-auth'));
    const lastPoll = lines.findLastIndex((line, i) => i < read && line.startsWith('aws amplifybackend get-backend-job'));
    expect(lastPoll).toBeGreaterThan(lines.findIndex((line) => line.startsWith('aws amplifybackend create-backend-auth')));
    expect(failure!.exchanges.length).toBeGreaterThan(0);
  });

  it('on a target without a clock the harness can move, a job answered without JobId stops the run: no verdict on the read-back', async () => {
    const reference = target(
      rewriting((method, path, body) => {
        // CreateBackend's job reads COMPLETED at once (nothing to wait for); CreateBackendAuth names no job.
        if (method === 'GET' && path.includes('/job/')) return { ...body, status: 'COMPLETED' };
        if (method === 'POST' && /\/auth$/.test(path)) return { ...body, jobId: undefined };
        return undefined;
      }),
    );
    const clockless: Target = {
      ...reference,
      kind: 'endpoint',
      capabilities: new Set([...reference.capabilities].filter((c) => c !== 'clock')),
      oob: { ...reference.oob, advanceClock: undefined },
    };
    const outcome = await runProperty(createAndGet, clockless, { seed: 7, runs: 1 });
    await reference.close();
    const verdict = (id: string) => outcome.verdicts.find((v) => v.ruleId === id)!;
    expect(statuses(outcome.verdicts, READ_BACK)).toEqual(READ_BACK.map((id) => `${id} inconclusive`));
    expect(verdict('AMPLIFY.GET.ROUND_TRIP').reason).toMatch(/CreateBackendAuth answered no JobId: the job cannot be waited on without a clock/);
    // The missing JobId itself is the job answer's rule's finding.
    expect(verdict('AMPLIFY.JOB.RESPONSE_FIELDS').status).toBe('fail');
  });
});

describe('AmplifyBackend: secrets in the round trip', () => {
  it('ClientSecret and PrivateKey left out or masked in GetBackendAuth: the round trip holds', async () => {
    const withheld = (given: Json) =>
      Object.fromEntries(
        Object.entries(given).map(([name, provider]) => {
          const { client_secret: _secret, private_key: _key, ...rest } = provider as Json;
          return [name, name === 'Google' ? { ...rest, client_secret: '********' } : rest];
        }),
      );
    providerRewrites = 0;
    const { outcome } = await run(target(providersAnswered(withheld)));
    expect(providerRewrites).toBeGreaterThan(0);
    expect(statuses(outcome.verdicts, READ_BACK)).toEqual(READ_BACK.map((id) => `${id} pass`));
  });

  it('a secret returned other than it was set breaks the round trip', async () => {
    const other = (given: Json) => ({ ...given, Facebook: { ...(given.Facebook as Json), client_secret: 'avcsecretother' } });
    const { verdict } = await run(target(providersAnswered(other)));
    expect(verdict('AMPLIFY.GET.ROUND_TRIP').status).toBe('fail');
    expect(verdict('AMPLIFY.GET.ROUND_TRIP').failure!.message).toContain('UserPoolConfigs.OAuth');
  });
});
