// Amazon SES (v1): verification of email addresses and domains.
import { DeleteIdentityCommand, ListIdentitiesCommand, SESClient } from '@aws-sdk/client-ses';
import { COMMON_CLIENT_ERROR_CODES } from '../models/shared/aws-error.ts';
import { sesEnumPairs } from '../models/ses/sdk-enums.ts';
import { sesRules } from '../spec/ses.rules.ts';
import { mailTo } from '../harness/targets/aws-guard.ts';
import { emailsTo } from '../harness/targets/message-budget.ts';
import { everyPage } from '../harness/targets/paging.ts';
import { isRunIdentity } from '../harness/targets/run-names.ts';
import type { ConformanceProperty } from '../properties/shared/property.ts';
import { defineService } from './manifest.ts';

const everyOperation = new Map(COMMON_CLIENT_ERROR_CODES.map((code) => [code, '4xx' as const]));

export const ses = defineService({
  name: 'ses',
  rulePrefix: 'SES',
  rules: sesRules,
  properties: async (): Promise<readonly ConformanceProperty[]> => (await import('../properties/ses/properties.ts')).sesProperties,
  client: (config) => new SESClient(config),
  protocol: 'awsQuery',
  // The query protocol's common client errors, for every SES operation.
  documentedErrors: { rule: 'SES.ERRORS.QUERY_ERROR_SHAPE', of: () => everyOperation },
  enumPairs: sesEnumPairs,
  // The API reference: ListIdentities and DeleteIdentity "no more than once per second".
  // "As a result of executing this operation, a verification email is sent to the specified address."
  // (https://docs.aws.amazon.com/ses/latest/APIReference/API_VerifyEmailIdentity.html)
  messages: {
    VerifyEmailIdentityCommand: (i) => emailsTo(i.EmailAddress),
    VerifyEmailAddressCommand: (i) => emailsTo(i.EmailAddress),
  },
  destinations: {
    VerifyEmailIdentityCommand: (i) => mailTo(i.EmailAddress),
    VerifyEmailAddressCommand: (i) => mailTo(i.EmailAddress),
    VerifyDomainIdentityCommand: (i) => mailTo(i.Domain),
  },
  sweep: {
    regions: 'run',
    async find(client, { domain }) {
      const names = await everyPage(async (NextToken) => {
        const answer = await client.send(new ListIdentitiesCommand({ NextToken }));
        return { items: answer.Identities ?? [], nextToken: answer.NextToken };
      });
      return names
        .filter((name) => isRunIdentity(name, domain))
        .map((name) => ({
          what: `identity ${name}`,
          remove: () => client.send(new DeleteIdentityCommand({ Identity: name })),
        }));
    },
  },
});
