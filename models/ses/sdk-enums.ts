// The SES enums as the documents give them, beside the installed SDK's, for the drift check.
import { IdentityType, VerificationStatus } from '@aws-sdk/client-ses';
import type { EnumPair } from '../shared/enum-drift.ts';
import { IDENTITY_TYPES, VERIFICATION_STATUSES } from './shapes.ts';

export const sesEnumPairs: EnumPair[] = [
  { name: 'ses.VerificationStatus', documented: VERIFICATION_STATUSES, sdk: VerificationStatus },
  { name: 'ses.IdentityType', documented: IDENTITY_TYPES, sdk: IdentityType },
];
