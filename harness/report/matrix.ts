// docs/conformance-matrix.md: one row per rule (grouped by service and operation), one column per
// target with its version, a cell per verdict, and below the table each distinct finding once,
// with its counterexample and the rules it stands for; every non-passing cell links to it.
import { catalog, SERVICES } from '../../services/index.ts';
import { findingAnchors, findingSection, hasFinding, statusOf } from './finding-section.ts';
import type { ConformanceReport } from './schema.ts';

export interface MatrixColumn {
  /** e.g. `reference`, `cognito-local` */
  name: string;
  version?: string;
  report: ConformanceReport;
}

export function matrixMarkdown(columns: MatrixColumn[], note: string): string {
  const anchors = columns.map((column) => findingAnchors(column.name, column.report.rules));
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
    for (const { anchor, rules } of anchors[c].values()) lines.push(...findingSection(column.name, anchor, rules));
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
