// AWS as the arbiter where it departs from its own documents, offline. msw plays AWS on the real
// hostnames (STS names a fixed account; Pinpoint Email is the reference emulator) with two
// departures of its own: an empty tag key is answered ValidationException, an error no Pinpoint
// Email operation lists (PINPOINT.ERRORS.DOCUMENTED fails), and a tag without Value is rejected
// (the API model's reading of PINPOINT.TAGS.VALUE_OPTIONAL, which passes either way). The AWS run
// records baselines/aws.json (here in a temporary folder); emulator runs are then judged by it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { parseRunArgs } from '../harness/cli/args.ts';
import { ConformanceConfig } from '../harness/config.ts';
import { arbitrateByAws, AwsDepartures, normalise, normaliseActual } from '../harness/report/aws-departures.ts';
import { applyBaseline, baselineFrom } from '../harness/report/baseline.ts';
import type { ConformanceReport } from '../harness/report/schema.ts';
import { awsTarget } from '../harness/targets/aws.ts';
import { loadProperties } from '../services/index.ts';
import { runSuite } from './support/run-suite.ts';
import { ACCOUNT, AWS_CREDENTIALS_ENV, PINPOINT_HOST, SES_HOST, stsAnswersAccount } from './support/simulated-aws.ts';

const PROPERTIES = await loadProperties();
const PINPOINT = PROPERTIES['pinpoint-email'];

const aws = createEmulator();

const awsError = (code: string, message: string) =>
  HttpResponse.json({ message }, { status: 400, headers: { 'x-amzn-ErrorType': code, 'x-amzn-RequestId': 'simulated' } });

/** Where simulated AWS departs from the reference emulator (which follows the document). */
async function departure(request: Request): Promise<Response | undefined> {
  if (request.method !== 'POST') return undefined;
  const body = (await request.clone().json()) as { Tags?: { Key?: string; Value?: string }[] };
  if (body.Tags?.some((t) => t.Key === ''))
    return awsError(
      'ValidationException',
      "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  if (body.Tags?.some((t) => t.Value === undefined)) return awsError('BadRequestException', 'Tag value is required.');
  return undefined;
}

const server = setupServer(
  stsAnswersAccount,
  // SES answers the aws target's check of the mail domain; Pinpoint Email departs.
  http.all(SES_HOST, ({ request }) => aws.fetch(request)),
  http.all(PINPOINT_HOST, async ({ request }) => (await departure(request)) ?? aws.fetch(request)),
);

const dir = mkdtempSync(join(tmpdir(), 'avc-aws-arbiter-'));
const file = join(dir, 'baselines', 'aws.json');
const printed: string[] = [];
const print = (line: string) => printed.push(line);
const savedEnv = { ...process.env };

/** A run's configuration as the CLI would build it. */
const configFor = (target: 'aws' | 'reference', extra: Partial<ConformanceConfig> = {}) =>
  ConformanceConfig.parse({
    target,
    services: ['pinpoint-email'],
    timeoutMs: 5_000,
    awsDepartures: file,
    aws: { accountAllowlist: [ACCOUNT], emailDomain: 'sandbox.example.org' },
    ...extra,
  });

const rule = (report: ConformanceReport, id: string) => report.rules.find((r) => r.id === id)!;
const emulatorRun = (faults: string[] = []) => runSuite('pinpoint-email', PINPOINT, { faults, runs: 3 });

let awsReport: ConformanceReport;

describe('AWS as the arbiter where it departs from its documents (offline, msw on the real AWS hostnames)', () => {
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    Object.assign(process.env, AWS_CREDENTIALS_ENV);
    const target = await awsTarget(configFor('aws'), { sleep: async (ms) => aws.control.clock.advance(ms) });
    awsReport = await runSuite('pinpoint-email', PINPOINT, { target, runs: 3 });
    // The file every emulator run below is judged by (the next test looks at what it holds).
    await arbitrateByAws(awsReport, configFor('aws', { recordAwsDepartures: true }), print);
  });
  afterAll(() => {
    server.close();
    process.env = { ...savedEnv };
    rmSync(dir, { recursive: true, force: true });
  });

  it('judges simulated AWS by the documents: it fails the one rule it departs on, and follows the model where the documents disagree', () => {
    expect(awsReport.target.kind).toBe('aws');
    expect(awsReport.rules.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.id} ${r.status}`)).toEqual([
      'PINPOINT.ERRORS.DOCUMENTED fail',
    ]);
    expect(rule(awsReport, 'PINPOINT.ERRORS.DOCUMENTED').failure!.actual).toMatch(/^ValidationException \(HTTP 400\)/);
    const optional = rule(awsReport, 'PINPOINT.TAGS.VALUE_OPTIONAL');
    expect(optional.status).toBe('pass');
    expect(optional.observations.map((o) => o.observed)).toEqual(expect.arrayContaining([expect.stringMatching(/^reading model: /)]));
    expect(optional.observations.some((o) => o.observed.startsWith('reading document: '))).toBe(false);
  });

  it('records the departures with how AWS failed, the readings it followed, the redacted account, region, date and version', async () => {
    expect(await arbitrateByAws(awsReport, configFor('aws', { recordAwsDepartures: true }), print)).toBe(awsReport);
    const written = AwsDepartures.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(written).toMatchObject({ kind: 'aws-departures', account: '********9012', region: 'us-east-1', recordedAt: awsReport.startedAt, seed: 42 });
    expect(written.harnessVersion).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
    expect(readFileSync(file, 'utf8')).not.toContain(ACCOUNT);
    expect(Object.keys(written.departures)).toEqual(['PINPOINT.ERRORS.DOCUMENTED']);
    expect(written.departures['PINPOINT.ERRORS.DOCUMENTED']).toMatchObject({ actual: 'ValidationException (HTTP 400)' });
    expect(JSON.stringify(written.departures)).not.toMatch(/avc-|\d{12}/);
    expect(written.readings).toMatchObject({ 'PINPOINT.TAGS.VALUE_OPTIONAL': ['model'], 'PINPOINT.TAGS.CHARACTERS': ['document'] });
    expect(printed.at(-1)).toMatch(/aws\.json written: AWS departs from its documents on 1 rules/);
  });

  it('reports an emulator that fails the rule as AWS does as known (AWS departs), apart from an emulator baseline', async () => {
    const judged = await arbitrateByAws(await emulatorRun(['pinpoint.errors.empty-key-validation']), configFor('reference'), print);
    const errors = rule(judged, 'PINPOINT.ERRORS.DOCUMENTED');
    expect(errors.status).toBe('known');
    expect(errors.knownBecause).toBe('aws');
    expect(errors.baselineStatus).toBe('fail');
    expect(errors.reason).toBe(`AWS departs from its document here (${file}, ${awsReport.startedAt.slice(0, 10)})`);
    expect(judged.summary.known).toBe(1);
    // An emulator baseline neither records it nor misses it.
    const baseline = baselineFrom(judged);
    expect(baseline.divergences['PINPOINT.ERRORS.DOCUMENTED']).toBeUndefined();
    const compared = applyBaseline(judged, {
      ...baseline,
      divergences: { ...baseline.divergences, 'PINPOINT.ERRORS.DOCUMENTED': { status: 'fail', summary: 'x' } },
    });
    expect(rule(compared.report, 'PINPOINT.ERRORS.DOCUMENTED').knownBecause).toBe('aws');
    expect(compared.comparison.disappeared).toEqual([]);
  });

  it('passes the same emulator without the departure, and fails it where it follows another reading than AWS, naming the file', async () => {
    const judged = await arbitrateByAws(await emulatorRun(), configFor('reference'), print);
    expect(rule(judged, 'PINPOINT.ERRORS.DOCUMENTED').status).toBe('pass');
    // The reference emulator follows the document (a tag without Value is stored as ""); AWS was seen following the model.
    const optional = rule(judged, 'PINPOINT.TAGS.VALUE_OPTIONAL');
    expect(optional.status).toBe('fail');
    expect(optional.failure!.message).toBe(`follows the document reading, where AWS follows the model reading (${file}, ${awsReport.startedAt.slice(0, 10)})`);
    expect(optional.failure!.actual).toMatch(/^reading document: /);
    expect(optional.failure!.reproduce).toMatch(/--services pinpoint-email/);
    // Where the emulator follows AWS's reading, it passes.
    expect(rule(judged, 'PINPOINT.TAGS.CHARACTERS').status).toBe('pass');
    expect(judged.rules.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual(['PINPOINT.TAGS.VALUE_OPTIONAL']);
  });

  it('still fails an emulator that fails the rule otherwise than AWS', async () => {
    const judged = await arbitrateByAws(await emulatorRun(['pinpoint.errors.limit-as-500']), configFor('reference'), print);
    const errors = rule(judged, 'PINPOINT.ERRORS.DOCUMENTED');
    expect(errors.status).toBe('fail');
    expect(errors.failure!.actual).toMatch(/\(HTTP 500\)/);
  });

  it('judges by the documents alone when the file is absent, or when told to ignore it', async () => {
    const report = await emulatorRun(['pinpoint.errors.empty-key-validation']);
    for (const config of [configFor('reference', { awsDepartures: join(dir, 'none.json') }), configFor('reference', { ignoreAwsDepartures: true })]) {
      const judged = await arbitrateByAws(report, config, print);
      expect(judged).toBe(report);
      expect(rule(judged, 'PINPOINT.ERRORS.DOCUMENTED').status).toBe('fail');
      // Either reading passes while AWS has shown none.
      expect(rule(judged, 'PINPOINT.TAGS.VALUE_OPTIONAL').status).toBe('pass');
    }
  });

  it('says when the file cannot be used, and judges by the documents', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schemaVersion": 1}');
    const judged = await arbitrateByAws(await emulatorRun(), configFor('reference', { awsDepartures: broken }), print);
    expect(judged.errors).toEqual([expect.stringMatching(/broken\.json is not an AWS departures file: kind: /)]);
    expect(rule(judged, 'PINPOINT.TAGS.VALUE_OPTIONAL').status).toBe('pass');
  });

  it('normalises what differs from run to run, keeping an error to its code and status', () => {
    expect(normalise('the tags of avc-k3x9q-4-alice@sandbox.example.org do not match: {"f0":"x","f1":"x","f2":"x"}')).toBe(
      'the tags of <name> do not match: {"f#":"x",…}',
    );
    expect(normalise('arn:aws:ses:us-east-1:123456789012:identity/x, 51 tags')).toBe('<arn>, # tags');
    expect(normaliseActual('ValidationException (HTTP 400): 1 validation error detected')).toBe('ValidationException (HTTP 400)');
  });

  it('takes the flags: recording only against AWS, and not while ignoring the file', () => {
    const env = { CONFORMANCE_AWS_ACCOUNT_ALLOWLIST: ACCOUNT, CONFORMANCE_EMAIL_DOMAIN: 'sandbox.example.org' };
    const parsed = parseRunArgs(['--target', 'aws', '--record-aws-departures', '--aws-departures', file], env);
    expect(parsed).toMatchObject({ recordAwsDepartures: true, awsDepartures: file });
    expect(parseRunArgs([], {})).toMatchObject({ awsDepartures: 'baselines/aws.json', recordAwsDepartures: false, ignoreAwsDepartures: false });
    expect(() => parseRunArgs(['--record-aws-departures'], {})).toThrow(/goes with --target aws/);
    expect(() => parseRunArgs(['--target', 'aws', '--dry-run', '--record-aws-departures'], env)).toThrow(/without --dry-run/);
    expect(() => parseRunArgs(['--target', 'aws', '--record-aws-departures', '--no-aws-departures'], env)).toThrow(/contradict/);
  });
});
