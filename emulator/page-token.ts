// The NextToken every listing of the emulator answers: it names the last key of the page it ends,
// so a listing resumes after it even when keys were added or removed in between.
import type { AwsError } from './errors.ts';

const PREFIX = 'after:';

export function writePageToken(lastKey: string): string {
  return Buffer.from(PREFIX + lastKey, 'utf8').toString('base64url');
}

/** The key a token names; `invalid` builds the operation's own error for a token it never gave. */
export function readPageToken(token: string, invalid: (message: string) => AwsError): string {
  const text = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
  if (!text.startsWith(PREFIX)) throw invalid('Invalid NextToken.');
  return text.slice(PREFIX.length);
}
