// AWS as the arbiter where it departs from its own documents. A run against AWS (`--target aws
// --record-aws-departures`) writes baselines/aws.json: the rules AWS itself failed, with how (the
// check that broke: operation, message, expected, and the actual answer with run-specific names,
// ids and numbers stripped), and, for rules whose documents contradict each other, the reading AWS
// was seen to follow. A run against any other target then reads that file (unless told not to):
//  - a rule the target fails exactly as AWS failed it is `known`, `knownBecause: 'aws'`;
//  - a rule it fails otherwise stays `fail`;
//  - a contradiction rule whose reading AWS has shown is judged by AWS's reading: a target seen
//    following another reading fails, the finding naming the file.
// It applies before an emulator's own baseline (baseline.ts): what AWS itself does is no divergence
// of the emulator, so a baseline neither needs nor records it.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { SERVICES } from '../../services/index.ts';
import { type ConformanceConfig, reproduceCommand } from '../config.ts';
import { readJsonFile, sortedByKey, writeJsonFile } from '../json-file.ts';
import { harnessPackage } from '../package-info.ts';
import { summaryOf } from './baseline.ts';
import type { FailureDetail } from './outcome.ts';
import { readingsShown } from './readings.ts';
import { summarize } from './build.ts';
import type { ConformanceReport, RuleResult } from './schema.ts';

/** The check that broke, as comparable across targets. */
const Signature = z.object({ operation: z.string(), message: z.string(), expected: z.string(), actual: z.string() });
type Signature = z.infer<typeof Signature>;

export const AwsDepartures = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('aws-departures'),
  /** The account, all but its last 4 digits hidden (`********9012`). */
  account: z.string().regex(/^\*{8}\d{4}$|^unknown$/),
  region: z.string(),
  /** When the AWS run started (ISO 8601). */
  recordedAt: z.string(),
  /** The harness's package.json version. */
  harnessVersion: z.string(),
  seed: z.number().int(),
  services: z.array(z.enum(SERVICES)),
  /** Per rule AWS failed: how (normalised), and the first line of the finding for a person. */
  departures: z.record(z.string(), Signature.extend({ summary: z.string() })),
  /** Per contradiction rule (spec/rule.ts `contradiction.readings`): the readings AWS was seen to follow. */
  readings: z.record(z.string(), z.array(z.string())).default({}),
});
export type AwsDepartures = z.infer<typeof AwsDepartures>;

/**
 * A text with what differs from run to run and target to target taken out: ARNs, run names
 * (`avc-<tag>-<n>-...`), long random tokens, UUIDs, then every number; runs of the same list item
 * (fillers f0, f1, ... become f#) collapsed, so 3 and 47 fillers read alike.
 */
export function normalise(text: string): string {
  return text
    .replace(/arn:aws[\w-]*:[^\s"',)\]]+/g, '<arn>')
    .replace(/avc-[a-z0-9]+-\d+-[\w.@+-]*/gi, '<name>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/\b(?=[a-z0-9]*\d)[a-z0-9]{20,}\b/gi, '<token>')
    .replace(/\d+/g, '#')
    .replace(/(\[[^[\]]*\]|"[^"]*":"[^"]*")(?:,\1)+/g, '$1,…');
}

/** An error answer is compared by its code and HTTP status (the message is each target's own words); anything else normalised. */
export function normaliseActual(actual: string): string {
  const error = /^(\w+) \(HTTP (\d{3})\)(?::|$)/.exec(actual);
  return error ? `${error[1]} (HTTP ${error[2]})` : normalise(actual);
}

const signatureOf = (failure: Pick<FailureDetail, 'operation' | 'message' | 'expected' | 'actual'>): Signature => ({
  operation: failure.operation,
  message: normalise(failure.message),
  expected: normalise(failure.expected),
  actual: normaliseActual(failure.actual),
});

const sameSignature = (a: Signature, b: Signature) =>
  a.operation === b.operation && a.message === b.message && a.expected === b.expected && a.actual === b.actual;

/** `********9012`: enough to tell two sandbox accounts apart, not enough to name one. */
const redactAccount = (account: string | undefined) => (account && /^\d{12}$/.test(account) ? `${'*'.repeat(8)}${account.slice(-4)}` : 'unknown');

/** The account an aws report ran in, from its target label (`aws <account> <region>`). */
const accountOf = (report: ConformanceReport) => /\b(\d{12})\b/.exec(report.target.label)?.[1];

/** From an AWS run's report: the rules AWS failed (only `fail`: not error, skipped, not-implemented), and the readings it followed. */
function departuresFrom(report: ConformanceReport): AwsDepartures {
  const departures: AwsDepartures['departures'] = {};
  const readings: AwsDepartures['readings'] = {};
  for (const rule of report.rules) {
    if (rule.status === 'fail' && rule.failure) departures[rule.id] = { ...signatureOf(rule.failure), summary: summaryOf(rule) };
    const shown = rule.contradiction?.readings ? readingsShown(rule.observations) : [];
    if (shown.length) readings[rule.id] = shown;
  }
  return {
    schemaVersion: 1,
    kind: 'aws-departures',
    account: redactAccount(accountOf(report)),
    region: report.target.region,
    recordedAt: report.startedAt,
    harnessVersion: harnessPackage().version,
    seed: report.seed,
    services: report.services,
    departures,
    readings,
  };
}

async function writeAwsDepartures(path: string, departures: AwsDepartures): Promise<void> {
  await writeJsonFile(path, { ...departures, departures: sortedByKey(departures.departures), readings: sortedByKey(departures.readings) });
}

/** The file's departures; undefined when there is no such file (no AWS run recorded yet). */
async function readAwsDepartures(path: string): Promise<AwsDepartures | undefined> {
  if (!existsSync(path)) return undefined;
  return readJsonFile(path, AwsDepartures, 'an AWS departures file');
}

const day = (iso: string) => iso.slice(0, 10);

/** The words a `known` rule carries: which file, which day. */
const awsKnownReason = (path: string, departures: Pick<AwsDepartures, 'recordedAt'>) =>
  `AWS departs from its document here (${path}, ${day(departures.recordedAt)})`;

/** A rule seen following a reading AWS was not seen to follow: the finding, naming the file. */
function readingFailure(
  rule: RuleResult,
  aws: readonly string[],
  other: readonly string[],
  path: string,
  departures: AwsDepartures,
  report: ConformanceReport,
  reproduce: string,
): FailureDetail {
  const readings = rule.contradiction?.readings ?? {};
  const seen = rule.observations.filter((o) => other.some((name) => o.observed.startsWith(`reading ${name}: `)));
  return {
    message: `follows the ${other.join(' and ')} reading, where AWS follows the ${aws.join(' and ')} reading (${path}, ${day(departures.recordedAt)})`,
    operation: rule.operation,
    expected: aws.map((name) => `${name}: ${readings[name] ?? name}`).join('; '),
    actual: seen.map((o) => `${o.observed} ×${o.count}`).join('; '),
    property: rule.properties[0] ?? '',
    seed: report.seed,
    counterexample: seen.map((o) => `# ${o.observed}`),
    exchanges: [],
    reproduce,
  };
}

interface AwsArbitration {
  report: ConformanceReport;
  /** Rules now `known` because AWS fails them the same way. */
  known: string[];
  /** Rules now failing because the target follows another reading than AWS. */
  reading: string[];
}

/** Judges a non-AWS report by what AWS itself does (see the file's head). `reproduce`: the command that reruns a service. */
function applyAwsDepartures(report: ConformanceReport, departures: AwsDepartures, path: string, reproduce: (service: string) => string): AwsArbitration {
  const known: string[] = [];
  const reading: string[] = [];
  const rules = report.rules.map((rule): RuleResult => {
    const departure = departures.departures[rule.id];
    if (rule.status === 'fail' && rule.failure && departure && sameSignature(signatureOf(rule.failure), departure)) {
      known.push(rule.id);
      return { ...rule, status: 'known', baselineStatus: 'fail', knownBecause: 'aws', reason: awsKnownReason(path, departures) };
    }
    const aws = departures.readings[rule.id];
    if (rule.status === 'pass' && aws?.length) {
      const other = readingsShown(rule.observations).filter((name) => !aws.includes(name));
      if (other.length) {
        reading.push(rule.id);
        const failure = readingFailure(rule, aws, other, path, departures, report, reproduce(rule.service));
        return { ...rule, status: 'fail', reason: `judged by AWS's reading (${path}, ${day(departures.recordedAt)})`, failure };
      }
    }
    return rule;
  });
  return { report: { ...report, rules, summary: summarize(rules) }, known, reading };
}

/**
 * Where a report is finalised (the vitest reporter), before the emulator baseline: an AWS run with
 * `recordAwsDepartures` writes the file; any other run is judged by it when it exists. A file that
 * cannot be read is a report error, not a crash: the run is then judged by the documents alone.
 */
export async function arbitrateByAws(
  report: ConformanceReport,
  config: Pick<ConformanceConfig, 'awsDepartures' | 'recordAwsDepartures' | 'ignoreAwsDepartures' | 'aws'> & Parameters<typeof reproduceCommand>[0],
  print: (line: string) => void,
): Promise<ConformanceReport> {
  const path = config.awsDepartures;
  if (report.target.kind === 'aws') {
    if (!config.recordAwsDepartures || config.aws.dryRun) return report;
    const departures = departuresFrom(report);
    await writeAwsDepartures(path, departures);
    const readings = Object.entries(departures.readings).map(([id, names]) => `${id}: ${names.join(', ')}`);
    print(
      `${path} written: AWS departs from its documents on ${Object.keys(departures.departures).length} rules${readings.length ? `; readings ${readings.join('; ')}` : ''}`,
    );
    return report;
  }
  if (config.ignoreAwsDepartures) return report;
  let departures: AwsDepartures | undefined;
  try {
    departures = await readAwsDepartures(path);
  } catch (error) {
    return {
      ...report,
      errors: [...report.errors, `${error instanceof Error ? error.message : String(error)} (judged by the documents alone; --no-aws-departures skips it)`],
    };
  }
  if (!departures) return report;
  const judged = applyAwsDepartures(report, departures, path, (service) => reproduceCommand(config, service));
  if (judged.known.length || judged.reading.length)
    print(
      `judged by what AWS does (${path}, ${day(departures.recordedAt)}): ${judged.known.length} known (AWS departs alike), ${judged.reading.length} failing AWS's reading`,
    );
  return judged.report;
}
