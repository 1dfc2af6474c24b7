// docs/conformance-matrix.md is generated (`npm run matrix`) and must stay current: every rule has
// a row; the reference column passes; each third-party column shows exactly the divergences of
// that emulator's checked-in baseline, at its pinned version. The findings pages of moto and
// LocalStack list exactly their baselines' divergences, each read by a person (its review).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Baseline, DIVERGENT } from '../harness/report/baseline.ts';
import { emulatorVersion, MANAGED_EMULATORS } from '../harness/targets/managed/emulators.ts';
import { catalog } from '../services/index.ts';

const matrix = readFileSync(new URL('../docs/conformance-matrix.md', import.meta.url), 'utf8');
const header = matrix
  .split('\n')
  .find((line) => line.startsWith('| Operation | Rule |'))!
  .split('|')
  .slice(3, -1)
  .map((c) => c.trim());
const rows = new Map(
  matrix
    .split('\n')
    .filter((line) => /^\| [^|]+ \| `[A-Z]/.test(line))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return [cells[1].replace(/`/g, ''), cells.slice(2).map((c) => c.replace(/^\[([^\]]+)\].*$/, '$1'))] as const;
    }),
);

describe('docs/conformance-matrix.md', () => {
  it('has a row for every rule and a column per target, third parties at their pinned versions', () => {
    expect([...rows.keys()].sort()).toEqual(catalog.map((r) => r.id).sort());
    expect(header).toEqual(['reference', ...MANAGED_EMULATORS.map((name) => `${name} ${emulatorVersion(name)}`)]);
  });

  it('has a column only for emulators whose baselines npm test checks (test/third-party/)', () => {
    const checked = readdirSync(new URL('./third-party/', import.meta.url)).map((file) => file.replace(/\.test\.ts$/, ''));
    expect(checked.sort()).toEqual([...MANAGED_EMULATORS].sort());
    for (const name of MANAGED_EMULATORS) expect(existsSync(new URL(`../baselines/${name}.json`, import.meta.url)), name).toBe(true);
  });

  it('shows the reference emulator passing every rule', () => {
    expect([...rows].filter(([, cells]) => cells[0] !== 'pass').map(([id]) => id)).toEqual([]);
  });

  MANAGED_EMULATORS.forEach((name, i) => {
    it(`shows exactly the divergences of baselines/${name}.json`, () => {
      const baseline = Baseline.parse(JSON.parse(readFileSync(new URL(`../baselines/${name}.json`, import.meta.url), 'utf8')));
      const divergent = [...rows].filter(([, cells]) => DIVERGENT.some((status) => status === cells[i + 1]));
      expect(Object.fromEntries(divergent.map(([id, cells]) => [id, cells[i + 1]]))).toEqual(
        Object.fromEntries(Object.entries(baseline.divergences).map(([id, d]) => [id, d.status])),
      );
    });
  });
});

/** Emulators whose findings pages must exist: every divergence in their baselines has been reviewed. */
const REVIEWED = ['moto', 'localstack'] as const;

describe.each(REVIEWED)('docs/findings/%s.md', (name) => {
  const baseline = Baseline.parse(JSON.parse(readFileSync(new URL(`../baselines/${name}.json`, import.meta.url), 'utf8')));
  const page = new URL(`../docs/findings/${name}.md`, import.meta.url);

  it("has a person's reading of every divergence in the baseline", () => {
    expect(
      Object.entries(baseline.divergences)
        .filter(([, d]) => !d.review)
        .map(([id]) => id),
    ).toEqual([]);
  });

  it("lists exactly the baseline's divergences, each with its reading, at the pinned version", () => {
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${name} ${emulatorVersion(name)}: findings`);
    const listed = [...text.matchAll(/^- `([A-Z][A-Z0-9_.]+)` \(/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(baseline.divergences).sort());
    expect(text).not.toContain('not reviewed yet');
    for (const [id, divergence] of Object.entries(baseline.divergences)) expect(text, id).toContain(divergence.review!.emulator);
  });
});
