// summary.md: short enough for a CI step summary; every finding with its rule, the document's
// words, the shrunk calls and the exchange that shows it.
import { evidenceLine, groupFindings, type Finding } from './findings.ts';
import type { ConformanceReport } from './schema.ts';
import { basisLabel, formatExchange, STATUS_LABEL, summaryLine } from './text.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** After the source: what kind it is (` · document`, ` · API model`, ` · assumption: <why>`). */
const basisSuffix = (rule: Finding['lead']) => {
  const label = basisLabel(rule);
  return label ? ` · ${label}` : '';
};

function finding({ lead: rule, rules }: Finding): string {
  const f = rule.failure!;
  const others = rules.slice(1);
  const lines = [
    `### ${STATUS_LABEL[rule.status]} ${rule.id} (${rule.operation})${others.length ? ` and ${others.length} more rule${others.length > 1 ? 's' : ''}` : ''}`,
    '',
    rule.statement,
    '',
    `> ${rule.quote}`,
    `> — ${rule.source}${basisSuffix(rule)}`,
    '',
    ...(others.length ? [`The same answer costs ${others.map((r) => r.id).join(', ')} too.`, ''] : []),
    `**${f.message}**`,
    '',
    `- expected: ${f.expected}`,
    `- actual: ${f.actual}`,
    `- property: ${f.property} (seed ${f.seed}${f.path ? `, path ${f.path}` : ''})`,
    `- reproduce: \`${f.reproduce}\``,
    '',
    'Shrunk counterexample:',
    '```sh',
    ...f.counterexample,
    '```',
  ];
  if (f.exchanges.length) lines.push('', 'HTTP exchange of the failing step:', '```http', formatExchange(f.exchanges.at(-1)!), '```');
  return lines.join('\n');
}

export function summaryMarkdown(report: ConformanceReport): string {
  const { summary: s } = report;
  const lines = [
    `# Conformance: ${report.target.label}`,
    '',
    `Run ${report.runId} · seed ${report.seed} · ${report.runs} runs per property · region ${report.target.region} · ${(report.durationMs / 1000).toFixed(1)} s`,
    '',
    `**${summaryLine(s)}.**`,
    '',
  ];
  if (report.errors.length) lines.push('Harness errors:', '', ...report.errors.map((e) => `- ${e}`), '');
  // Clean-up that failed leaves resources behind on the target: say so where a person looks first.
  const warnings = [...new Set(report.properties.flatMap((p) => p.warnings))];
  if (warnings.length)
    lines.push('Warnings:', '', ...warnings.slice(0, 20).map((w) => `- ${w}`), ...(warnings.length > 20 ? [`- … and ${warnings.length - 20} more`] : []), '');
  lines.push('| Rule | Operation | Basis | Status | Detail |', '| --- | --- | --- | --- | --- |');
  for (const rule of report.rules) {
    const detail =
      rule.status === 'known' && rule.knownBecause === 'aws'
        ? `${rule.reason} (${rule.baselineStatus}): ${rule.failure?.message ?? ''}`
        : rule.status === 'known'
          ? `known divergence (${rule.baselineStatus}): ${rule.failure?.message ?? rule.reason ?? ''}`
          : (rule.failure?.message ?? rule.reason ?? evidenceLine(rule));
    lines.push(`| ${rule.id} | ${rule.operation} | ${basisLabel(rule, { reason: false }) ?? ''} | ${STATUS_LABEL[rule.status]} | ${cell(detail)} |`);
  }
  const findings = groupFindings(report.rules);
  if (findings.length) lines.push('', '## Findings', '', ...findings.map(finding).join('\n\n').split('\n'));
  return `${lines.join('\n')}\n`;
}
