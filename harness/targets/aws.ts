// Real AWS, guarded: the default credential chain and region; refuses to start unless STS says
// the caller's account is on the allow-list; mail only under CONFORMANCE_EMAIL_DOMAIN; everything
// created is deleted in teardown. Every call keeps to AWS's documented rate (spec/aws-rates.ts), a
// throttled or quota answer no rule judges is waited out and retried (bounded), and the messages a
// run makes AWS send are counted against AWS's quotas and refused beyond them.
import { SESClient } from '@aws-sdk/client-ses';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { InitializeMiddleware } from '@smithy/types';
import { manifestOf, type ClientOf, type ServiceName } from '../../services/index.ts';
import type { ClientGuard, CommandInput } from '../../services/manifest.ts';
import type { ConformanceConfig } from '../config.ts';
import { asError, firstLineOf } from '../errors.ts';
import { fetchHandler } from '../transport/fetch-handler.ts';
import { createEmulator } from '../../emulator/index.ts';
import { buildTarget, type TargetParts } from './base.ts';
import { assertDomainNotVerified } from './aws-domain-guard.ts';
import { assertAccountAllowed, assertRecipientsAllowed, GuardError, type RecipientPolicy } from './aws-guard.ts';
import { takesInitializeStep } from './middleware-stack.ts';
import { MessageBudget } from './message-budget.ts';
import { AWS_RETRY_POLICY } from './pacer.ts';
import { awsRateOf } from './rates.ts';
import { manualReplay } from './replay-lines.ts';
import type { Target } from './target.ts';

/** The caller's account, from STS; fails with one line when there are no usable credentials. */
async function callerAccount(config: Pick<ConformanceConfig, 'region' | 'timeoutMs'>): Promise<string> {
  const sts = new STSClient({
    region: config.region,
    maxAttempts: 1,
    requestHandler: fetchHandler((r, init) => fetch(r, init), { timeoutMs: config.timeoutMs }),
  });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    if (!identity.Account) throw new GuardError('STS GetCallerIdentity answered without an account id');
    return identity.Account;
  } catch (error) {
    if (error instanceof GuardError) throw error;
    const e = asError(error);
    if (e.name === 'CredentialsProviderError' || /credential/i.test(e.message)) {
      throw new GuardError(`no AWS credentials found (${firstLineOf(e)}); configure the default credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...)`);
    }
    throw new GuardError(`STS GetCallerIdentity failed: ${e.name}: ${firstLineOf(e)}`);
  } finally {
    sts.destroy();
  }
}

/** The guards a dry run can check without AWS: what a real run would refuse before its first call. */
export function checkDryRunGuards(config: ConformanceConfig): void {
  if (!config.aws.emailDomain)
    throw new GuardError('refusing to touch AWS: set CONFORMANCE_EMAIL_DOMAIN to the domain whose addresses this run may send verification mail to');
  if (config.aws.accountAllowlist.length === 0) assertAccountAllowed('', []);
}

/** The account, if the allow-list names it: the guards on who the caller is. */
async function allowedAccount(config: ConformanceConfig): Promise<string> {
  checkDryRunGuards(config);
  const account = await callerAccount(config);
  assertAccountAllowed(account, config.aws.accountAllowlist);
  return account;
}

/** The mail-domain guard, through `ses` (a target's own client, so that its pacing counts the call). */
async function checkMailDomain(config: ConformanceConfig, ses: Pick<SESClient, 'send'>): Promise<void> {
  try {
    await assertDomainNotVerified(ses, config.aws.emailDomain!, config.services, config.region);
  } catch (error) {
    if (error instanceof GuardError) throw error;
    const e = asError(error);
    throw new GuardError(`SES GetIdentityVerificationAttributes (is CONFORMANCE_EMAIL_DOMAIN already verified?) failed: ${e.name}: ${firstLineOf(e)}`);
  }
}

/** Every guard that must hold before anything is sent to AWS (the CLI's preflight: one line and exit 2 when one fails). */
export async function checkAwsGuards(config: ConformanceConfig): Promise<string> {
  const account = await allowedAccount(config);
  const ses = new SESClient({
    region: config.region,
    maxAttempts: 1,
    requestHandler: fetchHandler((r, init) => fetch(r, init), { timeoutMs: config.timeoutMs }),
  });
  try {
    await checkMailDomain(config, ses);
  } finally {
    ses.destroy();
  }
  return account;
}

/** `forSweep`: the sweep only deletes what runs left, so a verified mail domain does not stop it. */
export async function awsTarget(config: ConformanceConfig, options: { sleep?: (ms: number) => Promise<void>; forSweep?: boolean } = {}): Promise<Target> {
  if (config.aws.dryRun) return awsDryRunTarget(config);
  const account = await allowedAccount(config);
  const target = guardedAwsTarget(config, account, {
    label: `aws ${account} ${config.region}`,
    fetch: (request, init) => fetch(request, init),
    credentials: undefined, // the SDK's default credential chain
    sleep: options.sleep,
  });
  if (!options.forSweep) await checkMailDomain(config, target.client('ses'));
  return target;
}

/**
 * The aws target's code path (its capabilities, names, guards and pacing) with nothing sent to
 * AWS: the in-process reference emulator answers, on its own clock, and every call is kept as the
 * plan of what a real run would send (STS and the account allow-list are checked by the real run).
 */
function awsDryRunTarget(config: ConformanceConfig): Target {
  checkDryRunGuards(config);
  const account = config.aws.accountAllowlist[0]!;
  const emulator = createEmulator();
  const target = guardedAwsTarget(config, account, {
    label: `aws ${account} ${config.region} (dry run: nothing sent, the reference emulator answered)`,
    fetch: (request) => emulator.fetch(request),
    // A 12-digit key id is the account to the emulator, so ARNs name the allowed account.
    credentials: { accessKeyId: account, secretAccessKey: 'dry-run' },
    now: () => emulator.control.clock.now(),
    sleep: async (ms) => emulator.control.clock.advance(ms),
  });
  return Object.assign(target, { dryRun: true });
}

/** What the real and the dry-run aws targets share: capabilities, names under the domain, guarded clients. */
function guardedAwsTarget(config: ConformanceConfig, account: string, parts: Pick<TargetParts, 'label' | 'fetch' | 'credentials' | 'now' | 'sleep'>): Target {
  const domain = config.aws.emailDomain!;
  const target = buildTarget({
    ...parts,
    kind: 'aws',
    region: config.region,
    capabilities: config.aws.probeThrottling ? ['throttle-probe'] : [],
    timeoutMs: config.timeoutMs,
    baseDomain: domain,
    cliArgs: ` --region ${config.region}`,
    oob: { replay: manualReplay },
    // Every call at AWS's documented rate; a throttled or quota answer no rule judges is waited out.
    rateOf: awsRateOf,
    retry: AWS_RETRY_POLICY,
  });
  return withAwsGuards(Object.assign(target, { account, phoneNumbers: config.aws.smsNumbers }), { domain, phones: config.aws.smsNumbers });
}

/**
 * The aws target's guards on a target's clients, and the message budget: what a real account's run
 * (or a replay of its recording, which must send the same requests) goes through.
 */
export function withAwsGuards(target: Target, policy: RecipientPolicy): Target {
  const messages = new MessageBudget(target.now);
  return guardClients(Object.assign(target, { realAccount: true, messages: messages.sent }), { ...policy, messages });
}

/**
 * Wraps client() so that every client refuses mail or texts outside the policy before a command is
 * signed or sent (where its service's manifest says each command sends), and applies the service's
 * own guard, if it has one (Lightsail: never replace or delete a contact method the run did not create).
 */
function guardClients(target: Target, policy: RecipientPolicy & { messages: MessageBudget }): Target {
  const guarded = new WeakSet<object>();
  const client = target.client.bind(target);
  function guardedClient<S extends ServiceName>(service: S, region?: string): ClientOf<S> {
    const c = client(service, region);
    if (guarded.has(c)) return c;
    const inRegion = region ?? target.region;
    const manifest = manifestOf(service);
    // The manifest's guard takes the client its manifest builds: c is that client.
    const makeGuard = manifest.awsGuard as ((domain: string, client: ClientOf<S>) => ClientGuard) | undefined;
    const own = makeGuard?.(policy.domain, c);
    const initialize: InitializeMiddleware<CommandInput, object> = (next, context) => async (args) => {
      const command = String(context.commandName);
      assertRecipientsAllowed(command, manifest.destinations[command]?.(args.input), policy);
      const sends = manifest.messages[command]?.(args.input, inRegion) ?? [];
      policy.messages.admit(service, command, sends);
      await own?.before(command, args.input, inRegion);
      const result = await next(args);
      // Answered: AWS sends what the command sends.
      policy.messages.record(service, sends);
      own?.after(command, args.input, inRegion);
      return result;
    };
    const stack: object = c.middlewareStack;
    if (!takesInitializeStep(stack)) throw new Error(`the ${service} client has no middleware stack to guard`);
    stack.add(initialize, { step: 'initialize', name: 'conformanceRecipientGuard' });
    guarded.add(c);
    return c;
  }
  return Object.assign(target, { client: guardedClient });
}
