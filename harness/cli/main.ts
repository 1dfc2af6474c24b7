// The `conformance` command. Runs the conformance properties through vitest with the
// conformance reporter, then exits 0 (every checked rule holds), 1 (non-conformance found) or
// 2 (the harness could not run), always with a one-line cause, never a stack trace.
import { fileURLToPath } from 'node:url';
import { createVitest } from 'vitest/node';
import type { ConformanceConfig } from '../config.ts';
import { asError, firstLineOf } from '../errors.ts';
import type {} from '../vitest-context.ts';
import { comparisonHolds, describeComparison } from '../report/baseline.ts';
import { exitCodeOf, outcomeLine } from '../report/build.ts';
import ConformanceReporter from '../report/vitest-reporter.ts';
import { parseRunArgs, USAGE, UsageError } from './args.ts';
import { preflight, PreflightError } from './preflight.ts';
import { diffCommand, mergeCommand, REPORT_USAGE } from './report-commands.ts';
import { sweepCommand, SWEEP_USAGE } from './sweep-command.ts';
import { isManagedEmulator, startEmulator } from '../targets/managed/emulators.ts';
import type { ManagedProcess } from '../targets/managed/process.ts';
import { prepareEndpoint } from '../targets/endpoint.ts';
import { writeRecording } from '../recording/merge.ts';
import { replayMismatch } from '../recording/mismatch.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A service's conformance tests: its folder's conformance.property.test.ts (a test checks each manifest has one). */
const propertyFile = (service: string) => `properties/${service}/conformance.property.test.ts`;

/** Checks what must hold first; a third-party emulator the CLI starts for the run is stopped afterwards, whatever happens. */
async function run(config: ConformanceConfig): Promise<0 | 1 | 2> {
  await preflight(config);
  if (!isManagedEmulator(config.target)) return runAgainst(config);
  let emulator: ManagedProcess;
  try {
    emulator = await startEmulator(config.target, (line) => process.stderr.write(`conformance: ${line}\n`));
  } catch (error) {
    throw new PreflightError(asError(error).message);
  }
  try {
    return await runAgainst({ ...config, endpoint: emulator.url, emulator: config.target, emulatorData: emulator.workDir });
  } finally {
    await emulator.stop();
  }
}

async function runAgainst(config: ConformanceConfig): Promise<0 | 1 | 2> {
  if (config.target === 'endpoint' || isManagedEmulator(config.target)) {
    await prepareEndpoint(config).catch((error: unknown) => {
      throw new PreflightError(`could not prepare the ${config.emulator} emulator at ${config.endpoint}: ${firstLineOf(error)}`);
    });
  }
  const reporter = new ConformanceReporter({ config });
  process.stdout.write(
    `conformance: ${config.services.join(', ')} against ${config.target}${config.endpoint ? ` ${config.endpoint}` : ''} · seed ${config.seed} · ${config.runs} runs\n`,
  );
  const vitest = await createVitest('test', {
    root,
    project: 'conformance',
    reporters: [reporter],
    watch: false,
    passWithNoTests: Boolean(config.shard), // a shard may hold none of the selected services
    // One service at a time against a shared target (a server's clock and reset are global, AWS's
    // rates hold per account); the in-process reference emulator is one per worker.
    fileParallelism: config.target === 'reference' || config.target === 'replay',
    shard: config.shard,
    testNamePattern: config.property ? new RegExp(`^\\S+ ${config.property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : undefined,
  });
  try {
    vitest.provide('conformanceConfig', config);
    await vitest.start(config.services.map(propertyFile));
  } finally {
    await vitest.close();
  }
  if (config.record) {
    const { file, missing } = writeRecording(config);
    process.stdout.write(`recording: ${file}${missing.length ? ` (nothing recorded for ${missing.join(', ')})` : ''}\n`);
  }
  // A replayed request the recording does not hold stops the run, whatever the verdicts say.
  const mismatch = config.target === 'replay' ? replayMismatch(config) : undefined;
  if (mismatch) {
    process.stderr.write(`conformance: ${mismatch}\n`);
    return 2;
  }
  if (!reporter.report) throw new Error('the run ended without a report');
  if (config.updateBaseline) return reporter.report.errors.length ? 2 : 0;
  if (reporter.comparison) {
    const differences = describeComparison(reporter.comparison);
    for (const line of differences) process.stdout.write(`${line}\n`);
    if (!comparisonHolds(reporter.comparison)) {
      process.stderr.write(
        `conformance: the run differs from the baseline ${config.baseline}: ${reporter.comparison.appeared.length} new, ${reporter.comparison.disappeared.length} gone\n`,
      );
      return 1;
    }
    if (reporter.report.errors.length) {
      process.stderr.write(`conformance: could not check every rule: ${reporter.report.errors[0]}\n`);
      return 2;
    }
    process.stdout.write(`matches the baseline ${config.baseline}\n`);
    return 0;
  }
  const code = exitCodeOf(reporter.report);
  const line = outcomeLine(reporter.report);
  if (line) process.stderr.write(`conformance: ${line}\n`);
  return code;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n${REPORT_USAGE}\n${SWEEP_USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (!['run', 'diff', 'merge', 'sweep'].includes(command)) {
    process.stderr.write(`conformance: unknown command "${command}" (commands: run, diff, merge, sweep; try conformance --help)\n`);
    return 2;
  }
  try {
    if (command === 'diff') return await diffCommand(rest);
    if (command === 'merge') return await mergeCommand(rest);
    if (command === 'sweep') return await sweepCommand(rest, process.env, (line) => process.stdout.write(`${line}\n`));
    const config = parseRunArgs(rest, process.env);
    if (config === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    return await run(config);
  } catch (error) {
    const prefix = error instanceof UsageError ? '' : error instanceof PreflightError ? '' : 'harness error: ';
    process.stderr.write(`conformance: ${prefix}${firstLineOf(error)}\n`);
    if (process.env.CONFORMANCE_DEBUG) process.stderr.write(`${asError(error).stack}\n`);
    return 2;
  }
}
