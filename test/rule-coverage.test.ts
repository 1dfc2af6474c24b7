// Both directions between spec/ and properties/: every rule is checked by some property, and
// every rule a property names (in its list or in its source) exists in the catalog.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, isRuleId, loadProperties, RULE_PREFIX } from '../services/index.ts';

const PROPERTIES = await loadProperties();

const allProperties = Object.values(PROPERTIES).flat();
const ids = new Set(catalog.map((r) => r.id));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('rules and properties', () => {
  it('every service with rules has properties, and the reverse', () => {
    const withRules = [...new Set(catalog.map((r) => r.service))].sort();
    expect(Object.keys(PROPERTIES).sort()).toEqual(withRules);
  });

  it('every rule is covered by at least one property', () => {
    const covered = new Set(allProperties.flatMap((p) => p.rules));
    expect(catalog.filter((r) => !covered.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('every rule a property declares exists', () => {
    expect(allProperties.flatMap((p) => p.rules).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every rule id written in properties/ exists', () => {
    const pattern = new RegExp(`'((?:${Object.values(RULE_PREFIX).join('|')})\\.[A-Z0-9_.]+)'`, 'g');
    const named = sources('properties').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => `${file}: ${m[1]}`));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((entry) => !isRuleId(entry.split(': ')[1]!))).toEqual([]);
  });
});
