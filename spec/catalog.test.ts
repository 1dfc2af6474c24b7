// The catalog against the documents: every quote stands in its source and says what the rule checks
// (a document's sentence, not its request syntax or error list; an API-model element; or a rule
// labelled an assumption, with its reason), and dependencies name rules of the same service without
// cycles (ids and prefixes: services/manifest.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isObject, memberOf } from '../models/shared/record.ts';
import { catalog } from '../services/index.ts';
import { basisOf, type Rule } from './rule.ts';

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const haveShared = existsSync(shared);
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

function resolvePointer(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, key) => memberOf(node, key), doc);
}

/** `quote` (JSON) is contained in `actual`: every key it names has the same value there. */
function contains(actual: unknown, quote: unknown): boolean {
  if (quote === null || typeof quote !== 'object') return actual === quote;
  if (Array.isArray(quote)) return Array.isArray(actual) && quote.length === actual.length && quote.every((q, i) => contains(actual[i], q));
  if (!isObject(actual)) return false;
  return Object.entries(quote).every(([k, v]) => contains(actual[k], v));
}

/**
 * Why a document quote is not a sentence that states a behaviour: it is request or response syntax, a
 * parameter's `[REQUIRED]` marker, an error list, or a heading. Undefined for a sentence.
 */
function notASentence(quote: string): string | undefined {
  const q = normalize(quote);
  if (/\[REQUIRED\]/.test(q)) return "a parameter entry with its [REQUIRED] marker (cite the API model's `required`)";
  if (/Client\.exceptions\./.test(q) || /^Exceptions\b/.test(q)) return "an error list (cite the API model's `errors`)";
  if (/'[^']*'\s*\|\s*'|'string'|\w+=\s*[[{']|\(\*\*kwargs\)|^[{[]/.test(q)) return "request or response syntax (cite the API model's shape or enum)";
  if (!/^[A-Z“"(]/.test(q) || !/[.!?:][”")]?$/.test(q)) return 'not a whole sentence';
  if (q.split(' ').length < 5) return 'a heading, not a sentence';
  return undefined;
}

/** What is wrong with a rule's basis, read against the files under ../shared/ (`read` gives one by path). */
function problemsOf(rule: Rule, read: (file: string) => string): string[] {
  const problems: string[] = [];
  if (rule.assumption && rule.assumption.reason.trim().split(/\s+/).length < 8) problems.push(`${rule.id}: an assumption must give its reason`);
  const [file, pointer] = rule.source.split('#');
  if (!/^aws-(docs|models)\//.test(file!)) return [...problems, `${rule.id}: ${rule.source} is neither aws-docs/ nor aws-models/`];
  const text = read(file!);
  if (pointer === undefined) {
    if (basisOf(rule) === 'api-model') problems.push(`${rule.id}: an API-model source needs a #/json/pointer`);
    if (!normalize(text).includes(normalize(rule.quote))) problems.push(`${rule.id}: quote not found in ${file}`);
    const why = notASentence(rule.quote);
    if (why) problems.push(`${rule.id}: the quote is ${why}: “${rule.quote}”`);
    return problems;
  }
  const node = resolvePointer(JSON.parse(text), pointer);
  if (node === undefined) return [...problems, `${rule.id}: ${rule.source} resolves to nothing`];
  let quoted: unknown;
  try {
    quoted = JSON.parse(rule.quote);
  } catch {
    return [...problems, `${rule.id}: an API-model quote must be JSON: ${rule.quote}`];
  }
  if (!contains(node, quoted)) problems.push(`${rule.id}: ${rule.source} does not contain ${rule.quote}`);
  return problems;
}

describe('rule catalog', () => {
  it('declares dependencies on existing rules of the same service, without cycles', () => {
    const byId = new Map<string, Rule>(catalog.map((r) => [r.id, r]));
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      (byId.get(from)?.dependsOn ?? []).some((dep) => {
        if (dep === to) return true;
        if (seen.has(dep)) return false;
        seen.add(dep);
        return reaches(dep, to, seen);
      });
    for (const rule of catalog) {
      for (const dep of rule.dependsOn ?? []) expect(byId.get(dep)?.service, `${rule.id} depends on ${dep}`).toBe(rule.service);
      expect(reaches(rule.id, rule.id), `${rule.id} depends on itself`).toBe(false);
    }
  });

  // In CI the shared documents sit beside the clone; a user's bare checkout may not have them.
  it.runIf(haveShared || process.env.CI)('quotes, for every rule, words of its source that state what it checks', () => {
    const read = (file: string) => readFileSync(shared + file, 'utf8');
    expect(catalog.flatMap((rule) => problemsOf(rule, read))).toEqual([]);
  });

  describe('refuses a rule', () => {
    const doc = 'aws-docs/example.txt';
    const files: Record<string, string> = {
      [doc]: [
        'Request Syntax',
        "response = client.example(\n    Identities=[\n        'string',\n    ]\n)",
        '[REQUIRED]',
        'A list of identities.',
        'This operation can only get verification attributes for up to 100 identities at a time.',
        'Exceptions',
        '  • Example.Client.exceptions.BadRequestException',
      ].join('\n'),
      'aws-models/example.json': JSON.stringify({ shapes: { Request: { type: 'structure', required: ['Identities'] } } }),
    };
    const read = (file: string) => files[file] ?? '';
    const rule = (fields: Partial<Rule>): Rule => ({
      id: 'EXAMPLE.RULE',
      service: 'ses',
      operation: 'Example',
      kind: 'shape',
      statement: 'A request without Identities is rejected.',
      quote: 'This operation can only get verification attributes for up to 100 identities at a time.',
      source: doc,
      ...fields,
    });

    it('accepts a sentence of its document, an element of its API model, and an assumption with its reason', () => {
      expect(problemsOf(rule({}), read)).toEqual([]);
      expect(problemsOf(rule({ quote: '{"required": ["Identities"]}', source: 'aws-models/example.json#/shapes/Request' }), read)).toEqual([]);
      expect(problemsOf(rule({ assumption: { reason: 'No source says so, but AWS answers this way, as its API Reference shows.' } }), read)).toEqual([]);
    });

    it('whose document quote is not in the document', () => {
      expect(problemsOf(rule({ quote: 'This operation accepts up to 1000 identities at a time.' }), read)).toEqual([
        'EXAMPLE.RULE: quote not found in aws-docs/example.txt',
      ]);
    });

    it('whose document quote is request syntax, a [REQUIRED] marker, an error list or a heading', () => {
      for (const quote of [
        "Identities=[ 'string', ] ) [REQUIRED] A list of identities.",
        "Identities=[ 'string', ]",
        'Exceptions • Example.Client.exceptions.BadRequestException',
        'Request Syntax',
      ]) {
        const problems = problemsOf(rule({ quote }), read);
        expect(problems, quote).toHaveLength(1);
        expect(problems[0]).toMatch(/^EXAMPLE\.RULE: the quote is (a parameter entry|an error list|request or response syntax|not a whole sentence|a heading)/);
      }
    });

    it('whose API-model quote is not contained in the JSON at its pointer, or is no JSON', () => {
      const source = 'aws-models/example.json#/shapes/Request';
      expect(problemsOf(rule({ quote: '{"required": ["Identity"]}', source }), read)).toEqual([
        `EXAMPLE.RULE: ${source} does not contain {"required": ["Identity"]}`,
      ]);
      expect(problemsOf(rule({ quote: '{"required": ["Identities"]}', source: 'aws-models/example.json#/shapes/Missing' }), read)).toEqual([
        'EXAMPLE.RULE: aws-models/example.json#/shapes/Missing resolves to nothing',
      ]);
      expect(problemsOf(rule({ quote: 'Identities is required.', source }), read)).toEqual([
        'EXAMPLE.RULE: an API-model quote must be JSON: Identities is required.',
      ]);
    });

    it('labelled an assumption without a reason', () => {
      expect(problemsOf(rule({ assumption: { reason: '' } }), read)).toEqual(['EXAMPLE.RULE: an assumption must give its reason']);
      expect(problemsOf(rule({ assumption: { reason: 'Seems right.' } }), read)).toEqual(['EXAMPLE.RULE: an assumption must give its reason']);
    });
  });
});
