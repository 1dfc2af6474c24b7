// The command sequences the lifecycle property runs first in every pass, whatever the seed: each
// reaches one documented state or transition for sure, so no seed can leave it unchecked. A
// command the target cannot run (no clock, inbox, DNS, or a missing operation) is left out; a
// sequence whose point needs it is left out whole.
import type { SesModel } from '../../models/ses/model.ts';
import { HOUR } from '../../models/shared/clock.ts';
import type { Capability } from '../../spec/rule.ts';
import { AdvanceClock, type ModelCommand } from '../shared/model-run.ts';
import type { GenerationEnv } from '../shared/property.ts';
import { ALL_POOL_NAMES, type PoolName } from './arbitraries.ts';
import { DeleteIdentity } from './commands/delete-identity.ts';
import { FollowLink } from './commands/follow-link.ts';
import { GetAttributes } from './commands/get-attributes.ts';
import { ListIdentities } from './commands/list-identities.ts';
import { PublishTxtRecord } from './commands/publish-txt-record.ts';
import { poolKey } from './commands/ses-command.ts';
import { ThrottleProbe } from './commands/throttle-probe.ts';
import { VerifyDomain } from './commands/verify-domain.ts';
import { VerifyEmail } from './commands/verify-email.ts';

type Command = ModelCommand<SesModel>;

const pool = (key: string) => ALL_POOL_NAMES.find((name) => poolKey(name) === key)!;
const [ann, bob, alpha, beta] = [pool('ann'), pool('bob'), pool('alpha'), pool('beta')];
const read = (...names: PoolName[]) => new GetAttributes(names);
/** Clearly past the 24 h (email) and 72 h (domain) windows, beyond the deadline tolerance. */
const past24h = () => new AdvanceClock<SesModel>(25 * HOUR);
const past72h = () => new AdvanceClock<SesModel>(73 * HOUR);

/** What a command needs of the target to be run at all. */
function needsOf(command: Command): { capability?: Capability; operation?: string } {
  if (command instanceof AdvanceClock) return { capability: 'clock' };
  if (command instanceof FollowLink) return { capability: 'inbox' };
  if (command instanceof PublishTxtRecord) return { capability: 'dns' };
  if (command instanceof ThrottleProbe) return { capability: 'throttle-probe' };
  if (command instanceof DeleteIdentity) return { operation: 'DeleteIdentity' };
  if (command instanceof ListIdentities) return { operation: 'ListIdentities' };
  return {};
}

interface Example {
  needs: readonly Capability[];
  operations?: readonly string[];
  steps: () => Command[];
}

const EXAMPLES: Example[] = [
  // email: Pending → link followed in time → Success, still Success once the 24 h are over
  { needs: ['inbox'], steps: () => [new VerifyEmail('ann'), read(ann), new FollowLink('ann'), read(ann), past24h(), read(ann)] },
  // email: link never followed → Failed after 24 h → link followed too late, still Failed → restart → Pending
  // (first read after the window: whatever it was before, unconfirmed it must be Failed now)
  { needs: ['clock'], steps: () => [new VerifyEmail('bob'), past24h(), read(bob), new FollowLink('bob'), read(bob), new VerifyEmail('bob'), read(bob)] },
  // domain: Pending → TXT record published → Success, at the latest once the 72 h are over
  { needs: ['dns'], steps: () => [new VerifyDomain('alpha'), read(alpha), new PublishTxtRecord('alpha'), read(alpha), past72h(), read(alpha)] },
  // domain: no record → Failed after 72 h → restart → Pending with a new token → record → Success
  {
    needs: ['clock'],
    steps: () => [new VerifyDomain('beta'), past72h(), read(beta), new VerifyDomain('beta'), read(beta), new PublishTxtRecord('beta'), read(beta)],
  },
  // delete, then read and list: gone from both; an existing identity not asked for is not answered
  {
    needs: [],
    operations: ['DeleteIdentity'],
    steps: () => [
      new VerifyEmail('ann'),
      new VerifyDomain('alpha'),
      read(ann),
      new DeleteIdentity(ann),
      read(ann, alpha),
      new ListIdentities(undefined, undefined),
      new DeleteIdentity(alpha),
      read(ann, bob, alpha, beta),
      new ListIdentities('Domain', undefined),
    ],
  },
  // paging: every identity listed once, across pages of one and of more, with and without a type
  {
    needs: [],
    operations: ['ListIdentities'],
    steps: () => [
      new VerifyEmail('ann'),
      new VerifyEmail('bob'),
      new VerifyDomain('alpha'),
      new VerifyDomain('beta'),
      new ListIdentities(undefined, 1),
      new ListIdentities('EmailAddress', 1),
      new ListIdentities('Domain', 1),
      new ListIdentities(undefined, 3),
      new ListIdentities(undefined, 1000),
    ],
  },
  // throttling: a burst over the rate, then a read at the rate
  { needs: ['throttle-probe'], steps: () => [new VerifyDomain('alpha'), new ThrottleProbe(ALL_POOL_NAMES.indexOf(alpha)), read(alpha)] },
];

export function lifecycleExamples(env: GenerationEnv): Command[][] {
  const runnable = (command: Command) => {
    const { capability, operation } = needsOf(command);
    return (!capability || env.capabilities.has(capability)) && (!operation || !env.unsupported.has(operation));
  };
  return EXAMPLES.filter(
    (example) => example.needs.every((need) => env.capabilities.has(need)) && !(example.operations ?? []).some((op) => env.unsupported.has(op)),
  ).map((example) => example.steps().filter(runnable));
}
