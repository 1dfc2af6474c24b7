// `conformance run [options]`: flags to a validated configuration, or a one-line reason why not.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

import { isServiceName, SERVICES, type ServiceName } from '../../services/index.ts';
import { ConformanceConfig, configInputFromEnv, defaultRuns, defaultServices, dropUndefined, type RawConfigInput } from '../config.ts';
import { firstLineOf } from '../errors.ts';
import { readRecording, type RecordedConfig } from '../recording/har.ts';
import { isManagedEmulator } from '../targets/managed/emulators.ts';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `usage: conformance run [options]

  --target reference|endpoint|aws   where to run (default reference: the embedded emulator)
  --target cognito-local|aws-ses-v2-local|moto|localstack
                                    start that emulator (at its pinned version) on a free loopback port, run, stop it
  --target replay --recording FILE  run the seed and configuration of a recording (--record's recording.har), answered from it;
                                    a request it does not hold stops the run (exit 2)
  --endpoint URL                    one URL for every service (with --target endpoint)
  --endpoint-<service> URL          a URL for one service (${SERVICES.join(', ')})
  --emulator reference|generic|cognito-local|aws-ses-v2-local|moto|localstack
                                    the adapter for the endpoint's clock/inbox/DNS (default generic)
  --emulator-data DIR               the emulator's working directory (cognito-local keeps its codes there)
  --services a,b                    which services (default: all that have properties)
  --runs N                          runs per property (default 25; 5 with --target aws)
  --seed N                          fast-check seed (default random; printed in the report)
  --region R                        AWS region (default us-east-1)
  --report-dir DIR                  where reports go (default reports)
  --timeout-ms N                    per call; a target that does not answer costs this (default 10000)
  --baseline FILE                   known divergences: reported as known; exit 0 when exactly these are found
  --update-baseline                 rewrite FILE (with --baseline) from this run's divergences
  --record-aws-departures           with --target aws: write the rules AWS itself fails (and the readings it follows) to the
                                    --aws-departures file; other targets are then judged by them
  --aws-departures FILE             AWS's recorded departures (default baselines/aws.json; read when it exists)
  --no-aws-departures               ignore AWS's recorded departures: judge by the documents alone
  --probe-throttling                with --target aws: allow the one property that exceeds a rate
  --dry-run                         with --target aws: send nothing; write the calls the run would make (planned-calls.txt)
  --property NAME                   run only this property (a finding's replay)
  --path P                          with --seed and --property: replay exactly this counterexample path
  --shard I/N                       run the I-th of N shards (vitest --shard); merge the reports with conformance merge
  --record                          write every exchange, redacted, with the seed and configuration, to recording.har beside the report
  -h, --help                        this text

  aws target: CONFORMANCE_AWS_ACCOUNT_ALLOWLIST=<account ids> and CONFORMANCE_EMAIL_DOMAIN=<domain> are required.
exit codes: 0 every checked rule holds · 1 non-conformance found · 2 the harness could not run`;

const endpointFlags = Object.fromEntries(SERVICES.map((s) => [`endpoint-${s}`, { type: 'string' as const }]));

const RUN_FLAGS = {
  target: { type: 'string' },
  endpoint: { type: 'string' },
  emulator: { type: 'string' },
  'emulator-data': { type: 'string' },
  services: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  region: { type: 'string' },
  'report-dir': { type: 'string' },
  'timeout-ms': { type: 'string' },
  'probe-throttling': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'record-aws-departures': { type: 'boolean' },
  'aws-departures': { type: 'string' },
  'no-aws-departures': { type: 'boolean' },
  shard: { type: 'string' },
  property: { type: 'string' },
  path: { type: 'string' },
  record: { type: 'boolean' },
  recording: { type: 'string' },
  ...endpointFlags,
} as const;

/** The flags (`--flag value` or `--flag=value`), typed as their options say; a flag parseArgs refuses is a UsageError. */
export function parseFlags<const Options extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: Options) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options }).values;
  } catch (error) {
    const message = firstLineOf(error);
    // parseArgs calls `--runs -3` ambiguous: say how to write a value that begins with a dash.
    const dashed = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message);
    if (dashed) throw new UsageError(`${dashed[1]} needs a value: write ${dashed[1]}=VALUE for a value that begins with '-'`);
    throw new UsageError(message.replace(/\. To specify a positional.*$/, ''));
  }
}

/** A flag's whole number, within `range` when one is given. */
export function parseWholeNumber(flag: string, raw: string, range?: { min: number; max: number }): number {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || (range && (value < range.min || value > range.max)))
    throw new UsageError(`--${flag} takes a whole number${range ? ` from ${range.min} to ${range.max}` : ''}, not "${raw}"`);
  return value;
}

/** A flag's comma-separated list; an empty item is a mistake (`a,,b`), not nothing. */
export function parseList(flag: string, raw: string): string[] {
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => !s)) throw new UsageError(`--${flag} takes a comma-separated list without empty items, not "${raw}"`);
  return items;
}

/** A flag's comma-separated list of services, each one of SERVICES. */
export function parseServiceList(flag: string, raw: string): ServiceName[] {
  const items = parseList(flag, raw);
  const unknown = items.filter((s) => !isServiceName(s));
  if (unknown.length) throw new UsageError(`unknown service ${unknown.join(', ')} (services: ${SERVICES.join(', ')})`);
  return items.filter(isServiceName);
}

/** Configuration the environment alone sets: its variable, not a flag, is what to fix. */
const ENV_ONLY: Readonly<Record<string, string>> = {
  accountAllowlist: 'CONFORMANCE_AWS_ACCOUNT_ALLOWLIST',
  emailDomain: 'CONFORMANCE_EMAIL_DOMAIN',
  smsNumbers: 'CONFORMANCE_SMS_NUMBERS',
};
const kebab = (key: string) => key.replace(/([A-Z])/g, '-$1').toLowerCase();

/** The configuration's first complaint, naming the flag (or environment variable) that sets what it is about. */
export function configUsageError(error: z.ZodError): UsageError {
  const issue = error.issues[0];
  const [key, member] = issue.path.map(String);
  const where =
    key === undefined
      ? 'options'
      : key === 'endpoints' && member !== undefined
        ? `--endpoint-${member}`
        : key === 'aws' && member !== undefined
          ? (ENV_ONLY[member] ?? `--${kebab(member)}`)
          : `--${kebab(key)}`;
  return new UsageError(`${where}: ${issue.message}`);
}

/** Flags that say where a run goes: a replay goes where its recording went. */
const TARGET_FLAGS = ['endpoint', 'emulator', 'emulator-data', 'probe-throttling', 'dry-run', 'record', ...SERVICES.map((s) => `endpoint-${s}`)];

/**
 * `--target replay --recording FILE`: the seed and configuration the recording was made with. A flag
 * that would change the requests (a seed, a service, a number of runs) must say what the recording says.
 */
function replayInput(values: Readonly<Record<string, string | boolean | undefined>>): Partial<RawConfigInput> {
  const file = values.recording;
  if (typeof file !== 'string' || !file) throw new UsageError('--target replay needs --recording FILE (a recording.har written by --record)');
  const given = TARGET_FLAGS.find((flag) => values[flag] !== undefined);
  if (given) throw new UsageError(`--${given} does not go with --target replay: the recording says where and how the run went`);
  let recorded: RecordedConfig;
  try {
    recorded = readRecording(file).log._conformance.config;
  } catch (error) {
    throw new UsageError(firstLineOf(error));
  }
  const fixed: [string, string | undefined, string | undefined][] = [
    ['services', values.services === undefined ? undefined : parseServiceList('services', String(values.services)).join(','), recorded.services.join(',')],
    ['runs', values.runs === undefined ? undefined : String(parseWholeNumber('runs', String(values.runs))), String(recorded.runs)],
    ['seed', values.seed === undefined ? undefined : String(parseWholeNumber('seed', String(values.seed))), String(recorded.seed)],
    ['region', values.region as string | undefined, recorded.region],
    [
      'timeout-ms',
      values['timeout-ms'] === undefined ? undefined : String(parseWholeNumber('timeout-ms', String(values['timeout-ms']))),
      String(recorded.timeoutMs),
    ],
    ['property', values.property as string | undefined, recorded.property],
    ['path', values.path as string | undefined, recorded.path],
  ];
  for (const [flag, wanted, had] of fixed) {
    if (wanted !== undefined && wanted !== had)
      throw new UsageError(`--${flag} ${wanted} differs from the recording's ${had ?? '(none)'}: a replay sends the recorded run's requests (drop --${flag})`);
  }
  return {
    recording: resolve(file),
    services: recorded.services,
    runs: recorded.runs,
    seed: recorded.seed,
    region: recorded.region,
    timeoutMs: recorded.timeoutMs,
    property: recorded.property,
    path: recorded.path,
  };
}

export function parseRunArgs(argv: string[], env: NodeJS.ProcessEnv): ConformanceConfig | 'help' {
  const values = parseFlags(argv, RUN_FLAGS);
  if (values.help) return 'help';
  // The `--endpoint-<service>` flags are built from the service list: their type does not name them.
  const given: Readonly<Record<string, string | boolean | undefined>> = values;

  const number = (flag: 'runs' | 'seed' | 'timeout-ms') => {
    const raw = values[flag];
    return raw === undefined ? undefined : parseWholeNumber(flag, raw);
  };
  const services = values.services === undefined ? undefined : parseServiceList('services', values.services);

  const fromEnv = configInputFromEnv(env);
  if (values.recording !== undefined && values.target !== 'replay') throw new UsageError('--recording FILE goes with --target replay');
  const replayed = values.target === 'replay' ? replayInput(values) : undefined;
  const input: RawConfigInput = {
    target: values.target,
    endpoint: values.endpoint,
    endpoints: Object.fromEntries(
      SERVICES.flatMap((s): [ServiceName, string][] => {
        const url = given[`endpoint-${s}`];
        return typeof url === 'string' && url ? [[s, url]] : [];
      }),
    ),
    emulator: values.emulator,
    emulatorData: values['emulator-data'],
    services: services ?? defaultServices(values.target, values.emulator),
    runs: number('runs') ?? defaultRuns(values.target),
    seed: number('seed'),
    region: values.region,
    reportDir: values['report-dir'],
    timeoutMs: number('timeout-ms'),
    baseline: values.baseline,
    updateBaseline: values['update-baseline'],
    awsDepartures: values['aws-departures'],
    recordAwsDepartures: values['record-aws-departures'],
    ignoreAwsDepartures: values['no-aws-departures'],
    shard: values.shard,
    property: values.property,
    path: values.path,
    record: values.record,
    ...replayed,
    aws: {
      ...fromEnv.aws,
      probeThrottling: values['probe-throttling'] ?? fromEnv.aws?.probeThrottling,
      dryRun: values['dry-run'] ?? fromEnv.aws?.dryRun,
    },
  };
  const parsed = ConformanceConfig.safeParse(dropUndefined(input));
  if (!parsed.success) throw configUsageError(parsed.error);
  const config = parsed.data;
  if (config.target === 'endpoint' && !config.endpoint && Object.keys(config.endpoints).length === 0) {
    throw new UsageError('--target endpoint needs --endpoint URL (or --endpoint-<service> URL)');
  }
  if (config.path && (!config.property || (values.seed === undefined && config.target !== 'replay')))
    throw new UsageError('--path replays one counterexample: give it with --seed and --property');
  if (config.updateBaseline && !config.baseline) throw new UsageError('--update-baseline needs --baseline FILE (the file to write)');
  if (config.recordAwsDepartures && (config.target !== 'aws' || config.aws.dryRun))
    throw new UsageError('--record-aws-departures records what AWS does: it goes with --target aws, without --dry-run');
  if (config.recordAwsDepartures && config.ignoreAwsDepartures) throw new UsageError('--record-aws-departures and --no-aws-departures contradict each other');
  if (config.aws.dryRun && config.target !== 'aws') throw new UsageError('--dry-run goes with --target aws (other targets are not a real account)');
  if (isManagedEmulator(config.target) && (config.endpoint || Object.keys(config.endpoints).length)) {
    throw new UsageError(
      `--target ${config.target} starts its own emulator; to use one you started, say --target endpoint --emulator ${config.target} --endpoint URL`,
    );
  }
  if (config.target !== 'endpoint' && (config.endpoint || Object.keys(config.endpoints).length)) {
    throw new UsageError(`--endpoint only goes with --target endpoint (the target is ${config.target})`);
  }
  return config;
}
