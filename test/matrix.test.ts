// docs/conformance-matrix.md is generated (`npm run matrix`) and must stay current: every rule has
// a row; the reference column passes; each third-party column shows exactly the divergences of
// that emulator's checked-in baseline, at the version pinned in package.json.
import { readFileSync } from 'node:fs';
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
