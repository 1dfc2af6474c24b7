// Fault power: how often each fault of the reference emulator's catalog is caught, over many
// seeds. For each seed, every fault is switched on alone and its service's properties run (as
// runSuite does); the fault is caught at that seed when the rule it breaks (fault-expectations.ts)
// is `fail`. Per service, one more run per seed switches all of its selected faults on at once:
// each rule one of them breaks must still be `fail` (one failure must not hide another).
// `npm run fault-power` (scripts/fault-power.ts) prints the result as a Markdown table.
import { createEmulator } from '../../emulator/index.ts';
import type { FaultInfo } from '../../emulator/types.ts';
import { parseFlags, parseList, parseServiceList, parseWholeNumber, UsageError } from '../../harness/cli/args.ts';
import { asError } from '../../harness/errors.ts';
import type { RuleStatus } from '../../harness/report/outcome.ts';
import type { ConformanceReport } from '../../harness/report/schema.ts';
import { loadProperties, type ServiceName } from '../../services/index.ts';
import { EXPECTED_FAILURE, unhidden } from '../../spec/fault-expectations.ts';
import { runSuite } from './run-suite.ts';

const PROPERTIES = await loadProperties();

/** The faults whose service has conformance properties (the ones the self-check covers), in catalog order. */
function powerCatalog(): (FaultInfo & { service: ServiceName })[] {
  return createEmulator()
    .control.faults.catalog()
    .filter((f): f is FaultInfo & { service: ServiceName } => f.service in PROPERTIES);
}

/** `absent`: the report had no such rule; `crash`: the run threw before it made a report. */
export type PowerStatus = RuleStatus | 'absent' | 'crash';

export interface SeedVerdict {
  seed: number;
  status: PowerStatus;
}

export interface PowerRow {
  service: ServiceName;
  /** The faults switched on for this row's runs: one, or all of the service's selected faults. */
  faultsOn: string[];
  /** All-at-once rows: whether those are all of the service's faults in the catalog (not a --faults selection). */
  wholeService?: boolean;
  rule: string;
  /** One per seed, in the order of the seeds. */
  verdicts: SeedVerdict[];
}

export interface FaultPowerResult {
  seeds: number[];
  runs: number;
  /** One row per fault. */
  faults: PowerRow[];
  /** Per service with two or more selected faults: one row per rule one of them breaks. */
  allAtOnce: PowerRow[];
  /** How many times a service's suite ran. */
  suiteRuns: number;
  durationMs: number;
}

export interface FaultPowerOptions {
  seeds: readonly number[];
  /** Property runs per seed, as in a conformance run; default 25 (the default budget). */
  runs?: number;
  /** Only these fault ids (default: the whole catalog). */
  faults?: readonly string[];
  /** Only the faults of these services (default: every service with faults). */
  services?: readonly ServiceName[];
  /** Progress, one line per fault and per all-at-once run; default: stderr. */
  log?: (line: string) => void;
}

const DEFAULT_RUNS = 25;

const detections = (row: PowerRow) => row.verdicts.filter((v) => v.status === 'fail').length;
export const missed = (row: PowerRow) => detections(row) < row.verdicts.length;
export const anyMissed = (result: FaultPowerResult) => [...result.faults, ...result.allAtOnce].some(missed);

/** The faults the options select, in catalog order; throws on an id or a service the catalog lacks. */
function selectFaults(options: Pick<FaultPowerOptions, 'faults' | 'services'>, catalog = powerCatalog()) {
  const known = new Set(catalog.map((f) => f.id));
  const unknown = (options.faults ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`unknown fault id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  const services = new Set(catalog.map((f) => f.service));
  const noFaults = (options.services ?? []).filter((s) => !services.has(s));
  if (noFaults.length) throw new Error(`no faults for service ${noFaults.join(', ')} (services with faults: ${[...services].join(', ')})`);
  const selected = catalog.filter((f) => (!options.faults || options.faults.includes(f.id)) && (!options.services || options.services.includes(f.service)));
  const unmapped = selected.filter((f) => !(f.id in EXPECTED_FAILURE)).map((f) => f.id);
  if (unmapped.length) throw new Error(`no expected rule in spec/fault-expectations.ts for ${unmapped.join(', ')}`);
  return selected;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

function missedWith(verdicts: readonly SeedVerdict[]): string {
  const byStatus = new Map<PowerStatus, number[]>();
  for (const { seed, status } of verdicts) if (status !== 'fail') byStatus.set(status, [...(byStatus.get(status) ?? []), seed]);
  return [...byStatus].map(([status, seeds]) => `${status} ×${seeds.length} (seed${seeds.length > 1 ? 's' : ''} ${seeds.join(', ')})`).join('; ');
}

export async function faultPower(options: FaultPowerOptions): Promise<FaultPowerResult> {
  if (!options.seeds.length) throw new Error('fault power needs at least one seed');
  const runs = options.runs ?? DEFAULT_RUNS;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const catalog = powerCatalog();
  const selected = selectFaults(options, catalog);
  const started = Date.now();
  const result: FaultPowerResult = { seeds: [...options.seeds], runs, faults: [], allAtOnce: [], suiteRuns: 0, durationMs: 0 };
  const services = [...new Set(selected.map((f) => f.service))];
  const total = selected.length;
  let done = 0;

  // Every (faults on, seed) pair runs the suite once; each rule of interest is read off that one report.
  const runAll = async (service: ServiceName, faultsOn: string[], rules: string[]) => {
    const rows: PowerRow[] = rules.map((rule) => ({ service, faultsOn, rule, verdicts: [] }));
    const crashes = new Map<string, number[]>();
    for (const seed of options.seeds) {
      let report: ConformanceReport | undefined;
      try {
        report = await runSuite(service, PROPERTIES[service], { seed, runs, faults: faultsOn });
      } catch (error) {
        // A harness bug in one run should not cost the rest of the measurement: said, and counted as missed.
        const e = asError(error);
        const where =
          e.stack
            ?.split('\n')
            .find((line) => /^\s+at /.test(line))
            ?.trim() ?? '';
        const said = `${e.name}: ${e.message.replace(/\s+/g, ' ').slice(0, 160)} ${where}`.trim();
        crashes.set(said, [...(crashes.get(said) ?? []), seed]);
      }
      result.suiteRuns++;
      for (const row of rows) row.verdicts.push({ seed, status: report ? (report.rules.find((r) => r.id === row.rule)?.status ?? 'absent') : 'crash' });
    }
    const which = faultsOn.length > 1 ? `${service} with ${faultsOn.length} faults` : faultsOn[0];
    for (const [said, seeds] of crashes) log(`fault-power: ${which} crashed at seed${seeds.length > 1 ? 's' : ''} ${seeds.join(', ')}: ${said}`);
    return rows;
  };

  for (const service of services) {
    const faults = selected.filter((f) => f.service === service);
    for (const fault of faults) {
      const t0 = Date.now();
      const [row] = await runAll(service, [fault.id], [EXPECTED_FAILURE[fault.id]!]);
      result.faults.push(row!);
      done++;
      const misses = missedWith(row!.verdicts);
      log(
        `fault-power [${done}/${total}] ${fault.id} → ${row!.rule}: ${detections(row!)}/${row!.verdicts.length}${misses ? `, missed: ${misses}` : ''} (${seconds(Date.now() - t0)})`,
      );
    }
    // With one selected fault the run would repeat the one above.
    if (faults.length < 2) continue;
    const t0 = Date.now();
    // A fault another one on hides (both decide the same answer) cannot be expected to show.
    const shown = unhidden(faults.map((f) => f.id));
    const hidden = faults.filter((f) => !shown.includes(f.id)).map((f) => f.id);
    if (hidden.length) log(`fault-power [${service}] all at once: hidden by another fault on, not expected to show: ${hidden.join(', ')}`);
    const rules = [...new Set(shown.map((id) => EXPECTED_FAILURE[id]!))];
    const rows = await runAll(
      service,
      faults.map((f) => f.id),
      rules,
    );
    const wholeService = faults.length === catalog.filter((f) => f.service === service).length;
    result.allAtOnce.push(...rows.map((row) => ({ ...row, wholeService })));
    const caught = rows.filter((row) => !missed(row)).length;
    const misses = rows.filter(missed).map((row) => `${row.rule}: ${missedWith(row.verdicts)}`);
    log(
      `fault-power [${service}] all ${faults.length} faults at once: ${caught}/${rows.length} rules fail at every seed${misses.length ? `; missed: ${misses.join('; ')}` : ''} (${seconds(Date.now() - t0)})`,
    );
  }
  result.durationMs = Date.now() - started;
  return result;
}

/** The result as a Markdown table: one row per fault, then the per-service all-at-once rows. */
export function faultPowerMarkdown(result: FaultPowerResult): string {
  const allAtOnce = (row: PowerRow) =>
    `${row.wholeService === false ? 'the' : 'all'} ${row.faultsOn.length} ${row.wholeService === false ? 'selected ' : ''}\`${row.service}\` faults at once`;
  const rows: [string, PowerRow][] = [
    ...result.faults.map((row): [string, PowerRow] => [`\`${row.faultsOn[0]}\``, row]),
    ...result.allAtOnce.map((row): [string, PowerRow] => [allAtOnce(row), row]),
  ];
  const lines = [
    '| Fault | Rule | Detected | Missed with |',
    '| --- | --- | --- | --- |',
    ...rows.map(([fault, row]) => `| ${fault} | \`${row.rule}\` | ${detections(row)}/${row.verdicts.length} | ${missedWith(row.verdicts) || '—'} |`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The seeds a run covers: `count` consecutive seeds from `first`. */
export const seedRange = (count: number, first: number) => Array.from({ length: count }, (_, i) => first + i);

export interface FaultPowerArgs {
  seeds: number;
  firstSeed: number;
  runs: number;
  faults?: string[];
  services?: ServiceName[];
}

export const FAULT_POWER_USAGE = 'usage: npm run fault-power -- [--seeds N] [--first-seed N] [--runs N] [--faults a,b] [--services ses,...]';

const FAULT_POWER_FLAGS = {
  seeds: { type: 'string' },
  'first-seed': { type: 'string' },
  runs: { type: 'string' },
  faults: { type: 'string' },
  services: { type: 'string' },
} as const;

const MAX_SEED = 2 ** 31 - 1;

/** Parses the script's flags (`--flag value` or `--flag=value`) as the CLI does; throws UsageError with a one-line message. */
export function parseFaultPowerArgs(argv: readonly string[]): FaultPowerArgs {
  const values = parseFlags(argv, FAULT_POWER_FLAGS);
  const whole = (flag: 'seeds' | 'first-seed' | 'runs', min: number, otherwise: number) => {
    const raw = values[flag];
    return raw === undefined ? otherwise : parseWholeNumber(flag, raw, { min, max: MAX_SEED });
  };
  const args: FaultPowerArgs = { seeds: whole('seeds', 1, 5), firstSeed: whole('first-seed', 0, 1), runs: whole('runs', 1, DEFAULT_RUNS) };
  if (values.faults !== undefined) args.faults = parseList('faults', values.faults);
  if (values.services !== undefined) args.services = parseServiceList('services', values.services);
  if (args.firstSeed + args.seeds - 1 > MAX_SEED) throw new UsageError(`--first-seed ${args.firstSeed} with --seeds ${args.seeds} goes past seed ${MAX_SEED}`);
  try {
    if (!selectFaults(args).length) throw new UsageError(`no fault is both in --faults and of --services`);
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(asError(error).message);
  }
  return args;
}
