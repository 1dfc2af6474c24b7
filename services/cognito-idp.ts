// Amazon Cognito user pools: verification of users' email addresses and phone numbers.
import { CognitoIdentityProviderClient, DeleteUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoIdpEnumPairs } from '../models/cognito-idp/sdk-enums.ts';
import { DOCUMENTED_ERRORS } from '../models/cognito-idp/shapes.ts';
import { cognitoIdpRules } from '../spec/cognito-idp.rules.ts';
import { mailTo, userAttributes } from '../harness/targets/aws-guard.ts';
import { attributeMessages } from '../harness/targets/message-budget.ts';
import { everyPage } from '../harness/targets/paging.ts';
import { RUN_NAME } from '../harness/targets/run-names.ts';
import type { ConformanceProperty } from '../properties/shared/property.ts';
import { defineService } from './manifest.ts';

export const cognitoIdp = defineService({
  name: 'cognito-idp',
  rulePrefix: 'COGNITO',
  rules: cognitoIdpRules,
  properties: async (): Promise<readonly ConformanceProperty[]> => (await import('../properties/cognito-idp/properties.ts')).cognitoIdpProperties,
  client: (config) => new CognitoIdentityProviderClient(config),
  protocol: 'awsJson1_1',
  // The model marks InternalErrorException a server fault; the rest are client errors.
  documentedErrors: {
    rule: 'COGNITO.ERRORS.DOCUMENTED',
    of: (operation) => new Map((DOCUMENTED_ERRORS[operation] ?? []).map((code) => [code, code === 'InternalErrorException' ? '5xx' : '4xx'])),
  },
  enumPairs: cognitoIdpEnumPairs,
  // Codes go to the attribute being verified; an invitation unless MessageAction is SUPPRESS. A code
  // requested with an access token goes to that token's user (the token, held in memory only, stands for the user).
  messages: {
    AdminCreateUserCommand: (i) => (i.MessageAction === 'SUPPRESS' ? [] : attributeMessages(i.UserAttributes).filter((m) => m.channel === 'email')),
    AdminUpdateUserAttributesCommand: (i) => attributeMessages(i.UserAttributes),
    UpdateUserAttributesCommand: (i) => attributeMessages(i.UserAttributes),
    SignUpCommand: (i) => attributeMessages(i.UserAttributes),
    GetUserAttributeVerificationCodeCommand: (i) =>
      i.AttributeName === 'email' || i.AttributeName === 'phone_number'
        ? [{ channel: i.AttributeName === 'email' ? 'email' : 'sms', to: `the user of access token ${String(i.AccessToken)}` }]
        : [],
  },
  destinations: {
    AdminCreateUserCommand: (i) => {
      const { addresses, phones } = userAttributes(i);
      return { addresses: [...addresses, ...mailTo(i.Username).addresses.filter((u) => u.includes('@'))], phones };
    },
    AdminUpdateUserAttributesCommand: userAttributes,
    UpdateUserAttributesCommand: userAttributes,
    SignUpCommand: userAttributes,
  },
  sweep: {
    regions: 'run',
    async find(client, { domain }) {
      // A run names its pools after a run-prefixed domain under the configured one, dots as dashes.
      const suffix = `.${domain}`.replace(/[^\w-]/g, '-');
      const pools = await everyPage(async (NextToken) => {
        const answer = await client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
        return {
          items: (answer.UserPools ?? []).flatMap((pool) => (pool.Id && pool.Name ? [{ Id: pool.Id, Name: pool.Name }] : [])),
          nextToken: answer.NextToken,
        };
      });
      return pools
        .filter((pool) => RUN_NAME.test(pool.Name) && pool.Name.endsWith(suffix))
        .map((pool) => ({
          what: `user pool ${pool.Id} (${pool.Name})`,
          remove: () => client.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id })),
        }));
    },
  },
});
