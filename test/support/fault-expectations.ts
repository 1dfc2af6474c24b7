// Which rule of the catalog each fault of the reference emulator breaks: the self-check
// (test/fault-catalog.test.ts) and the fault-power measurement (npm run fault-power) both read it.

/** Which rule each fault breaks, as the documents state it. */
export const EXPECTED_FAILURE: Record<string, string> = {
  'ses.giva.accept-over-100': 'SES.GIVA.MAX_IDENTITIES',
  'ses.giva.no-throttle': 'SES.GIVA.THROTTLE',
  'ses.giva.throttle-as-500': 'SES.GIVA.THROTTLE',
  // A 5xx answered to a client mistake: the documented-errors rule's, in the one shared error order.
  'ses.giva.missing-identities-500': 'SES.ERRORS.QUERY_ERROR_SHAPE',
  'ses.giva.accepts-missing-identities': 'SES.GIVA.IDENTITIES_REQUIRED',
  'ses.status.lowercase': 'SES.GIVA.STATUS_ENUM',
  'ses.email.never-fails': 'SES.EMAIL.FAILED_AFTER_24H',
  'ses.email.token-not-null': 'SES.GIVA.EMAIL_TOKEN_NULL',
  'ses.email.no-restart': 'SES.EMAIL.RESTART_AFTER_FAILED',
  'ses.domain.drop-token': 'SES.GIVA.DOMAIN_TOKEN',
  'ses.domain.token-mismatch': 'SES.GIVA.DOMAIN_TOKEN',
  'ses.domain.ignores-dns': 'SES.DOMAIN.SUCCESS_WHEN_RECORD',
  'ses.delete.keeps-identity': 'SES.DELETE.REMOVES_IDENTITY',
  'ses.giva.all-identities': 'SES.GIVA.RESPONSE_SHAPE',
  'ses.email.verified-on-create': 'SES.EMAIL.PENDING_UNTIL_CLICKED',
  'ses.email.link-ignored': 'SES.EMAIL.SUCCESS_WITHIN_24H',
  'ses.domain.verified-on-create': 'SES.DOMAIN.PENDING_UNTIL_RECORD',
  'ses.domain.never-fails': 'SES.DOMAIN.FAILED_AFTER_72H',
  'ses.domain.no-restart': 'SES.DOMAIN.RESTART_AFTER_FAILED',
  'ses.verify-domain.no-token': 'SES.VERIFY_DOMAIN.TOKEN_RETURNED',
  'ses.list.drops-last': 'SES.LIST.IDENTITIES',
  'ses.errors.unknown-code': 'SES.ERRORS.QUERY_ERROR_SHAPE',
  'pinpoint.tags.accept-over-50': 'PINPOINT.TAGS.MAX_50',
  'pinpoint.tags.accept-long-key': 'PINPOINT.TAGS.KEY_LENGTH',
  'pinpoint.tags.accept-aws-prefix': 'PINPOINT.TAGS.AWS_PREFIX',
  'pinpoint.tags.duplicate-key': 'PINPOINT.TAGS.UNIQUE_KEY',
  'pinpoint.tags.case-insensitive-keys': 'PINPOINT.TAGS.CASE_SENSITIVE',
  'pinpoint.identity.domain-as-email': 'PINPOINT.IDENTITY.TYPE',
  'pinpoint.identity.verified-on-create': 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE',
  'pinpoint.dkim.email-gets-tokens': 'PINPOINT.DKIM.EMAIL_EMPTY',
  'pinpoint.dkim.duplicate-tokens': 'PINPOINT.DKIM.DOMAIN_TOKENS',
  'pinpoint.domain.never-fails': 'PINPOINT.VERIFY.DOMAIN_FAILED_72H',
  'pinpoint.errors.limit-as-500': 'PINPOINT.ERRORS.DOCUMENTED',
  'pinpoint.untag.ignored': 'PINPOINT.UNTAG.REMOVES',
  'pinpoint.create.accept-missing-identity': 'PINPOINT.CREATE.IDENTITY_REQUIRED',
  'pinpoint.dkim.status-lowercase': 'PINPOINT.ENUM.DKIM_STATUS',
  'pinpoint.tags.accept-long-value': 'PINPOINT.TAGS.VALUE_LENGTH',
  'pinpoint.tags.accept-any-character': 'PINPOINT.TAGS.CHARACTERS',
  'pinpoint.tags.omitted-value-dropped': 'PINPOINT.TAGS.VALUE_OPTIONAL',
  'pinpoint.verify.link-ignored': 'PINPOINT.VERIFY.EMAIL_LINK',
  'pinpoint.domain.ignores-dkim': 'PINPOINT.VERIFY.DOMAIN_DKIM',
  'pinpoint.get.unknown-400': 'PINPOINT.GET.NOT_FOUND',
  'pinpoint.delete.keeps-identity': 'PINPOINT.DELETE.REMOVES_IDENTITY',
  'pinpoint.identity.type-lowercase': 'PINPOINT.ENUM.IDENTITY_TYPE',
  'pinpoint.create.drops-tags': 'PINPOINT.TAGS.LIST_MATCHES',
  'pinpoint.list.drops-last': 'PINPOINT.LIST.IDENTITIES',
  'pinpoint.errors.empty-key-validation': 'PINPOINT.ERRORS.DOCUMENTED',
  'lightsail.sms-verification-accepted': 'LIGHTSAIL.SEND.SMS_REJECTED',
  'lightsail.send-without-contact-method': 'LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT',
  'lightsail.second-email-contact-method': 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL',
  'lightsail.sms-any-region': 'LIGHTSAIL.CONTACT.SMS_REGIONS',
  'lightsail.operation-wrong-region': 'LIGHTSAIL.SEND.OPERATION_REGION',
  'lightsail.operation-wrong-type': 'LIGHTSAIL.SEND.OPERATION_TYPE',
  'lightsail.link-does-not-verify': 'LIGHTSAIL.VERIFY.LINK_MAKES_VALID',
  'lightsail.errors-as-500': 'LIGHTSAIL.ERRORS.DOCUMENTED',
  'lightsail.send-protocol-optional': 'LIGHTSAIL.SEND.PROTOCOL_REQUIRED',
  'lightsail.created-valid': 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE',
  'lightsail.resend-refused': 'LIGHTSAIL.VERIFY.RESEND',
  'lightsail.send-empty-operations': 'LIGHTSAIL.SEND.RESPONSE_SHAPE',
  'lightsail.status-lowercase': 'LIGHTSAIL.ENUMS',
  'lightsail.get-drops-sms': 'LIGHTSAIL.CONTACT.GET_MATCHES',
  'lightsail.delete.keeps-contact': 'LIGHTSAIL.CONTACT.DELETE',
  // MissingAuthenticationTokenException is no code GetUserAttributeVerificationCode documents: in the
  // one shared error order that is the documented-errors rule's; unsigned-not-authorized breaks NO_IAM.
  'cognito.code-requires-sigv4': 'COGNITO.ERRORS.DOCUMENTED',
  'cognito.unsigned-not-authorized': 'COGNITO.AUTH.NO_IAM',
  'cognito.accepts-malformed-token': 'COGNITO.AUTH.MALFORMED_TOKEN',
  'cognito.accepts-expired-token': 'COGNITO.AUTH.EXPIRED_TOKEN',
  'cognito.accepts-revoked-token': 'COGNITO.AUTH.REVOKED_TOKEN',
  'cognito.ignores-admin-scope': 'COGNITO.AUTH.ADMIN_SCOPE',
  'cognito.destination-unmasked': 'COGNITO.CODE.DESTINATION_MASKED',
  'cognito.email-over-sms': 'COGNITO.CODE.DELIVERY_MEDIUM',
  'cognito.code-for-any-attribute': 'COGNITO.CODE.VERIFIABLE_ONLY',
  'cognito.wrong-code-accepted': 'COGNITO.VERIFY.WRONG_CODE',
  'cognito.code-never-expires': 'COGNITO.VERIFY.CODE_EXPIRES_24H',
  'cognito.update-keeps-verified': 'COGNITO.UPDATE.UNVERIFIES',
  'cognito.echoes-client-metadata': 'COGNITO.CLIENT_METADATA.NOT_ECHOED',
  'cognito.attribute-name-unbounded': 'COGNITO.CODE.ATTRIBUTE_NAME_LENGTH',
  'cognito.no-delivery-details': 'COGNITO.CODE.DELIVERY_DETAILS',
  'cognito.right-code-refused': 'COGNITO.VERIFY.CODE_ACCEPTED',
  'cognito.undocumented-error-code': 'COGNITO.ERRORS.DOCUMENTED',
  'amplify.drops-verification-message': 'AMPLIFY.VERIFICATION.ROUND_TRIP',
  'amplify.delivery-method-trailing-space': 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_ENUM',
  'amplify.update-overwrites-immutable': 'AMPLIFY.UPDATE.IMMUTABLE_PRESERVED',
  'amplify.accepts-missing-delivery-method': 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_REQUIRED',
  // A 5xx for a client mistake is the documented-errors rule's, in the one shared order.
  'amplify.unknown-app-500': 'AMPLIFY.ERRORS.DOCUMENTED',
  'amplify.response-without-jobid': 'AMPLIFY.JOB.RESPONSE_FIELDS',
  'amplify.update-ignored': 'AMPLIFY.UPDATE.APPLIED',
  'amplify.job-status-missing': 'AMPLIFY.JOB.STATUS',
  'amplify.get-drops-mfa': 'AMPLIFY.GET.ROUND_TRIP',
  'amplify.accepts-missing-user-pool-name': 'AMPLIFY.REQUIRED.MEMBERS',
  'amplify.refuses-forgot-password': 'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG',
  'amplify.mfa-mode-lowercase': 'AMPLIFY.ENUMS',
  'amplify.auth-not-found-400': 'AMPLIFY.ERRORS.DOCUMENTED',
  'amplify.unknown-app-bad-request': 'AMPLIFY.ERRORS.NOT_FOUND',
};

/**
 * Faults that cannot show while another is on, because both decide the same answer: with all of a
 * service's faults on at once, the hidden fault's rule is not expected to fail (it may: the hider
 * may leave some path open). Fault → the faults that hide it, each with why.
 */
export const HIDDEN_BY: Record<string, Record<string, string>> = {
  'ses.giva.accepts-missing-identities': { 'ses.giva.missing-identities-500': 'a request without Identities answers the 500 first' },
  'ses.email.link-ignored': { 'ses.email.verified-on-create': 'the address is Success before its link is followed' },
  'ses.email.never-fails': { 'ses.email.verified-on-create': 'the address is Success, never Pending long enough to fail' },
  'ses.email.no-restart': {
    'ses.email.verified-on-create': 'the address never reaches Failed',
    'ses.email.never-fails': 'the address never reaches Failed',
  },
  'ses.domain.ignores-dns': {
    'ses.domain.verified-on-create': 'the domain is Success before its record is published',
    'ses.verify-domain.no-token': 'there is no token to publish',
  },
  'ses.domain.never-fails': { 'ses.domain.verified-on-create': 'the domain is Success, never Pending long enough to fail' },
  'ses.domain.no-restart': {
    'ses.domain.verified-on-create': 'the domain never reaches Failed',
    'ses.domain.never-fails': 'the domain never reaches Failed',
  },
  'pinpoint.identity.domain-as-email': { 'pinpoint.identity.type-lowercase': 'every IdentityType is outside the enum, so the wrong one is not told apart' },
  'pinpoint.tags.case-insensitive-keys': { 'pinpoint.tags.duplicate-key': 'keys are never merged, so none is folded into another' },
  'pinpoint.verify.link-ignored': { 'pinpoint.identity.verified-on-create': 'the address is verified before its link is followed' },
  'pinpoint.domain.ignores-dkim': { 'pinpoint.identity.verified-on-create': 'the domain is verified before its records are published' },
  'pinpoint.domain.never-fails': { 'pinpoint.identity.verified-on-create': 'the domain is verified, never pending long enough to fail' },
  'pinpoint.delete.keeps-identity': {
    'pinpoint.get.unknown-400': 'the deleted identity is answered 400 before its stale copy is read',
    'pinpoint.list.drops-last': 'the listing the deletion is judged on is itself broken',
  },
  'lightsail.operation-wrong-region': { 'lightsail.send-empty-operations': 'the answer carries no operation to read a region from' },
  'lightsail.operation-wrong-type': { 'lightsail.send-empty-operations': 'the answer carries no operation to read a type from' },
  'lightsail.link-does-not-verify': { 'lightsail.created-valid': 'the contact method is Valid before its link is followed' },
  'lightsail.resend-refused': { 'lightsail.created-valid': 'a Valid contact method has no verification to resend' },
  ...Object.fromEntries(
    [
      'cognito.destination-unmasked', 'cognito.email-over-sms', 'cognito.code-for-any-attribute', 'cognito.wrong-code-accepted', 'cognito.code-never-expires',
      'cognito.echoes-client-metadata', 'cognito.attribute-name-unbounded', 'cognito.no-delivery-details', 'cognito.right-code-refused', 'cognito.undocumented-error-code',
      'cognito.unsigned-not-authorized',
    ].map((fault) => [fault, { 'cognito.code-requires-sigv4': 'every code request is refused before anything else is looked at' }]),
  ),
};
const ALSO_HIDDEN_BY: Record<string, Record<string, string>> = {
  'cognito.destination-unmasked': { 'cognito.no-delivery-details': 'there is no CodeDeliveryDetails to read a destination from' },
  'cognito.email-over-sms': { 'cognito.no-delivery-details': 'there is no CodeDeliveryDetails to read a medium from' },
  'cognito.echoes-client-metadata': { 'cognito.no-delivery-details': 'the answer body is empty' },
  'cognito.right-code-refused': { 'cognito.wrong-code-accepted': 'every code is accepted, the right one too' },
  'cognito.undocumented-error-code': { 'cognito.code-for-any-attribute': 'the unverifiable attribute is accepted, so no error is answered' },
};
for (const [fault, extra] of Object.entries(ALSO_HIDDEN_BY)) HIDDEN_BY[fault] = { ...HIDDEN_BY[fault], ...extra };

/** Of the faults on, those whose rule must fail: the ones no other fault on hides. */
export function unhidden(faultsOn: readonly string[]): string[] {
  return faultsOn.filter((fault) => !Object.keys(HIDDEN_BY[fault] ?? {}).some((hider) => faultsOn.includes(hider)));
}
