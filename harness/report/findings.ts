// One finding per cause: when one answer (the same 404, the same hang, the same garbage) costs
// many rules, the report shows it once, listing those rules, not the same exchange twenty times.
import type { Exchange } from '../transport/exchange.ts';
import type { RuleResult } from './schema.ts';

export interface Finding {
  /** The rule whose verdict shows the finding; the others share its cause. */
  lead: RuleResult;
  rules: RuleResult[];
}

const exchangeKey = (e: Exchange | undefined) =>
  e ? `${e.request.method} ${e.request.url} → ${e.response ? `${e.response.status} ${e.response.body.slice(0, 200)}` : e.error}` : '';

/** What makes two findings one: the same verdict on the same answer, or the same stated cause where no answer was seen. */
function causeOf(rule: RuleResult): string {
  const f = rule.failure!;
  // A failure is a comparison of one rule: another rule failing on the same answer is another finding.
  const what = rule.status === 'fail' ? `${rule.id} ${f.message}` : f.message;
  return `${rule.status}|${f.operation}|${what}|${exchangeKey(f.exchanges.at(-1))}`;
}

export function groupFindings(rules: readonly RuleResult[]): Finding[] {
  const groups = new Map<string, Finding>();
  for (const rule of rules.filter((r) => r.failure)) {
    const key = causeOf(rule);
    const group = groups.get(key);
    if (group) group.rules.push(rule);
    else groups.set(key, { lead: rule, rules: [rule] });
  }
  return [...groups.values()];
}

/** `101 identities → rejected ×4; 100 identities → accepted ×3`: what held, by boundary or case. */
export function evidenceLine(rule: Pick<RuleResult, 'observations' | 'checks'>, max = 6): string {
  const shown = rule.observations.slice(0, max).map((o) => `${o.observed} ×${o.count}`);
  const more = rule.observations.length - shown.length;
  return shown.length ? `${shown.join('; ')}${more > 0 ? `; … ${more} more` : ''}` : `${rule.checks} checks held`;
}
