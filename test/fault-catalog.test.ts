// The harness's self-check: with each documented fault of the reference emulator switched on,
// the report names the rule that fault breaks as `fail`; with none, every rule passes. A fault
// added to the emulator without an entry here fails the first test; a rule no fault breaks (so no
// run has shown that its check can fail) fails the second.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { CONFORMANCE_PROPERTIES } from '../properties/registry.ts';
import { catalog as rules } from '../spec/index.ts';
import type { ServiceName } from '../spec/rule.ts';
import { runSuite, statusOf } from './support/run-suite.ts';

/** Which rule each fault breaks, as the documents state it. */
const EXPECTED_FAILURE: Record<string, string> = {
  'ses.giva.accept-over-100': 'SES.GIVA.MAX_IDENTITIES',
  'ses.giva.no-throttle': 'SES.GIVA.THROTTLE',
  'ses.giva.throttle-as-500': 'SES.GIVA.THROTTLE',
  'ses.giva.missing-identities-500': 'SES.GIVA.IDENTITIES_REQUIRED',
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
  'cognito.code-requires-sigv4': 'COGNITO.AUTH.NO_IAM',
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
  'amplify.unknown-app-500': 'AMPLIFY.ERRORS.NOT_FOUND',
  'amplify.response-without-jobid': 'AMPLIFY.JOB.RESPONSE_FIELDS',
  'amplify.update-ignored': 'AMPLIFY.UPDATE.APPLIED',
  'amplify.job-status-missing': 'AMPLIFY.JOB.STATUS',
  'amplify.get-drops-mfa': 'AMPLIFY.GET.ROUND_TRIP',
  'amplify.accepts-missing-user-pool-name': 'AMPLIFY.REQUIRED.MEMBERS',
  'amplify.refuses-forgot-password': 'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG',
  'amplify.mfa-mode-lowercase': 'AMPLIFY.ENUMS',
  'amplify.auth-not-found-400': 'AMPLIFY.ERRORS.DOCUMENTED',
};

const catalog = createEmulator().control.faults.catalog().filter((f) => f.service in CONFORMANCE_PROPERTIES);
const servicesWithFaults = [...new Set(catalog.map((f) => f.service as ServiceName))];
const propertiesOf = (service: ServiceName) => CONFORMANCE_PROPERTIES[service]!;

describe('fault catalog self-check', () => {
  it('maps every fault of the catalog to the rule it breaks', () => {
    expect(catalog.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED_FAILURE).sort());
    for (const service of Object.keys(CONFORMANCE_PROPERTIES)) expect(catalog.filter((f) => f.service === service).length, service).toBeGreaterThanOrEqual(4);
  });

  it('breaks every rule of the catalog with at least one fault: each check is shown to fail', () => {
    const broken = new Set(Object.values(EXPECTED_FAILURE));
    expect(rules.map((rule) => rule.id).filter((id) => !broken.has(id))).toEqual([]);
  });

  for (const service of servicesWithFaults) {
    it(`passes every ${service} rule on the reference emulator with no fault`, async () => {
      const report = await runSuite(service, propertiesOf(service));
      expect(report.rules.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.status} ${r.reason ?? r.failure?.message ?? ''}`)).toEqual([]);
      expect(report.properties.flatMap((p) => p.warnings)).toEqual([]);
    });
  }

  for (const fault of catalog) {
    it(`reports ${fault.id} as ${EXPECTED_FAILURE[fault.id]} failing`, async () => {
      const report = await runSuite(fault.service as ServiceName, propertiesOf(fault.service as ServiceName), { faults: [fault.id] });
      const rule = report.rules.find((r) => r.id === EXPECTED_FAILURE[fault.id])!;
      expect(rule.status, `${fault.id}: ${rule.reason ?? ''}`).toBe('fail');
      // A finding a maintainer can act on: the document's words, a replayable sequence, the exchange.
      expect(rule.quote.length).toBeGreaterThan(10);
      expect(rule.failure!.counterexample.some((line) => line.startsWith(`aws ${fault.service} `))).toBe(true);
      expect(rule.failure!.exchanges.length).toBeGreaterThan(0);
      expect(report.rules.filter((r) => r.status === 'error').map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
      expect(statusOf(report, rule.id)).toBe('fail');
    });
  }
});
