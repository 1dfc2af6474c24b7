// junit.xml: one testsuite per service, one testcase per rule, so CI systems show rules as tests.
import { evidenceLine } from './findings.ts';
import type { ConformanceReport, RuleResult } from './schema.ts';
import { basisLabel, escapeXml, formatExchange } from './text.ts';

function testcase(rule: RuleResult): string {
  const open = `    <testcase classname="${escapeXml(`${rule.service}.${rule.operation}`)}" name="${escapeXml(rule.id)}">`;
  const f = rule.failure;
  const body = f
    ? escapeXml(
        [
          f.message,
          `expected: ${f.expected}`,
          `actual: ${f.actual}`,
          `quote: ${rule.quote}`,
          `basis: ${basisLabel(rule) ?? 'document'} (${rule.source})`,
          '',
          ...f.counterexample,
          '',
          ...f.exchanges.slice(-1).map((e) => formatExchange(e)),
        ].join('\n'),
      )
    : '';
  switch (rule.status) {
    case 'pass':
      return `${open}\n      <system-out>${escapeXml(`held: ${evidenceLine(rule, 50)}`)}</system-out>\n    </testcase>`;
    case 'fail':
      return `${open}\n      <failure message="${escapeXml(f?.message ?? 'failed')}" type="${escapeXml(rule.kind)}">${body}</failure>\n    </testcase>`;
    case 'not-implemented':
      return `${open}\n      <failure message="${escapeXml(`not implemented: ${rule.reason ?? ''}`)}" type="not-implemented">${body}</failure>\n    </testcase>`;
    case 'error':
      return `${open}\n      <error message="${escapeXml(rule.reason ?? f?.message ?? 'error')}">${body}</error>\n    </testcase>`;
    default:
      return `${open}\n      <skipped message="${escapeXml(`${rule.status}: ${rule.reason ?? ''}`)}"/>\n    </testcase>`;
  }
}

export function junitXml(report: ConformanceReport): string {
  const suites = report.services.map((service) => {
    const rules = report.rules.filter((r) => r.service === service);
    const count = (status: string) => rules.filter((r) => r.status === status).length;
    const skipped = count('skipped') + count('inconclusive') + count('known');
    return [
      `  <testsuite name="${escapeXml(`${service} @ ${report.target.label}`)}" tests="${rules.length}" failures="${count('fail') + count('not-implemented')}" errors="${count('error')}" skipped="${skipped}" timestamp="${report.startedAt}">`,
      ...rules.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="aws-verification-conformance" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
