// How a person replays out-of-band steps: against an emulator with the reference control
// routes, as curl calls; against a target without them, as a note of what was done.
import type { DnsRecord, ReplayLines, TokenRequest } from './target.ts';

export function controlRouteReplay(baseUrl: string): ReplayLines {
  const post = (path: string, body: unknown) => `curl -s -X POST ${baseUrl}/_emulator/${path} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
  return {
    advanceClock: (ms) => post('clock/advance', { ms }),
    followLink: (link) => `curl -s '${link}'`,
    publishDns: (record: DnsRecord) => post('dns', record),
    readInbox: (to) => `curl -s '${baseUrl}/_emulator/inbox?to=${encodeURIComponent(to)}'`,
    mintToken: (request: TokenRequest) => post('tokens', request),
  };
}

export const manualReplay: ReplayLines = {
  advanceClock: (ms) => `# wait ${ms} ms`,
  followLink: (link) => `# open ${link}`,
  publishDns: (record) => `# publish DNS ${record.type} ${record.name} "${record.value}"`,
  readInbox: (to) => `# read the newest message to ${to}`,
  mintToken: (request) => `# obtain an access token for ${request.username} with scopes ${request.scopes?.join(' ') ?? '(default)'}`,
};
