// The rule catalog: every documented fact the harness checks, for every service. A service's
// slice adds its rules file here.
import type { Rule, ServiceName } from './rule.ts';
import { sesRules } from './ses.rules.ts';
import { pinpointEmailRules } from './pinpoint-email.rules.ts';
import { lightsailRules } from './lightsail.rules.ts';
import { cognitoIdpRules } from './cognito-idp.rules.ts';
import { amplifyBackendRules } from './amplifybackend.rules.ts';

export * from './rule.ts';

const RULE_SETS = [sesRules, pinpointEmailRules, lightsailRules, cognitoIdpRules, amplifyBackendRules] as const;

export const catalog: readonly Rule[] = RULE_SETS.flat();

/** The id of any rule in the catalog: checks name rules by this type, so a typo does not compile. */
export type RuleId = (typeof RULE_SETS)[number][number]['id'];

const byId = new Map(catalog.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}

export function rulesFor(services: readonly ServiceName[]): Rule[] {
  return catalog.filter((rule) => services.includes(rule.service));
}
