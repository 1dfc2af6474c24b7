// The documented enums against the installed SDK clients. A difference that is not explained in
// KNOWN_DRIFT fails here, so it is read by a person before it is accepted.
import { describe, expect, it } from 'vitest';
import { sesEnumPairs } from './ses/sdk-enums.ts';
import { enumDrift, hasDrift, type Drift } from './shared/enum-drift.ts';

/** Differences a person has read, with why they are acceptable. */
const KNOWN_DRIFT: Record<string, { added?: string[]; removed?: string[]; why: string }> = {};

const pairs = [...sesEnumPairs];

describe('enum drift between the documents and the installed SDK', () => {
  for (const pair of pairs) {
    it(`${pair.name} matches, or its drift is explained`, () => {
      const drift: Drift = enumDrift(pair);
      if (hasDrift(drift)) console.warn(`enum drift ${drift.name}: added ${drift.added.join(', ') || '-'}; removed ${drift.removed.join(', ') || '-'}`);
      const known = KNOWN_DRIFT[pair.name];
      expect({ added: drift.added, removed: drift.removed }).toEqual({ added: known?.added ?? [], removed: known?.removed ?? [] });
    });
  }

  it('finds drift when there is some', () => {
    expect(enumDrift({ name: 't', documented: ['A', 'B'], sdk: { B: 'B', C: 'C' } })).toEqual({ name: 't', added: ['C'], removed: ['A'] });
  });
});
