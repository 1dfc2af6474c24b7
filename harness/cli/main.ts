// The `conformance` command. Runs the conformance properties through vitest with the
// conformance reporter, then exits 0 (every checked rule holds), 1 (non-conformance found) or
// 2 (the harness could not run), always with a one-line cause, never a stack trace.
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { shareConfig, type ConformanceConfig } from '../config.ts';
import { exitCodeOf } from '../report/build.ts';
import ConformanceReporter from '../report/vitest-reporter.ts';
import { parseRunArgs, USAGE, UsageError } from './args.ts';
import { preflight, PreflightError } from './preflight.ts';
import { propertyFile } from '../services.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function run(config: ConformanceConfig): Promise<0 | 1 | 2> {
  await preflight(config);
  shareConfig(config);
  const reporter = new ConformanceReporter({ config });
  process.stdout.write(`conformance: ${config.services.join(', ')} against ${config.target}${config.endpoint ? ` ${config.endpoint}` : ''} · seed ${config.seed} · ${config.runs} runs\n`);
  const vitest = await startVitest('test', config.services.map(propertyFile), {
    root,
    project: 'conformance',
    reporters: [reporter],
    watch: false,
    passWithNoTests: false,
  });
  await vitest.close();
  if (!reporter.report) throw new Error('the run ended without a report');
  const code = exitCodeOf(reporter.report);
  if (code === 2) {
    const first = reporter.report.errors[0] ?? reporter.report.rules.find((r) => r.status === 'error')?.reason;
    process.stderr.write(`conformance: could not check every rule: ${first}\n`);
  }
  return code;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'run') {
    process.stderr.write(`conformance: unknown command "${command}" (try: conformance run --help)\n`);
    return 2;
  }
  try {
    const config = parseRunArgs(rest, process.env);
    if (config === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    return await run(config);
  } catch (error) {
    const prefix = error instanceof UsageError ? '' : error instanceof PreflightError ? '' : 'harness error: ';
    process.stderr.write(`conformance: ${prefix}${(error as Error).message.split('\n')[0]}\n`);
    if (process.env.CONFORMANCE_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}
