// `npm run bench`: what one SES call costs through the harness, against a bare SDK client with an
// in-process handler and against msw interception. Same emulator behind all of them, same call.
// The emulator's throttle is switched off (fault ses.giva.no-throttle) so every call is the same
// successful GetIdentityVerificationAttributes, not a throttling error.
import { GetIdentityVerificationAttributesCommand, SESClient } from '@aws-sdk/client-ses';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createEmulator } from '../emulator/index.ts';
import { referenceTarget } from '../harness/targets/reference.ts';
import { fetchHandler } from '../harness/transport/fetch-handler.ts';
import { call } from '../properties/shared/call.ts';
import { newEvidence, RunContext } from '../properties/shared/context.ts';

const CALLS = Number(process.env.BENCH_CALLS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const input = { Identities: ['bench@example.com', 'example.com'] };
const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' };

const bareEmulator = createEmulator({ faults: ['ses.giva.no-throttle'] });
const bare = new SESClient({ region: 'us-east-1', maxAttempts: 1, credentials, requestHandler: fetchHandler((r) => bareEmulator.fetch(r)) });

const target = referenceTarget({ region: 'us-east-1', timeoutMs: 10_000 }, { faults: ['ses.giva.no-throttle'] });
const harnessClient = target.client('ses');
const ctx = new RunContext(target, newEvidence(), target.newNaming());

const mswEmulator = createEmulator({ faults: ['ses.giva.no-throttle'] });
const server = setupServer(http.post('https://email.us-east-1.amazonaws.com/', ({ request }) => mswEmulator.fetch(request)));
const viaMsw = new SESClient({ region: 'us-east-1', maxAttempts: 1, credentials }); // the SDK's own node:https transport

const contenders: Record<string, () => Promise<unknown>> = {
  'bare SDK client, in-process handler': () => bare.send(new GetIdentityVerificationAttributesCommand(input)),
  'harness reference target (client)': () => harnessClient.send(new GetIdentityVerificationAttributesCommand(input)),
  'harness reference target (property step)': () => {
    ctx.trace.length = 0;
    return call(ctx, 'ses', new GetIdentityVerificationAttributesCommand(input), []);
  },
  'SDK client through msw': () => viaMsw.send(new GetIdentityVerificationAttributesCommand(input)),
};

async function msPerCall(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await fn();
  return (performance.now() - started) / calls;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

server.listen({ onUnhandledRequest: 'error' });
for (const fn of Object.values(contenders)) await msPerCall(fn, 300); // warm up JIT and connection pools

// Rounds interleave the contenders, so a slow moment of the machine hits all of them alike.
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of Object.entries(contenders)) samples[name].push(await msPerCall(fn, CALLS));
}
server.close();

const baseline = median(samples['bare SDK client, in-process handler']);
console.log(`SES GetIdentityVerificationAttributes, ${ROUNDS} rounds x ${CALLS} calls, median ms per call (node ${process.version})`);
for (const [name, values] of Object.entries(samples)) {
  const ms = median(values);
  console.log(`${name.padEnd(42)} ${ms.toFixed(3)} ms   ${(ms / baseline).toFixed(2)}x bare`);
}
const ratio = median(samples['harness reference target (client)']) / baseline;
console.log(`harness / bare = ${ratio.toFixed(2)} (target: within 1.3)`);
