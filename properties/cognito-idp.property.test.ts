import { describeConformance } from './shared/vitest-suite.ts';
import { cognitoIdpProperties } from './cognito-idp/properties.ts';

describeConformance('cognito-idp', cognitoIdpProperties);
