// Amazon Pinpoint Email: email identities, their verification and their tags.
import { DeleteEmailIdentityCommand, ListEmailIdentitiesCommand, PinpointEmailClient } from '@aws-sdk/client-pinpoint-email';
import { pinpointEmailEnumPairs } from '../models/pinpoint-email/sdk-enums.ts';
import { ERROR_STATUS, OPERATION_ERRORS } from '../models/pinpoint-email/shapes.ts';
import { pinpointEmailRules } from '../spec/pinpoint-email.rules.ts';
import { mailTo } from '../harness/targets/aws-guard.ts';
import { emailsTo } from '../harness/targets/message-budget.ts';
import { everyPage } from '../harness/targets/paging.ts';
import { isRunIdentity } from '../harness/targets/run-names.ts';
import type { ConformanceProperty } from '../properties/shared/property.ts';
import { defineService } from './manifest.ts';

export const pinpointEmail = defineService({
  name: 'pinpoint-email',
  rulePrefix: 'PINPOINT',
  rules: pinpointEmailRules,
  properties: async (): Promise<readonly ConformanceProperty[]> => (await import('../properties/pinpoint-email/properties.ts')).pinpointEmailProperties,
  client: (config) => new PinpointEmailClient(config),
  protocol: 'restJson1',
  documentedErrors: {
    rule: 'PINPOINT.ERRORS.DOCUMENTED',
    of: (operation) => new Map((OPERATION_ERRORS[operation] ?? []).map((code) => [code, ERROR_STATUS[code] ?? '4xx'])),
  },
  enumPairs: pinpointEmailEnumPairs,
  // Creating an email address identity sends it a verification message; a domain identity sends nothing.
  messages: {
    CreateEmailIdentityCommand: (i) => (String(i.EmailIdentity).includes('@') ? emailsTo(i.EmailIdentity) : []),
  },
  destinations: {
    CreateEmailIdentityCommand: (i) => mailTo(i.EmailIdentity),
  },
  sweep: {
    regions: 'run',
    async find(client, { domain }) {
      const names = await everyPage(async (NextToken) => {
        const answer = await client.send(new ListEmailIdentitiesCommand({ NextToken }));
        return {
          items: (answer.EmailIdentities ?? []).flatMap((identity) => (identity.IdentityName ? [identity.IdentityName] : [])),
          nextToken: answer.NextToken,
        };
      });
      return names
        .filter((name) => isRunIdentity(name, domain))
        .map((name) => ({
          what: `email identity ${name}`,
          remove: () => client.send(new DeleteEmailIdentityCommand({ EmailIdentity: name })),
        }));
    },
  },
});
