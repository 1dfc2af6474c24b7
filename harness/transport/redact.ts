// Secrets are redacted where an exchange is recorded, so no report, fixture or log can carry them:
// credentials in headers, and tokens, passwords, client secrets and private keys in any body.
export const REDACTED = '[redacted]';

/**
 * Field and header names whose values are secrets, in any protocol's spelling (compared with
 * separators folded to `_`). Verification tokens and paging tokens are not secrets: they are
 * published in DNS or meaningless alone, and findings need them.
 */
const SECRET_NAME =
  /(^|_)(authorization|secret\w*|\w*password\w*|private_?key|access_?token|refresh_?token|id_?token|session_?token|security_?token|access_?key_?id|secret_?access_?key)$|secret|password/i;

export const isSecretName = (name: string): boolean => SECRET_NAME.test(name.replace(/[-.\s]/g, '_').replace(/([a-z])([A-Z])/g, '$1_$2'));

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = isSecretName(name) ? redactAuthorization(value) : value;
  return out;
}

/** Keep the algorithm and credential scope (region, service: useful to a reader), drop key id and signature. */
function redactAuthorization(value: string): string {
  const scope = /Credential=[^/,\s]+\/([^,\s]+)/.exec(value);
  return scope ? `${value.split(' ')[0]} Credential=${REDACTED}/${scope[1]}, Signature=${REDACTED}` : REDACTED;
}

/**
 * A secret is a value, never a structure: a secret-named member holding an object (PasswordPolicy,
 * ForgotPassword) is not itself secret, and is redacted member by member like any other.
 */
export const isSecretMember = (name: string, value: unknown): boolean => isSecretName(name) && (value === null || typeof value !== 'object');

export function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = isSecretMember(key, v) ? REDACTED : redactValue(v);
    return out;
  }
  return value;
}

const XML_SECRET =
  /<((?:[\w]*:)?(?:[\w]*Secret[\w]*|[\w]*Password[\w]*|[\w]*PrivateKey|AccessToken|RefreshToken|IdToken|SessionToken|SecretAccessKey|AccessKeyId))>[^<]*<\/\1>/g;

/** Redact a body by its content type: JSON fields, form fields, XML elements. */
export function redactBody(body: string, contentType = ''): string {
  if (!body) return body;
  if (contentType.includes('json') || /^\s*[[{]/.test(body)) {
    try {
      return JSON.stringify(redactValue(JSON.parse(body)));
    } catch {
      /* not JSON after all */
    }
  }
  if (contentType.includes('x-www-form-urlencoded')) {
    const params = new URLSearchParams(body);
    for (const key of [...params.keys()]) if (isSecretName(key.split('.').pop() ?? key)) params.set(key, REDACTED);
    return params.toString();
  }
  return body.replace(XML_SECRET, (_m, tag: string) => `<${tag}>${REDACTED}</${tag}>`);
}
