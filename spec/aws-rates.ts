// AWS's request rates and message quotas, as data: the `aws` target paces every call and counts
// every message AWS sends by this table. It is the single place these numbers live.
import type { ServiceName } from '../services/index.ts';

/**
 * Where a number comes from: a public AWS page and its sentence, or our assumption and why.
 * A table row is quoted as its cells joined by ' | '; two passages of one page by ' … '.
 */
export interface RateSource {
  readonly url: string;
  /** The sentence, verbatim, that states the number (for an assumption: the closest sentence, or ''). */
  readonly quote: string;
  readonly basis: 'documented' | 'assumption';
  /** Required for an assumption: why this number is safe. */
  readonly why?: string;
}

/** One documented request-rate limit: the operations that share it (Cognito's categories share one), per account and region. */
export interface ApiRate {
  readonly key: string;
  readonly service: ServiceName | 'sts';
  /** SDK operation names, e.g. 'GetUserAttributeVerificationCode'. */
  readonly operations: readonly string[];
  /** The sustained rate the harness keeps to (may be below the documented one; `why` says so). */
  readonly perSecond: number;
  readonly source: RateSource;
}

export type MessageChannel = 'email' | 'sms';

/** A quota on messages AWS sends for a service (verification mail, codes, texts). */
export interface MessageQuota {
  readonly service: ServiceName;
  readonly channel: MessageChannel;
  readonly what: string;
  /** Per account (and region where so documented) per day, on a fresh sandbox account. */
  readonly perDay?: number;
  readonly perDestination?: { readonly count: number; readonly windowMs: number };
  readonly source: RateSource;
}

const HOUR_MS = 3_600_000;

const SES_API = 'https://docs.aws.amazon.com/ses/latest/APIReference';
const SES_ONCE_PER_SECOND = 'You can execute this operation no more than once per second.';
const COGNITO_QUOTAS = 'https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html';
const SES_SANDBOX = 'https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html';
const SES_SANDBOX_DAY = 'You can send a maximum of 200 messages per 24-hour period.';
const SMS_SANDBOX = 'https://docs.aws.amazon.com/sms-voice/latest/userguide/sandbox.html';
const SMS_SPEND = 'You have a monthly SMS spending limit of $1.00 (USD).';
const LIGHTSAIL_VERIFY = 'https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_SendContactMethodVerification.html';

/** One SES v1 operation documented at once per second (each page states it for its own operation). */
function sesOncePerSecond(operation: string, quote = SES_ONCE_PER_SECOND): ApiRate {
  return {
    key: `ses:${operation}`,
    service: 'ses',
    operations: [operation],
    perSecond: 1,
    source: { url: `${SES_API}/API_${operation}.html`, quote, basis: 'documented' },
  };
}

export const API_RATES: readonly ApiRate[] = [
  sesOncePerSecond('VerifyEmailIdentity'),
  sesOncePerSecond('VerifyDomainIdentity'),
  sesOncePerSecond('ListIdentities'),
  sesOncePerSecond('DeleteIdentity'),
  sesOncePerSecond(
    'GetIdentityVerificationAttributes',
    'This operation is throttled at one request per second and can only get verification attributes for up to 100 identities at a time.',
  ),
  {
    key: 'pinpoint-email:EmailIdentities',
    service: 'pinpoint-email',
    operations: [
      'CreateEmailIdentity',
      'DeleteEmailIdentity',
      'GetEmailIdentity',
      'ListEmailIdentities',
      'TagResource',
      'UntagResource',
      'ListTagsForResource',
      'PutEmailIdentityDkimAttributes',
    ],
    perSecond: 1,
    source: {
      url: 'https://docs.aws.amazon.com/pinpoint-email/latest/APIReference/Welcome.html',
      quote: '',
      basis: 'assumption',
      why:
        'Neither the Amazon Pinpoint Email API reference nor the SES v2 reference (same endpoints) states a request rate for ' +
        'these operations; they act on the same identities as SES v1, whose identity operations are documented at once per ' +
        'second, so all of them together keep to that.',
    },
  },
  {
    key: 'lightsail:ContactMethods',
    service: 'lightsail',
    operations: ['CreateContactMethod', 'DeleteContactMethod', 'GetContactMethods', 'SendContactMethodVerification'],
    perSecond: 1,
    source: {
      url: LIGHTSAIL_VERIFY,
      quote: '',
      basis: 'assumption',
      why:
        'The Lightsail API reference states no request rate; contact methods are one email and one phone number per ' +
        'Region, so a run needs a handful of calls, and one per second for all of them together cannot be the reason a ' +
        'call is throttled.',
    },
  },
  {
    key: 'amplifybackend:Backend',
    service: 'amplifybackend',
    operations: ['CreateBackend', 'DeleteBackend', 'CreateBackendAuth', 'UpdateBackendAuth', 'GetBackendAuth', 'DeleteBackendAuth', 'GetBackendJob'],
    perSecond: 1,
    source: {
      url: 'https://docs.aws.amazon.com/amplify-admin-ui/latest/APIReference/what-is-admin-ui.html',
      quote: '',
      basis: 'assumption',
      why:
        'The AmplifyBackend API reference states no request rate; its mutations start asynchronous jobs (GetBackendJob polls ' +
        'them), so one call per second for all operations together is ample and well below any account-level API rate.',
    },
  },
  {
    key: 'sts:GetCallerIdentity',
    service: 'sts',
    operations: ['GetCallerIdentity'],
    perSecond: 1,
    source: {
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html',
      quote: 'AWS Identity and Access Management (IAM) and AWS Security Token Service (STS) have quotas that limit the size of objects.',
      basis: 'assumption',
      why: 'No request rate for GetCallerIdentity is documented; the harness calls it once per run (the account guard), so one per second is never binding.',
    },
  },
  {
    key: 'cognito-idp:UserCreation',
    service: 'cognito-idp',
    operations: ['AdminCreateUser'],
    perSecond: 50,
    source: {
      url: COGNITO_QUOTAS,
      quote:
        'For example, the category UserCreation includes four operations: SignUp, ConfirmSignUp, AdminCreateUser, and ' +
        "AdminConfirmSignUp. It's allocated with a combined quota of 50 RPS.",
      basis: 'documented',
    },
  },
  {
    key: 'cognito-idp:PerUserRead',
    service: 'cognito-idp',
    operations: ['InitiateAuth', 'GetUser'],
    perSecond: 10,
    source: {
      url: COGNITO_QUOTAS,
      quote: 'Your app can request up to 10 read operations on each user every second, including signing in or getting profile or device information.',
      basis: 'documented',
      why:
        'InitiateAuth is in UserAuthentication (120 RPS) and GetUser in UserRead (120 RPS), but the harness works on one ' +
        "user at a time, so the per-user read quota binds first; keeping it account-wide is below both categories' rates.",
    },
  },
  {
    key: 'cognito-idp:PerUserWrite',
    service: 'cognito-idp',
    operations: ['UpdateUserAttributes', 'GetUserAttributeVerificationCode', 'VerifyUserAttribute', 'AdminSetUserPassword', 'GlobalSignOut'],
    perSecond: 10,
    source: {
      url: COGNITO_QUOTAS,
      quote:
        'Your app can also request up to 10 write operations on each user every second, including updating profile ' +
        'information or multi-factor authentication (MFA) settings.',
      basis: 'documented',
      why:
        'Which category each of these is in (UserUpdate 25 RPS, UserAccountRecovery 30 RPS, UserToken 120 RPS) is listed ' +
        'on the page only in expandable lists; every one of those categories allows more than 10 RPS, so pacing them ' +
        'together, account-wide, at the per-user write quota is safe whichever category each belongs to.',
    },
  },
  {
    key: 'cognito-idp:UserPoolUpdate',
    service: 'cognito-idp',
    operations: ['CreateUserPool', 'DeleteUserPool'],
    perSecond: 15,
    source: { url: COGNITO_QUOTAS, quote: 'UserPoolUpdate | Operations that create, update, or delete your user pools. | 15 | No', basis: 'documented' },
  },
  {
    key: 'cognito-idp:UserPoolRead',
    service: 'cognito-idp',
    operations: ['ListUserPools', 'DescribeUserPool'],
    perSecond: 15,
    source: { url: COGNITO_QUOTAS, quote: 'UserPoolRead | Operations that read your user pools. | 15 | No', basis: 'documented' },
  },
  {
    key: 'cognito-idp:UserPoolClientUpdate',
    service: 'cognito-idp',
    operations: ['CreateUserPoolClient'],
    perSecond: 5,
    source: {
      url: COGNITO_QUOTAS,
      quote:
        'Any individual operation in this category has a constraint that prevents the operation from being called at a ' +
        'rate higher than 5 RPS for a single user pool.',
      basis: 'documented',
      why: 'UserPoolClientUpdate allows 15 RPS per account and Region; the per-user-pool constraint of 5 RPS binds first.',
    },
  },
];

export const MESSAGE_QUOTAS: readonly MessageQuota[] = [
  {
    service: 'ses',
    channel: 'email',
    what: 'verification mail SES sends for VerifyEmailIdentity',
    perDay: 100,
    source: {
      url: SES_SANDBOX,
      quote: SES_SANDBOX_DAY,
      basis: 'assumption',
      why:
        'The sandbox quota is per account and Region and shared by SES v1 and the Pinpoint Email API (one SES account); ' +
        'AWS does not say whether verification mail counts against it, so we assume it does and give each API half.',
    },
  },
  {
    service: 'pinpoint-email',
    channel: 'email',
    what: 'verification mail sent for CreateEmailIdentity of an email address',
    perDay: 100,
    source: {
      url: SES_SANDBOX,
      quote: SES_SANDBOX_DAY,
      basis: 'assumption',
      why: "The other half of SES's sandbox quota, shared with the ses row (same account, same endpoints as SES v2).",
    },
  },
  {
    service: 'cognito-idp',
    channel: 'email',
    what:
      "codes and invitations sent by Cognito's default email sender (COGNITO_DEFAULT): UpdateUserAttributes, " +
      'GetUserAttributeVerificationCode, AdminCreateUser with an email',
    perDay: 50,
    perDestination: { count: 5, windowMs: HOUR_MS },
    source: {
      url: COGNITO_QUOTAS,
      quote:
        'Email messages sent daily per AWS account | 50 | No | N/A … Maximum number of GetUserAttributeVerificationCode calls per user | 5 attempts per hour',
      basis: 'documented',
      why:
        'The 50 a day apply only to the default email feature. The 5 an hour are documented for GetUserAttributeVerificationCode ' +
        'per user; the harness applies them to every code sent to one address, since Cognito may also hold back repeated ' +
        'messages to one destination in a short period.',
    },
  },
  {
    service: 'cognito-idp',
    channel: 'sms',
    what: 'codes Cognito texts to phone_number (through Amazon SNS / AWS End User Messaging SMS)',
    perDay: 3,
    source: {
      url: SMS_SANDBOX,
      quote: SMS_SPEND,
      basis: 'assumption',
      why:
        'No daily count is documented; a sandbox account may spend $1.00 a month on texts, which at a few US cents a text ' +
        '(with carrier fees) is some 30 to 100 a month, so 3 a day keeps a month under the limit.',
    },
  },
  // Lightsail documents no limit on its verification mail or texts (its SMS contact methods "don't need to be
  // verified", and SMS goes only to numbers the user listed): a run counts them in its budget, and keeps to no quota.
];

/** The rate an operation of a service is paced at; every operation the harness calls has one (an operation no row lists is refused). */
export function rateOf(service: ServiceName | 'sts', operation: string): ApiRate {
  const rows = API_RATES.filter((rate) => rate.service === service);
  const rate = rows.find((row) => row.operations.includes(operation));
  if (!rate) throw new Error(`no AWS rate for ${service}:${operation}; add it to spec/aws-rates.ts`);
  return rate;
}

/** ms between two calls of one key: ceil(1000 / perSecond). */
export function intervalOf(rate: ApiRate): number {
  return Math.ceil(1000 / rate.perSecond);
}

export function quotaOf(service: ServiceName, channel: MessageChannel): MessageQuota | undefined {
  return MESSAGE_QUOTAS.find((quota) => quota.service === service && quota.channel === channel);
}
