// An exported value nothing imports is dead code or a name that should be local: either way a
// reader is misled about what the module offers. The emulator's public face is exempt.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unusedExports } from './support/unused-exports.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Entry points whose exports are for users outside this repository. */
const PUBLIC = ['emulator/index.ts', 'emulator/types.ts'];

describe('exports', () => {
  it('are each imported somewhere (tests count)', () => {
    expect(unusedExports(root, PUBLIC)).toEqual([]);
  });
});
