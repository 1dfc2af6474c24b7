// Each service's documented errors, as the API models list them (see models/<service>/shapes.ts),
// in the one form the shared error check reads.
import { COMMON_CLIENT_ERROR_CODES } from '../models/shared/aws-error.ts';
import { DOCUMENTED_ERRORS as AMPLIFY_ERRORS } from '../models/amplifybackend/shapes.ts';
import { DOCUMENTED_ERRORS as COGNITO_ERRORS } from '../models/cognito-idp/shapes.ts';
import { CONTACT_METHOD_ERRORS, SERVER_FAULT_ERRORS } from '../models/lightsail/shapes.ts';
import { ERROR_STATUS, OPERATION_ERRORS } from '../models/pinpoint-email/shapes.ts';
import type { ServiceName } from '../spec/rule.ts';
import type { DocumentedErrors, DocumentedStatus } from './shared/documented-errors.ts';

const sameFor = (codes: Iterable<[string, DocumentedStatus]>) => {
  const map = new Map(codes);
  return () => map;
};

export const DOCUMENTED_ERRORS: Record<ServiceName, DocumentedErrors> = {
  // The query protocol's common client errors, for every SES operation.
  ses: { rule: 'SES.ERRORS.QUERY_ERROR_SHAPE', of: sameFor(COMMON_CLIENT_ERROR_CODES.map((code) => [code, '4xx'])) },
  'pinpoint-email': {
    rule: 'PINPOINT.ERRORS.DOCUMENTED',
    of: (operation) => new Map((OPERATION_ERRORS[operation] ?? []).map((code) => [code, ERROR_STATUS[code] ?? '4xx'])),
  },
  // ServiceException is Lightsail's server fault; the rest are client errors.
  lightsail: {
    rule: 'LIGHTSAIL.ERRORS.DOCUMENTED',
    of: sameFor(CONTACT_METHOD_ERRORS.map((code) => [code, SERVER_FAULT_ERRORS.includes(code) ? '4xx or 5xx' : '4xx'])),
  },
  // The model marks InternalErrorException a server fault; the rest are client errors.
  'cognito-idp': {
    rule: 'COGNITO.ERRORS.DOCUMENTED',
    of: (operation) => new Map((COGNITO_ERRORS[operation] ?? []).map((code) => [code, code === 'InternalErrorException' ? '5xx' : '4xx'])),
  },
  amplifybackend: { rule: 'AMPLIFY.ERRORS.DOCUMENTED', of: sameFor(Object.entries(AMPLIFY_ERRORS)) },
};
