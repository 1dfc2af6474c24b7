// The catalog against the documents: every quote stands in its source, and dependencies name rules
// of the same service without cycles (ids and prefixes: services/manifest.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isObject, memberOf } from '../models/shared/record.ts';
import { catalog } from '../services/index.ts';
import type { Rule } from './rule.ts';

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
  it.runIf(haveShared || process.env.CI)('quotes only words that stand in the source documents', () => {
    for (const rule of catalog) {
      const [file, pointer] = rule.source.split('#');
      const text = readFileSync(shared + file, 'utf8');
      if (pointer === undefined) {
        expect(normalize(text), `${rule.id} quote not found in ${file}`).toContain(normalize(rule.quote));
      } else {
        const node = resolvePointer(JSON.parse(text), pointer);
        expect(node, `${rule.id}: ${rule.source} resolves to nothing`).toBeDefined();
        expect(contains(node, JSON.parse(rule.quote)), `${rule.id}: ${rule.source} does not contain ${rule.quote}`).toBe(true);
      }
    }
  });
});
