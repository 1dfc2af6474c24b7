// An email identity's ARN, `arn:aws:ses:<region>:<account>:identity/<identity>`. AWS does not
// return it from CreateEmailIdentity; clients build it from their region, account and the
// identity's name, and the emulator also sends it in the `x-emulator-resource-arn` header.
import { AwsError } from '../errors.ts';

export const RESOURCE_ARN_HEADER = 'x-emulator-resource-arn';

interface ArnScope {
  account: string;
  region: string;
}

function arnPrefix(scope: ArnScope): string {
  return `arn:aws:ses:${scope.region}:${scope.account}:identity/`;
}

export function identityArn(scope: ArnScope, identity: string): string {
  return arnPrefix(scope) + identity;
}

const ARN_SHAPE = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/;

/**
 * The identity an ARN names in the caller's account and region. Something that is not an ARN
 * is a BadRequestException; an ARN of another account, region or resource kind names nothing
 * here, so it is a NotFoundException.
 */
export function identityFromArn(arn: string, scope: ArnScope): string {
  if (!ARN_SHAPE.test(arn)) throw new AwsError('BadRequestException', `Invalid ResourceArn: ${arn.slice(0, 256)}`, 400);
  const prefix = arnPrefix(scope);
  if (!arn.startsWith(prefix)) throw new AwsError('NotFoundException', `Resource not found: ${arn.slice(0, 256)}`, 404);
  return arn.slice(prefix.length);
}
