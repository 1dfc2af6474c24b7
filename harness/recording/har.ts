// A run's recording as a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/): every
// HTTP exchange, redacted, and every out-of-band step as an entry with a `conformance-oob:` URL.
// What a replay needs besides (the seed, the configuration, each suite's target) lives in
// `_conformance` members, which HAR allows: custom fields begin with an underscore.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SERVICES } from '../../services/index.ts';
import type { Exchange } from '../transport/exchange.ts';

/** The file a recorded run writes beside its report. */
export const RECORDING_FILE = 'recording.har';
/** The URL scheme of an out-of-band step: `conformance-oob:advanceClock`. */
export const OOB_SCHEME = 'conformance-oob:';

const NameValue = z.looseObject({ name: z.string(), value: z.string() });
const Cookie = z.looseObject({ name: z.string(), value: z.string() });
const Timings = z.looseObject({ send: z.number(), wait: z.number(), receive: z.number() });

/** HAR 1.2's required members (and the optional ones the harness writes); other members pass. */
const HarEntry = z.looseObject({
  startedDateTime: z.iso.datetime({ offset: true }),
  time: z.number().min(0),
  request: z.looseObject({
    method: z.string().min(1),
    url: z.string().refine((url) => URL.canParse(url), 'must be an absolute URL'),
    httpVersion: z.string(),
    cookies: z.array(Cookie),
    headers: z.array(NameValue),
    queryString: z.array(NameValue),
    postData: z.looseObject({ mimeType: z.string(), text: z.string() }).optional(),
    headersSize: z.number().int(),
    bodySize: z.number().int(),
  }),
  response: z.looseObject({
    status: z.number().int().min(0),
    statusText: z.string(),
    httpVersion: z.string(),
    cookies: z.array(Cookie),
    headers: z.array(NameValue),
    content: z.looseObject({ size: z.number().int(), mimeType: z.string(), text: z.string().optional() }),
    redirectURL: z.string(),
    headersSize: z.number().int(),
    bodySize: z.number().int(),
  }),
  cache: z.looseObject({}),
  timings: Timings,
});

export const Har = z.looseObject({
  log: z.looseObject({
    version: z.literal('1.2'),
    creator: z.looseObject({ name: z.string().min(1), version: z.string().min(1) }),
    entries: z.array(HarEntry),
  }),
});

/** Per entry: which suite's target it belongs to, and that target's clock when it was answered. */
const EntryMeta = z.object({
  suite: z.enum(SERVICES),
  clock: z.number(),
  /** The call got no answer at all (HAR's status 0): what the transport said. */
  error: z.string().optional(),
});
type EntryMeta = z.infer<typeof EntryMeta>;

/** What a suite's target was: the replay takes it on. */
const RecordedTarget = z.object({
  kind: z.string(),
  label: z.string(),
  version: z.string().optional(),
  region: z.string(),
  account: z.string().optional(),
  phoneNumbers: z.array(z.string()).optional(),
  dryRun: z.boolean().optional(),
  capabilities: z.array(z.string()),
  cliArgs: z.string(),
});

/** One suite (one service's test file, one target): where its names and its clock started. */
export const RecordedSuite = z.object({
  suite: z.enum(SERVICES),
  target: RecordedTarget,
  /** The `avc-<tag>-` of the run's names (random per target), so that the replay names alike. */
  runTag: z.string().optional(),
  /** The domain its names live under (`example.com` on an emulator, the user's on AWS). */
  baseDomain: z.string().optional(),
  /** The URL each service's client was sent to, where the target named one (an endpoint); else the SDK's own. */
  endpoints: z.partialRecord(z.enum(SERVICES), z.string()).default({}),
  /** The out-of-band steps the target offered (`advanceClock`, `latestMessage`, ...). */
  steps: z.array(z.string()),
  /** The target's clock when it was opened. */
  startClock: z.number(),
});
export type RecordedSuite = z.infer<typeof RecordedSuite>;

/** The configuration that decides which requests a run sends: a replay takes it from here. */
export const RecordedConfig = z.object({
  target: z.string(),
  services: z.array(z.enum(SERVICES)).min(1),
  runs: z.number().int().min(1),
  seed: z.number().int(),
  region: z.string(),
  timeoutMs: z.number().int(),
  property: z.string().optional(),
  path: z.string().optional(),
  probeThrottling: z.boolean(),
  dryRun: z.boolean(),
});
export type RecordedConfig = z.infer<typeof RecordedConfig>;

const RunMeta = z.object({ config: RecordedConfig, suites: z.array(RecordedSuite) });
type RunMeta = z.infer<typeof RunMeta>;

/** A conformance recording: HAR 1.2, plus the run's configuration and each entry's suite. */
export const Recording = z.object({
  log: z.looseObject({
    version: z.literal('1.2'),
    creator: z.looseObject({ name: z.string(), version: z.string() }),
    entries: z.array(HarEntry.extend({ _conformance: EntryMeta })),
    _conformance: RunMeta,
  }),
});
export type Recording = z.infer<typeof Recording>;
export type RecordedEntry = Recording['log']['entries'][number];

/** A recording file, validated; its one-line complaint otherwise. */
export function readRecording(file: string): Recording {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the recording ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`the recording ${file} is not JSON`);
  }
  const parsed = Recording.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`the recording ${file} is not a conformance recording (HAR 1.2 with _conformance): ${issue.path.join('.') || 'log'}: ${issue.message}`);
  }
  return parsed.data;
}

const headerList = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => ({ name, value }));
const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');
/** A header by its lower-case name, however the exchange spelled it. */
export const headerOf = (headers: Record<string, string>, name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

function queryOf(url: string) {
  return URL.canParse(url) ? [...new URL(url).searchParams].map(([name, value]) => ({ name, value })) : [];
}

/** One exchange (already redacted by the recorder) as a HAR entry. */
export function exchangeEntry(exchange: Exchange, meta: EntryMeta): RecordedEntry {
  const { request, response } = exchange;
  const started = new Date(Date.parse(exchange.at) - Math.round(exchange.durationMs)).toISOString();
  const requestType = headerOf(request.headers, 'content-type') ?? 'application/octet-stream';
  const responseType = response ? (headerOf(response.headers, 'content-type') ?? '') : '';
  const wait = Math.max(0, Math.round(exchange.durationMs));
  return {
    startedDateTime: started,
    time: wait,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(request.headers),
      queryString: queryOf(request.url),
      ...(request.body ? { postData: { mimeType: requestType, text: request.body } } : {}),
      headersSize: -1,
      bodySize: byteLength(request.body),
    },
    response: {
      status: response?.status ?? 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: response ? headerList(response.headers) : [],
      content: { size: response ? byteLength(response.body) : 0, mimeType: responseType, text: response?.body ?? '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: response ? byteLength(response.body) : 0,
    },
    cache: {},
    timings: { send: 0, wait, receive: 0 },
    _conformance: exchange.error ? { ...meta, error: exchange.error } : meta,
  };
}

/** An out-of-band step (`advanceClock(3600000)`, an inbox read) as an entry: its arguments posted as JSON, its result answered as JSON. */
export function oobEntry(
  step: string,
  args: unknown[],
  outcome: { result: unknown } | { error: string },
  at: Date,
  durationMs: number,
  meta: EntryMeta,
): RecordedEntry {
  const requestText = JSON.stringify(args);
  const responseText = JSON.stringify(outcome);
  const wait = Math.max(0, Math.round(durationMs));
  return {
    startedDateTime: at.toISOString(),
    time: wait,
    request: {
      method: 'POST',
      url: `${OOB_SCHEME}${step}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [{ name: 'content-type', value: 'application/json' }],
      queryString: [],
      postData: { mimeType: 'application/json', text: requestText },
      headersSize: -1,
      bodySize: byteLength(requestText),
    },
    response: {
      status: 'error' in outcome ? 500 : 200,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: byteLength(responseText), mimeType: 'application/json', text: responseText },
      redirectURL: '',
      headersSize: -1,
      bodySize: byteLength(responseText),
    },
    cache: {},
    timings: { send: 0, wait, receive: 0 },
    _conformance: meta,
  };
}

/** The whole file: entries in the order of `meta.config.services`, each suite's in the order it sent them. */
export function recordingOf(creator: { name: string; version: string }, meta: RunMeta, entries: RecordedEntry[]): Recording {
  return {
    log: {
      version: '1.2',
      creator,
      comment: `conformance run: seed ${meta.config.seed}, ${meta.config.runs} runs, ${meta.config.services.join(',')} against ${meta.config.target}`,
      entries,
      _conformance: meta,
    },
  };
}
