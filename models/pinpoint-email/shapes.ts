// Pinpoint Email (API 2018-07-26) shapes, transcribed from the CreateEmailIdentity document and,
// for the supporting operations, from the API model. Response schemas take the SDK's output (the
// `$metadata` it adds is ignored); enum members are checked separately, so that a wrong value is
// reported as an enum finding rather than a shape finding.
import { z } from 'zod';
import type { TagPolicy } from '../shared/tags.ts';

export const IDENTITY_TYPES = ['EMAIL_ADDRESS', 'DOMAIN', 'MANAGED_DOMAIN'] as const;
export const DKIM_STATUSES = ['PENDING', 'SUCCESS', 'FAILED', 'TEMPORARY_FAILURE', 'NOT_STARTED'] as const;
export type DkimStatus = (typeof DKIM_STATUSES)[number];

/**
 * "A resource can have as many as 50 tags." "The maximum length of a tag key is 128 characters.
 * The minimum length is 1 character." "The maximum length of a tag value is 256 characters."
 * "The characters can be Unicode letters, digits, white space, or one of the following symbols:
 * _ . : / = + -." "The aws: prefix is reserved for use by AWS".
 */
export const PINPOINT_TAG_POLICY: TagPolicy = {
  maxTags: 50,
  minKeyLength: 1,
  maxKeyLength: 128,
  maxValueLength: 256,
  allowedCharacter: /^[\p{L}\p{Nd}\p{White_Space}_.:/=+-]$/u,
  reservedPrefix: 'aws:',
  // AWS's general tagging rules are looser than this document: "letters, numbers, and spaces
  // representable in UTF-8, and the following characters: _ . : / = + - @"
  // (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html), so `@` is disputed.
  disputedCharacter: /^@$/u,
  // The API model gives TagValue no pattern (aws-models/pinpoint-email-2018-07-26.json#/shapes/TagValue),
  // and AWS services differ on values: EFS's TagValue pattern has no prefix restriction
  // (https://docs.aws.amazon.com/efs/latest/ug/API_Tag.html), Forecast says "Values can have this
  // prefix" (https://docs.aws.amazon.com/forecast/latest/dg/API_Tag.html). Keys stay reserved.
  disputedValuePrefix: true,
};

const Tag = z.object({ Key: z.string(), Value: z.string().optional() });

const DkimAttributes = z.object({
  SigningEnabled: z.boolean().optional(),
  Status: z.string().optional(),
  Tokens: z.array(z.string()).optional(),
});

export const CreateEmailIdentityResponse = z.object({
  IdentityType: z.string(),
  VerifiedForSendingStatus: z.boolean().optional(),
  DkimAttributes: DkimAttributes.optional(),
});

export const GetEmailIdentityResponse = CreateEmailIdentityResponse.extend({
  FeedbackForwardingStatus: z.boolean().optional(),
  MailFromAttributes: z.object({ MailFromDomain: z.string(), MailFromDomainStatus: z.string(), BehaviorOnMxFailure: z.string() }).optional(),
  Tags: z.array(Tag).optional(),
});

export const ListEmailIdentitiesResponse = z.object({
  EmailIdentities: z
    .array(z.object({ IdentityType: z.string().optional(), IdentityName: z.string().optional(), SendingEnabled: z.boolean().optional() }))
    .optional(),
  NextToken: z.string().optional(),
});

export const ListTagsForResourceResponse = z.object({ Tags: z.array(Tag) });

/** Each error's HTTP status, from the API model's `error.httpStatusCode`. */
export const ERROR_STATUS: Record<string, number> = {
  BadRequestException: 400,
  LimitExceededException: 400,
  AlreadyExistsException: 400,
  NotFoundException: 404,
  TooManyRequestsException: 429,
  ConcurrentModificationException: 500,
};

/** The errors each operation lists (the document for CreateEmailIdentity, the API model for the rest). */
export const OPERATION_ERRORS: Record<string, readonly string[]> = {
  CreateEmailIdentity: ['LimitExceededException', 'TooManyRequestsException', 'BadRequestException', 'ConcurrentModificationException'],
  GetEmailIdentity: ['NotFoundException', 'TooManyRequestsException', 'BadRequestException'],
  ListEmailIdentities: ['TooManyRequestsException', 'BadRequestException'],
  DeleteEmailIdentity: ['NotFoundException', 'TooManyRequestsException', 'BadRequestException', 'ConcurrentModificationException'],
  TagResource: ['BadRequestException', 'ConcurrentModificationException', 'NotFoundException', 'TooManyRequestsException'],
  UntagResource: ['BadRequestException', 'ConcurrentModificationException', 'NotFoundException', 'TooManyRequestsException'],
  ListTagsForResource: ['BadRequestException', 'NotFoundException', 'TooManyRequestsException'],
};

/** The DNS record Pinpoint looks for, per DKIM token (the CNAME form the DKIM tokens are converted into). */
export const dkimRecord = (domain: string, token: string) => ({
  name: `${token}._domainkey.${domain}`,
  type: 'CNAME' as const,
  value: `${token}.dkim.amazonses.com`,
});

/** `arn:aws:ses:<region>:<account>:identity/<identity>`. */
export const identityArn = (region: string, account: string, identity: string) => `arn:aws:ses:${region}:${account}:identity/${identity}`;
