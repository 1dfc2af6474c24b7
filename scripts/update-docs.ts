// `npm run docs`: regenerates docs/rules.md and docs/faults.md from spec/ and the emulator's fault
// catalog (harness/docs/). test/readme.test.ts fails when a committed one is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED_DOCS } from '../harness/docs/generated.ts';

for (const doc of GENERATED_DOCS) {
  const path = new URL(`../${doc.path}`, import.meta.url);
  let before: string | undefined;
  try {
    before = readFileSync(path, 'utf8');
  } catch {
    before = undefined;
  }
  const after = doc.render();
  if (before !== after) writeFileSync(path, after);
  console.log(before === after ? `${doc.path} is current` : `${doc.path} ${before === undefined ? 'written' : 'updated'}`);
}
