// `npm run fault-power -- --seeds 20`: switches each fault of the reference emulator's catalog on,
// alone and then all of a service's at once, over many seeds, and prints how often the rule each
// fault breaks is reported `fail` (a Markdown table on stdout, progress on stderr). Exit 1 when a
// fault, or a rule in an all-at-once run, is missed at any seed; 2 on bad flags.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../harness/cli/args.ts';
import { asError } from '../harness/errors.ts';
import {
  anyMissed,
  FAULT_POWER_USAGE,
  faultPower,
  faultPowerMarkdown,
  missed,
  parseFaultPowerArgs,
  seedRange,
  type FaultPowerArgs,
} from '../test/support/fault-power.ts';

const minutes = (ms: number) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s` : `${(ms / 1000).toFixed(1)}s`);

// The flags follow this script's path (bin/run-ts.mjs passes it on as an argument; tsx does not).
const self = process.argv.findIndex((arg, i) => i > 0 && resolve(arg) === fileURLToPath(import.meta.url));
let args: FaultPowerArgs | undefined;
try {
  args = parseFaultPowerArgs(process.argv.slice(self > 0 ? self + 1 : 2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`fault-power: ${error.message}\n${FAULT_POWER_USAGE}`);
  process.exitCode = 2;
}

if (args) {
  try {
    const seeds = seedRange(args.seeds, args.firstSeed);
    const result = await faultPower({ seeds, runs: args.runs, faults: args.faults, services: args.services });
    const seedText = seeds.length > 1 ? `seeds ${seeds[0]}–${seeds.at(-1)}` : `seed ${seeds[0]}`;
    const missedRows = [...result.faults, ...result.allAtOnce].filter(missed);
    console.log(`## Fault power: ${seedText}, ${result.runs} runs per property\n`);
    console.log(faultPowerMarkdown(result));
    if (missedRows.some((row) => row.verdicts.some((v) => v.status === 'crash')))
      console.log('`crash`: the run threw before it made a report, a harness bug (stderr says where).\n');
    console.log(
      `${result.faults.length} faults, ${result.allAtOnce.length} all-at-once rules: ${missedRows.length ? `${missedRows.length} missed at some seed` : 'every one caught at every seed'}. ` +
        `${result.suiteRuns} suite runs in ${minutes(result.durationMs)}.`,
    );
    process.exitCode = anyMissed(result) ? 1 : 0;
  } catch (error) {
    console.error(`fault-power: ${asError(error).message}`);
    process.exitCode = 2;
  }
}
