// Lightsail (API 2016-11-28) contact-method shapes, transcribed from the SendContactMethodVerification
// document and, for the supporting operations, from the API model. Enum members are checked
// separately, so that a wrong value is reported as an enum finding rather than a shape finding.
import { z } from 'zod';

export const CONTACT_PROTOCOLS = ['Email', 'SMS'] as const;
export type ContactProtocol = (typeof CONTACT_PROTOCOLS)[number];
export const VERIFICATION_PROTOCOLS = ['Email'] as const;
export const CONTACT_METHOD_STATUSES = ['PendingVerification', 'Valid', 'Invalid'] as const;
export const OPERATION_STATUSES = ['NotStarted', 'Started', 'Failed', 'Completed', 'Succeeded'] as const;
export const REGION_NAMES = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'ca-central-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'eu-north-1',
] as const;
export const RESOURCE_TYPES = [
  'ContainerService',
  'Instance',
  'StaticIp',
  'KeyPair',
  'InstanceSnapshot',
  'Domain',
  'PeeredVpc',
  'LoadBalancer',
  'LoadBalancerTlsCertificate',
  'Disk',
  'DiskSnapshot',
  'RelationalDatabase',
  'RelationalDatabaseSnapshot',
  'ExportSnapshotRecord',
  'CloudFormationStackRecord',
  'Alarm',
  'ContactMethod',
  'Distribution',
  'Certificate',
  'Bucket',
] as const;
export const OPERATION_TYPES = [
  'DeleteKnownHostKeys',
  'DeleteInstance',
  'CreateInstance',
  'StopInstance',
  'StartInstance',
  'RebootInstance',
  'OpenInstancePublicPorts',
  'PutInstancePublicPorts',
  'CloseInstancePublicPorts',
  'AllocateStaticIp',
  'ReleaseStaticIp',
  'AttachStaticIp',
  'DetachStaticIp',
  'UpdateDomainEntry',
  'DeleteDomainEntry',
  'CreateDomain',
  'DeleteDomain',
  'CreateInstanceSnapshot',
  'DeleteInstanceSnapshot',
  'CreateInstancesFromSnapshot',
  'CreateLoadBalancer',
  'DeleteLoadBalancer',
  'AttachInstancesToLoadBalancer',
  'DetachInstancesFromLoadBalancer',
  'UpdateLoadBalancerAttribute',
  'CreateLoadBalancerTlsCertificate',
  'DeleteLoadBalancerTlsCertificate',
  'AttachLoadBalancerTlsCertificate',
  'CreateDisk',
  'DeleteDisk',
  'AttachDisk',
  'DetachDisk',
  'CreateDiskSnapshot',
  'DeleteDiskSnapshot',
  'CreateDiskFromSnapshot',
  'CreateRelationalDatabase',
  'UpdateRelationalDatabase',
  'DeleteRelationalDatabase',
  'CreateRelationalDatabaseFromSnapshot',
  'CreateRelationalDatabaseSnapshot',
  'DeleteRelationalDatabaseSnapshot',
  'UpdateRelationalDatabaseParameters',
  'StartRelationalDatabase',
  'RebootRelationalDatabase',
  'StopRelationalDatabase',
  'EnableAddOn',
  'DisableAddOn',
  'PutAlarm',
  'GetAlarms',
  'DeleteAlarm',
  'TestAlarm',
  'CreateContactMethod',
  'GetContactMethods',
  'SendContactMethodVerification',
  'DeleteContactMethod',
  'CreateDistribution',
  'UpdateDistribution',
  'DeleteDistribution',
  'ResetDistributionCache',
  'AttachCertificateToDistribution',
  'DetachCertificateFromDistribution',
  'UpdateDistributionBundle',
  'SetIpAddressType',
  'CreateCertificate',
  'DeleteCertificate',
  'CreateContainerService',
  'UpdateContainerService',
  'DeleteContainerService',
  'CreateContainerServiceDeployment',
  'CreateContainerServiceRegistryLogin',
  'RegisterContainerImage',
  'DeleteContainerImage',
  'CreateBucket',
  'DeleteBucket',
  'CreateBucketAccessKey',
  'DeleteBucketAccessKey',
  'UpdateBucketBundle',
  'UpdateBucket',
  'SetResourceAccessForBucket',
  'UpdateInstanceMetadataOptions',
  'StartGUISession',
  'StopGUISession',
] as const;

/**
 * Where SMS contact methods can be created. Lightsail API Reference, CreateContactMethod: "The SMS
 * protocol is supported only in the following AWS Regions." (the shared document only says "SMS text
 * messaging is not supported in some Amazon Web Services Regions").
 */
const SMS_REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2'];
export const supportsSms = (region: string) => SMS_REGIONS.includes(region);

/** The errors every contact-method operation lists; ServiceException is the only fault (5xx) among them. */
export const CONTACT_METHOD_ERRORS = [
  'ServiceException',
  'InvalidInputException',
  'OperationFailureException',
  'UnauthenticatedException',
  'AccessDeniedException',
  'NotFoundException',
] as const;
export const SERVER_FAULT_ERRORS: readonly string[] = ['ServiceException'];

const Timestamp = z.date();

const Operation = z.object({
  id: z.string().min(1),
  resourceName: z.string().optional(),
  resourceType: z.string().optional(),
  createdAt: Timestamp.optional(),
  location: z.object({ availabilityZone: z.string().optional(), regionName: z.string().optional() }).optional(),
  isTerminal: z.boolean().optional(),
  operationDetails: z.string().optional(),
  operationType: z.string().optional(),
  status: z.string().optional(),
  statusChangedAt: Timestamp.optional(),
  errorCode: z.string().optional(),
  errorDetails: z.string().optional(),
});

export const OperationsResult = z.object({ operations: z.array(Operation).min(1) });

const ContactMethod = z.object({
  contactEndpoint: z.string().optional(),
  status: z.string().optional(),
  protocol: z.string().optional(),
  name: z.string().optional(),
  arn: z.string().optional(),
  createdAt: Timestamp.optional(),
  location: z.object({ availabilityZone: z.string().optional(), regionName: z.string().optional() }).optional(),
  resourceType: z.string().optional(),
  supportCode: z.string().optional(),
});

export const GetContactMethodsResult = z.object({ contactMethods: z.array(ContactMethod).optional() });
