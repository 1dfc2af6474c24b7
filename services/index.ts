// The services the harness checks: one line each. Everything the harness keeps per service is
// derived from these manifests; adding a service means adding its folders and its line here.
import type { ConformanceProperty } from '../properties/shared/property.ts';
import type { Rule } from '../spec/rule.ts';
import { amplifyBackend } from './amplifybackend.ts';
import { cognitoIdp } from './cognito-idp.ts';
import { lightsail } from './lightsail.ts';
import { pinpointEmail } from './pinpoint-email.ts';
import { ses } from './ses.ts';

export const SERVICE_MANIFESTS = [ses, pinpointEmail, lightsail, cognitoIdp, amplifyBackend] as const;

type Manifests = typeof SERVICE_MANIFESTS;
export type ServiceName = Manifests[number]['name'];
export type ManifestOf<S extends ServiceName> = Extract<Manifests[number], { name: S }>;
/** The SDK client of a service, as its manifest builds it. */
export type ClientOf<S extends ServiceName> = ReturnType<ManifestOf<S>['client']>;

/** The id of any rule in the catalog: checks name rules by this type, so a typo does not compile. */
export type RuleId = Manifests[number]['rules'][number]['id'];

/** The names, in the manifests' order, as a tuple (zod's enums want one). */
const namesOf = <const T extends readonly { name: string }[]>(list: T) => list.map((m) => m.name) as { [K in keyof T]: T[K]['name'] };
export const SERVICES = namesOf(SERVICE_MANIFESTS);

export const isServiceName = (value: string): value is ServiceName => SERVICES.some((service) => service === value);

const byName = new Map<string, Manifests[number]>(SERVICE_MANIFESTS.map((m) => [m.name, m]));

export function manifestOf<S extends ServiceName>(service: S): ManifestOf<S> {
  // The map holds each manifest under its own name, so the one under S is S's.
  return byName.get(service) as ManifestOf<S>;
}

/** The first segment of every rule id of a service. */
export const RULE_PREFIX = Object.fromEntries(SERVICE_MANIFESTS.map((m) => [m.name, m.rulePrefix])) as Record<ServiceName, string>;

export const catalog: readonly Rule<ServiceName, RuleId>[] = SERVICE_MANIFESTS.flatMap((m): readonly Rule<ServiceName, RuleId>[] => m.rules);

const rulesById = new Map<string, Rule<ServiceName, RuleId>>(catalog.map((rule) => [rule.id, rule]));

export const isRuleId = (id: string): id is RuleId => rulesById.has(id);

export function ruleById(id: RuleId): Rule<ServiceName, RuleId> {
  const rule = rulesById.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}

export function rulesFor(services: readonly ServiceName[]): Rule<ServiceName, RuleId>[] {
  return catalog.filter((rule) => services.includes(rule.service));
}

/** The properties of these services, loaded (each manifest loads its own module on demand). */
export async function loadProperties(services: readonly ServiceName[] = SERVICES): Promise<Record<ServiceName, readonly ConformanceProperty[]>> {
  const loaded = await Promise.all(services.map(async (service) => [service, await manifestOf(service).properties()] as const));
  // Every service asked for is a key; one not asked for is an empty list.
  return Object.fromEntries([...SERVICES.map((service) => [service, []] as const), ...loaded]) as Record<ServiceName, readonly ConformanceProperty[]>;
}
