// The Lightsail enums as the documents give them, beside the installed SDK's, for the drift check.
import {
  ContactMethodStatus,
  ContactMethodVerificationProtocol,
  ContactProtocol,
  OperationStatus,
  OperationType,
  RegionName,
  ResourceType,
} from '@aws-sdk/client-lightsail';
import type { EnumPair } from '../shared/enum-drift.ts';
import {
  CONTACT_METHOD_STATUSES,
  CONTACT_PROTOCOLS,
  OPERATION_STATUSES,
  OPERATION_TYPES,
  REGION_NAMES,
  RESOURCE_TYPES,
  VERIFICATION_PROTOCOLS,
} from './shapes.ts';

export const lightsailEnumPairs: EnumPair[] = [
  { name: 'lightsail.ContactMethodVerificationProtocol', documented: VERIFICATION_PROTOCOLS, sdk: ContactMethodVerificationProtocol },
  { name: 'lightsail.ContactProtocol', documented: CONTACT_PROTOCOLS, sdk: ContactProtocol },
  { name: 'lightsail.ContactMethodStatus', documented: CONTACT_METHOD_STATUSES, sdk: ContactMethodStatus },
  { name: 'lightsail.OperationStatus', documented: OPERATION_STATUSES, sdk: OperationStatus },
  { name: 'lightsail.OperationType', documented: OPERATION_TYPES, sdk: OperationType },
  { name: 'lightsail.RegionName', documented: REGION_NAMES, sdk: RegionName },
  { name: 'lightsail.ResourceType', documented: RESOURCE_TYPES, sdk: ResourceType },
];

/** A value is a member when the document lists it or the installed SDK (the wire truth today) does. */
const memberValues = (documented: readonly string[], sdk: Record<string, string>): string[] => [...new Set([...documented, ...Object.values(sdk)])];
export const OPERATION_TYPE_VALUES = memberValues(OPERATION_TYPES, OperationType);
export const RESOURCE_TYPE_VALUES = memberValues(RESOURCE_TYPES, ResourceType);
export const REGION_NAME_VALUES = memberValues(REGION_NAMES, RegionName);
export const OPERATION_STATUS_VALUES = memberValues(OPERATION_STATUSES, OperationStatus);
export const CONTACT_METHOD_STATUS_VALUES = memberValues(CONTACT_METHOD_STATUSES, ContactMethodStatus);
export const CONTACT_PROTOCOL_VALUES = memberValues(CONTACT_PROTOCOLS, ContactProtocol);
