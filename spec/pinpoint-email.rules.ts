import { defineRules } from './rule.ts';

const DOC = 'aws-docs/pinpoint-email-create-email-identity.txt';
const MODEL = 'aws-models/pinpoint-email-2018-07-26.json';
const CREATE = 'CreateEmailIdentity';
/** The API Reference page of an operation (the document's "See also: AWS API Documentation" link). */
const apiReference = (operation: string) => `https://docs.aws.amazon.com/goto/WebAPI/pinpoint-email-2018-07-26/${operation}`;

export const pinpointEmailRules = defineRules([
  {
    id: 'PINPOINT.CREATE.IDENTITY_REQUIRED',
    service: 'pinpoint-email',
    operation: CREATE,
    kind: 'shape',
    statement: 'A CreateEmailIdentity request without EmailIdentity is rejected with a documented client error (4xx), never accepted and never a 5xx.',
    quote: '{"required": ["EmailIdentity"]}',
    source: `${MODEL}#/shapes/CreateEmailIdentityRequest`,
  },
  {
    id: 'PINPOINT.IDENTITY.TYPE',
    service: 'pinpoint-email',
    operation: CREATE,
    kind: 'shape',
    statement:
      'IdentityType is EMAIL_ADDRESS for an email address and DOMAIN for a domain, in the CreateEmailIdentity and GetEmailIdentity answers and in ListEmailIdentities.',
    quote: 'In Amazon Pinpoint, an identity is an email address or domain that you use when you send email.',
    source: DOC,
    assumption: {
      reason:
        'The document defines an identity as an email address or a domain and gives IdentityType ("The email identity type.") the values EMAIL_ADDRESS, DOMAIN and MANAGED_DOMAIN, without saying which is answered for which; the check pairs each kind of identity with the value that names it.',
    },
    // Which documented value is answered presupposes a documented value; another is the enum rule's finding.
    dependsOn: ['PINPOINT.ENUM.IDENTITY_TYPE'],
  },
  {
    id: 'PINPOINT.ENUM.IDENTITY_TYPE',
    service: 'pinpoint-email',
    operation: CREATE,
    kind: 'enum',
    statement: 'IdentityType is one of EMAIL_ADDRESS, DOMAIN, MANAGED_DOMAIN (exact case), wherever it is answered.',
    quote: '{"type": "string", "enum": ["EMAIL_ADDRESS", "DOMAIN", "MANAGED_DOMAIN"]}',
    source: `${MODEL}#/shapes/IdentityType`,
  },
  {
    id: 'PINPOINT.ENUM.DKIM_STATUS',
    service: 'pinpoint-email',
    operation: CREATE,
    kind: 'enum',
    statement: 'DkimAttributes.Status, when present, is one of PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE, NOT_STARTED (exact case).',
    quote: '{"type": "string", "enum": ["PENDING", "SUCCESS", "FAILED", "TEMPORARY_FAILURE", "NOT_STARTED"]}',
    source: `${MODEL}#/shapes/DkimStatus`,
  },
  {
    id: 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE',
    service: 'pinpoint-email',
    operation: CREATE,
    kind: 'state',
    statement:
      'A new identity is not VerifiedForSendingStatus (false or absent), in the CreateEmailIdentity answer and in GetEmailIdentity until its link is followed (address) or its DKIM records are detected (domain); an unverified domain reports DKIM PENDING (or NOT_STARTED, TEMPORARY_FAILURE) while its 72 hours run.',
    quote: 'Before you can use an identity to send email with Amazon Pinpoint, you first have to verify it.',
    source: DOC,
  },
  {
    id: 'PINPOINT.DKIM.DOMAIN_TOKENS',
    service: 'pinpoint-email',
    operation: CREATE,
    kind: 'shape',
    statement: 'A domain identity gets DkimAttributes.Tokens: a non-empty set of non-empty strings, no two equal; GetEmailIdentity answers the same set.',
    quote: 'A set of unique strings that you use to create a set of CNAME records that you add to the DNS configuration for your domain.',
    source: DOC,
  },
  {
    id: 'PINPOINT.DKIM.EMAIL_EMPTY',
    service: 'pinpoint-email',
    operation: CREATE,
    kind: 'shape',
    statement:
      'For an email address the DKIM object is empty: DkimAttributes is absent or carries no Tokens (absent or []) and does not say SigningEnabled true. ("This object" in the document is the DKIM part of the answer: the answer itself must still carry IdentityType.)',
    quote: 'If the email identity is an email address, this object is empty.',
    source: DOC,
  },
  {
    id: 'PINPOINT.TAGS.MAX_50',
    service: 'pinpoint-email',
    operation: 'TagResource',
    kind: 'limit',
    statement:
      'CreateEmailIdentity and TagResource accept tags while the resource ends with at most 50 (counting the tags it already has; tags with the aws: prefix do not count), and reject with a documented client error (4xx) a request that would leave more than 50; ListTagsForResource never lists more than 50.',
    quote: 'A resource can have as many as 50 tags.',
    source: DOC,
  },
  {
    id: 'PINPOINT.TAGS.KEY_LENGTH',
    service: 'pinpoint-email',
    operation: 'TagResource',
    kind: 'limit',
    statement:
      'A tag key of 1 to 128 characters is accepted; an empty key or one of 129 or more characters is rejected with a documented client error (4xx), on CreateEmailIdentity and TagResource alike.',
    quote: 'The maximum length of a tag key is 128 characters. The minimum length is 1 character.',
    source: DOC,
  },
  {
    id: 'PINPOINT.TAGS.VALUE_LENGTH',
    service: 'pinpoint-email',
    operation: 'TagResource',
    kind: 'limit',
    statement:
      'A tag value of 0 to 256 characters is accepted; one of 257 or more characters is rejected with a documented client error (4xx), on CreateEmailIdentity and TagResource alike.',
    quote: 'The maximum length of a tag value is 256 characters. The minimum length is 0 characters.',
    source: DOC,
  },
  {
    id: 'PINPOINT.TAGS.CHARACTERS',
    service: 'pinpoint-email',
    operation: 'TagResource',
    kind: 'limit',
    statement:
      "Keys and values made of Unicode letters, digits, white space and _ . : / = + - are accepted; a key or value with a character that AWS's general tagging rules do not allow either (e.g. # ! * % & ? , ; < > |) is rejected with a documented client error (4xx); one with @ (allowed by those rules, not by the document) is either accepted and listed as sent, or rejected with a documented client error, never a 5xx.",
    quote: 'The characters can be Unicode letters, digits, white space, or one of the following symbols: _ . : / = + -.',
    source: DOC,
    contradiction: {
      note: 'The document leaves @ out of its symbols; AWS\'s general tagging rules allow "letters, numbers, and spaces representable in UTF-8, and the following characters: _ . : / = + - @" (Tagging AWS resources, https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html), and the API model gives TagKey and TagValue no pattern.',
      reading:
        "Where the document is stricter than AWS's general rules (@), either reading passes and the one the target followed is recorded; every other character outside both sets must be rejected.",
      readings: {
        document: 'a key or value with @ is rejected with a documented client error',
        'tagging-guide': 'a key or value with @ is accepted and listed as sent',
      },
    },
  },
  {
    id: 'PINPOINT.TAGS.CASE_SENSITIVE',
    service: 'pinpoint-email',
    operation: 'TagResource',
    kind: 'state',
    statement: 'Keys that differ only in case are different tags: both are kept, each with its own value (and values keep their case).',
    quote: 'Tag keys and values are case sensitive.',
    source: DOC,
    // Two different-case keys kept apart show case sensitivity only where an equal key is merged into one.
    dependsOn: ['PINPOINT.TAGS.UNIQUE_KEY'],
  },
  {
    id: 'PINPOINT.TAGS.UNIQUE_KEY',
    service: 'pinpoint-email',
    operation: 'TagResource',
    kind: 'state',
    statement: 'A key appears at most once per resource: tagging an existing key replaces its value, and ListTagsForResource never lists a key twice.',
    quote: 'For each associated resource, each tag key must be unique and it can have only one value.',
    source: DOC,
  },
  {
    id: 'PINPOINT.TAGS.AWS_PREFIX',
    service: 'pinpoint-email',
    operation: 'TagResource',
    kind: 'limit',
    statement:
      'A tag whose key begins with aws: in any letter case (aws:, AWS:, Aws:, aWS: ...) is rejected with a documented client error (4xx), on CreateEmailIdentity and TagResource alike; a value beginning so is either rejected with a documented client error (the document) or accepted and listed as sent, never a 5xx.',
    quote: 'The aws: prefix is reserved for use by AWS; you can’t use it in any tag keys or values that you define.',
    source: DOC,
    contradiction: {
      note: 'The document names the prefix in lower case only and says "Tag keys and values are case sensitive", which could make AWS: an ordinary prefix; AWS\'s tagging guide (Tagging AWS resources, "Tag naming limits and requirements") reserves "aws:, AWS:, or any upper or lowercase combination of such".',
      reading:
        'The prefix is reserved in every letter case: a key beginning with any casing of aws: must be rejected. In values the document reserves it too, but the API model gives TagValue no pattern and AWS services differ (EFS allows it in values, https://docs.aws.amazon.com/efs/latest/ug/API_Tag.html; Forecast says "Values can have this prefix", https://docs.aws.amazon.com/forecast/latest/dg/API_Tag.html): for a value either reading passes, and the one the target followed is recorded.',
      readings: {
        document: 'a value beginning with aws: (any letter case) is rejected with a documented client error',
        model: 'a value beginning with aws: is accepted and listed as sent (the prefix reserved in keys only)',
      },
    },
  },
  {
    id: 'PINPOINT.TAGS.VALUE_OPTIONAL',
    service: 'pinpoint-email',
    operation: 'TagResource',
    kind: 'shape',
    statement:
      'A tag given without a Value (on CreateEmailIdentity or TagResource, on a new key or one the resource has) is either accepted and then listed with the value "" (the document), or rejected with a documented client error that names the missing Value, changing nothing (the API model); never a 5xx, never listed with another value.',
    quote:
      'If you don’t want a resource to have a specific tag value, don’t specify a value for this parameter. Amazon Pinpoint will set the value to an empty string.',
    source: DOC,
    contradiction: {
      note: 'The parameter list marks Value "[REQUIRED]" (and the API model lists it in the Tag shape\'s required members), yet the same entry calls it "the optional part of a key-value pair" and says that if you don\'t specify a value Amazon Pinpoint sets it to an empty string.',
      reading:
        "Until an AWS run shows which one AWS follows (baselines/aws.json), either reading passes and the one the target followed is recorded. Tags without Value are sent only in requests of their own, so no other rule's verdict depends on the reading.",
      readings: {
        document: 'a tag without Value is accepted and listed with the value ""',
        model: 'a tag without Value is rejected with a documented client error naming Value, and nothing changes',
      },
    },
  },
  {
    id: 'PINPOINT.TAGS.LIST_MATCHES',
    service: 'pinpoint-email',
    operation: 'ListTagsForResource',
    kind: 'state',
    statement:
      'ListTagsForResource answers Tags, exactly the tags the identity was created with and then given by TagResource (each key with its latest value), less those removed by UntagResource; a rejected request changes nothing.',
    quote: '{"type": "structure", "required": ["Tags"], "members": {"Tags": {"shape": "TagList"}}}',
    source: `${MODEL}#/shapes/ListTagsForResourceResponse`,
    assumption: {
      reason:
        'The document describes tags only as given to CreateEmailIdentity, and the API model gives ListTagsForResource only its answer (Tags required). The check follows the API Reference, which has it list the tags associated with the resource: those it was created with, as TagResource and UntagResource changed them since.',
      publicSource: apiReference('ListTagsForResource'),
    },
  },
  {
    id: 'PINPOINT.UNTAG.REMOVES',
    service: 'pinpoint-email',
    operation: 'UntagResource',
    kind: 'state',
    statement: 'UntagResource with TagKeys removes those keys (and only those) from the resource: ListTagsForResource no longer lists them.',
    quote: '{"type": "structure", "required": ["ResourceArn", "TagKeys"]}',
    source: `${MODEL}#/shapes/UntagResourceRequest`,
    assumption: {
      reason:
        'The document does not describe UntagResource, and the API model gives only its request (ResourceArn and TagKeys required). The check takes it as the API Reference does (it removes tags from the resource): the keys named are removed, and only they.',
      publicSource: apiReference('UntagResource'),
    },
    // A key not listed is gone only if the listing shows the tags there are.
    dependsOn: ['PINPOINT.TAGS.LIST_MATCHES'],
  },
  {
    id: 'PINPOINT.VERIFY.EMAIL_LINK',
    service: 'pinpoint-email',
    operation: 'GetEmailIdentity',
    kind: 'state',
    statement:
      'CreateEmailIdentity for an address sends it a message with a verification link; once the link is followed, GetEmailIdentity answers VerifiedForSendingStatus true.',
    quote: 'Your email address is verified as soon as you follow the link in the verification email.',
    source: DOC,
    needs: ['inbox'],
    // Verified after the link shows the link's effect only for an address that was not verified before it.
    dependsOn: ['PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE'],
  },
  {
    id: 'PINPOINT.VERIFY.DOMAIN_DKIM',
    service: 'pinpoint-email',
    operation: 'GetEmailIdentity',
    kind: 'state',
    statement:
      'Once the CNAME records <token>._domainkey.<domain> -> <token>.dkim.amazonses.com of every DKIM token are published within the 72 hours, the domain becomes verified (VerifiedForSendingStatus true, DKIM SUCCESS); it may stay unverified until detected, but is verified by the end of the 72 hours and never FAILED.',
    quote: 'Your domain is verified when Amazon Pinpoint detects these records in the DNS configuration for your domain.',
    source: DOC,
    needs: ['dns', 'clock'],
    dependsOn: ['PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE'],
  },
  {
    id: 'PINPOINT.VERIFY.DOMAIN_FAILED_72H',
    service: 'pinpoint-email',
    operation: 'GetEmailIdentity',
    kind: 'state',
    statement:
      'A domain whose DKIM records are not published within the 72 hours the document gives for verification ("It usually takes around 72 hours to complete the domain verification process") reports DKIM FAILED and is not verified, and records published afterwards do not verify it.',
    quote: "FAILED – Amazon Pinpoint was unable to locate the DKIM records in the DNS settings for the domain, and won't continue to search for them.",
    source: DOC,
    needs: ['clock'],
    // FAILED is where a domain that was pending ends up.
    dependsOn: ['PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE'],
  },
  {
    id: 'PINPOINT.GET.NOT_FOUND',
    service: 'pinpoint-email',
    operation: 'GetEmailIdentity',
    kind: 'error',
    statement: 'GetEmailIdentity of an identity that does not exist (never created, or deleted) is answered NotFoundException (HTTP 404).',
    quote: '{"errors": [{"shape": "NotFoundException"}, {"shape": "TooManyRequestsException"}, {"shape": "BadRequestException"}]}',
    source: `${MODEL}#/operations/GetEmailIdentity`,
  },
  {
    id: 'PINPOINT.DELETE.REMOVES_IDENTITY',
    service: 'pinpoint-email',
    operation: 'DeleteEmailIdentity',
    kind: 'state',
    statement:
      "A deleted identity is gone: GetEmailIdentity no longer answers it (it answers NotFoundException, as for any identity that does not exist; another error is PINPOINT.GET.NOT_FOUND's finding) and ListEmailIdentities no longer lists it.",
    quote: '{"type": "structure", "required": ["EmailIdentity"]}',
    source: `${MODEL}#/shapes/DeleteEmailIdentityRequest`,
    assumption: {
      reason:
        'The document does not describe DeleteEmailIdentity, and the API model gives only its request (EmailIdentity required). The check takes it as the API Reference does (it deletes an email identity): afterwards the identity does not exist.',
      publicSource: apiReference('DeleteEmailIdentity'),
    },
    // Not found and not listed show a deletion only where a missing identity is not found and an existing one listed.
    dependsOn: ['PINPOINT.GET.NOT_FOUND', 'PINPOINT.LIST.IDENTITIES'],
  },
  {
    id: 'PINPOINT.LIST.IDENTITIES',
    service: 'pinpoint-email',
    operation: 'ListEmailIdentities',
    kind: 'state',
    statement: 'ListEmailIdentities, followed through NextToken, lists every identity that exists once, with its IdentityType, and none that does not.',
    quote: '{"type": "structure", "members": {"EmailIdentities": {"shape": "IdentityInfoList"}, "NextToken": {"shape": "NextToken"}}}',
    source: `${MODEL}#/shapes/ListEmailIdentitiesResponse`,
    assumption: {
      reason:
        'The document does not describe ListEmailIdentities, and the API model gives only the shape of its answer. The check follows the API Reference, which has it list all the email identities of the account, verified or not, page by page through NextToken.',
      publicSource: apiReference('ListEmailIdentities'),
    },
  },
  {
    id: 'PINPOINT.ERRORS.DOCUMENTED',
    service: 'pinpoint-email',
    operation: '*',
    kind: 'error',
    statement:
      'Every error is one the documents list for its operation (CreateEmailIdentity: LimitExceededException, TooManyRequestsException, BadRequestException, ConcurrentModificationException; the others as the API model lists them), with the HTTP status the API model gives it (400, 400, 429, 500; NotFoundException 404); a client mistake (a missing field, a broken tag limit) is answered with a 4xx, never a 5xx.',
    // The same four errors the document lists under "Exceptions".
    quote:
      '{"errors": [{"shape": "LimitExceededException"}, {"shape": "TooManyRequestsException"}, {"shape": "BadRequestException"}, {"shape": "ConcurrentModificationException"}]}',
    source: `${MODEL}#/operations/CreateEmailIdentity`,
  },
]);
