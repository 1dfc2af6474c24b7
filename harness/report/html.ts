// index.html: the same report, self-contained (no scripts, no external assets), for a browser.
import { evidenceLine } from './findings.ts';
import type { ConformanceReport, RuleResult } from './schema.ts';
import { basisLabel, escapeXml as esc, formatExchange, STATUS_LABEL, summaryLine } from './text.ts';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}.pass{color:#17692e}.fail,.error{color:#b00020;font-weight:600}
.skipped,.inconclusive,.not-implemented,.known{color:#7a5d00}blockquote{margin:.3rem 0;padding-left:.8rem;border-left:3px solid #ccc;color:#444}pre{background:#f5f5f5;padding:.6rem;overflow:auto;white-space:pre-wrap}`;

function details(rule: RuleResult): string {
  const f = rule.failure;
  const basis = basisLabel(rule);
  const quote = `<blockquote>${esc(rule.quote)}<br><small>${esc(rule.source)}${basis ? ` · ${esc(basis)}` : ''}</small></blockquote>`;
  const held = rule.observations.length ? `<p>held: ${esc(evidenceLine(rule, 20))}</p>` : '';
  if (!f) return `${quote}${rule.reason ? `<p>${esc(rule.reason)}</p>` : ''}${held}`;
  return `${quote}<p><b>${esc(f.message)}</b><br>expected: ${esc(f.expected)}<br>actual: ${esc(f.actual)}<br>seed ${f.seed}${f.path ? `, path ${esc(f.path)}` : ''} · <code>${esc(f.reproduce)}</code></p>
<pre>${esc(f.counterexample.join('\n'))}</pre>${f.exchanges
    .slice(-1)
    .map((e) => `<pre>${esc(formatExchange(e))}</pre>`)
    .join('')}`;
}

export function reportHtml(report: ConformanceReport): string {
  const s = report.summary;
  const rows = report.rules
    .map(
      (r) =>
        `<tr><td>${esc(r.id)}</td><td>${esc(r.operation)}</td><td>${esc(basisLabel(r, { reason: false }) ?? '')}</td><td class="${r.status}">${STATUS_LABEL[r.status]}${r.knownBecause === 'aws' ? ' (AWS departs alike)' : ''}</td><td><details><summary>${esc(r.statement)}</summary>${details(r)}</details></td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Conformance: ${esc(report.target.label)}</title><style>${STYLE}</style></head><body>
<h1>Conformance: ${esc(report.target.label)}</h1>
<p>Run ${esc(report.runId)} · seed ${report.seed} · ${report.runs} runs per property · ${(report.durationMs / 1000).toFixed(1)} s</p>
<p><b>${esc(summaryLine(s))}</b></p>
${report.errors.length ? `<ul>${report.errors.map((e) => `<li class="error">${esc(e)}</li>`).join('')}</ul>` : ''}
<table><thead><tr><th>Rule</th><th>Operation</th><th>Basis</th><th>Status</th><th>Statement</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>\n`;
}
