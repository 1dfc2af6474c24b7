// The harness's own name and version (its package.json), for what a run writes: a recording's
// creator, the version AWS's departures were recorded with.
import { readFileSync } from 'node:fs';

export function harnessPackage(): { name: string; version: string } {
  const pkg: { name?: unknown; version?: unknown } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return { name: String(pkg.name ?? 'aws-verification-conformance'), version: String(pkg.version ?? 'unknown') };
}
