import { defineRules } from './rule.ts';

const DOC = 'aws-docs/ses-get-identity-verification-attributes.txt';
const MODEL = 'aws-models/ses-2010-12-01.json';
const GIVA = 'GetIdentityVerificationAttributes';
/** The API Reference page of an operation (the document's "See also: AWS API Documentation" link). */
const apiReference = (operation: string) => `https://docs.aws.amazon.com/goto/WebAPI/email-2010-12-01/${operation}`;

export const sesRules = defineRules([
  {
    id: 'SES.GIVA.IDENTITIES_REQUIRED',
    service: 'ses',
    operation: GIVA,
    kind: 'shape',
    // Which error, and that it is no 5xx, is SES.ERRORS.QUERY_ERROR_SHAPE's to judge.
    statement: 'A request without Identities is rejected with an error, never accepted.',
    quote: '{"required": ["Identities"]}',
    source: `${MODEL}#/shapes/GetIdentityVerificationAttributesRequest`,
  },
  {
    id: 'SES.GIVA.MAX_IDENTITIES',
    service: 'ses',
    operation: GIVA,
    kind: 'limit',
    // Which error, and that it is no 5xx, is SES.ERRORS.QUERY_ERROR_SHAPE's to judge.
    statement: 'Up to 100 identities per call are accepted; 101 or more are rejected with an error, never accepted.',
    quote: 'This operation is throttled at one request per second and can only get verification attributes for up to 100 identities at a time.',
    source: DOC,
  },
  {
    id: 'SES.GIVA.THROTTLE',
    service: 'ses',
    operation: GIVA,
    kind: 'throttle',
    statement:
      'A burst of calls faster than one per second gets the throttling error (Throttling or ThrottlingException, 4xx), and no other error, for the calls over the rate; calls within the rate are not throttled.',
    quote: 'This operation is throttled at one request per second and can only get verification attributes for up to 100 identities at a time.',
    source: DOC,
    needs: ['throttle-probe'],
  },
  {
    id: 'SES.GIVA.RESPONSE_SHAPE',
    service: 'ses',
    operation: GIVA,
    kind: 'shape',
    statement: 'The answer is a VerificationAttributes map keyed by the requested identities (no others), each value carrying a VerificationStatus.',
    quote: 'A map of Identities to IdentityVerificationAttributes objects.',
    source: DOC,
  },
  {
    id: 'SES.GIVA.STATUS_ENUM',
    service: 'ses',
    operation: GIVA,
    kind: 'enum',
    statement: 'VerificationStatus is one of Pending, Success, Failed, TemporaryFailure, NotStarted (exact case).',
    quote: '{"type": "string", "enum": ["Pending", "Success", "Failed", "TemporaryFailure", "NotStarted"]}',
    source: `${MODEL}#/shapes/VerificationStatus`,
    contradiction: {
      note: 'The response structure prose lists four statuses ("Pending", "Success", "Failed", or "TemporaryFailure"); the response syntax enum lists five, adding NotStarted.',
      reading: 'The enum (five values) is the wire contract, and the API model agrees with it, so NotStarted is accepted as a member.',
    },
  },
  {
    id: 'SES.GIVA.EMAIL_TOKEN_NULL',
    service: 'ses',
    operation: GIVA,
    kind: 'shape',
    statement: 'An email address identity carries no VerificationToken.',
    quote: 'The verification token for a domain identity. Null for email address identities.',
    source: DOC,
  },
  {
    id: 'SES.GIVA.DOMAIN_TOKEN',
    service: 'ses',
    operation: GIVA,
    kind: 'shape',
    statement: 'A domain identity carries its VerificationToken, the one VerifyDomainIdentity returned.',
    quote:
      'Given a list of identities (email addresses and/or domains), returns the verification status and (for domain identities) the verification token for each identity.',
    source: DOC,
    // Compared with the token VerifyDomainIdentity returned.
    dependsOn: ['SES.VERIFY_DOMAIN.TOKEN_RETURNED'],
  },
  {
    id: 'SES.EMAIL.PENDING_UNTIL_CLICKED',
    service: 'ses',
    operation: GIVA,
    kind: 'state',
    statement: 'After VerifyEmailIdentity, the address is Pending until its link is followed (and before its 24 hours are up).',
    quote:
      'The verification status of an email address is "Pending" until the email address owner clicks the link within the verification email that Amazon SES sent to that address.',
    source: DOC,
    // Judged on the status read.
  },
  {
    id: 'SES.EMAIL.SUCCESS_WITHIN_24H',
    service: 'ses',
    operation: GIVA,
    kind: 'state',
    statement: 'Following the verification link within 24 hours makes the address Success.',
    quote: 'If the email address owner clicks the link within 24 hours, the verification status of the email address changes to "Success".',
    source: DOC,
    // A transition from Pending.
    dependsOn: ['SES.EMAIL.PENDING_UNTIL_CLICKED'],
    needs: ['inbox'],
  },
  {
    id: 'SES.EMAIL.FAILED_AFTER_24H',
    service: 'ses',
    operation: GIVA,
    kind: 'state',
    statement: 'An address whose link is not followed within 24 hours is Failed, and following the link afterwards does not verify it.',
    quote: 'If the link is not clicked within 24 hours, the verification status changes to "Failed."',
    source: DOC,
    // A transition from Pending.
    dependsOn: ['SES.EMAIL.PENDING_UNTIL_CLICKED'],
    needs: ['clock'],
  },
  {
    id: 'SES.EMAIL.RESTART_AFTER_FAILED',
    service: 'ses',
    operation: 'VerifyEmailIdentity',
    kind: 'state',
    statement: 'After Failed, VerifyEmailIdentity restarts verification from the beginning: the address is Pending again.',
    quote: 'In that case, if you still want to verify the email address, you must restart the verification process from the beginning.',
    source: DOC,
    // Needs Failed reached.
    dependsOn: ['SES.EMAIL.FAILED_AFTER_24H'],
    needs: ['clock'],
  },
  {
    id: 'SES.DOMAIN.PENDING_UNTIL_RECORD',
    service: 'ses',
    operation: GIVA,
    kind: 'state',
    statement: 'After VerifyDomainIdentity, the domain is Pending while no TXT record with its token is published (and before its 72 hours are up).',
    quote:
      'For domain identities, the domain\'s verification status is "Pending" as Amazon SES searches for the required TXT record in the DNS settings of the domain.',
    source: DOC,
    // Judged on the status read.
  },
  {
    id: 'SES.DOMAIN.SUCCESS_WHEN_RECORD',
    service: 'ses',
    operation: GIVA,
    kind: 'state',
    statement:
      'Once the TXT record with the token is published within the 72 hours, the domain becomes Success (it may stay Pending until detected, but is Success by the end of the 72 hours and never Failed).',
    quote: 'When Amazon SES detects the record, the domain\'s verification status changes to "Success".',
    source: DOC,
    // A transition from Pending, with the record holding the returned token.
    dependsOn: ['SES.DOMAIN.PENDING_UNTIL_RECORD', 'SES.VERIFY_DOMAIN.TOKEN_RETURNED'],
    needs: ['dns', 'clock'],
  },
  {
    id: 'SES.DOMAIN.FAILED_AFTER_72H',
    service: 'ses',
    operation: GIVA,
    kind: 'state',
    statement: 'A domain whose TXT record is not published within 72 hours is Failed.',
    quote: 'If Amazon SES is unable to detect the record within 72 hours, the domain\'s verification status changes to "Failed."',
    source: DOC,
    // A transition from Pending.
    dependsOn: ['SES.DOMAIN.PENDING_UNTIL_RECORD'],
    needs: ['clock'],
  },
  {
    id: 'SES.DOMAIN.RESTART_AFTER_FAILED',
    service: 'ses',
    operation: 'VerifyDomainIdentity',
    kind: 'state',
    statement: 'After Failed, VerifyDomainIdentity restarts verification from the beginning: the domain is Pending again, with a token.',
    quote: 'In that case, if you still want to verify the domain, you must restart the verification process from the beginning.',
    source: DOC,
    // Needs Failed reached.
    dependsOn: ['SES.DOMAIN.FAILED_AFTER_72H'],
    needs: ['clock'],
  },
  {
    id: 'SES.VERIFY_DOMAIN.TOKEN_RETURNED',
    service: 'ses',
    operation: 'VerifyDomainIdentity',
    kind: 'shape',
    statement: 'VerifyDomainIdentity answers with a non-empty VerificationToken.',
    quote: '{"type": "structure", "required": ["VerificationToken"]}',
    source: `${MODEL}#/shapes/VerifyDomainIdentityResponse`,
  },
  {
    id: 'SES.DELETE.REMOVES_IDENTITY',
    service: 'ses',
    operation: 'DeleteIdentity',
    kind: 'state',
    statement: 'A deleted identity disappears from ListIdentities and from GetIdentityVerificationAttributes.',
    quote: '{"type": "structure", "required": ["Identity"]}',
    source: `${MODEL}#/shapes/DeleteIdentityRequest`,
    assumption: {
      reason:
        'The document does not describe DeleteIdentity, and the API model gives only its request. The check takes it as the API Reference does ("Deletes the specified identity (an email address or a domain) from the list of verified identities."): a deleted identity no longer exists, so neither ListIdentities nor GetIdentityVerificationAttributes answers it.',
      publicSource: apiReference('DeleteIdentity'),
    },
  },
  {
    id: 'SES.LIST.IDENTITIES',
    service: 'ses',
    operation: 'ListIdentities',
    kind: 'state',
    statement: 'ListIdentities, followed through NextToken, lists every identity that exists (and, with IdentityType, only that type), each once.',
    quote:
      '{"type": "structure", "members": {"IdentityType": {"shape": "IdentityType"}, "NextToken": {"shape": "NextToken"}, "MaxItems": {"shape": "MaxItems"}}}',
    source: `${MODEL}#/shapes/ListIdentitiesRequest`,
    assumption: {
      reason:
        'The document does not describe ListIdentities, and the API model gives only its request (IdentityType, NextToken, MaxItems). The check follows the API Reference, which has it list all the identities (email addresses and domains) of the account in the Region, whatever their verification status, filtered by IdentityType when given.',
      publicSource: apiReference('ListIdentities'),
    },
  },
  {
    id: 'SES.ERRORS.QUERY_ERROR_SHAPE',
    service: 'ses',
    operation: '*',
    kind: 'error',
    statement: 'Every rejection is an AWS query-protocol error: one of the common client error codes, with a 4xx status; a client mistake never gets a 5xx.',
    quote: '{"protocol": "query"}',
    source: `${MODEL}#/metadata`,
  },
]);
