// The Cognito user pools errors the emulator answers, each from the operations' error lists in
// the API model. The model gives none of them an HTTP status, so client errors are 400.
import { AwsError } from '../errors.ts';

const clientError = (code: string) => (message: string) => new AwsError(code, message, 400);

export const invalidParameter = clientError('InvalidParameterException');
export const notAuthorized = clientError('NotAuthorizedException');
export const resourceNotFound = clientError('ResourceNotFoundException');
export const userNotFound = () => new AwsError('UserNotFoundException', 'User does not exist.', 400);
export const usernameExists = () => new AwsError('UsernameExistsException', 'User account already exists', 400);
export const invalidPassword = clientError('InvalidPasswordException');
export const codeMismatch = () => new AwsError('CodeMismatchException', 'Invalid verification code provided, please try again.', 400);
export const expiredCode = () => new AwsError('ExpiredCodeException', 'Invalid code provided, please request a code again.', 400);
export const internalError = () => new AwsError('InternalErrorException', 'Internal server error.', 500);
