// `conformance sweep`: what earlier runs left in a sandbox account (a run that was killed before
// its clean-up), found by the names every run gives what it creates (`avc-<run>-<n>-...`, under
// CONFORMANCE_EMAIL_DOMAIN), and deleted on request. Anything not named so is never touched.
// What each service looks for is its manifest's `sweep`; the aws target's clients pace every call.
import { manifestOf, type ClientOf, type ServiceName } from '../../services/index.ts';
import type { Found, SweepLook } from '../../services/manifest.ts';
import { asError, firstLineOf } from '../errors.ts';
import type { Target } from './target.ts';

export interface Leftover {
  service: ServiceName;
  region: string;
  /** What it is, as a person would look it up: an identity, a user pool id and name, a contact method. */
  what: string;
  remove(): Promise<unknown>;
}

/** Why a service is not swept, where it is not: said to the user, not hidden. */
export function notSwept(service: ServiceName): string | undefined {
  const sweep = manifestOf(service).sweep;
  return 'notSwept' in sweep ? sweep.notSwept : undefined;
}

/** One service's leftovers in every region it is looked for in; where looking failed is said, not hidden. */
async function findIn<S extends ServiceName>(target: Target, service: S, domain: string, problems: string[]): Promise<Leftover[]> {
  const sweep = manifestOf(service).sweep;
  if ('notSwept' in sweep) return [];
  const found: Leftover[] = [];
  for (const region of sweep.regions === 'run' ? [target.region] : sweep.regions) {
    try {
      // The manifest's finder takes the client its manifest builds: target.client(service) is that client.
      const find = sweep.find as (client: ClientOf<S>, look: SweepLook) => Promise<Found[]>;
      const items = await find(target.client(service, region), { domain });
      found.push(...items.map((item) => ({ service, region, ...item })));
    } catch (error) {
      const e = asError(error);
      problems.push(`${service} ${region}: could not look: ${e.name}: ${firstLineOf(e)}`);
    }
  }
  return found;
}

/** What earlier runs left, and where looking failed (a region may not offer the service). */
export async function findLeftovers(target: Target, services: readonly ServiceName[], domain: string): Promise<{ leftovers: Leftover[]; problems: string[] }> {
  const leftovers: Leftover[] = [];
  const problems: string[] = [];
  for (const service of services) leftovers.push(...(await findIn(target, service, domain, problems)));
  return { leftovers, problems };
}
