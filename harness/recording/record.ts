// `--record`, in a vitest worker: every exchange of a suite's target, and every out-of-band step
// its properties take, becomes a HAR entry; when the target closes, the suite's part is written
// under the run's report directory, for the CLI to join into `recording.har` (merge.ts).
// The exchanges come from the target's recorder, which redacts them (harness/transport/redact.ts)
// before anything here sees them; out-of-band results are redacted the same way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, type ServiceName } from '../../services/index.ts';
import type { ConformanceConfig } from '../config.ts';
import { asError, firstLineOf } from '../errors.ts';
import type { InboxMessage, OutOfBand, Target } from '../targets/target.ts';
import type { Exchange } from '../transport/exchange.ts';
import { REDACTED, redactValue } from '../transport/redact.ts';
import { exchangeEntry, oobEntry, type RecordedEntry, type RecordedSuite } from './har.ts';
import { currentSuite } from './suite.ts';

/** Where the workers put their parts; the CLI joins them and removes the folder. */
export const partsDir = (config: Pick<ConformanceConfig, 'reportDir' | 'runId'>) => join(config.reportDir, config.runId, '.recording-parts');

export interface RecordingPart {
  suite: RecordedSuite;
  entries: RecordedEntry[];
}

/** A password an emulator mails (a temporary password, in its words) is a secret like any other. */
const MAILED_PASSWORD = /(password[^:\n]{0,40}:?\s*)(\S+)/gi;

/** An inbox message as recorded: secret-named members redacted, and passwords quoted in its text. */
function redactMessage(message: InboxMessage | undefined): unknown {
  if (!message) return message;
  const scrub = (text: string) => text.replace(MAILED_PASSWORD, (_m, lead: string) => `${lead}${REDACTED}`);
  const redacted = redactValue(message) as InboxMessage;
  return { ...redacted, subject: scrub(redacted.subject), body: scrub(redacted.body) };
}

/**
 * Records what `target` does for this worker's suite. The exchanges are taken as the recorder
 * keeps them; the out-of-band steps the properties take (target.oob) are wrapped, while pacing
 * keeps moving the clock through the target's own channel, unrecorded: how far it moves depends
 * on how long each call took, so the replay paces on its own clock instead (replay-target.ts).
 */
export function recordTarget(target: Target, config: ConformanceConfig, suite: ServiceName = currentSuite()): Target {
  const entries: RecordedEntry[] = [];
  const meta = (): { suite: ServiceName; clock: number } => ({ suite, clock: target.now() });

  // The recorder is the one place every exchange passes, already redacted; its ring keeps only the last
  // few for findings, so each one is also kept here as it is recorded.
  const { recorder } = target;
  const keep = recorder.record.bind(recorder);
  recorder.record = (exchange: Exchange) => {
    keep(exchange);
    entries.push(exchangeEntry(exchange, meta()));
  };

  const step = <A extends unknown[], R>(name: string, fn: ((...args: A) => Promise<R>) | undefined, show: (result: R) => unknown = (r) => r) =>
    fn &&
    (async (...args: A): Promise<R> => {
      const at = new Date();
      const started = performance.now();
      try {
        const result = await fn(...args);
        entries.push(oobEntry(name, redactValue(args) as unknown[], { result: show(result) ?? null }, at, performance.now() - started, meta()));
        return result;
      } catch (error) {
        entries.push(oobEntry(name, redactValue(args) as unknown[], { error: firstLineOf(error) }, at, performance.now() - started, meta()));
        throw error;
      }
    });
  const { oob } = target;
  const recorded: OutOfBand = {
    replay: oob.replay,
    advanceClock: step('advanceClock', oob.advanceClock),
    latestMessage: step('latestMessage', oob.latestMessage, redactMessage),
    followLink: step('followLink', oob.followLink),
    publishDns: step('publishDns', oob.publishDns),
    // A minted access token is a secret: recorded redacted (requests carrying it are redacted alike).
    mintToken: step('mintToken', oob.mintToken, () => REDACTED),
    explainServerError: step('explainServerError', oob.explainServerError),
  };
  for (const key of Object.keys(recorded) as (keyof OutOfBand)[]) if (recorded[key] === undefined) delete recorded[key];

  const startClock = target.now();
  const reset = target.reset.bind(target);
  const close = target.close.bind(target);
  const mutable: { -readonly [K in keyof Target]: Target[K] } = target;
  mutable.oob = recorded;
  mutable.reset = step('reset', reset)!;
  mutable.close = async () => {
    try {
      writePart(config, {
        suite: {
          suite,
          target: {
            kind: target.kind,
            label: target.label,
            version: target.version,
            region: target.region,
            account: target.account,
            phoneNumbers: target.phoneNumbers ? [...target.phoneNumbers] : undefined,
            dryRun: target.dryRun,
            capabilities: [...target.capabilities],
            cliArgs: target.cliArgs,
          },
          runTag: target.runTag,
          baseDomain: target.baseDomain,
          endpoints: target.kind === 'endpoint' ? endpointsOf(config) : {},
          steps: Object.keys(recorded).filter((key) => key !== 'replay'),
          startClock,
        },
        entries,
      });
    } finally {
      await close();
    }
  };
  return target;
}

/** Each service's URL on an endpoint target, as endpoint.ts gives it to the service's client. */
function endpointsOf(config: ConformanceConfig): Partial<Record<ServiceName, string>> {
  return Object.fromEntries(SERVICES.flatMap((s) => ((config.endpoints[s] ?? config.endpoint) ? [[s, config.endpoints[s] ?? config.endpoint]] : [])));
}

function writePart(config: ConformanceConfig, part: RecordingPart): void {
  const dir = partsDir(config);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${part.suite.suite}.json`), JSON.stringify(part));
  } catch (error) {
    throw new Error(`could not write the recording of ${part.suite.suite} to ${dir}: ${asError(error).message}`);
  }
}
