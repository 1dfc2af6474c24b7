// AmplifyBackend arbitraries: every documented sub-configuration of a ResourceConfig, with each
// enum's members, empty and full lists, and the deprecated ForgotPassword. Secrets (ClientSecret,
// PrivateKey) carry a marker, so a test can prove none of them reaches a report.
import fc from 'fast-check';
import {
  ADDITIONAL_CONSTRAINTS,
  CREATE_REQUIRED_PATHS,
  isUserPoolSubconfig,
  MFA_MODES,
  MFA_TYPES,
  OAUTH_GRANT_TYPES,
  OAUTH_SCOPES,
  REQUIRED_SIGN_UP_ATTRIBUTES,
  SIGN_IN_METHODS,
  UPDATE_REQUIRED_PATHS,
  type CreateResourceConfig,
  type UpdateResourceConfig,
} from '../../models/amplifybackend/shapes.ts';
import { isObject, memberOf } from '../../models/shared/record.ts';

/** Every secret value a property sends starts with this, so its absence from reports can be checked. */
export const SECRET_MARKER = 'avcsecret';

const text = (prefix: string) => fc.stringMatching(/^[a-z0-9]{1,8}$/).map((s) => `${prefix} ${s}`);
const secret = fc.stringMatching(/^[A-Za-z0-9]{8,16}$/).map((s) => `${SECRET_MARKER}${s}`);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** A record without its undefined members, as the SDK would send it. */
const clean = <T extends object>(o: T): T => {
  const copy = { ...o };
  for (const [key, value] of Object.entries(copy)) if (value === undefined) Reflect.deleteProperty(copy, key);
  return copy;
};

const emailSettings = fc.record({ EmailMessage: text('Your code is {####}'), EmailSubject: text('Verify') }, { requiredKeys: [] }).map(clean);
const smsSettings = fc.record({ SmsMessage: text('Code {####}') }, { requiredKeys: [] }).map(clean);

/** A message config: EMAIL with its email settings or SMS with its SMS settings (the other settings sometimes too). */
export const messageConfig = fc.oneof(
  fc.record({ DeliveryMethod: fc.constant('EMAIL' as const), EmailSettings: emailSettings, SmsSettings: optional(smsSettings) }).map(clean),
  fc.record({ DeliveryMethod: fc.constant('SMS' as const), SmsSettings: smsSettings, EmailSettings: optional(emailSettings) }).map(clean),
);

const mfa = fc
  .record({
    MFAMode: fc.constantFrom(...MFA_MODES),
    Settings: optional(fc.record({ MfaTypes: fc.subarray([...MFA_TYPES]), SmsMessage: text('MFA {####}') }, { requiredKeys: [] }).map(clean)),
  })
  .map(clean);

const social = fc.record({ ClientId: fc.stringMatching(/^[a-z0-9]{4,12}$/), ClientSecret: secret });
const socialProviders = fc
  .record(
    {
      Facebook: social,
      Google: social,
      LoginWithAmazon: social,
      SignInWithApple: fc.record({
        ClientId: fc.stringMatching(/^[a-z.]{4,12}$/),
        KeyId: fc.stringMatching(/^[A-Z0-9]{10}$/),
        PrivateKey: secret,
        TeamId: fc.stringMatching(/^[A-Z0-9]{10}$/),
      }),
    },
    { requiredKeys: [] },
  )
  .map(clean);

const uris = fc.uniqueArray(fc.constantFrom('https://app.example.com/', 'https://www.example.com/callback', 'myapp://signin/'), { minLength: 1, maxLength: 3 });

const oauth = fc
  .record({
    DomainPrefix: optional(fc.stringMatching(/^avc[a-z0-9]{3,10}$/)),
    OAuthGrantType: fc.constantFrom(...OAUTH_GRANT_TYPES),
    OAuthScopes: fc.subarray([...OAUTH_SCOPES], { minLength: 1 }),
    RedirectSignInURIs: uris,
    RedirectSignOutURIs: uris,
    SocialProviderSettings: optional(socialProviders),
  })
  .map(clean);

/**
 * MinimumLength: the document and the API model give it as a float (`MinimumLength (float)`, shape
 * __double), but it sets the user pool's password policy, whose MinimumLength is an integer from 6 to
 * 99 in Cognito (../shared/aws-models/cognito-idp-2016-04-18.json#/shapes/PasswordPolicyMinLengthType;
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html).
 * Only values both allow are sent: whole numbers from 6 to 99, both ends most often; a fraction has
 * no documented outcome and is not tested.
 */
export const MINIMUM_LENGTH = { min: 6, max: 99 } as const;
export const minimumLength = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(MINIMUM_LENGTH.min, 8, MINIMUM_LENGTH.max) },
  { weight: 1, arbitrary: fc.integer(MINIMUM_LENGTH) },
);
const passwordPolicy = fc
  .record({
    MinimumLength: minimumLength,
    AdditionalConstraints: optional(fc.subarray([...ADDITIONAL_CONSTRAINTS])),
  })
  .map(clean);

type SignUpAttributes = CreateResourceConfig['UserPoolConfigs']['RequiredSignUpAttributes'];
const requiredSignUpAttributes = fc.oneof(
  { weight: 3, arbitrary: fc.subarray([...REQUIRED_SIGN_UP_ATTRIBUTES], { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant<SignUpAttributes>([...REQUIRED_SIGN_UP_ATTRIBUTES]) },
);

/**
 * A documented CreateBackendAuth ResourceConfig; `full` puts every optional sub-configuration in,
 * `verification` the VerificationMessage (so that an update can always change it from a set value).
 */
export const createConfig = (full = false, verification = false): fc.Arbitrary<CreateResourceConfig> => {
  const maybe = <T>(arb: fc.Arbitrary<T>) => (full ? arb : optional(arb));
  return fc
    .record({
      withIdentityPool: full ? fc.constant(true) : fc.boolean(),
      identityPoolName: fc.stringMatching(/^avcidp[a-z0-9]{1,8}$/),
      unauthenticated: fc.boolean(),
      ForgotPassword: maybe(messageConfig),
      Mfa: maybe(mfa),
      OAuth: maybe(oauth),
      PasswordPolicy: maybe(passwordPolicy),
      RequiredSignUpAttributes: requiredSignUpAttributes,
      SignInMethod: fc.constantFrom(...SIGN_IN_METHODS),
      UserPoolName: fc.stringMatching(/^avcpool[a-z0-9]{1,8}$/),
      VerificationMessage: full || verification ? messageConfig : fc.option(messageConfig, { nil: undefined, freq: 4 }),
    })
    .map(({ withIdentityPool, identityPoolName, unauthenticated, ...userPool }) => ({
      AuthResources: withIdentityPool ? ('IDENTITY_POOL_AND_USER_POOL' as const) : ('USER_POOL_ONLY' as const),
      ...(withIdentityPool ? { IdentityPoolConfigs: { IdentityPoolName: identityPoolName, UnauthenticatedLogin: unauthenticated } } : {}),
      Service: 'COGNITO' as const,
      UserPoolConfigs: clean(userPool),
    }));
};

/**
 * An UpdateBackendAuth ResourceConfig without AuthResources (the command keeps the resource's
 * own): each sub-configuration named or not, the verification message most often, with the
 * Update shape's optional members sometimes left out.
 */
export type UpdateWithoutResources = Omit<UpdateResourceConfig, 'AuthResources'>;
export const updateConfig: fc.Arbitrary<UpdateWithoutResources> = fc
  .record({
    unauthenticated: optional(fc.boolean()),
    ForgotPassword: optional(
      fc.oneof(
        messageConfig,
        smsSettings.map((SmsSettings) => ({ SmsSettings })),
      ),
    ),
    Mfa: optional(fc.oneof(mfa, fc.record({ Settings: fc.record({ MfaTypes: fc.subarray([...MFA_TYPES]) }) }))),
    OAuth: optional(oauth),
    PasswordPolicy: optional(passwordPolicy),
    VerificationMessage: fc.option(messageConfig, { nil: undefined, freq: 5 }),
  })
  .map(({ unauthenticated, ...userPool }) => ({
    ...(unauthenticated !== undefined ? { IdentityPoolConfigs: { UnauthenticatedLogin: unauthenticated } } : {}),
    Service: 'COGNITO' as const,
    UserPoolConfigs: clean(userPool),
  }));

type Message = NonNullable<CreateResourceConfig['UserPoolConfigs']['VerificationMessage']>;
export const emailMessage = (subject: string): Message => ({
  DeliveryMethod: 'EMAIL',
  EmailSettings: { EmailMessage: `${subject} {####}`, EmailSubject: subject },
});
export const smsMessage = (text: string): Message => ({ DeliveryMethod: 'SMS', SmsSettings: { SmsMessage: `${text} {####}` } });

/**
 * `message`, or the other delivery method when `before` (the message set, as the model holds it:
 * possibly one a target answered) has the same one: an update that always changes the verification message.
 */
export function changedMessage(before: unknown, message: Message): Message {
  const method = memberOf(before, 'DeliveryMethod');
  if (!before || message.DeliveryMethod !== method) return message;
  return method === 'EMAIL' ? smsMessage('Changed') : emailMessage('Changed');
}

/** A job GetBackendJob reads: -1 the latest, otherwise an index modulo the jobs started. */
export const jobIndex = fc.oneof(fc.constant(-1), fc.nat({ max: 20 }));

/** A required member to leave out, VerificationMessage.DeliveryMethod most often. */
const vmPath = (paths: readonly (readonly string[])[]) => paths.find((p) => p.join('.').endsWith('VerificationMessage.DeliveryMethod'))!;
export const missingMember = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('create' as const, 'update' as const)
      .map((operation) => ({ operation, path: vmPath(operation === 'create' ? CREATE_REQUIRED_PATHS : UPDATE_REQUIRED_PATHS) })),
  },
  { weight: 3, arbitrary: fc.constantFrom(...CREATE_REQUIRED_PATHS).map((path) => ({ operation: 'create' as const, path })) },
  { weight: 1, arbitrary: fc.constantFrom(...UPDATE_REQUIRED_PATHS).map((path) => ({ operation: 'update' as const, path })) },
);

/**
 * `config` reduced to its required members and the one sub-configuration holding `path` (a path of
 * the request): a request without that member then breaks nothing else.
 */
export function focus(config: CreateResourceConfig, path: readonly string[]): CreateResourceConfig {
  const { RequiredSignUpAttributes, SignInMethod, UserPoolName } = config.UserPoolConfigs;
  const sub = path[1] === 'UserPoolConfigs' && path.length > 3 && isUserPoolSubconfig(path[2]) ? path[2] : undefined;
  const identity = path[1] === 'IdentityPoolConfigs' && config.IdentityPoolConfigs !== undefined;
  return {
    AuthResources: identity ? 'IDENTITY_POOL_AND_USER_POOL' : 'USER_POOL_ONLY',
    ...(identity ? { IdentityPoolConfigs: config.IdentityPoolConfigs } : {}),
    Service: config.Service,
    UserPoolConfigs: { RequiredSignUpAttributes, SignInMethod, UserPoolName, ...(sub ? { [sub]: config.UserPoolConfigs[sub] } : {}) },
  };
}

/**
 * Copies `request` without the member at `path`: a request the SDK's types forbid (a required member
 * left out) but the SDK sends as given. The copy keeps the type `T` on purpose: that lets it through.
 */
export function without<T extends object>(request: T, path: readonly string[]): T {
  const copy = structuredClone(request);
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) node = memberOf(node, key);
  if (isObject(node)) delete node[path.at(-1)!];
  return copy;
}
