// The emulator as a standalone HTTP server (one port for every service, LocalStack style), so
// any SDK, the AWS CLI or the harness's `endpoint` target can use it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { buffer } from 'node:stream/consumers';
import { createEmulator } from './index.ts';
import type { Emulator } from './types.ts';

interface ServerOptions {
  port?: number;
  host?: string;
  /** Fault ids switched on from the start. */
  faults?: string[];
}

export interface RunningServer {
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  // The emulator needs the server's URL for its links, known only once the port is bound;
  // requests arriving before that wait for it.
  let emulatorReady!: (emulator: Emulator) => void;
  const ready = new Promise<Emulator>((resolve) => (emulatorReady = resolve));
  const server = createServer((req, res) => {
    void ready.then((emulator) => serve(emulator, req, res, baseUrl));
  });
  let baseUrl = '';

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // listen(port, host) binds a TCP port: the address is never a pipe name (a string) or null.
  const address = server.address();
  if (address === null || typeof address === 'string') {
    server.close();
    throw new Error(`the server is not listening on a TCP port (${String(address)})`);
  }
  const { port } = address;
  baseUrl = `http://${urlHost(host)}:${port}`;
  let emulator: Emulator;
  try {
    emulator = createEmulator({ publicUrl: baseUrl, faults: options.faults });
  } catch (error) {
    server.close();
    throw error;
  }
  emulatorReady(emulator);

  return {
    url: baseUrl,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
      }),
  };
}

/** A host as it goes in a URL: wildcard addresses become one a client can reach. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

async function serve(emulator: Emulator, req: IncomingMessage, res: ServerResponse, baseUrl: string): Promise<void> {
  try {
    const body = await buffer(req);
    const method = req.method ?? 'GET';
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    // The real request URL: the Host the client used, so the emulator sees what AWS would.
    const origin = req.headers.host ? `http://${req.headers.host}` : baseUrl;
    let url: string;
    try {
      url = new URL(req.url ?? '/', origin).href;
    } catch {
      url = new URL(req.url ?? '/', baseUrl).href;
    }
    const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
    const response = await emulator.fetch(new Request(url, { method, headers, body: hasBody ? body : undefined }));
    const payload = Buffer.from(await response.arrayBuffer());
    const outHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      outHeaders[name] = value;
    });
    res.writeHead(response.status, { ...outHeaders, 'content-length': String(payload.length) });
    res.end(method === 'HEAD' ? undefined : payload);
  } catch (error) {
    // Reached only when the HTTP exchange itself breaks (a bad header, an aborted upload).
    if (!res.headersSent) res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'BadRequest', message: String(error) }));
  }
}
