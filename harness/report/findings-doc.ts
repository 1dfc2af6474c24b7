// docs/findings/<emulator>.md: what an emulator's maintainers can act on. One entry per distinct
// deviation of the matrix run, each with the person's reading of it (the baseline's review:
// what AWS documents, what the emulator's source does instead, and whether that is a deviation,
// an absent operation, or uncertain on AWS's side), the document's words, the counterexample as
// AWS CLI calls and the exchange that shows it.
import type { Baseline, Review } from './baseline.ts';
import { findingAnchors, findingSection, findingTitle } from './finding-section.ts';
import type { MatrixColumn } from './matrix.ts';
import type { RuleResult } from './schema.ts';

const VERDICT: Record<Review['verdict'], string> = {
  deviation: 'deviation: the emulator does what the document says AWS does not',
  absent: 'absent: the emulator lacks the operation',
  uncertain: "uncertain: AWS's own behaviour is not certain enough to charge the emulator",
};

function reviewLines(emulator: string, rules: readonly RuleResult[], baseline: Baseline): string[] {
  return rules.flatMap((rule) => {
    const review = baseline.divergences[rule.id]?.review;
    if (!review) return [`- \`${rule.id}\`: **not reviewed yet**: not a finding until a person has read it against the document and the source.`, ''];
    return [`- \`${rule.id}\` (${rule.statement}): **${VERDICT[review.verdict]}**.`, `  - AWS: ${review.aws}`, `  - ${emulator}: ${review.emulator}`, ''];
  });
}

/** The divergences of `baseline` not seen in the run: a page must not hide that it fell behind. */
const unseen = (column: MatrixColumn, baseline: Baseline) =>
  Object.keys(baseline.divergences).filter((id) => !column.report.rules.some((r) => r.id === id && r.failure));

export function findingsMarkdown(column: MatrixColumn, baseline: Baseline, reproduce: string): string {
  const findings = [...findingAnchors(column.name, column.report.rules).values()];
  const reviewed = (rules: readonly RuleResult[]) => rules.map((r) => baseline.divergences[r.id]?.review?.verdict ?? 'not reviewed');
  const lines = [
    `# ${column.name}${column.version ? ` ${column.version}` : ''}: findings`,
    '',
    `Where ${column.name} differs from the documented AWS behaviour, one entry per distinct cause, as \`npm run matrix\` found it`,
    `(\`${reproduce}\`). Each was read by a person against the AWS document and against ${column.name}'s own source at this`,
    "version before it was listed; the reading is kept beside the divergence in its baseline and shown here. Where AWS's own",
    'behaviour is uncertain, the entry says so instead of charging the emulator.',
    '',
    '| # | Finding | Rules | Reading |',
    '| --- | --- | --- | --- |',
    ...findings.map(
      ({ anchor, rules }, i) =>
        `| [${i + 1}](#${anchor}) | ${findingTitle(rules[0]).replace(/\|/g, '\\|').slice(0, 160)} | ${rules.length} | ${[...new Set(reviewed(rules))].join(', ')} |`,
    ),
    '',
    ...(unseen(column, baseline).length ? [`Known divergences this run did not show: ${unseen(column, baseline).join(', ')}.`, ''] : []),
  ];
  findings.forEach(({ anchor, rules }, i) => {
    lines.push(
      ...findingSection(`${i + 1}. ${column.name}`, anchor, rules, '##', [
        'Read against the document and the source:',
        '',
        ...reviewLines(column.name, rules, baseline),
      ]),
    );
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
