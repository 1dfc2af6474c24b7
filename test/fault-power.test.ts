// `npm run fault-power`: its flags and its table (the runs themselves are the fault catalog's self-check).
import { describe, expect, it } from 'vitest';
import { anyMissed, faultPowerMarkdown, parseFaultPowerArgs, seedRange, type FaultPowerResult } from './support/fault-power.ts';

describe('fault power', () => {
  it('parses its flags, both `--flag value` and `--flag=value`', () => {
    expect(parseFaultPowerArgs([])).toEqual({ seeds: 5, firstSeed: 1, runs: 25 });
    expect(parseFaultPowerArgs(['--seeds', '20', '--first-seed=7', '--runs', '10', '--services', 'ses,lightsail', '--faults=ses.list.drops-last'])).toEqual({
      seeds: 20,
      firstSeed: 7,
      runs: 10,
      services: ['ses', 'lightsail'],
      faults: ['ses.list.drops-last'],
    });
    expect(seedRange(3, 7)).toEqual([7, 8, 9]);
  });

  it('refuses bad flags with a one-line message', () => {
    for (const argv of [
      ['--seeds', '0'],
      ['--seeds'],
      ['--runs', 'x'],
      ['--bogus'],
      ['--faults', 'nope'],
      ['--services', 'sqs'],
      ['--faults', 'ses.list.drops-last', '--services', 'lightsail'],
      ['--faults', ','],
    ]) {
      expect(() => parseFaultPowerArgs(argv), argv.join(' ')).toThrow(/^[^\n]+$/);
    }
  });

  it('prints a row per fault, then the all-at-once rows, with the verdicts of the seeds it missed', () => {
    const result: FaultPowerResult = {
      seeds: [7, 8, 9, 10, 11],
      runs: 25,
      faults: [
        { service: 'ses', faultsOn: ['ses.a'], rule: 'SES.A', verdicts: [7, 8, 9, 10, 11].map((seed) => ({ seed, status: 'fail' })) },
        {
          service: 'ses',
          faultsOn: ['ses.b'],
          rule: 'SES.B',
          verdicts: [
            { seed: 7, status: 'pass' },
            { seed: 8, status: 'fail' },
            { seed: 9, status: 'pass' },
            { seed: 10, status: 'inconclusive' },
            { seed: 11, status: 'pass' },
          ],
        },
      ],
      allAtOnce: [{ service: 'ses', faultsOn: ['ses.a', 'ses.b'], rule: 'SES.A', verdicts: [7, 8, 9, 10, 11].map((seed) => ({ seed, status: 'fail' })) }],
      suiteRuns: 15,
      durationMs: 1,
    };
    expect(faultPowerMarkdown(result).split('\n')).toEqual([
      '| Fault | Rule | Detected | Missed with |',
      '| --- | --- | --- | --- |',
      '| `ses.a` | `SES.A` | 5/5 | — |',
      '| `ses.b` | `SES.B` | 1/5 | pass ×3 (seeds 7, 9, 11); inconclusive ×1 (seed 10) |',
      '| all 2 `ses` faults at once | `SES.A` | 5/5 | — |',
      '',
    ]);
    expect(anyMissed(result)).toBe(true);
    expect(anyMissed({ ...result, faults: [result.faults[0]!] })).toBe(false);
  });
});
