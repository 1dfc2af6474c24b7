// The layers, as imports: the reference emulator stands alone (it is written from the documents
// independently of the checks), the checks never lean on the emulator, and the documented facts
// and models depend on nothing that runs them.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, repositorySources } from './support/sources.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const sources = repositorySources(root).filter((s) => !s.rel.endsWith('.test.ts') && !s.rel.startsWith('test/'));

/** `file → module` for every import (types too, unless `typesAllowed`) of files under `dir` that `allowed` refuses. */
function offending(dir: string, allowed: (from: string) => boolean, typesAllowed = false): string[] {
  return sources
    .filter((s) => s.rel.startsWith(`${dir}/`))
    .flatMap((s) =>
      importsOf(s, root)
        .filter((i) => !(typesAllowed && i.typeOnly) && !allowed(i.from))
        .map((i) => `${s.rel} → ${i.from}`),
    );
}

const isPackage = (from: string) => !from.startsWith('.') && !/^(spec|models|services|properties|harness|emulator|test|bench|scripts)\//.test(from);
const under =
  (...dirs: string[]) =>
  (from: string) =>
    isPackage(from) || dirs.some((d) => from.startsWith(`${d}/`));

describe('layers', () => {
  it('the reference emulator imports nothing of the harness', () => {
    expect(offending('emulator', under('emulator'))).toEqual([]);
  });

  it('the documented rules and models import nothing that runs them (types of the service list aside)', () => {
    expect(offending('spec', under('spec'), true)).toEqual([]);
    expect(offending('models', under('models'), true)).toEqual([]);
  });

  it('the properties never lean on the reference emulator', () => {
    expect(offending('properties', (from) => !from.startsWith('emulator/'))).toEqual([]);
    expect(offending('models', (from) => !from.startsWith('emulator/'))).toEqual([]);
  });

  it('the harness reaches the reference emulator only through its public face', () => {
    expect(offending('harness', (from) => !from.startsWith('emulator/') || from === 'emulator/index.ts')).toEqual([]);
  });
});
