// The reference emulator run as a server (`npm run emulator`): its control routes give the
// harness a clock, an inbox and DNS over HTTP.
import { z } from 'zod';
import { controlRouteReplay } from '../replay-lines.ts';
import type { AdapterFactory } from './adapter.ts';

// What the control routes answer (emulator/control/routes.ts), as far as the adapter reads it.
const Clock = z.object({ now: z.number() });
/** The emulator's messages carry more (id, service, region): kept as they came. */
const Inbox = z.object({
  messages: z.array(
    z.looseObject({ to: z.string(), subject: z.string(), body: z.string(), link: z.string().optional(), code: z.string().optional(), sentAt: z.string() }),
  ),
});
const MintedToken = z.object({ accessToken: z.string() });
/** An answer only read to see that it is JSON. */
const Acknowledged = z.unknown();

export const referenceHttpAdapter: AdapterFactory = async (baseUrl, { timeoutMs }) => {
  const route = (path: string) => `${baseUrl.replace(/\/$/, '')}/_emulator/${path}`;
  const call = async <T>(path: string, answer: z.ZodType<T>, init?: RequestInit): Promise<T> => {
    const response = await fetch(route(path), { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`${init?.method ?? 'GET'} /_emulator/${path} answered HTTP ${response.status}`);
    return answer.parse(await response.json());
  };
  const post = <T>(path: string, body: unknown, answer: z.ZodType<T>) =>
    call(path, answer, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  // The emulator's clock is real time plus an offset; only this adapter moves it, so it can be
  // tracked here without asking the server around every call.
  const { now: serverNow } = await call('clock', Clock);
  let offset = serverNow - Date.now();

  return {
    name: 'reference',
    capabilities: ['clock', 'inbox', 'dns', 'throttle-probe', 'token-minting'],
    now: () => Date.now() + offset,
    oob: {
      advanceClock: async (ms) => {
        await post('clock/advance', { ms }, Acknowledged);
        offset += ms;
      },
      latestMessage: async (to) => (await call(`inbox?to=${encodeURIComponent(to)}`, Inbox)).messages.at(-1),
      followLink: async (link) => (await fetch(link, { signal: AbortSignal.timeout(timeoutMs) })).status,
      publishDns: async (record) => {
        await post('dns', record, Acknowledged);
      },
      mintToken: async (request) => (await post('tokens', request, MintedToken)).accessToken,
      replay: controlRouteReplay(baseUrl),
    },
    reset: async () => {
      await post('reset', {}, Acknowledged);
    },
  };
};
