// The one configuration of a conformance run. The CLI builds it from flags and hands it to the
// vitest workers with vitest's provide/inject; a team running vitest directly sets the same
// fields through CONFORMANCE_* environment variables. Both paths end in the same object.
import { z } from 'zod';
import { SERVICES } from '../services/index.ts';
import { isManagedEmulator, MANAGED_EMULATORS, servicesOf } from './targets/managed/emulators.ts';

/** reference, endpoint and aws, the third-party emulators the harness starts itself, and a recorded run (replay). */
const TARGET_KINDS = ['reference', 'endpoint', 'aws', 'replay', ...MANAGED_EMULATORS] as const;
/** The adapters `--emulator` names: one per emulator whose out-of-band channel the harness knows. */
const EMULATOR_ADAPTERS = ['reference', 'generic', ...MANAGED_EMULATORS] as const;

const Url = z.string().refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) URL');

export const ConformanceConfig = z.object({
  target: z.enum(TARGET_KINDS).default('reference'),
  endpoint: Url.optional(),
  endpoints: z.partialRecord(z.enum(SERVICES), Url).default({}),
  emulator: z.enum(EMULATOR_ADAPTERS).default('generic'),
  /** The emulator's working directory, where an adapter finds its data (cognito-local's codes). */
  emulatorData: z.string().optional(),
  /** By default every service. */
  services: z
    .array(z.enum(SERVICES))
    .min(1)
    .default(() => [...SERVICES]),
  runs: z.number().int().min(1).max(10_000).default(25),
  seed: z
    .number()
    .int()
    .default(() => Math.floor(Math.random() * 2 ** 31)),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like us-east-1')
    .default('us-east-1'),
  reportDir: z.string().min(1).default('reports'),
  runId: z.string().default(() => new Date().toISOString().replace(/[:.]/g, '-')),
  /** Known divergences: reported `known`; the run exits 0 when it finds exactly these. */
  baseline: z.string().optional(),
  /** Rewrite the baseline file with this run's divergences instead of comparing. */
  updateBaseline: z.boolean().default(false),
  /**
   * AWS's own departures from its documents (harness/report/aws-departures.ts): an aws run with
   * `recordAwsDepartures` writes them here; any other run reads them, if the file exists, unless
   * `ignoreAwsDepartures`.
   */
  awsDepartures: z.string().min(1).default('baselines/aws.json'),
  recordAwsDepartures: z.boolean().default(false),
  ignoreAwsDepartures: z.boolean().default(false),
  /** Only the property with this name (a finding's replay). */
  property: z.string().optional(),
  /** With --seed and --property: replay exactly this fast-check path (the shrunk counterexample). */
  // `~Op,Op` names the operations the target lacked, which the finding's run left out; `^RULE,RULE` the
  // rules already found failing, whose checks that run tolerated.
  path: z
    .string()
    .regex(
      /^\d+(:\d+)*(@[^\s~^]+)?(~\w+(,\w+)*)?(\^[A-Z][A-Z0-9_.]*(,[A-Z][A-Z0-9_.]*)*)?$/,
      'must look like 4:3:0, 4:3:0@AAB, 4:3:0@AAB~GlobalSignOut or 4:3:0^SES.GIVA.MAX_IDENTITIES',
    )
    .optional(),
  /** `i/n`: this run is one of n shards (CI machines); their reports merge with `conformance merge`. */
  shard: z
    .string()
    .regex(/^[1-9]\d*\/[1-9]\d*$/, 'must look like 1/3')
    .optional(),
  /** Per call: a target that never answers costs this long, not the run. */
  timeoutMs: z.number().int().min(100).default(10_000),
  /** Write every exchange of the run, redacted, with the seed and configuration, to `<reportDir>/<runId>/recording.har`. */
  record: z.boolean().default(false),
  /** With target `replay`: the recording (HAR) whose answers the run gets. */
  recording: z.string().optional(),
  aws: z
    .object({
      accountAllowlist: z.array(z.string().regex(/^\d{12}$/)).default([]),
      emailDomain: z.string().optional(),
      /** Phone numbers (E.164) a run may create SMS destinations for; none by default. */
      smsNumbers: z.array(z.string().regex(/^\+\d{6,15}$/)).default([]),
      probeThrottling: z.boolean().default(false),
      /** Send nothing to AWS: run the aws code path against the in-process reference emulator and write the calls it would make. */
      dryRun: z.boolean().default(false),
    })
    .default({ accountAllowlist: [], probeThrottling: false, smsNumbers: [], dryRun: false }),
});
export type ConformanceConfig = z.infer<typeof ConformanceConfig>;
export type ConformanceConfigInput = z.input<typeof ConformanceConfig>;

/**
 * What flags and the environment say, before validation: the target, the adapter and the services
 * as a person wrote them. The schema checks them, and its message names the flag that was wrong.
 */
export type RawConfigInput = Omit<ConformanceConfigInput, 'target' | 'emulator' | 'services'> & { target?: string; emulator?: string; services?: string[] };

/** A third-party emulator only emulates some services: by default, run those. */
export function defaultServices(target?: string, emulator?: string): string[] | undefined {
  const name = target && isManagedEmulator(target) ? target : target === 'endpoint' && emulator && isManagedEmulator(emulator) ? emulator : undefined;
  return name ? servicesOf(name) : undefined;
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const int = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));

/** The fields a person can set in the environment (for `vitest` runs and for the aws guard). */
export function configInputFromEnv(env: NodeJS.ProcessEnv): RawConfigInput {
  return {
    target: env.CONFORMANCE_TARGET,
    endpoint: env.CONFORMANCE_ENDPOINT,
    emulator: env.CONFORMANCE_EMULATOR,
    emulatorData: env.CONFORMANCE_EMULATOR_DATA,
    services: list(env.CONFORMANCE_SERVICES) ?? defaultServices(env.CONFORMANCE_TARGET, env.CONFORMANCE_EMULATOR),
    runs: int(env.CONFORMANCE_RUNS) ?? defaultRuns(env.CONFORMANCE_TARGET),
    seed: int(env.CONFORMANCE_SEED),
    region: env.CONFORMANCE_REGION,
    reportDir: env.CONFORMANCE_REPORT_DIR,
    aws: {
      accountAllowlist: list(env.CONFORMANCE_AWS_ACCOUNT_ALLOWLIST) ?? [],
      emailDomain: env.CONFORMANCE_EMAIL_DOMAIN || undefined,
      smsNumbers: list(env.CONFORMANCE_SMS_NUMBERS) ?? [],
      probeThrottling: env.CONFORMANCE_PROBE_THROTTLING === '1' || env.CONFORMANCE_PROBE_THROTTLING === 'true',
      dryRun: env.CONFORMANCE_DRY_RUN === '1' || env.CONFORMANCE_DRY_RUN === 'true',
    },
  };
}

/**
 * Runs per property when none are asked for: 25, but 5 on AWS, where a run at AWS's documented
 * rates takes about 11 minutes and keeps within the daily message quotas of a fresh sandbox
 * account (`--dry-run` prints the budget; test/aws-budget.test.ts holds it to the quotas).
 */
const AWS_DEFAULT_RUNS = 5;
export const defaultRuns = (target: string | undefined): number | undefined => (target === 'aws' ? AWS_DEFAULT_RUNS : undefined);

/** The environment's configuration (a vitest run the CLI did not start), else the defaults. */
export function resolveConfig(env: NodeJS.ProcessEnv = process.env): ConformanceConfig {
  const parsed = ConformanceConfig.safeParse(dropUndefined(configInputFromEnv(env)));
  if (!parsed.success) throw new Error(`invalid conformance configuration: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  return parsed.data;
}

/** The input without its undefined members, at every depth, for the schema to check (and fill with defaults). */
export function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, dropUndefined(v)]),
  );
}

/**
 * How long one property may take before it is stopped as hung: 2 minutes on the reference
 * emulator, whose clock moves; elsewhere documented rates are waited out in real time (one
 * GetIdentityVerificationAttributes a second), so a minute a run, and never less than 2 minutes.
 */
export const propertyTimeoutMs = (config: ConformanceConfig) =>
  config.target === 'reference' || config.target === 'replay' ? 120_000 : Math.max(120_000, config.runs * 60_000);

/** The command that reruns one service's properties exactly as this run did; with a property and a path, just its counterexample. */
export function reproduceCommand(config: ConformanceConfig, service: string, finding?: { property: string; seed: number; path?: string }): string {
  // A replay takes its seed and configuration from the recording: naming the file is the whole command.
  if (config.target === 'replay') return `npm run conformance -- --target replay --recording ${config.recording}`;
  const flags = [`--target ${config.target}`];
  // A harness-started emulator listens on a port of this run only: the rerun starts its own.
  if (!isManagedEmulator(config.target)) {
    if (config.endpoint) flags.push(`--endpoint ${config.endpoint}`);
    for (const [s, url] of Object.entries(config.endpoints)) flags.push(`--endpoint-${s} ${url}`);
  }
  if (config.target === 'endpoint') flags.push(`--emulator ${config.emulator}`);
  flags.push(`--services ${service}`, `--region ${config.region}`, `--runs ${config.runs}`, `--seed ${finding?.seed ?? config.seed}`);
  if (finding) flags.push(`--property '${finding.property.replace(/'/g, `'\\''`)}'`);
  if (finding?.path) flags.push(`--path '${finding.path}'`);
  return `npm run conformance -- ${flags.join(' ')}`;
}
