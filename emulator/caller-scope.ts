// Who is calling and where: account and region from the SigV4 credential scope
// (`Credential=AKID/yyyymmdd/<region>/<service>/aws4_request`). Signatures are not verified.

export const DEFAULT_REGION = 'us-east-1';
/** Used when the access key id is not itself a 12-digit account id (LocalStack's convention). */
export const DEFAULT_ACCOUNT = '000000000000';

export interface CallerScope {
  accessKeyId: string;
  account: string;
  region: string;
  /** The signing name in the scope, e.g. 'ses'; undefined when the scope could not be read. */
  service?: string;
}

const CREDENTIAL_SCOPE = /Credential=([^/,\s]*)\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

/**
 * Undefined when the request carries no credentials at all (AWS: MissingAuthenticationToken).
 * Credentials that are present but unreadable fall back to the default account and region,
 * because the emulator does not judge signatures.
 */
export function readCallerScope(request: Request, url: URL): CallerScope | undefined {
  const authorization = request.headers.get('authorization');
  const presigned = url.searchParams.get('X-Amz-Credential');
  if (authorization === null && presigned === null) return undefined;
  const match = CREDENTIAL_SCOPE.exec(authorization ?? `Credential=${presigned}`);
  if (!match) return { accessKeyId: '', account: DEFAULT_ACCOUNT, region: DEFAULT_REGION };
  const [, accessKeyId, region, service] = match; // every group is required: all three took part in the match
  return { accessKeyId, account: /^\d{12}$/.test(accessKeyId) ? accessKeyId : DEFAULT_ACCOUNT, region, service };
}
