// docs/conformance-matrix.md: one row per rule (grouped by service and operation), one column per
// target with its version, a cell per verdict, and each finding's counterexample below the table.
import { catalog, SERVICES } from '../../spec/index.ts';
import type { ConformanceReport, RuleResult } from './schema.ts';
import { formatExchange } from './text.ts';

export interface MatrixColumn {
  /** e.g. `reference`, `cognito-local` */
  name: string;
  version?: string;
  report: ConformanceReport;
}

const anchor = (column: string, ruleId: string) => `${column}-${ruleId}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');

/** The verdict the target itself gave: a baseline's `known` shows what it stands for. */
const statusOf = (rule: RuleResult) => (rule.status === 'known' ? rule.baselineStatus ?? 'known' : rule.status);

function cell(column: MatrixColumn, ruleId: string): string {
  const rule = column.report.rules.find((r) => r.id === ruleId);
  if (!rule) return '—';
  const status = statusOf(rule);
  return rule.failure && status !== 'pass' ? `[${status}](#${anchor(column.name, ruleId)})` : status;
}

function finding(column: MatrixColumn, rule: RuleResult): string[] {
  const f = rule.failure!;
  return [
    `<a id="${anchor(column.name, rule.id)}"></a>`,
    `#### ${column.name}: ${rule.id} (${statusOf(rule)})`,
    '',
    `> ${rule.quote} — ${rule.source}`,
    '',
    `${f.message}. Expected: ${f.expected}. Actual: ${f.actual.slice(0, 500)}`,
    '',
    '```sh',
    ...f.counterexample,
    '```',
    ...(f.exchanges.length ? ['', '```http', formatExchange(f.exchanges.at(-1)!, 1_000), '```'] : []),
    '',
  ];
}

export function matrixMarkdown(columns: MatrixColumn[], note: string): string {
  const head = columns.map((c) => `${c.name}${c.version ? ` ${c.version}` : ''}`);
  const lines = [
    '# Conformance matrix',
    '',
    note,
    '',
    'Cells: **pass** (every check of the rule held), **fail** (the target answered and broke the rule), ',
    '**error** (no usable answer: a hang, a dropped connection, an unreadable body), **not-implemented** ',
    '(the target says it does not know an operation the rule needs), **skipped** (the target lacks a ',
    'capability the rule needs: clock, inbox, DNS, token minting), **inconclusive** (not fully checked, ',
    'usually because the same property stopped at another rule first), **—** (the target does not emulate ',
    'that service). Each non-passing cell links to its counterexample below.',
    '',
  ];
  for (const service of SERVICES) {
    const rules = catalog.filter((r) => r.service === service);
    if (!rules.length) continue;
    lines.push(`## ${service}`, '', `| Operation | Rule | ${head.join(' | ')} |`, `| --- | --- | ${head.map(() => '---').join(' | ')} |`);
    for (const rule of [...rules].sort((a, b) => a.operation.localeCompare(b.operation))) {
      lines.push(`| ${rule.operation} | \`${rule.id}\` | ${columns.map((c) => cell(c, rule.id)).join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push('## Counterexamples', '');
  for (const column of columns) {
    for (const rule of column.report.rules) if (rule.failure && statusOf(rule) !== 'pass') lines.push(...finding(column, rule));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
