// The docs `npm run docs` writes, each rendered from the code it describes; test/readme.test.ts
// fails when a committed one differs from what this renders.
import { faultsDoc, FAULTS_DOC } from './faults-doc.ts';
import { rulesDoc, RULES_DOC } from './rules-doc.ts';

export interface GeneratedDoc {
  /** Relative to the repository root. */
  path: string;
  render(): string;
}

export const GENERATED_DOCS: readonly GeneratedDoc[] = [
  { path: RULES_DOC, render: rulesDoc },
  { path: FAULTS_DOC, render: faultsDoc },
];
