// AWS, simulated offline for the `aws` target's tests: msw answers the real AWS hostnames, STS
// with a fixed caller, and each service from a reference emulator (a 12-digit access key id is the
// account to it, as to AWS), so the aws code path runs unchanged and nothing leaves the machine.
import { http, HttpResponse } from 'msw';

export const ACCOUNT = '123456789012';

const callerIdentity = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
<Arn>arn:aws:iam::${ACCOUNT}:user/conformance</Arn><UserId>AIDAEXAMPLE</UserId><Account>${ACCOUNT}</Account>
</GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;

/** STS GetCallerIdentity names ACCOUNT. */
export const stsAnswersAccount = http.post(/^https:\/\/sts\.([a-z0-9-]+\.)?amazonaws\.com\/?$/, () => HttpResponse.xml(callerIdentity));

/** SES v1 (query protocol, at the root of email.<region>). */
export const SES_HOST = /^https:\/\/email\.[a-z0-9-]+\.amazonaws\.com\/$/;
/** Pinpoint Email (email.<region>/v1/...). */
export const PINPOINT_HOST = /^https:\/\/email\.[a-z0-9-]+\.amazonaws\.com\/v1\//;
/** Lightsail, Cognito user pools and AmplifyBackend. */
const OTHER_HOSTS = /^https:\/\/(lightsail|cognito-idp|amplifybackend)\.[a-z0-9-]+\.amazonaws\.com\//;

/** Every service at its real hostnames, answered by `answer` (an emulator's fetch, or a simulation in front of one). */
export const servicesAnsweredBy = (answer: (request: Request) => Response | Promise<Response>) => [
  http.all(SES_HOST, ({ request }) => answer(request)),
  http.all(PINPOINT_HOST, ({ request }) => answer(request)),
  http.all(OTHER_HOSTS, ({ request }) => answer(request)),
];

/** The credentials the SDK's default chain finds: ACCOUNT's, and no instance metadata to look for. */
export const AWS_CREDENTIALS_ENV = { AWS_ACCESS_KEY_ID: ACCOUNT, AWS_SECRET_ACCESS_KEY: 'offline-secret', AWS_EC2_METADATA_DISABLED: 'true' };
