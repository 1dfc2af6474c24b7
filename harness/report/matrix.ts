// docs/conformance-matrix.md: one row per rule (grouped by service and operation), one column per
// target with its version, a cell per verdict, and below the table each distinct finding once,
// with its counterexample and the rules it stands for; every non-passing cell links to it.
import { catalog, SERVICES } from '../../services/index.ts';
import type { ConformanceReport, RuleResult } from './schema.ts';
import { formatExchange } from './text.ts';

export interface MatrixColumn {
  /** e.g. `reference`, `cognito-local` */
  name: string;
  version?: string;
  report: ConformanceReport;
}

/** The verdict the target itself gave: a baseline's `known` shows what it stands for. */
const statusOf = (rule: RuleResult) => (rule.status === 'known' ? (rule.baselineStatus ?? 'known') : rule.status);
const hasFinding = (rule: RuleResult) => rule.failure !== undefined && statusOf(rule) !== 'pass';

/** One anchor per distinct finding of a column: many rules often stop at the same first failure. */
function findingAnchors(column: MatrixColumn): Map<string, { anchor: string; rules: RuleResult[] }> {
  const findings = new Map<string, { anchor: string; rules: RuleResult[] }>();
  for (const rule of column.report.rules.filter(hasFinding)) {
    const key = `${statusOf(rule)} ${rule.failure!.message}`;
    const entry = findings.get(key) ?? { anchor: `${column.name}-${findings.size + 1}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'), rules: [] };
    entry.rules.push(rule);
    findings.set(key, entry);
  }
  return findings;
}

function finding(column: MatrixColumn, anchor: string, rules: RuleResult[]): string[] {
  const [first] = rules;
  const f = first.failure!;
  return [
    `<a id="${anchor}"></a>`,
    `### ${column.name}: ${statusOf(first)}: ${f.message.replace(/^[A-Z.]+_?[A-Z0-9_]*: /, '')}`,
    '',
    `Rules: ${rules.map((r) => `\`${r.id}\``).join(', ')}.`,
    '',
    `> ${first.quote} — ${first.source}`,
    '',
    `Expected: ${f.expected}. Actual: ${f.actual.slice(0, 500)}`,
    '',
    '```sh',
    ...f.counterexample,
    '```',
    ...(f.exchanges.length ? ['', '```http', formatExchange(f.exchanges.at(-1)!, 1_000), '```'] : []),
    '',
  ];
}

export function matrixMarkdown(columns: MatrixColumn[], note: string): string {
  const anchors = columns.map(findingAnchors);
  const cell = (c: number, ruleId: string) => {
    const rule = columns[c].report.rules.find((r) => r.id === ruleId);
    if (!rule) return '—';
    if (!hasFinding(rule)) return statusOf(rule);
    const entry = anchors[c].get(`${statusOf(rule)} ${rule.failure!.message}`)!;
    return `[${statusOf(rule)}](#${entry.anchor})`;
  };
  const head = columns.map((c) => `${c.name}${c.version ? ` ${c.version}` : ''}`);
  const lines = [
    '# Conformance matrix',
    '',
    note,
    '',
    'Cells: **pass** (the answers compared with the rule held, at its boundaries), **fail** (an answer broke the rule),',
    '**error** (no usable answer: a hang, a dropped connection, an unreadable body), **not-implemented**',
    '(the target says it does not know an operation the rule needs), **skipped** (the target lacks a',
    'capability the rule needs: clock, inbox, DNS, token minting), **inconclusive** (not exercised, or',
    'blocked by a rule it depends on that failed), **—** (the target does not emulate',
    'that service). Each finding links to its counterexample below.',
    '',
  ];
  for (const service of SERVICES) {
    const rules = catalog.filter((r) => r.service === service);
    if (!rules.length) continue;
    lines.push(`## ${service}`, '', `| Operation | Rule | ${head.join(' | ')} |`, `| --- | --- | ${head.map(() => '---').join(' | ')} |`);
    for (const rule of [...rules].sort((a, b) => a.operation.localeCompare(b.operation))) {
      lines.push(`| ${rule.operation} | \`${rule.id}\` | ${columns.map((_, c) => cell(c, rule.id)).join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push('## Findings', '');
  columns.forEach((column, c) => {
    for (const { anchor, rules } of anchors[c].values()) lines.push(...finding(column, anchor, rules));
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
