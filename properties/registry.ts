// Every service's conformance properties, for the harness's own tests (coverage, fault catalog).
// A service's slice adds its line here and its properties/<service>.property.test.ts.
import type { ServiceName } from '../spec/rule.ts';
import type { ConformanceProperty } from './shared/property.ts';
import { sesProperties } from './ses/properties.ts';
import { pinpointEmailProperties } from './pinpoint-email/properties.ts';
import { lightsailProperties } from './lightsail/properties.ts';
import { cognitoIdpProperties } from './cognito-idp/properties.ts';
import { amplifyBackendProperties } from './amplifybackend/properties.ts';

export const CONFORMANCE_PROPERTIES: { [S in ServiceName]?: readonly ConformanceProperty<any>[] } = {
  ses: sesProperties,
  'pinpoint-email': pinpointEmailProperties,
  lightsail: lightsailProperties,
  'cognito-idp': cognitoIdpProperties,
  amplifybackend: amplifyBackendProperties,
};
