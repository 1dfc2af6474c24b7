// The report pipeline on outcomes made by hand: aggregation across properties, exit codes,
// baselines, merge and diff, and the formats.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConformanceReport } from '../harness/report/schema.ts';
import { applyBaseline, baselineFrom, comparisonHolds, readBaseline, writeBaseline } from '../harness/report/baseline.ts';
import { findingSection } from '../harness/report/finding-section.ts';
import { findingsMarkdown } from '../harness/report/findings-doc.ts';
import { buildReport, exitCodeOf } from '../harness/report/build.ts';
import { junitXml } from '../harness/report/junit.ts';
import { diffReports, mergeReports } from '../harness/report/merge.ts';
import type { PropertyOutcome, RuleStatus, RuleVerdict } from '../harness/report/outcome.ts';
import { reportHtml } from '../harness/report/html.ts';
import { summaryMarkdown } from '../harness/report/summary-md.ts';

const failure = (message: string) => ({
  message,
  operation: 'GetIdentityVerificationAttributes',
  expected: 'Failed',
  actual: 'Pending',
  property: 'p',
  seed: 1,
  path: '0:1',
  counterexample: ['aws ses verify-email-identity --email-address a@example.com'],
  exchanges: [],
  reproduce: 'npm run conformance -- --seed 1',
});

function outcome(verdicts: [string, RuleStatus][], property = 'p'): PropertyOutcome {
  return {
    property,
    service: 'ses',
    status: 'passed',
    seed: 1,
    numRuns: 1,
    durationMs: 1,
    warnings: [],
    target: { kind: 'reference', label: 'reference', region: 'us-east-1', capabilities: [] },
    verdicts: verdicts.map(
      ([ruleId, status]): RuleVerdict => ({
        ruleId,
        status,
        checks: status === 'pass' ? 1 : 0,
        failure: status === 'fail' ? failure(`${ruleId} broke`) : undefined,
        reason: status === 'pass' ? undefined : status,
      }),
    ),
  };
}

const report = (outcomes: PropertyOutcome[]) =>
  buildReport({
    config: { runId: 'r', seed: 1, runs: 1, services: ['ses'], region: 'us-east-1', target: 'reference' },
    outcomes,
    serviceErrors: {},
    errors: [],
    startedAt: new Date(0),
    durationMs: 5,
  });

const status = (r: ReturnType<typeof report>, id: string) => r.rules.find((rule) => rule.id === id)!.status;

describe('report', () => {
  it('combines a rule across properties: a failure anywhere wins, a pass beats inconclusive', () => {
    const r = report([
      outcome(
        [
          ['SES.GIVA.MAX_IDENTITIES', 'pass'],
          ['SES.GIVA.STATUS_ENUM', 'inconclusive'],
        ],
        'a',
      ),
      outcome(
        [
          ['SES.GIVA.MAX_IDENTITIES', 'fail'],
          ['SES.GIVA.STATUS_ENUM', 'pass'],
        ],
        'b',
      ),
    ]);
    expect(status(r, 'SES.GIVA.MAX_IDENTITIES')).toBe('fail');
    expect(status(r, 'SES.GIVA.STATUS_ENUM')).toBe('pass');
    expect(status(r, 'SES.LIST.IDENTITIES')).toBe('inconclusive'); // no property checked it
    expect(exitCodeOf(r)).toBe(1);
  });

  it('exits 2 for errors alone, 1 for not-implemented, 0 when every checked rule holds', () => {
    expect(exitCodeOf(report([outcome([['SES.GIVA.MAX_IDENTITIES', 'error']])]))).toBe(2);
    expect(
      exitCodeOf(
        report([
          outcome([
            ['SES.GIVA.MAX_IDENTITIES', 'not-implemented'],
            ['SES.GIVA.STATUS_ENUM', 'error'],
          ]),
        ]),
      ),
    ).toBe(1);
    expect(
      exitCodeOf(
        report([
          outcome([
            ['SES.GIVA.MAX_IDENTITIES', 'pass'],
            ['SES.GIVA.THROTTLE', 'skipped'],
          ]),
        ]),
      ),
    ).toBe(0);
  });

  it('marks baseline divergences known, and tells what appeared and what is gone', () => {
    const before = report([
      outcome([
        ['SES.GIVA.MAX_IDENTITIES', 'fail'],
        ['SES.GIVA.THROTTLE', 'error'],
        ['SES.GIVA.STATUS_ENUM', 'pass'],
      ]),
    ]);
    const baseline = baselineFrom(before);
    expect(Object.keys(baseline.divergences)).toEqual(['SES.GIVA.MAX_IDENTITIES', 'SES.GIVA.THROTTLE']);

    const same = applyBaseline(before, baseline);
    expect(status(same.report, 'SES.GIVA.MAX_IDENTITIES')).toBe('known');
    expect(same.report.rules.find((r) => r.id === 'SES.GIVA.MAX_IDENTITIES')!.baselineStatus).toBe('fail');
    expect(comparisonHolds(same.comparison)).toBe(true);

    const after = report([
      outcome([
        ['SES.GIVA.MAX_IDENTITIES', 'pass'],
        ['SES.GIVA.THROTTLE', 'error'],
        ['SES.GIVA.STATUS_ENUM', 'fail'],
      ]),
    ]);
    const changed = applyBaseline(after, baseline).comparison;
    expect(changed.appeared.map((d) => d.id)).toEqual(['SES.GIVA.STATUS_ENUM']);
    expect(changed.disappeared.map((d) => d.id)).toEqual(['SES.GIVA.MAX_IDENTITIES']);
    expect(diffReports(before, after)).toEqual(changed);
  });

  it("keeps a divergence's review when the baseline is rewritten, only while the divergence stays the same", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conformance-baseline-'));
    try {
      const path = join(dir, 'baseline.json');
      const review = { verdict: 'deviation' as const, aws: 'the document says one thing', emulator: 'the emulator does another (x.py:1)' };
      const first = baselineFrom(
        report([
          outcome([
            ['SES.GIVA.MAX_IDENTITIES', 'fail'],
            ['SES.GIVA.THROTTLE', 'fail'],
          ]),
        ]),
      );
      await writeBaseline(path, {
        ...first,
        divergences: Object.fromEntries(Object.entries(first.divergences).map(([id, d]) => [id, { ...d, review }])),
      });
      // Rewritten from a run where MAX_IDENTITIES still fails and THROTTLE now errors.
      await writeBaseline(
        path,
        baselineFrom(
          report([
            outcome([
              ['SES.GIVA.MAX_IDENTITIES', 'fail'],
              ['SES.GIVA.THROTTLE', 'error'],
            ]),
          ]),
        ),
      );
      const rewritten = await readBaseline(path);
      expect(rewritten.divergences['SES.GIVA.MAX_IDENTITIES'].review).toEqual(review);
      expect(rewritten.divergences['SES.GIVA.THROTTLE']).toMatchObject({ status: 'error' });
      expect(rewritten.divergences['SES.GIVA.THROTTLE'].review).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a findings page with each finding once, its rules and their readings, and says where one is unread', () => {
    const run = report([
      outcome([
        ['SES.GIVA.MAX_IDENTITIES', 'fail'],
        ['SES.GIVA.THROTTLE', 'fail'],
        ['SES.GIVA.STATUS_ENUM', 'pass'],
      ]),
    ]);
    const baseline = baselineFrom(run);
    baseline.divergences['SES.GIVA.MAX_IDENTITIES'].review = { verdict: 'uncertain', aws: 'AWS says little', emulator: 'it accepts 101 (m.py:9)' };
    const page = findingsMarkdown({ name: 'mock', version: '1.0', report: run }, baseline, 'npm run conformance -- --target mock');
    expect(page.split('\n')[0]).toBe('# mock 1.0: findings');
    expect(page).toContain('- `SES.GIVA.MAX_IDENTITIES` (');
    expect(page).toContain('it accepts 101 (m.py:9)');
    expect(page).toContain('- `SES.GIVA.THROTTLE`: **not reviewed yet**');
    expect(page).not.toContain('SES.GIVA.STATUS_ENUM');
    expect(page.match(/^## /gm)).toHaveLength(2);
  });

  it('merges shards: every rule once, the strongest verdict', () => {
    const a = report([outcome([['SES.GIVA.MAX_IDENTITIES', 'pass']])]);
    const b = report([
      outcome([
        ['SES.GIVA.MAX_IDENTITIES', 'fail'],
        ['SES.GIVA.STATUS_ENUM', 'pass'],
      ]),
    ]);
    const merged = mergeReports([a, b]);
    expect(status(merged, 'SES.GIVA.MAX_IDENTITIES')).toBe('fail');
    expect(status(merged, 'SES.GIVA.STATUS_ENUM')).toBe('pass');
    expect(merged.rules.length).toBe(a.rules.length);
  });

  it('writes every status and finding into each format', () => {
    const r = report([
      outcome([
        ['SES.GIVA.MAX_IDENTITIES', 'fail'],
        ['SES.GIVA.THROTTLE', 'not-implemented'],
        ['SES.GIVA.STATUS_ENUM', 'pass'],
      ]),
    ]);
    expect(summaryMarkdown(r)).toContain('### FAIL SES.GIVA.MAX_IDENTITIES');
    expect(summaryMarkdown(r)).toContain('aws ses verify-email-identity --email-address a@example.com');
    const junit = junitXml(r);
    expect(junit).toMatch(/failures="2"/);
    expect(junit).toContain('type="not-implemented"');
    expect(reportHtml(r)).toContain('SES.GIVA.MAX_IDENTITIES broke');
    expect(reportHtml({ ...r, rules: [{ ...r.rules[0], failure: failure('<script>alert(1)</script>') }] })).not.toContain('<script>');
  });

  it("shows each rule's basis: a document's sentence, an API-model element, or an assumption with its reason", () => {
    const r = report([
      outcome([
        ['SES.GIVA.MAX_IDENTITIES', 'fail'],
        ['SES.GIVA.STATUS_ENUM', 'fail'],
        ['SES.DELETE.REMOVES_IDENTITY', 'fail'],
      ]),
    ]);
    const rule = (id: string) => r.rules.find((x) => x.id === id)!;
    const assumed = rule('SES.DELETE.REMOVES_IDENTITY');
    expect(rule('SES.GIVA.MAX_IDENTITIES').basis).toBe('document');
    expect(rule('SES.GIVA.STATUS_ENUM').basis).toBe('api-model');
    expect(assumed.basis).toBe('assumption');
    expect(assumed.assumption?.reason).toMatch(/DeleteIdentity/);
    expect(assumed.assumption?.publicSource).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);

    const md = summaryMarkdown(r);
    expect(md).toContain('| SES.GIVA.MAX_IDENTITIES | GetIdentityVerificationAttributes | document | FAIL |');
    expect(md).toContain('| SES.GIVA.STATUS_ENUM | GetIdentityVerificationAttributes | API model | FAIL |');
    expect(md).toContain('| SES.DELETE.REMOVES_IDENTITY | DeleteIdentity | assumption | FAIL |');
    expect(md).toContain(`> — ${rule('SES.GIVA.MAX_IDENTITIES').source} · document\n`);
    expect(md).toContain(`> — ${assumed.source} · assumption: ${assumed.assumption!.reason} (public source: ${assumed.assumption!.publicSource})\n`);
    const html = reportHtml(r);
    expect(html).toContain('<td>API model</td>');
    expect(html).toContain(' · assumption: The document does not describe DeleteIdentity');
    expect(findingSection('t', 'a', [rule('SES.GIVA.STATUS_ENUM')]).join('\n')).toContain(`— ${rule('SES.GIVA.STATUS_ENUM').source} · API model`);

    // A report written before bases were recorded still reads, and claims no basis.
    const old = ConformanceReport.parse(JSON.parse(JSON.stringify(r, (key, value) => (key === 'basis' || key === 'assumption' ? undefined : value))));
    expect(old.rules.every((x) => x.basis === undefined)).toBe(true);
    expect(summaryMarkdown(old)).toContain('| SES.GIVA.MAX_IDENTITIES | GetIdentityVerificationAttributes |  | FAIL |');
    expect(summaryMarkdown(old)).toContain(`> — ${rule('SES.GIVA.MAX_IDENTITIES').source}\n`);
  });

  it('keeps the checked-in sample report valid against the schema', () => {
    const sample = JSON.parse(readFileSync(new URL('../reports/sample/conformance.json', import.meta.url), 'utf8'));
    expect(ConformanceReport.safeParse(sample).success).toBe(true);
    expect(sample.rules.some((r: { status: string }) => r.status === 'fail')).toBe(true);
  });
});
