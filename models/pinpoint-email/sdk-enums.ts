// The Pinpoint Email enums as the documents give them, beside the installed SDK's, for the drift check.
import { DkimStatus, IdentityType } from '@aws-sdk/client-pinpoint-email';
import type { EnumPair } from '../shared/enum-drift.ts';
import { DKIM_STATUSES, IDENTITY_TYPES } from './shapes.ts';

export const pinpointEmailEnumPairs: EnumPair[] = [
  { name: 'pinpoint-email.IdentityType', documented: IDENTITY_TYPES, sdk: IdentityType },
  { name: 'pinpoint-email.DkimStatus', documented: DKIM_STATUSES, sdk: DkimStatus },
];
