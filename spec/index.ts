// The rule catalog: every documented fact the harness checks, for every service.
import type { Rule, ServiceName } from './rule.ts';
import { sesRules } from './ses.rules.ts';

export * from './rule.ts';

export const catalog: readonly Rule[] = [...sesRules];

export type RuleId = (typeof sesRules)[number]['id'];

const byId = new Map(catalog.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}

export function rulesFor(services: readonly ServiceName[]): Rule[] {
  return catalog.filter((rule) => services.includes(rule.service));
}
