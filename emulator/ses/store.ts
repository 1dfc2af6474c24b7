// SES state, per account and region: the identities and the GetIdentityVerificationAttributes
// rate limit. Statuses are stored as last settled; lifecycle.ts moves them on lazily.
import { RegionalStore } from '../regional-store.ts';
import { TokenBucket } from '../token-bucket.ts';
import type { Clock } from '../control/clock.ts';

/** "If the email address owner clicks the link within 24 hours ..." */
export const EMAIL_WINDOW_MS = 24 * 60 * 60 * 1000;
/** "If Amazon SES is unable to detect the record within 72 hours ..." */
export const DOMAIN_WINDOW_MS = 72 * 60 * 60 * 1000;
/** "This operation is throttled at one request per second." */
const GIVA_REQUESTS_PER_SECOND = 1;

/** The statuses SES moves identities through; TemporaryFailure and NotStarted are never produced. */
type VerificationStatus = 'Pending' | 'Success' | 'Failed';

export interface EmailIdentity {
  kind: 'email';
  name: string;
  status: VerificationStatus;
  /** Tells this identity apart from an earlier one of the same name: links mailed before a delete are void. */
  incarnation: number;
  /** Virtual time at which a Pending address becomes Failed. */
  deadline: number;
}

export interface DomainIdentity {
  kind: 'domain';
  name: string;
  status: VerificationStatus;
  token: string;
  /** Virtual time at which a Pending domain becomes Failed; records published later do not count. */
  deadline: number;
}

export type Identity = EmailIdentity | DomainIdentity;

export interface SesRegion {
  region: string;
  identities: Map<string, Identity>;
  givaRate: TokenBucket;
  nextIncarnation: number;
}

export function createSesStore(clock: Clock): RegionalStore<SesRegion> {
  return new RegionalStore(({ region }) => ({
    region,
    identities: new Map(),
    givaRate: new TokenBucket(1, GIVA_REQUESTS_PER_SECOND, clock.now()),
    nextIncarnation: 1,
  }));
}
