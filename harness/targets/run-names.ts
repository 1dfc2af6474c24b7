// How the harness tells what a run created: every name starts `avc-<run tag>-<n>-` and, on AWS,
// lives under the domain the user configured. The guards and the sweep both read names this way.

/** How every name a run gives starts (`avc-<run tag>-<n>-`): the sweep finds leftovers by it. */
export const RUN_NAME = /^avc-[a-z0-9]+-\d+-/;

const underDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** An address `x@domain` or `x@sub.domain`, or a domain that is `domain` or under it. */
export function isUnderDomain(value: string, domain: string): boolean {
  const d = domain.toLowerCase();
  const v = value.toLowerCase();
  const at = v.lastIndexOf('@');
  return at >= 0 ? underDomain(v.slice(at + 1), d) : underDomain(v, d);
}

/** An address or domain a run created: run-prefixed and under the configured domain. */
export const isRunIdentity = (name: string, domain: string) => RUN_NAME.test(name) && isUnderDomain(name, domain);
