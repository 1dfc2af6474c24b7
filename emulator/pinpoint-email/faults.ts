// Pinpoint Email's entries in the fault catalog: each one breaks one thing the CreateEmailIdentity
// document (or its tag rules) states.
import type { FaultRegistry } from '../control/faults.ts';
import type { FaultInfo } from '../types.ts';

export const PinpointFault = {
  TagsAcceptOver50: 'pinpoint.tags.accept-over-50',
  TagsAcceptLongKey: 'pinpoint.tags.accept-long-key',
  TagsAcceptAwsPrefix: 'pinpoint.tags.accept-aws-prefix',
  TagsDuplicateKey: 'pinpoint.tags.duplicate-key',
  TagsCaseInsensitiveKeys: 'pinpoint.tags.case-insensitive-keys',
  DomainAsEmail: 'pinpoint.identity.domain-as-email',
  VerifiedOnCreate: 'pinpoint.identity.verified-on-create',
  EmailGetsTokens: 'pinpoint.dkim.email-gets-tokens',
  DuplicateTokens: 'pinpoint.dkim.duplicate-tokens',
  DomainNeverFails: 'pinpoint.domain.never-fails',
  LimitAs500: 'pinpoint.errors.limit-as-500',
  UntagIgnored: 'pinpoint.untag.ignored',
  CreateWithoutIdentity: 'pinpoint.create.accept-missing-identity',
  DkimStatusLowercase: 'pinpoint.dkim.status-lowercase',
  TagsAcceptLongValue: 'pinpoint.tags.accept-long-value',
  TagsAcceptAnyCharacter: 'pinpoint.tags.accept-any-character',
  TagsOmittedValueDropped: 'pinpoint.tags.omitted-value-dropped',
  EmailLinkIgnored: 'pinpoint.verify.link-ignored',
  DomainIgnoresDkim: 'pinpoint.domain.ignores-dkim',
  GetUnknownAs400: 'pinpoint.get.unknown-400',
  DeleteKeepsIdentity: 'pinpoint.delete.keeps-identity',
  ListDropsLast: 'pinpoint.list.drops-last',
  IdentityTypeLowercase: 'pinpoint.identity.type-lowercase',
  CreateDropsTags: 'pinpoint.create.drops-tags',
  EmptyKeyValidationException: 'pinpoint.errors.empty-key-validation',
} as const;

const PINPOINT_FAULTS: FaultInfo[] = [
  {
    id: PinpointFault.TagsAcceptOver50,
    description: 'A 51st tag is accepted, although "a resource can have as many as 50 tags".',
  },
  {
    id: PinpointFault.TagsAcceptLongKey,
    description: 'A 129-character tag key is accepted, although "the maximum length of a tag key is 128 characters".',
  },
  {
    id: PinpointFault.TagsAcceptAwsPrefix,
    description: 'Tag keys beginning with aws: are accepted, although "the aws: prefix is reserved for use by AWS".',
  },
  {
    id: PinpointFault.TagsDuplicateKey,
    description:
      'Tagging an existing key adds a second tag with that key instead of replacing its value, although "each tag key must be unique and it can have only one value".',
  },
  {
    id: PinpointFault.TagsCaseInsensitiveKeys,
    description: 'Tag keys that differ only in case overwrite each other, although "tag keys and values are case sensitive".',
  },
  {
    id: PinpointFault.DomainAsEmail,
    description: 'A domain identity answers IdentityType EMAIL_ADDRESS instead of DOMAIN.',
  },
  {
    id: PinpointFault.VerifiedOnCreate,
    description: 'A new identity answers VerifiedForSendingStatus true before its link is followed or its DKIM records are detected.',
  },
  {
    id: PinpointFault.EmailGetsTokens,
    description: 'An email address identity gets DKIM tokens, although for an email address "this object is empty".',
  },
  {
    id: PinpointFault.DuplicateTokens,
    description: 'A domain\'s DKIM tokens are all the same string, although they are "a set of unique strings".',
  },
  {
    id: PinpointFault.DomainNeverFails,
    description: 'A domain whose DKIM records never appear stays PENDING after 72 hours instead of becoming FAILED.',
  },
  {
    id: PinpointFault.LimitAs500,
    description: 'A tag-limit violation answers HTTP 500 instead of the 400 BadRequestException the API model lists.',
  },
  {
    id: PinpointFault.UntagIgnored,
    description: 'UntagResource answers success but the tags stay on the resource.',
  },
  {
    id: PinpointFault.CreateWithoutIdentity,
    description: 'CreateEmailIdentity without EmailIdentity answers success, although EmailIdentity is "[REQUIRED]".',
  },
  {
    id: PinpointFault.DkimStatusLowercase,
    description: 'DkimAttributes.Status comes back in lower case (pending, success, failed), outside the documented enum.',
  },
  {
    id: PinpointFault.TagsAcceptLongValue,
    description: 'A 257-character tag value is accepted, although "the maximum length of a tag value is 256 characters".',
  },
  {
    id: PinpointFault.TagsAcceptAnyCharacter,
    description:
      'Tag keys and values with any character are accepted, although they can only be "Unicode letters, digits, white space, or one of the following symbols: _ . : / = + -".',
  },
  {
    id: PinpointFault.TagsOmittedValueDropped,
    description: 'A tag given without a Value is stored with the text "undefined", although "Amazon Pinpoint will set the value to an empty string".',
  },
  {
    id: PinpointFault.EmailLinkIgnored,
    description: 'Following the verification link is acknowledged but the address stays unverified, although it "is verified as soon as you follow the link".',
  },
  {
    id: PinpointFault.DomainIgnoresDkim,
    description:
      'Published DKIM CNAME records are never detected, so the domain is never verified, although it "is verified when Amazon Pinpoint detects these records".',
  },
  {
    id: PinpointFault.GetUnknownAs400,
    description: 'GetEmailIdentity of an identity that does not exist answers BadRequestException (HTTP 400) instead of NotFoundException (HTTP 404).',
  },
  {
    id: PinpointFault.DeleteKeepsIdentity,
    description:
      'DeleteEmailIdentity answers success but GetEmailIdentity keeps answering the deleted identity from a stale copy instead of NotFoundException.',
  },
  {
    id: PinpointFault.ListDropsLast,
    description: 'ListEmailIdentities leaves the last identity out of its final page, so one existing identity is never listed.',
  },
  {
    id: PinpointFault.IdentityTypeLowercase,
    description: 'IdentityType comes back in lower case (email_address, domain), outside the documented enum, in every answer that carries it.',
  },
  {
    id: PinpointFault.CreateDropsTags,
    description: 'CreateEmailIdentity validates the Tags it is given but does not keep them: ListTagsForResource lists none of them.',
  },
  {
    id: PinpointFault.EmptyKeyValidationException,
    description: 'An empty tag key is answered ValidationException (HTTP 400), an error no Pinpoint Email operation lists, instead of BadRequestException.',
  },
].map((fault) => ({ ...fault, service: 'pinpoint-email' }));

export function registerPinpointFaults(registry: FaultRegistry): void {
  for (const fault of PINPOINT_FAULTS) registry.define(fault);
}
