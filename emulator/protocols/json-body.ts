// Reading a JSON request body, the same for awsJson1_1 and restJson1: an empty body counts as `{}`,
// and an unreadable or malformed one is the service's own input error, never a 5xx.
import type { AwsError } from '../errors.ts';

export async function readJsonBody(request: Request, inputError: (message: string) => AwsError): Promise<unknown> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw inputError('The request body could not be read.');
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw inputError('The request body is not valid JSON.');
  }
}

/** A JSON object (not an array, not null): the only body shape restJson1 and the control routes accept. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
