// What UpdateBackendAuth does to a stored auth configuration, and how GetBackendAuth answers it.
// An update replaces AuthResources and Service, and each sub-configuration it carries
// (ForgotPassword, Mfa, OAuth, PasswordPolicy, VerificationMessage, IdentityPoolConfigs'
// UnauthenticatedLogin); what it omits stays. RequiredSignUpAttributes, SignInMethod,
// UserPoolName and IdentityPoolName cannot be updated and are preserved.
import type { FaultRegistry } from '../control/faults.ts';
import { AwsError } from '../errors.ts';
import { validationMessage } from '../protocols/input-shapes.ts';
import { AmplifyFault } from './faults.ts';
import type { StoredAuthConfig, UpdateAuthConfig } from './shapes.ts';

const DELIVERY_METHOD_PATH = 'resourceConfig.userPoolConfigs.verificationMessage.deliveryMethod';
const USER_POOL_NAME_PATH = 'resourceConfig.userPoolConfigs.userPoolName';

/** VerificationMessage.DeliveryMethod is required; checked here so that a fault can bend it. */
export function checkVerificationMessage(config: { UserPoolConfigs: { VerificationMessage?: { DeliveryMethod?: string } } }, faults: FaultRegistry): void {
  const message = config.UserPoolConfigs.VerificationMessage;
  if (message === undefined || message.DeliveryMethod !== undefined || faults.on(AmplifyFault.AcceptsMissingDeliveryMethod)) return;
  throw new AwsError(
    'BadRequestException',
    validationMessage([`Value null at '${DELIVERY_METHOD_PATH}' failed to satisfy constraint: Member must not be null`]),
    400,
  );
}

/** UserPoolConfigs.UserPoolName is required in CreateBackendAuth; checked here so that a fault can bend it. */
export function checkUserPoolName(config: { UserPoolConfigs: { UserPoolName?: string } }, faults: FaultRegistry): void {
  if (config.UserPoolConfigs.UserPoolName !== undefined || faults.on(AmplifyFault.AcceptsMissingUserPoolName)) return;
  throw new AwsError(
    'BadRequestException',
    validationMessage([`Value null at '${USER_POOL_NAME_PATH}' failed to satisfy constraint: Member must not be null`]),
    400,
  );
}

/** The deprecated ForgotPassword is still a documented member: only the refuses-forgot-password fault refuses it. */
export function checkForgotPassword(config: { UserPoolConfigs: { ForgotPassword?: unknown } }, faults: FaultRegistry): void {
  if (config.UserPoolConfigs.ForgotPassword === undefined || !faults.on(AmplifyFault.RefusesForgotPassword)) return;
  throw new AwsError('BadRequestException', 'ForgotPassword is deprecated: configure VerificationMessage instead.', 400);
}

function definedMembers<T extends object>(value: T): Partial<T> {
  const defined: Partial<T> = {};
  for (const key in value) if (Object.hasOwn(value, key) && value[key] !== undefined) defined[key] = value[key];
  return defined;
}

export function applyUpdate(stored: StoredAuthConfig, update: UpdateAuthConfig, faults: FaultRegistry): StoredAuthConfig {
  const { RequiredSignUpAttributes, SignInMethod, UserPoolName, ...subConfigs } = update.UserPoolConfigs;
  // An update ignored, but overwriting what it cannot change: both faults on at once still show.
  if (faults.on(AmplifyFault.UpdateIgnored)) {
    const kept = structuredClone(stored);
    if (faults.on(AmplifyFault.UpdateOverwritesImmutable)) Object.assign(kept.UserPoolConfigs ?? {}, { RequiredSignUpAttributes, SignInMethod, UserPoolName });
    return kept;
  }
  const userPool: NonNullable<StoredAuthConfig['UserPoolConfigs']> = { ...stored.UserPoolConfigs, ...definedMembers(subConfigs) };
  if (faults.on(AmplifyFault.UpdateOverwritesImmutable)) Object.assign(userPool, { RequiredSignUpAttributes, SignInMethod, UserPoolName });
  const identityPool =
    update.IdentityPoolConfigs === undefined ? stored.IdentityPoolConfigs : { ...stored.IdentityPoolConfigs, ...definedMembers(update.IdentityPoolConfigs) };
  return structuredClone({ AuthResources: update.AuthResources, IdentityPoolConfigs: identityPool, Service: update.Service, UserPoolConfigs: userPool });
}

/** The stored configuration as GetBackendAuth answers it, bent by the faults that are on. */
export function renderConfig(stored: StoredAuthConfig, faults: FaultRegistry): StoredAuthConfig {
  const config = structuredClone(stored);
  const userPool = config.UserPoolConfigs;
  // Two faults on the same member, both on: each takes a share of the values, so that both still show.
  if (userPool?.Mfa !== undefined) {
    const mode = userPool.Mfa.MFAMode;
    const lowercase = mode !== undefined && faults.on(AmplifyFault.MfaModeLowercase);
    if (faults.on(AmplifyFault.GetDropsMfa) && !(lowercase && mode === 'OPTIONAL')) delete userPool.Mfa;
    else if (lowercase) userPool.Mfa.MFAMode = mode.toLowerCase();
  }
  if (userPool?.VerificationMessage === undefined) return config;
  // The changelog renders the enum as 'EMAIL ' '| ' 'SMS': only EMAIL carries the space.
  const trailingSpace = userPool.VerificationMessage.DeliveryMethod === 'EMAIL' && faults.on(AmplifyFault.DeliveryMethodTrailingSpace);
  if (faults.on(AmplifyFault.DropsVerificationMessage) && !trailingSpace) delete userPool.VerificationMessage;
  else if (trailingSpace) userPool.VerificationMessage.DeliveryMethod = 'EMAIL ';
  return config;
}
