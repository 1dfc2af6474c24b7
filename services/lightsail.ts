// Amazon Lightsail: notification contact methods (email and SMS) and their verification.
import { DeleteContactMethodCommand, GetContactMethodsCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { lightsailEnumPairs } from '../models/lightsail/sdk-enums.ts';
import { CONTACT_METHOD_ERRORS, REGION_NAMES, SERVER_FAULT_ERRORS } from '../models/lightsail/shapes.ts';
import { lightsailRules } from '../spec/lightsail.rules.ts';
import { mailTo, textTo } from '../harness/targets/aws-guard.ts';
import { LightsailOwnership } from '../harness/targets/aws-lightsail-guard.ts';
import { isRunIdentity } from '../harness/targets/run-names.ts';
import type { ConformanceProperty } from '../properties/shared/property.ts';
import { defineService } from './manifest.ts';

// ServiceException is Lightsail's server fault; the rest are client errors.
const errors = new Map(CONTACT_METHOD_ERRORS.map((code) => [code, SERVER_FAULT_ERRORS.includes(code) ? ('4xx or 5xx' as const) : ('4xx' as const)]));

export const lightsail = defineService({
  name: 'lightsail',
  rulePrefix: 'LIGHTSAIL',
  rules: lightsailRules,
  properties: async (): Promise<readonly ConformanceProperty[]> => (await import('../properties/lightsail/properties.ts')).lightsailProperties,
  client: (config) => new LightsailClient(config),
  protocol: 'awsJson1_1',
  documentedErrors: { rule: 'LIGHTSAIL.ERRORS.DOCUMENTED', of: () => errors },
  enumPairs: lightsailEnumPairs,
  // "A verification request is sent to the contact method when you initially create it" (SendContactMethodVerification);
  // a region has one email contact method, so a resent request goes to the region's.
  messages: {
    CreateContactMethodCommand: (i) => [{ channel: i.protocol === 'Email' ? 'email' : 'sms', to: String(i.contactEndpoint) }],
    SendContactMethodVerificationCommand: (i, region) => (i.protocol === 'Email' ? [{ channel: 'email', to: `the email contact method in ${region}` }] : []),
  },
  destinations: {
    CreateContactMethodCommand: (i) => (i.protocol === 'Email' ? mailTo(i.contactEndpoint) : textTo(i.contactEndpoint)),
  },
  // One contact method per protocol and region, named by nothing the run chooses: never replace or delete the account's own.
  awsGuard: (domain, client) => new LightsailOwnership(domain, client),
  sweep: {
    // A run uses its region and others: look in every one.
    regions: REGION_NAMES,
    /** Email contact methods whose address a run made; an SMS one cannot be told from the account's own and is left alone. */
    async find(client, { domain }) {
      const { contactMethods = [] } = await client.send(new GetContactMethodsCommand({ protocols: ['Email'] }));
      return contactMethods
        .filter((method) => method.protocol === 'Email' && method.contactEndpoint && isRunIdentity(method.contactEndpoint, domain))
        .map((method) => ({
          what: `Email contact method ${method.contactEndpoint}`,
          remove: () => client.send(new DeleteContactMethodCommand({ protocol: 'Email' })),
        }));
    },
  },
});
