#!/usr/bin/env node
// Starts the reference emulator as an HTTP server: `npm run emulator -- --port 4566`.
// Exit codes: 0 after SIGINT/SIGTERM, 2 for a bad flag or a port that cannot be bound.
import { register } from 'tsx/esm/api';

const USAGE = 'usage: emulator [--port N (default 4566)] [--host H (default 127.0.0.1)] [--fault ID ...]';

function fail(message) {
  process.stderr.write(`emulator: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { port: 4566, host: '127.0.0.1', faults: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') fail(`${flag} needs a value; ${USAGE}`);
      return v;
    };
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (flag === '--port') {
      const text = value();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) fail(`--port must be an integer from 0 to 65535, got '${text}'`);
      options.port = port;
    } else if (flag === '--host') {
      options.host = value();
    } else if (flag === '--fault') {
      options.faults.push(value());
    } else {
      fail(`unknown argument '${arg}'; ${USAGE}`);
    }
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
register();
const { startServer } = await import('../emulator/server.ts');

let server;
try {
  server = await startServer(options);
} catch (error) {
  if (error?.code === 'EADDRINUSE') fail(`port ${options.port} is already in use on ${options.host}`);
  if (error?.code === 'EADDRNOTAVAIL' || error?.code === 'ENOTFOUND') fail(`cannot listen on host ${options.host}`);
  if (error?.code === 'EACCES') fail(`not allowed to listen on ${options.host}:${options.port}`);
  if (error?.name === 'UnknownFaultError') fail(`${error.message}`);
  fail(`cannot start: ${error?.message ?? String(error)}`);
}
process.stdout.write(`reference emulator listening on ${server.url}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(0),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
