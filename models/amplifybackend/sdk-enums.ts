// The AmplifyBackend enums as the document gives them, beside the installed SDK's, for the drift check.
import {
  AdditionalConstraintsElement,
  AuthResources,
  DeliveryMethod,
  MFAMode,
  MfaTypesElement,
  OAuthGrantType,
  OAuthScopesElement,
  RequiredSignUpAttributesElement,
  Service,
  SignInMethod,
} from '@aws-sdk/client-amplifybackend';
import type { EnumPair } from '../shared/enum-drift.ts';
import {
  ADDITIONAL_CONSTRAINTS,
  AUTH_RESOURCES,
  DELIVERY_METHODS,
  MFA_MODES,
  MFA_TYPES,
  OAUTH_GRANT_TYPES,
  OAUTH_SCOPES,
  REQUIRED_SIGN_UP_ATTRIBUTES,
  SERVICES,
  SIGN_IN_METHODS,
} from './shapes.ts';

export const amplifyBackendEnumPairs: EnumPair[] = [
  { name: 'amplifybackend.AuthResources', documented: AUTH_RESOURCES, sdk: AuthResources },
  { name: 'amplifybackend.Service', documented: SERVICES, sdk: Service },
  { name: 'amplifybackend.DeliveryMethod', documented: DELIVERY_METHODS, sdk: DeliveryMethod },
  { name: 'amplifybackend.MFAMode', documented: MFA_MODES, sdk: MFAMode },
  { name: 'amplifybackend.MfaTypesElement', documented: MFA_TYPES, sdk: MfaTypesElement },
  { name: 'amplifybackend.OAuthGrantType', documented: OAUTH_GRANT_TYPES, sdk: OAuthGrantType },
  { name: 'amplifybackend.OAuthScopesElement', documented: OAUTH_SCOPES, sdk: OAuthScopesElement },
  { name: 'amplifybackend.AdditionalConstraintsElement', documented: ADDITIONAL_CONSTRAINTS, sdk: AdditionalConstraintsElement },
  { name: 'amplifybackend.RequiredSignUpAttributesElement', documented: REQUIRED_SIGN_UP_ATTRIBUTES, sdk: RequiredSignUpAttributesElement },
  { name: 'amplifybackend.SignInMethod', documented: SIGN_IN_METHODS, sdk: SignInMethod },
];
