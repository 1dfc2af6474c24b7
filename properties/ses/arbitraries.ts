// SES arbitraries, biased to the documented boundaries. Identity names come from small pools so
// that a command sequence revisits the same identities (re-verify, delete, verify again).
import fc from 'fast-check';
import { HOUR, MINUTE } from '../../models/shared/clock.ts';
import { MAX_IDENTITIES_PER_CALL } from '../../models/ses/shapes.ts';

const EMAIL_POOL = ['ann', 'bob'] as const;
const DOMAIN_POOL = ['alpha', 'beta'] as const;

export const emailLocal = fc.constantFrom(...EMAIL_POOL);
export const domainLabel = fc.constantFrom(...DOMAIN_POOL);

/** A pool member of either kind. */
export type PoolName = { kind: 'email'; local: string } | { kind: 'domain'; label: string };
export const poolName: fc.Arbitrary<PoolName> = fc.oneof(
  emailLocal.map((local) => ({ kind: 'email' as const, local })),
  domainLabel.map((label) => ({ kind: 'domain' as const, label })),
);
export const ALL_POOL_NAMES: PoolName[] = [
  ...EMAIL_POOL.map((local) => ({ kind: 'email' as const, local })),
  ...DOMAIN_POOL.map((label) => ({ kind: 'domain' as const, label })),
];

/** 0, 1, max-1, max most of the time; anything in between otherwise. */
export const acceptedIdentityCount = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 1, MAX_IDENTITIES_PER_CALL - 1, MAX_IDENTITIES_PER_CALL) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: MAX_IDENTITIES_PER_CALL - 2 }) },
);

/** max+1 most of the time; further over otherwise. */
export const rejectedIdentityCount = fc.oneof(
  { weight: 3, arbitrary: fc.constant(MAX_IDENTITIES_PER_CALL + 1) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_IDENTITIES_PER_CALL + 2, max: 3 * MAX_IDENTITIES_PER_CALL }) },
);

/** Clock steps that land on both sides of the 24 h and 72 h windows, never near their edges. */
export const clockStep = fc.constantFrom(1 * MINUTE, 1 * HOUR, 6 * HOUR, 23 * HOUR, 25 * HOUR, 49 * HOUR, 73 * HOUR);

export const listPageSize = fc.constantFrom(undefined, 1, 2, 3, 1000);
export const identityTypeFilter = fc.constantFrom(undefined, 'EmailAddress' as const, 'Domain' as const);

/** How many calls a throttling probe fires in a burst: well over one a second. */
export const THROTTLE_BURST = 10;
