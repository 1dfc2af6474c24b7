// What the harness observes of an AWS error, whatever the protocol, and the error codes AWS
// documents for every service (the "Common Errors" reference of the AWS API documentation).
import { z } from 'zod';

const ObservedErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  httpStatus: z.number().int(),
  fault: z.enum(['client', 'server']).optional(),
  requestId: z.string().optional(),
});
export type ObservedError = z.infer<typeof ObservedErrorSchema>;

/** Codes AWS uses for throttling across protocols (SES query answers `Throttling`). */
const THROTTLING_CODES: readonly string[] = ['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded'];

/** Client-side codes from the AWS Common Errors reference, valid for any operation. */
export const COMMON_CLIENT_ERROR_CODES: readonly string[] = [
  'AccessDeniedException',
  'IncompleteSignature',
  'InvalidAction',
  'InvalidClientTokenId',
  'InvalidParameterCombination',
  'InvalidParameterValue',
  'InvalidQueryParameter',
  'MalformedQueryString',
  'MissingAction',
  'MissingAuthenticationToken',
  'MissingParameter',
  'NotAuthorized',
  'OptInRequired',
  'RequestExpired',
  'ThrottlingException',
  'Throttling',
  'ValidationError',
  'ValidationException',
];

export const isClientError = (e: ObservedError): boolean => e.httpStatus >= 400 && e.httpStatus < 500;
export const isServerError = (e: ObservedError): boolean => e.httpStatus >= 500;
export const isThrottling = (e: ObservedError): boolean => isClientError(e) && THROTTLING_CODES.includes(e.code);
