// The reference emulator run as a server (`npm run emulator`): its control routes give the
// harness a clock, an inbox and DNS over HTTP.
import { controlRouteReplay } from '../replay-lines.ts';
import type { InboxMessage } from '../target.ts';
import type { AdapterFactory } from './adapter.ts';

export const referenceHttpAdapter: AdapterFactory = async (baseUrl, { timeoutMs }) => {
  const route = (path: string) => `${baseUrl.replace(/\/$/, '')}/_emulator/${path}`;
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(route(path), { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`${init?.method ?? 'GET'} /_emulator/${path} answered HTTP ${response.status}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const post = (path: string, body: unknown) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  // The emulator's clock is real time plus an offset; only this adapter moves it, so it can be
  // tracked here without asking the server around every call.
  const { now: serverNow } = (await call('clock')) as { now: number };
  let offset = serverNow - Date.now();

  return {
    name: 'reference',
    capabilities: ['clock', 'inbox', 'dns', 'throttle-probe', 'token-minting'],
    now: () => Date.now() + offset,
    oob: {
      advanceClock: async (ms) => {
        await post('clock/advance', { ms });
        offset += ms;
      },
      latestMessage: async (to) => ((await call(`inbox?to=${encodeURIComponent(to)}`)).messages as InboxMessage[]).at(-1),
      followLink: async (link) => (await fetch(link, { signal: AbortSignal.timeout(timeoutMs) })).status,
      publishDns: async (record) => { await post('dns', record); },
      mintToken: async (request) => ((await post('tokens', request)) as { accessToken: string }).accessToken,
      replay: controlRouteReplay(baseUrl),
    },
    reset: async () => { await post('reset', {}); },
  };
};
