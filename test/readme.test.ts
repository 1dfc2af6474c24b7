// The README's commands are the project's contract, and its rule list is generated from spec/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedReadme } from '../harness/docs/readme-sections.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('README', () => {
  it('lists the rules and faults as spec/ and the emulator have them (run `npm run docs`)', () => {
    expect(readme).toBe(generatedReadme(readme));
  });

  it('shows the two set-up commands first, and CI runs exactly its test command', () => {
    const firstBlock = readme.slice(readme.indexOf('```'), readme.indexOf('```', readme.indexOf('```') + 3));
    expect(firstBlock).toContain('npm install && npm run conformance');
    expect(firstBlock).toContain('npm test');
    const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it('documents every script it names', () => {
    for (const [, script] of readme.matchAll(/npm run ([a-z:-]+)/g)) expect(pkg.scripts, script).toHaveProperty(script);
  });
});
