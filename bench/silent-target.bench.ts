// `npm run bench:silent` (and the second half of `npm run bench`): how long the `conformance`
// command takes to give up on a target that answers its reachability probe and then never answers
// an API call. The tests prove it gives up in substance (one unanswered call per service, every
// later call not sent); this measures what that costs in wall-clock time, which depends on the
// machine and belongs here, not in a test.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listeningPort } from '../harness/targets/managed/process.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 500);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The CLI's start-up alone (`--help`): what any run costs before it sends a call. */
const HELP = ['--help'];
const RUN = (url: string, dir: string) => [
  'run',
  '--target',
  'endpoint',
  '--endpoint',
  url,
  '--timeout-ms',
  String(TIMEOUT_MS),
  '--runs',
  '3',
  '--report-dir',
  dir,
];

let apiCalls = 0;
const server = createServer((req, res) => {
  // Answers the reachability probe, then never answers an API call.
  if (req.method === 'GET') res.end('ok');
  else apiCalls += 1;
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${listeningPort(server)}`;

function timeCli(args: string[]): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/conformance.mjs', ...args], { cwd: ROOT, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code }));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const startup: number[] = [];
const giveUp: number[] = [];
const calls: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  startup.push((await timeCli(HELP)).ms);
  const dir = mkdtempSync(join(tmpdir(), 'bench-silent-'));
  apiCalls = 0;
  const run = await timeCli(RUN(url, dir));
  rmSync(dir, { recursive: true, force: true });
  if (run.code !== 2) throw new Error(`conformance run against a silent target exited ${run.code}, not 2`);
  giveUp.push(run.ms);
  calls.push(apiCalls);
}
server.closeAllConnections();
server.close();

console.log(
  `conformance run against a target that never answers (--timeout-ms ${TIMEOUT_MS}, --runs 3, every service), ${ROUNDS} rounds, median (node ${process.version})`,
);
console.log(`${'CLI start-up (--help)'.padEnd(36)} ${(median(startup) / 1000).toFixed(2)} s`);
console.log(`${'time to give up (exit 2)'.padEnd(36)} ${(median(giveUp) / 1000).toFixed(2)} s   (${giveUp.map((ms) => (ms / 1000).toFixed(2)).join(', ')})`);
console.log(`${'API calls the target received'.padEnd(36)} ${median(calls)}`);
