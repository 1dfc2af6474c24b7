// Starts a third-party emulator from the project's own dependencies as a child process on a free
// loopback port, with a fresh working directory, and stops it again: on close, on the harness's
// exit, and on SIGINT/SIGTERM, so no run leaves a process or a directory behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ManagedProcessSpec {
  name: string;
  /** The program to run (this Node, or an emulator's Python) and its arguments for a port. */
  command: string;
  args: (port: number) => string[];
  env?: (port: number, workDir: string) => NodeJS.ProcessEnv;
  /** True once the emulator answers; polled until it does or the start-up time runs out. */
  ready(url: string): Promise<boolean>;
  startupMs?: number;
}

/** What the emulator prints goes here, in its working directory: an adapter may read what it said (moto names what it has not implemented only there). */
export const EMULATOR_LOG = 'emulator.log';

export interface ManagedProcess {
  url: string;
  workDir: string;
  stop(): Promise<void>;
}

const running = new Map<ChildProcess, string>();
let exitHookInstalled = false;

/** Synchronous, so it also works from the 'exit' event. */
function killAll(): void {
  for (const [child, workDir] of running) {
    child.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  }
  running.clear();
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** The TCP port a server listens on (node:net's and node:http's alike). */
export function listeningPort(server: { address(): AddressInfo | string | null }): number {
  // listen(port, host) binds a TCP port: the address is never a pipe name (a string), nor null once listening.
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`the server is not listening on a TCP port (${String(address)})`);
  return address.port;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = listeningPort(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The last line the emulator printed (before its working directory goes). */
function readLast(logFile: string): string {
  return existsSync(logFile) ? (readFileSync(logFile, 'utf8').trim().split('\n').at(-1) ?? '') : '';
}

export async function startManaged(spec: ManagedProcessSpec): Promise<ManagedProcess> {
  installExitHook();
  const port = await freePort();
  const workDir = mkdtempSync(join(tmpdir(), `conformance-${spec.name}-`));
  const url = `http://127.0.0.1:${port}`;
  // The emulator writes its output straight into the log file, not through this process, so an
  // adapter reading it waits only on the emulator, however busy this process is.
  const logFile = join(workDir, EMULATOR_LOG);
  const log = openSync(logFile, 'a');
  const child = spawn(spec.command, spec.args(port), {
    cwd: workDir,
    env: { ...process.env, ...spec.env?.(port, workDir) },
    stdio: ['ignore', log, log],
  });
  closeSync(log); // the child has its own copy
  running.set(child, workDir);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (running.delete(child) && child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(workDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (spec.startupMs ?? 15_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await spec.ready(url).catch(() => false)) return { url, workDir, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const last = readLast(logFile);
  await stop();
  throw new Error(`${spec.name} did not start on ${url}${child.exitCode !== null ? ` (exited with ${child.exitCode})` : ''}${last ? `: ${last}` : ''}`);
}
