// Lightsail state, per account and region: the contact methods (one email and one mobile phone
// number per Region, as documented) and the Regions where SMS is offered.
import { RegionalStore } from '../regional-store.ts';

export type ContactProtocol = 'Email' | 'SMS';
/** The model's ContactMethodStatus; Invalid is never produced. */
type ContactMethodStatus = 'PendingVerification' | 'Valid' | 'Invalid';

/** Lightsail API Reference, CreateContactMethod: "The SMS protocol is supported only in the following AWS Regions". */
export const SMS_REGIONS: ReadonlySet<string> = new Set(['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2']);

/** How long a verification link stays valid, in virtual time (the documents say links expire, not when). */
export const VERIFICATION_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface ContactMethod {
  id: string;
  name: string;
  arn: string;
  protocol: ContactProtocol;
  contactEndpoint: string;
  status: ContactMethodStatus;
  createdAt: number;
  /** When the newest verification link mailed for it expires. */
  linkExpiresAt?: number;
}

export interface LightsailRegion {
  account: string;
  region: string;
  /** In creation order; at most one per protocol unless a fault says otherwise. */
  contactMethods: ContactMethod[];
  /** Deleted contact methods GetContactMethods keeps listing (only under the delete.keeps-contact fault). */
  staleListed: ContactMethod[];
}

export function createLightsailStore(): RegionalStore<LightsailRegion> {
  return new RegionalStore(({ account, region }) => ({ account, region, contactMethods: [], staleListed: [] }));
}
