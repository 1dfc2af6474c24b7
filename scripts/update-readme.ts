// `npm run docs`: regenerates the rule and fault lists in README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedReadme } from '../harness/docs/readme-sections.ts';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = generatedReadme(before);
writeFileSync(path, after);
console.log(before === after ? 'README.md is current' : 'README.md updated');
