// The command sequences the two model-based properties run first in every pass, whatever the
// seed: each reaches one lifecycle state or tag limit for sure, so no seed can leave it unchecked.
// A command the target cannot run (no clock, inbox, DNS, or a missing operation) is left out.
import type { PinpointModel } from '../../models/pinpoint-email/model.ts';
import { PINPOINT_TAG_POLICY } from '../../models/pinpoint-email/shapes.ts';
import { HOUR } from '../../models/shared/clock.ts';
import { AdvanceClock, type ModelCommand } from '../shared/model-run.ts';
import type { GenerationEnv } from '../shared/property.ts';
import { fillers, pool } from './arbitraries.ts';
import { CreateIdentity } from './commands/create-identity.ts';
import { DeleteIdentity } from './commands/delete-identity.ts';
import { FollowLink } from './commands/follow-link.ts';
import { GetIdentity } from './commands/get-identity.ts';
import { ListIdentities } from './commands/list-identities.ts';
import { ListTags } from './commands/list-tags.ts';
import { PublishDkim } from './commands/publish-dkim.ts';
import { TagIdentity } from './commands/tag-identity.ts';
import { UntagIdentity } from './commands/untag-identity.ts';

const { maxTags } = PINPOINT_TAG_POLICY;

const can = (env: GenerationEnv, operation: string) => !env.unsupported.has(operation);
const [ann, bob, alpha, beta] = [pool('ann'), pool('bob'), pool('alpha'), pool('beta')];

/** Command sequences that reach each lifecycle state, whatever the seed: only with what the target supports. */
export function identityExamples(env: GenerationEnv): ModelCommand<PinpointModel>[][] {
  const has = (c: 'inbox' | 'dns' | 'clock') => env.capabilities.has(c);
  const clock = (hours: number) => new AdvanceClock<PinpointModel>(hours * HOUR);
  const list = (size?: number) => (can(env, 'ListEmailIdentities') ? [new ListIdentities(size)] : []);
  const sequences: ModelCommand<PinpointModel>[][] = [
    // Never created: not found.
    [new GetIdentity(bob), new CreateIdentity(bob, []), new GetIdentity(bob)],
  ];
  // Paging: every identity once, at every page size.
  if (can(env, 'ListEmailIdentities'))
    sequences.push([
      new CreateIdentity(ann, []),
      new CreateIdentity(bob, []),
      new CreateIdentity(alpha, []),
      new CreateIdentity(beta, []),
      ...list(1),
      ...list(2),
      ...list(),
    ]);
  // Deleted: not listed, not found, and created again.
  if (can(env, 'DeleteEmailIdentity'))
    sequences.push([
      new CreateIdentity(ann, []),
      new CreateIdentity(alpha, []),
      new DeleteIdentity(ann),
      ...list(1),
      new GetIdentity(ann),
      new CreateIdentity(ann, []),
      new GetIdentity(ann),
    ]);
  if (has('inbox')) sequences.push([new CreateIdentity(bob, []), new FollowLink(bob), new GetIdentity(bob)]);
  if (has('clock') && has('dns'))
    sequences.push([new CreateIdentity(alpha, []), new PublishDkim(alpha), new GetIdentity(alpha), clock(73), new GetIdentity(alpha)]);
  if (has('clock'))
    sequences.push([
      new CreateIdentity(beta, []),
      new GetIdentity(beta),
      clock(73),
      new GetIdentity(beta),
      ...(has('dns') ? [new PublishDkim(beta), clock(1), new GetIdentity(beta)] : []),
    ]);
  return sequences;
}

/** Keys in several cases, one untagged, one tagged again; up to the limit and one past it. */
export function tagExamples(env: GenerationEnv): ModelCommand<PinpointModel>[][] {
  return [
    [
      new CreateIdentity(alpha, [{ Key: 'team', Value: 'prod' }], true),
      new TagIdentity(alpha, [
        { Key: 'env', Value: 'a' },
        { Key: 'ENV', Value: 'A' },
        { Key: 'Env', Value: 'prod' },
      ]),
      ...(can(env, 'UntagResource') ? [new UntagIdentity(alpha, ['ENV', 'no-such-key'])] : []),
      new TagIdentity(alpha, [{ Key: 'env', Value: 'v2' }]),
      new ListTags(alpha),
    ],
    [
      new CreateIdentity(beta, fillers(maxTags - 1), true),
      new TagIdentity(beta, [{ Key: 'env', Value: 'a' }]),
      new TagIdentity(beta, [{ Key: 'team', Value: 'a' }]),
    ],
  ];
}
