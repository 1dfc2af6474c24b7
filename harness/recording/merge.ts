// `--record`, in the CLI once the workers are done: joins each suite's part into one HAR 1.2 file,
// `<report-dir>/<run-id>/recording.har` (and `latest/recording.har`), suites in the order of
// --services, each one's entries in the order they happened. Its `_conformance` member holds the
// seed and the configuration that decide the requests, which a replay takes from there.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceConfig } from '../config.ts';
import { harnessPackage } from '../package-info.ts';
import { Recording, RECORDING_FILE, recordingOf, type RecordedConfig } from './har.ts';
import { partsDir, type RecordingPart } from './record.ts';

/** What of the configuration decides the requests a run sends. */
function recordedConfig(config: ConformanceConfig): RecordedConfig {
  return {
    target: config.target,
    services: config.services,
    runs: config.runs,
    seed: config.seed,
    region: config.region,
    timeoutMs: config.timeoutMs,
    property: config.property,
    path: config.path,
    probeThrottling: config.aws.probeThrottling,
    dryRun: config.aws.dryRun,
  };
}

function reportRunId(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const report: { runId?: string } = JSON.parse(readFileSync(file, 'utf8'));
  return report.runId;
}

/** Writes the run's recording; returns its path and the suites that left none (their worker failed before closing its target). */
export function writeRecording(config: ConformanceConfig): { file: string; missing: string[] } {
  const runDir = join(config.reportDir, config.runId);
  const dir = partsDir(config);
  const parts = new Map<string, RecordingPart>();
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const part: RecordingPart = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      parts.set(part.suite.suite, part);
    }
  }
  const ordered = config.services.flatMap((service) => parts.get(service) ?? []);
  const recording = Recording.parse(
    recordingOf(
      harnessPackage(),
      { config: recordedConfig(config), suites: ordered.map((p) => p.suite) },
      ordered.flatMap((p) => p.entries),
    ),
  );
  mkdirSync(runDir, { recursive: true });
  const file = join(runDir, RECORDING_FILE);
  const text = `${JSON.stringify(recording, null, 1)}\n`;
  writeFileSync(file, text);
  rmSync(dir, { recursive: true, force: true });
  // The report was mirrored to latest/ before the recording was joined: mirror the recording too.
  const latest = join(config.reportDir, 'latest');
  if (reportRunId(join(latest, 'conformance.json')) === config.runId) {
    rmSync(join(latest, '.recording-parts'), { recursive: true, force: true });
    writeFileSync(join(latest, RECORDING_FILE), text);
  }
  return { file, missing: config.services.filter((s) => !parts.has(s)) };
}
