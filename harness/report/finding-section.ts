// One finding of one target, as the matrix and the findings pages show it: its rules, the
// document's words, expected and actual, the counterexample as AWS CLI calls, the exchange.
import type { RuleResult } from './schema.ts';
import { basisLabel, formatExchange } from './text.ts';

/** The verdict the target itself gave: a baseline's `known` shows what it stands for. */
export const statusOf = (rule: RuleResult) => (rule.status === 'known' ? (rule.baselineStatus ?? 'known') : rule.status);
export const hasFinding = (rule: RuleResult) => rule.failure !== undefined && statusOf(rule) !== 'pass';

/** One anchor per distinct finding of a target: many rules often stop at the same first failure. */
export function findingAnchors(target: string, rules: readonly RuleResult[]): Map<string, { anchor: string; rules: RuleResult[] }> {
  const findings = new Map<string, { anchor: string; rules: RuleResult[] }>();
  for (const rule of rules.filter(hasFinding)) {
    const key = findingKey(rule);
    const entry = findings.get(key) ?? { anchor: `${target}-${findings.size + 1}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'), rules: [] };
    entry.rules.push(rule);
    findings.set(key, entry);
  }
  return findings;
}

const findingKey = (rule: RuleResult) => `${statusOf(rule)} ${rule.failure!.message}`;

/** What the finding says, without the rule id its message starts with. */
export const findingTitle = (rule: RuleResult) => `${statusOf(rule)}: ${rule.failure!.message.replace(/^[A-Z.]+_?[A-Z0-9_]*: /, '')}`;

export function findingSection(target: string, anchor: string, rules: RuleResult[], heading = '###', extra: string[] = []): string[] {
  const [first] = rules;
  const f = first.failure!;
  return [
    `<a id="${anchor}"></a>`,
    `${heading} ${target}: ${findingTitle(first)}`,
    '',
    `Rules: ${rules.map((r) => `\`${r.id}\``).join(', ')}.`,
    '',
    `> ${first.quote} — ${[first.source, basisLabel(first)].filter(Boolean).join(' · ')}`,
    '',
    ...extra,
    `Expected: ${f.expected}. Actual: ${f.actual.slice(0, 500)}`,
    '',
    '```sh',
    ...f.counterexample,
    '```',
    ...(f.exchanges.length ? ['', '```http', formatExchange(f.exchanges.at(-1)!, 1_000), '```'] : []),
    '',
  ];
}
