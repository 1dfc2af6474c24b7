// The harness's self-check: with each documented fault of the reference emulator switched on,
// the report names the rule that fault breaks as `fail`; with none, every rule passes. A fault
// added to the emulator without an entry here fails the first test; a rule no fault breaks (so no
// run has shown that its check can fail) fails the second. Each fault runs at the fixed seed 42
// and once more at a fresh seed per run (printed; FAULT_SEED=<n> replays it), and each service's
// faults run all at once too: one failure must not hide another.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import type { FaultInfo } from '../emulator/types.ts';
import { catalog as rules, loadProperties } from '../services/index.ts';
import type { ServiceName } from '../services/index.ts';
import { EXPECTED_FAILURE, HIDES, unhidden } from '../spec/fault-expectations.ts';
import { runSuite, statusOf } from './support/run-suite.ts';

const PROPERTIES = await loadProperties();

/** The faults whose service has conformance properties. */
const catalog = createEmulator()
  .control.faults.catalog()
  .filter((f): f is FaultInfo & { service: ServiceName } => f.service in PROPERTIES);
const servicesWithFaults = [...new Set(catalog.map((f) => f.service))];
const propertiesOf = (service: ServiceName) => PROPERTIES[service];

const FIXED_SEED = 42;
function freshSeed(): number {
  const given = process.env.FAULT_SEED;
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 31);
  if (!/^\d+$/.test(given) || Number(given) > 2 ** 31 - 1) throw new Error(`FAULT_SEED must be a whole number from 0 to ${2 ** 31 - 1}, not '${given}'`);
  return Number(given);
}
const randomSeed = freshSeed();
console.log(`fault catalog self-check: random seed ${randomSeed} (replay with FAULT_SEED=${randomSeed})`);
const seeds = [...new Set([FIXED_SEED, randomSeed])];

describe('fault catalog self-check', () => {
  it('maps every fault of the catalog to the rule it breaks', () => {
    expect(catalog.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED_FAILURE).sort());
    for (const service of Object.keys(PROPERTIES)) expect(catalog.filter((f) => f.service === service).length, service).toBeGreaterThanOrEqual(4);
    // Every fault a hiding entry names is in the catalog, of the hider's service.
    const serviceOf = new Map(catalog.map((f) => [f.id, f.service]));
    for (const { hider, hides } of HIDES) for (const id of hides) expect(serviceOf.get(id), `${hider} hides ${id}`).toBe(serviceOf.get(hider) ?? 'unknown');
  });

  it('breaks every rule of the catalog with at least one fault: each check is shown to fail', () => {
    const broken = new Set(Object.values(EXPECTED_FAILURE));
    expect(rules.map((rule) => rule.id).filter((id) => !broken.has(id))).toEqual([]);
  });

  for (const service of servicesWithFaults) {
    it(`passes every ${service} rule on the reference emulator with no fault`, async () => {
      const report = await runSuite(service, propertiesOf(service));
      expect(report.rules.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.status} ${r.reason ?? r.failure?.message ?? ''}`)).toEqual([]);
      expect(report.properties.flatMap((p) => p.warnings)).toEqual([]);
    });
  }

  for (const seed of seeds) {
    for (const fault of catalog) {
      it(`reports ${fault.id} as ${EXPECTED_FAILURE[fault.id]} failing at seed ${seed}`, async () => {
        // The properties that check the rule: the others cannot detect the fault (the all-at-once tests run them all).
        const checking = propertiesOf(fault.service).filter((p) => p.rules.includes(EXPECTED_FAILURE[fault.id]));
        const report = await runSuite(fault.service, checking, { seed, faults: [fault.id] });
        const rule = report.rules.find((r) => r.id === EXPECTED_FAILURE[fault.id])!;
        expect(rule.status, `${fault.id} at seed ${seed}: ${rule.reason ?? ''}`).toBe('fail');
        // A finding a maintainer can act on: the document's words, a replayable sequence, the exchange.
        expect(rule.quote.length).toBeGreaterThan(10);
        expect(rule.failure!.counterexample.some((line) => line.startsWith(`aws ${fault.service} `))).toBe(true);
        expect(rule.failure!.exchanges.length).toBeGreaterThan(0);
        expect(report.rules.filter((r) => r.status === 'error').map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
        expect(statusOf(report, rule.id)).toBe('fail');
      });
    }
  }

  for (const service of servicesWithFaults) {
    const faults = catalog.filter((f) => f.service === service).map((f) => f.id);
    it(`reports every rule a ${service} fault breaks as failing with all ${faults.length} ${service} faults at once (seed ${FIXED_SEED})`, async () => {
      const report = await runSuite(service, propertiesOf(service), { seed: FIXED_SEED, faults });
      // A fault another one on hides (both decide the same answer) cannot be expected to show.
      const broken = [...new Set(unhidden(faults).map((id) => EXPECTED_FAILURE[id]!))];
      const notFailing = broken.map((id) => ({ id, rule: report.rules.find((r) => r.id === id) })).filter(({ rule }) => rule?.status !== 'fail');
      expect(notFailing.map(({ id, rule }) => `${id}: ${rule?.status ?? 'absent'} ${rule?.reason ?? ''}`.trim())).toEqual([]);
    });
  }
});
