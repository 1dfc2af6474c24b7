// Pinpoint Email state, per account and region: the email identities with their tags, DKIM
// tokens and verification state. DKIM statuses are stored as last settled; lifecycle.ts moves
// them on lazily.
import { RegionalStore } from '../regional-store.ts';

/** "It usually takes around 72 hours to complete the domain verification process." */
export const DKIM_WINDOW_MS = 72 * 60 * 60 * 1000;
/** The document names no window for the mailed link; SES's 24 hours is used. */
export const LINK_WINDOW_MS = 24 * 60 * 60 * 1000;
/** "this operation provides a set of DKIM tokens": three, as SES Easy DKIM issues. */
export const DKIM_TOKEN_COUNT = 3;

type IdentityType = 'EMAIL_ADDRESS' | 'DOMAIN';
type DkimStatus = 'PENDING' | 'SUCCESS' | 'FAILED';

export interface Tag {
  Key: string;
  Value: string;
}

export interface Dkim {
  tokens: string[];
  status: DkimStatus;
  /** Virtual time at which PENDING becomes FAILED; records published later do not count. */
  deadline: number;
}

export interface EmailIdentity {
  name: string;
  type: IdentityType;
  verified: boolean;
  /** Absent for an email address: its DKIM object is empty. */
  dkim?: Dkim;
  tags: Tag[];
  /** Tells this identity apart from an earlier one of the same name: links mailed before a delete are void. */
  incarnation: number;
}

export interface PinpointRegion {
  account: string;
  region: string;
  identities: Map<string, EmailIdentity>;
  nextIncarnation: number;
}

export function createPinpointStore(): RegionalStore<PinpointRegion> {
  return new RegionalStore(({ account, region }) => ({ account, region, identities: new Map(), nextIncarnation: 1 }));
}
