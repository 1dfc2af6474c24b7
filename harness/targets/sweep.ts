// `conformance sweep`: what earlier runs left in a sandbox account (a run that was killed before
// its clean-up), found by the names every run gives what it creates (`avc-<run>-<n>-...`, under
// CONFORMANCE_EMAIL_DOMAIN), and deleted on request. Anything not named so is never touched.
import { DeleteUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteContactMethodCommand, GetContactMethodsCommand } from '@aws-sdk/client-lightsail';
import { DeleteEmailIdentityCommand, ListEmailIdentitiesCommand } from '@aws-sdk/client-pinpoint-email';
import { DeleteIdentityCommand, ListIdentitiesCommand } from '@aws-sdk/client-ses';
import type { ServiceName } from '../../spec/rule.ts';
import { isUnderDomain } from './aws-guard.ts';
import { RUN_NAME } from './base.ts';
import type { Target } from './target.ts';

export interface Leftover {
  service: ServiceName;
  region: string;
  /** What it is, as a person would look it up: an identity, a user pool id and name, a contact method. */
  what: string;
  remove(): Promise<unknown>;
}

export interface SweepScope {
  /** CONFORMANCE_EMAIL_DOMAIN: only names under it are a run's. */
  domain: string;
  /** Where Lightsail contact methods are looked for (a run uses its region and two others). */
  lightsailRegions: readonly string[];
}

/** An address or domain a run created: run-prefixed and under the configured domain. */
const isRunIdentity = (name: string, domain: string) => RUN_NAME.test(name) && isUnderDomain(name, domain);

/** SES rates: ListIdentities and DeleteIdentity "no more than once per second". */
const SES_INTERVAL_MS = 1_000;
const MAX_PAGES = 100;

/** One SES call at its documented rate: spaced from the previous one's answer, and marked answered in turn. */
async function pacedSend<T>(target: Target, key: string, send: () => Promise<T>): Promise<T> {
  await target.pace(key, SES_INTERVAL_MS);
  try {
    return await send();
  } finally {
    target.paced(key);
  }
}

/** Every item of a NextToken-paged listing (at most MAX_PAGES pages). */
async function everyPage<T>(page: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const answer = await page(nextToken);
    items.push(...answer.items);
    if (!(nextToken = answer.nextToken)) break;
  }
  return items;
}

async function sesLeftovers(target: Target, { domain }: SweepScope): Promise<Leftover[]> {
  const ses = target.client('ses');
  const names = await everyPage(async (NextToken) => {
    const answer = await pacedSend(target, 'ses:ListIdentities', () => ses.send(new ListIdentitiesCommand({ NextToken })));
    return { items: answer.Identities ?? [], nextToken: answer.NextToken };
  });
  return names.filter((name) => isRunIdentity(name, domain)).map((name) => ({
    service: 'ses', region: target.region, what: `identity ${name}`,
    remove: () => pacedSend(target, 'ses:DeleteIdentity', () => ses.send(new DeleteIdentityCommand({ Identity: name }))),
  }));
}

async function pinpointLeftovers(target: Target, { domain }: SweepScope): Promise<Leftover[]> {
  const pinpoint = target.client('pinpoint-email');
  const names = await everyPage(async (NextToken) => {
    const answer = await pinpoint.send(new ListEmailIdentitiesCommand({ NextToken }));
    return { items: (answer.EmailIdentities ?? []).flatMap((identity) => (identity.IdentityName ? [identity.IdentityName] : [])), nextToken: answer.NextToken };
  });
  return names.filter((name) => isRunIdentity(name, domain)).map((name) => ({
    service: 'pinpoint-email', region: target.region, what: `email identity ${name}`,
    remove: () => pinpoint.send(new DeleteEmailIdentityCommand({ EmailIdentity: name })),
  }));
}

async function cognitoLeftovers(target: Target, { domain }: SweepScope): Promise<Leftover[]> {
  const cognito = target.client('cognito-idp');
  // A run names its pools after a run-prefixed domain under the configured one, dots as dashes.
  const suffix = `.${domain}`.replace(/[^\w-]/g, '-');
  const pools = await everyPage(async (NextToken) => {
    const answer = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
    return { items: (answer.UserPools ?? []).flatMap((pool) => (pool.Id && pool.Name ? [{ Id: pool.Id, Name: pool.Name }] : [])), nextToken: answer.NextToken };
  });
  return pools.filter((pool) => RUN_NAME.test(pool.Name) && pool.Name.endsWith(suffix)).map((pool) => ({
    service: 'cognito-idp', region: target.region, what: `user pool ${pool.Id} (${pool.Name})`,
    remove: () => cognito.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id })),
  }));
}

/** Email contact methods whose address a run made, in one region; an SMS one cannot be told from the account's own and is left alone. */
async function lightsailLeftovers(target: Target, { domain }: SweepScope, region: string): Promise<Leftover[]> {
  const lightsail = target.client('lightsail', region);
  const { contactMethods = [] } = await lightsail.send(new GetContactMethodsCommand({ protocols: ['Email'] }));
  return contactMethods
    .filter((method) => method.protocol === 'Email' && method.contactEndpoint && isRunIdentity(method.contactEndpoint, domain))
    .map((method) => ({
      service: 'lightsail', region, what: `Email contact method ${method.contactEndpoint}`,
      remove: () => lightsail.send(new DeleteContactMethodCommand({ protocol: 'Email' })),
    }));
}

type Finder = (target: Target, scope: SweepScope, region: string) => Promise<Leftover[]>;

/** Each service's finder, and the regions it looks in: the target's, or (Lightsail) every one a run may use. */
const FINDERS: Partial<Record<ServiceName, { find: Finder; regions: (target: Target, scope: SweepScope) => readonly string[] }>> = {
  ses: { find: sesLeftovers, regions: (target) => [target.region] },
  'pinpoint-email': { find: pinpointLeftovers, regions: (target) => [target.region] },
  'cognito-idp': { find: cognitoLeftovers, regions: (target) => [target.region] },
  lightsail: { find: lightsailLeftovers, regions: (_, scope) => scope.lightsailRegions },
};

/** Why a service is not swept: said to the user, not hidden. */
export const NOT_SWEPT: Partial<Record<ServiceName, string>> = {
  amplifybackend: 'AmplifyBackend has no operation that lists backend environments (that is the Amplify service); a run removes its own with DeleteBackend',
};

/** What earlier runs left, and where looking failed (said, not hidden: a region may not offer the service). */
export async function findLeftovers(target: Target, services: readonly ServiceName[], scope: SweepScope): Promise<{ leftovers: Leftover[]; problems: string[] }> {
  const leftovers: Leftover[] = [];
  const problems: string[] = [];
  for (const service of services) {
    const finder = FINDERS[service];
    for (const region of finder?.regions(target, scope) ?? []) {
      try {
        leftovers.push(...(await finder!.find(target, scope, region)));
      } catch (error) {
        problems.push(`${service} ${region}: could not look: ${(error as Error).name}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }
  return { leftovers, problems };
}
