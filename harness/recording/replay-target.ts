// `--target replay --recording FILE`: a target that answers from a recorded run. Each suite (one
// service's test file) is answered from its own entries: HTTP requests through msw handlers on the
// recorded URLs, out-of-band steps from their `conformance-oob:` entries. A request matches an
// entry by method, URL, X-Amz-Target and body (redacted as the recorder redacts it; signature,
// date and SDK headers are never compared), and matching requests are answered in the order they
// were recorded. The first request the recording does not hold stops the suite: the target answers
// nothing more, and the one line naming it and the nearest recorded request goes to
// `replay-mismatch-<suite>.txt` beside the report, from where the CLI exits 2 with it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { getResponse, HttpResponse, http, type RequestHandler } from 'msw';
import type { Capability } from '../../spec/rule.ts';
import type { ConformanceConfig } from '../config.ts';
import { withAwsGuards } from '../targets/aws.ts';
import { AWS_RETRY_POLICY } from '../targets/pacer.ts';
import { awsRateOf } from '../targets/rates.ts';
import { buildTarget, EMULATOR_CREDENTIALS } from '../targets/base.ts';
import { controlRouteReplay, manualReplay } from '../targets/replay-lines.ts';
import type { OutOfBand, Target } from '../targets/target.ts';
import { recordRequest } from '../transport/exchange.ts';
import type { FetchLike } from '../transport/fetch-handler.ts';
import { redactValue } from '../transport/redact.ts';
import { headerOf, OOB_SCHEME, readRecording, type RecordedEntry, type Recording } from './har.ts';
import { mismatchFile } from './mismatch.ts';
import { currentSuite } from './suite.ts';

/** Where the reference emulator's printed replays point (reference.ts). */
const REFERENCE_URL = 'http://127.0.0.1:4566';
/** Statuses whose answer has no body (a Response refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);
/** Headers that described the recorded bytes on the wire, not the decoded, redacted body the recording holds. */
const WIRE_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection']);

class ReplayMismatchError extends Error {
  override readonly name = 'ReplayMismatchError';
}

/** A request as the replay compares it. */
interface Comparable {
  method: string;
  url: string;
  operation: string;
  /** X-Amz-Target: the operation of an awsJson request, which its body does not name. */
  amzTarget: string;
  body: string;
  /** advanceClock's milliseconds, matched within CLOCK_TOLERANCE_MS rather than exactly. */
  ms?: number;
}

/**
 * How far a replayed advanceClock may be from the recorded one. A property that moves the clock to
 * a deadline (`72 h after creation`) computes the step from the clock, which in the recorded run
 * kept running between calls, and in the replay stands at each answer's recorded time.
 */
const CLOCK_TOLERANCE_MS = 5_000;

const keyOf = (c: Comparable) => `${c.method} ${c.url}\n${c.amzTarget}\n${c.ms === undefined ? c.body : ''}`;
const normalUrl = (url: string) => (URL.canParse(url) ? new URL(url).href : url);

function operationOf(url: string, amzTarget: string, body: string): string {
  if (url.startsWith(OOB_SCHEME)) return url.slice(OOB_SCHEME.length);
  if (amzTarget) return amzTarget.split('.').pop() ?? amzTarget;
  const action = /(?:^|&)Action=([^&]+)/.exec(body)?.[1];
  if (action) return action;
  return URL.canParse(url) ? new URL(url).pathname : url;
}

function comparable(method: string, url: string, headers: Record<string, string>, body: string): Comparable {
  const amzTarget = headerOf(headers, 'x-amz-target') ?? '';
  const operation = operationOf(url, amzTarget, body);
  const ms = url === `${OOB_SCHEME}advanceClock` ? (JSON.parse(body) as unknown[])[0] : undefined;
  return { method: method.toUpperCase(), url: normalUrl(url), operation, amzTarget, body, ms: typeof ms === 'number' ? ms : undefined };
}

function entryComparable(entry: RecordedEntry): Comparable {
  const headers = Object.fromEntries(entry.request.headers.map((h) => [h.name, h.value]));
  return comparable(entry.request.method, entry.request.url, headers, entry.request.postData?.text ?? '');
}

/** A request the SDK sends, redacted exactly as the recorder redacted the recorded ones. */
async function requestComparable(request: Request): Promise<Comparable> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const text = request.body ? await request.clone().text() : '';
  const recorded = recordRequest(request.method, request.url, headers, text);
  return comparable(recorded.method, recorded.url, headers, recorded.body);
}

/** `POST https://… VerifyEmailIdentity "…body…"`, the body shown from `from` (where it differs from the other request). */
function show(c: Comparable, from: number): string {
  const start = Math.max(0, from - 30);
  const excerpt = c.body.slice(start, start + 100).replace(/\s+/g, ' ');
  const body = c.body ? ` "${start > 0 ? '…' : ''}${excerpt}${start + 100 < c.body.length ? '…' : ''}"` : '';
  return `${c.method} ${c.url} ${c.operation}${body}`;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The entries of one suite, served in recorded order per request, with the suite's clock. */
class SuiteRecording {
  private readonly queues = new Map<string, number[]>();
  private readonly served: boolean[];
  private readonly compared: Comparable[];
  clock: number;
  stopped?: string;

  constructor(
    private readonly suite: string,
    private readonly entries: readonly RecordedEntry[],
    startClock: number,
    private readonly onStop: (line: string) => void,
  ) {
    this.clock = startClock;
    this.compared = entries.map(entryComparable);
    this.served = entries.map(() => false);
    this.compared.forEach((c, i) => {
      const key = keyOf(c);
      this.queues.set(key, [...(this.queues.get(key) ?? []), i]);
    });
  }

  /** The recorded URLs, without their query: one msw handler each. */
  urls(): string[] {
    return [
      ...new Set(this.compared.filter((c) => !c.url.startsWith(OOB_SCHEME) && URL.canParse(c.url)).map((c) => new URL(c.url).origin + new URL(c.url).pathname)),
    ];
  }

  /** The next recorded entry for this request, marked answered (its clock becomes the suite's), or undefined. */
  take(c: Comparable): RecordedEntry | undefined {
    const queue = this.queues.get(keyOf(c));
    const index = queue?.[0];
    if (index === undefined) return undefined;
    const recordedMs = this.compared[index].ms;
    if (c.ms !== undefined && recordedMs !== undefined && Math.abs(c.ms - recordedMs) > CLOCK_TOLERANCE_MS) return undefined;
    queue?.shift();
    this.served[index] = true;
    const entry = this.entries[index];
    this.clock = entry._conformance.clock;
    return entry;
  }

  /** Stops the suite at a request the recording does not hold; the error names it and the nearest recorded one. */
  mismatch(c: Comparable): ReplayMismatchError {
    const open = this.compared.map((r, i) => ({ r, i })).filter(({ i }) => !this.served[i]);
    const sameKind = open.filter(({ r }) => r.url.startsWith(OOB_SCHEME) === c.url.startsWith(OOB_SCHEME));
    const nearest =
      sameKind.find(({ r }) => r.method === c.method && r.url === c.url && r.operation === c.operation) ??
      sameKind.find(({ r }) => r.operation === c.operation) ??
      sameKind[0];
    const from = nearest ? firstDifference(c.body, nearest.r.body) : 0;
    const line = nearest
      ? `replay: ${this.suite} sent ${show(c, from)}, which the recording does not hold; nearest recorded: ${show(nearest.r, from)} (entry ${nearest.i + 1} of ${this.suite}'s ${this.entries.length})`
      : `replay: ${this.suite} sent ${show(c, 0)}, which the recording does not hold; nearest recorded: none (all ${this.entries.length} of ${this.suite}'s entries were answered)`;
    this.stop(line);
    return new ReplayMismatchError(line);
  }

  /** At the end of the suite: a recorded request the replay never sent is a divergence too. */
  finish(): void {
    const left = this.served.flatMap((served, i) => (served ? [] : [i]));
    if (left.length === 0 || this.stopped) return;
    const first = left[0];
    this.stop(
      `replay: ${this.suite}'s run ended with ${left.length} recorded request${left.length === 1 ? '' : 's'} never sent, the first: ${show(this.compared[first], 0)} (entry ${first + 1} of ${this.suite}'s ${this.entries.length})`,
    );
  }

  private stop(line: string): void {
    if (this.stopped) return;
    this.stopped = line;
    this.onStop(line);
  }
}

/** msw answers each request on a recorded URL from the suite's entries; one it cannot answer is the mismatch. */
function replayFetch(recording: SuiteRecording): FetchLike {
  const handlers: RequestHandler[] = recording.urls().map((url) =>
    http.all(new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), async ({ request }) => {
      const entry = recording.take(await requestComparable(request));
      if (!entry) return undefined; // not this handler's: msw tries the next, then gives up
      if (entry.response.status === 0) return HttpResponse.error();
      const headers = new Headers();
      for (const { name, value } of entry.response.headers) if (!WIRE_HEADERS.has(name.toLowerCase())) headers.append(name, value);
      const body = NO_BODY.has(entry.response.status) ? null : (entry.response.content.text ?? '');
      return new HttpResponse(body, { status: entry.response.status, statusText: entry.response.statusText, headers });
    }),
  );
  return async (request) => {
    if (recording.stopped) throw new ReplayMismatchError(recording.stopped);
    const response = await getResponse(handlers, request);
    if (!response) throw recording.mismatch(await requestComparable(request));
    // A recorded call that got no answer (HAR status 0) gets none again.
    if (response.type === 'error') throw new Error('no answer (as recorded)');
    return response;
  };
}

/** An out-of-band step answered from its recorded entry, with the result (or the error) it had. */
function replayStep(recording: SuiteRecording, name: string) {
  return async (...args: unknown[]): Promise<unknown> => {
    if (recording.stopped) throw new ReplayMismatchError(recording.stopped);
    const c = comparable('POST', `${OOB_SCHEME}${name}`, {}, JSON.stringify(redactValue(args)));
    const entry = recording.take(c);
    if (!entry) throw recording.mismatch(c);
    const outcome: { result?: unknown; error?: string } = JSON.parse(entry.response.content.text ?? '{}');
    if (outcome.error !== undefined) throw new Error(outcome.error);
    return outcome.result ?? undefined;
  };
}

/** The target a recorded suite had, answering from its recording. */
export function replayTarget(config: Pick<ConformanceConfig, 'recording' | 'reportDir' | 'runId' | 'timeoutMs'>): Target {
  if (!config.recording) throw new Error('--target replay needs --recording FILE');
  const recording: Recording = readRecording(config.recording);
  const suite = currentSuite();
  const meta = recording.log._conformance.suites.find((s) => s.suite === suite);
  if (!meta) throw new Error(`the recording ${config.recording} holds no run of ${suite}`);
  const recorded = meta.target;
  const state = new SuiteRecording(
    suite,
    recording.log.entries.filter((e) => e._conformance.suite === suite),
    meta.startClock,
    (line) => {
      target.unanswered = line;
      const file = mismatchFile(config, suite);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${line}\n`);
    },
  );
  const capabilities = recorded.capabilities as Capability[];
  const hasClock = capabilities.includes('clock');
  const reset = replayStep(state, 'reset');
  const sleep = async (ms: number) => {
    state.clock += ms;
  };
  const replayLines = recorded.kind === 'reference' ? controlRouteReplay(REFERENCE_URL) : manualReplay;
  const target = buildTarget({
    // A run against AWS paced and retried every call: its replay sends them, retries included, alike.
    ...(recorded.kind === 'aws' ? { rateOf: awsRateOf, retry: AWS_RETRY_POLICY } : {}),
    kind: 'replay',
    label: `${recorded.label} (replayed from ${basename(config.recording)})`,
    version: recorded.version,
    region: recorded.region,
    capabilities,
    fetch: replayFetch(state),
    credentials: EMULATOR_CREDENTIALS,
    endpoint: (service) => meta.endpoints[service],
    timeoutMs: config.timeoutMs,
    baseDomain: meta.baseDomain ?? 'example.com',
    // The recorded run's names, so that every request names what it named.
    runTag: meta.runTag,
    cliArgs: recorded.cliArgs,
    now: () => state.clock,
    // Pacing moves the replay's own clock (it was never recorded: how far it moved depended on how
    // long each call took), as the recorded target's clock or its sleep did; no time passes.
    sleep,
    reset: async () => {
      await reset();
    },
    close: async () => state.finish(),
    oob: {
      ...(hasClock ? { advanceClock: sleep } : {}),
      replay: replayLines,
    },
  });

  // What the properties call out of band is answered from the recording, step by step.
  const step = (name: string) => (meta.steps.includes(name) ? replayStep(state, name) : undefined);
  const oob: OutOfBand = { replay: replayLines };
  const advanceClock = step('advanceClock');
  const latestMessage = step('latestMessage');
  const followLink = step('followLink');
  const publishDns = step('publishDns');
  const mintToken = step('mintToken');
  const explainServerError = step('explainServerError');
  if (advanceClock) oob.advanceClock = async (ms) => void (await advanceClock(ms));
  if (latestMessage) oob.latestMessage = async (to) => (await latestMessage(to)) as Awaited<ReturnType<NonNullable<OutOfBand['latestMessage']>>>;
  if (followLink) oob.followLink = async (link) => Number(await followLink(link));
  if (publishDns) oob.publishDns = async (record) => void (await publishDns(record));
  if (mintToken) oob.mintToken = async (request) => String(await mintToken(request));
  if (explainServerError) oob.explainServerError = async (operation) => (await explainServerError(operation)) as string | undefined;

  const mutable: { -readonly [K in keyof Target]: Target[K] } = target;
  mutable.oob = oob;
  mutable.account = recorded.account;
  mutable.phoneNumbers = recorded.phoneNumbers;
  mutable.dryRun = recorded.dryRun;
  // A run against AWS went through the aws target's guards (some of which send: Lightsail's look at
  // the account's contact methods): its replay goes through them too, so it sends what it sent.
  if (recorded.kind === 'aws') return withAwsGuards(target, { domain: meta.baseDomain ?? 'example.com', phones: recorded.phoneNumbers ?? [] });
  return target;
}
