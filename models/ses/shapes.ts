// SES (API 2010-12-01) request and response shapes, transcribed from the GetIdentityVerification-
// Attributes document and, for the supporting operations, from the API model. Response schemas
// take the SDK's output (the `$metadata` it adds is ignored).
import { z } from 'zod';

/** The five values of the response syntax enum (the prose lists only four: see SES.GIVA.STATUS_ENUM). */
export const VERIFICATION_STATUSES = ['Pending', 'Success', 'Failed', 'TemporaryFailure', 'NotStarted'] as const;
export const VerificationStatus = z.enum(VERIFICATION_STATUSES);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

export const IDENTITY_TYPES = ['EmailAddress', 'Domain'] as const;
const IdentityType = z.enum(IDENTITY_TYPES);

/** At most 100 identities a call: "can only get verification attributes for up to 100 identities at a time". */
export const MAX_IDENTITIES_PER_CALL = 100;

export const GetIdentityVerificationAttributesRequest = z.object({
  Identities: z.array(z.string()).max(MAX_IDENTITIES_PER_CALL),
});

/** The status is checked against the enum separately, so that a wrong value is reported as an enum finding. */
const IdentityVerificationAttributes = z.object({
  VerificationStatus: z.string(),
  VerificationToken: z.string().nullish(),
});

export const GetIdentityVerificationAttributesResponse = z.object({
  VerificationAttributes: z.record(z.string(), IdentityVerificationAttributes),
});

export const VerifyEmailIdentityRequest = z.object({ EmailAddress: z.string() });

export const VerifyDomainIdentityRequest = z.object({ Domain: z.string() });
export const VerifyDomainIdentityResponse = z.object({ VerificationToken: z.string().min(1) });

export const DeleteIdentityRequest = z.object({ Identity: z.string() });

export const ListIdentitiesRequest = z.object({
  IdentityType: IdentityType.optional(),
  NextToken: z.string().optional(),
  MaxItems: z.number().int().optional(),
});
export const ListIdentitiesResponse = z.object({
  Identities: z.array(z.string()),
  NextToken: z.string().optional(),
});
