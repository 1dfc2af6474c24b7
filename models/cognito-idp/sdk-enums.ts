// The Cognito enums as the documents give them, beside the installed SDK's, for the drift check.
import { DeliveryMediumType } from '@aws-sdk/client-cognito-identity-provider';
import type { EnumPair } from '../shared/enum-drift.ts';
import { DELIVERY_MEDIUMS } from './shapes.ts';

export const cognitoIdpEnumPairs: EnumPair[] = [{ name: 'cognito-idp.DeliveryMediumType', documented: DELIVERY_MEDIUMS, sdk: DeliveryMediumType }];
