// The manifests against the folders they name: a service is its manifest's line plus its folders,
// and nothing else may be missing or left over, so a newcomer adding one learns of a gap here.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog, loadProperties, SERVICE_MANIFESTS, SERVICES } from './index.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const properties = await loadProperties();
const serviceFolders = (dir: string) =>
  readdirSync(`${root}${dir}`, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'shared')
    .map((e) => e.name);

describe('service manifests', () => {
  it('name each service once, with its own rule prefix', () => {
    expect(new Set(SERVICES).size).toBe(SERVICES.length);
    expect(new Set(SERVICE_MANIFESTS.map((m) => m.rulePrefix)).size).toBe(SERVICE_MANIFESTS.length);
  });

  it('hold only rules of their own service, under their prefix, with unique ids', () => {
    for (const manifest of SERVICE_MANIFESTS) {
      for (const rule of manifest.rules) {
        expect(rule.service, rule.id).toBe(manifest.name);
        expect(rule.id.startsWith(`${manifest.rulePrefix}.`), rule.id).toBe(true);
      }
    }
    expect(new Set(catalog.map((r) => r.id)).size).toBe(catalog.length);
  });

  it('judge documented errors by a rule of their own', () => {
    for (const manifest of SERVICE_MANIFESTS)
      expect(
        manifest.rules.map((r) => r.id),
        manifest.name,
      ).toContain(manifest.documentedErrors.rule);
  });

  it('load properties of their own service, each with a conformance test file', () => {
    for (const service of SERVICES) {
      expect(properties[service].length, service).toBeGreaterThan(0);
      expect(
        properties[service].filter((p) => p.service !== service).map((p) => p.name),
        service,
      ).toEqual([]);
      expect(existsSync(`${root}properties/${service}/conformance.property.test.ts`), service).toBe(true);
    }
  });

  it('match the folders of spec/, models/ and properties/ one to one', () => {
    const sorted = [...SERVICES].sort();
    expect(serviceFolders('models').sort()).toEqual(sorted);
    expect(serviceFolders('properties').sort()).toEqual(sorted);
    for (const service of SERVICES) expect(existsSync(`${root}spec/${service}.rules.ts`), service).toBe(true);
  });

  it('say for every service how the sweep finds what runs left, or why it cannot', () => {
    for (const manifest of SERVICE_MANIFESTS) {
      const sweep = manifest.sweep;
      if ('notSwept' in sweep) expect(sweep.notSwept.length, manifest.name).toBeGreaterThan(20);
      else expect(sweep.regions === 'run' || sweep.regions.length > 0, manifest.name).toBe(true);
    }
  });
});
