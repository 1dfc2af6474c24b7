// AWS Amplify Admin UI backends (AmplifyBackend): the auth resource's verification settings.
import { AmplifyBackendClient } from '@aws-sdk/client-amplifybackend';
import { amplifyBackendEnumPairs } from '../models/amplifybackend/sdk-enums.ts';
import { DOCUMENTED_ERRORS } from '../models/amplifybackend/shapes.ts';
import { amplifyBackendRules } from '../spec/amplifybackend.rules.ts';
import type { ConformanceProperty } from '../properties/shared/property.ts';
import { defineService } from './manifest.ts';

const errors = new Map(Object.entries(DOCUMENTED_ERRORS));

export const amplifyBackend = defineService({
  name: 'amplifybackend',
  rulePrefix: 'AMPLIFY',
  rules: amplifyBackendRules,
  properties: async (): Promise<readonly ConformanceProperty[]> => (await import('../properties/amplifybackend/properties.ts')).amplifyBackendProperties,
  client: (config) => new AmplifyBackendClient(config),
  protocol: 'restJson1',
  documentedErrors: { rule: 'AMPLIFY.ERRORS.DOCUMENTED', of: () => errors },
  enumPairs: amplifyBackendEnumPairs,
  // Its commands configure a backend; none sends mail or texts by itself.
  messages: {},
  destinations: {},
  sweep: {
    notSwept: 'AmplifyBackend has no operation that lists backend environments (that is the Amplify service); a run removes its own with DeleteBackend',
  },
});
