// Calls printed as AWS CLI commands, so a counterexample can be pasted into a shell. Secrets
// are redacted here too: a printed call is as public as a report.
import { isSecretMember, REDACTED } from '../../harness/transport/redact.ts';

const kebab = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

/** Single-quoted for a POSIX shell. */
const shellQuote = (value: string) => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

function argument(name: string, value: unknown): string {
  if (isSecretMember(name, value)) return `--${kebab(name)} ${REDACTED}`;
  if (typeof value === 'boolean') return value ? `--${kebab(name)}` : `--no-${kebab(name)}`;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return `--${kebab(name)}${value.length ? ` ${value.map(shellQuote).join(' ')}` : ' []'}`;
  }
  if (value !== null && typeof value === 'object') return `--${kebab(name)} ${shellQuote(JSON.stringify(redactDeep(value)))}`;
  return `--${kebab(name)} ${shellQuote(String(value))}`;
}

function redactDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretMember(k, v) ? REDACTED : redactDeep(v)]));
  }
  return value;
}

/** `aws <service> <operation> --arg value ...` for an SDK operation name and input. */
export function awsCliCall(service: string, operation: string, input: object, suffix = ''): string {
  const args = Object.entries(input)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => argument(k, v));
  return ['aws', service, kebab(operation), ...args].join(' ') + suffix;
}
