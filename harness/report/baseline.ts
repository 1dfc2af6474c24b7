// Baselines: the divergences a target is known to have (an emulator's imperfections, recorded at
// a pinned version). Known divergences are reported `known` (`knownBecause: 'baseline'`) instead of
// failing; a run exits 0 when it finds exactly the baseline, 1 when a rule newly diverges or a known
// divergence is gone. Rules AWS itself fails alike (aws-departures.ts, applied before the baseline)
// are `known` because of AWS: a baseline neither records nor expects them.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { RULE_PREFIX, SERVICES } from '../../services/index.ts';
import type { RuleStatus } from './outcome.ts';
import { readJsonFile, sortedByKey, writeJsonFile } from '../json-file.ts';
import { summarize } from './build.ts';
import type { ConformanceReport } from './schema.ts';

/** The statuses a baseline records: what the target does instead of holding the rule. */
export const DIVERGENT = ['fail', 'error', 'not-implemented'] as const satisfies readonly RuleStatus[];
type Divergent = (typeof DIVERGENT)[number];
const isDivergent = (status: RuleStatus): status is Divergent => DIVERGENT.some((divergent) => divergent === status);

/**
 * A person's reading of one divergence against the AWS document and the emulator's own source,
 * before it is listed as a finding (docs/findings/<emulator>.md). `deviation`: the emulator does
 * what the document says AWS does not; `absent`: it lacks the operation; `uncertain`: AWS's own
 * behaviour is not certain enough to charge the emulator with it.
 */
export const Review = z.object({
  verdict: z.enum(['deviation', 'absent', 'uncertain']),
  /** What AWS documents, with where (aws-docs/<file> or a public AWS page). */
  aws: z.string().min(1),
  /** What the emulator does instead, with the source that does it (path:line at the pinned version). */
  emulator: z.string().min(1),
});
export type Review = z.infer<typeof Review>;

export const Baseline = z.object({
  schemaVersion: z.literal(1),
  target: z.string(),
  version: z.string().optional(),
  services: z.array(z.enum(SERVICES)),
  divergences: z.record(z.string(), z.object({ status: z.enum(DIVERGENT), summary: z.string(), review: Review.optional() })),
});
export type Baseline = z.infer<typeof Baseline>;

export interface Divergence {
  id: string;
  status: string;
  summary: string;
}
export interface BaselineComparison {
  /** Rules that diverge now and are not in the baseline (or diverge differently). */
  appeared: Divergence[];
  /** Baseline divergences that are gone (the rule now holds, or diverges differently). */
  disappeared: Divergence[];
}

/** A rule's divergence in one line: its failure's message, or why it has no verdict. */
export const summaryOf = (rule: ConformanceReport['rules'][number]) => (rule.failure?.message ?? rule.reason ?? rule.status).split('\n')[0];

export function baselineFrom(report: ConformanceReport): Baseline {
  const divergences: Baseline['divergences'] = {};
  for (const rule of report.rules) {
    // What AWS itself does (baselines/aws.json) is not the target's divergence.
    if (rule.knownBecause === 'aws') continue;
    const status = rule.status === 'known' ? rule.baselineStatus! : rule.status;
    if (isDivergent(status)) divergences[rule.id] = { status, summary: summaryOf(rule) };
  }
  return { schemaVersion: 1, target: report.target.label, version: report.target.version, services: report.services, divergences };
}

/** Marks the report's known divergences and says how the run differs from the baseline. */
export function applyBaseline(report: ConformanceReport, baseline: Baseline): { report: ConformanceReport; comparison: BaselineComparison } {
  const comparison: BaselineComparison = { appeared: [], disappeared: [] };
  const rules = report.rules.map((rule) => {
    const known = baseline.divergences[rule.id];
    // Known because AWS fails it alike (aws-departures.ts, applied first): a baseline entry recording the same failure is explained, not gone.
    if (rule.knownBecause === 'aws') {
      if (known && known.status !== rule.baselineStatus)
        comparison.disappeared.push({ id: rule.id, status: `${known.status} → ${rule.baselineStatus}`, summary: known.summary });
      return rule;
    }
    if (known && known.status === rule.status) return { ...rule, status: 'known' as const, baselineStatus: rule.status, knownBecause: 'baseline' as const };
    if (isDivergent(rule.status)) comparison.appeared.push({ id: rule.id, status: rule.status, summary: summaryOf(rule) });
    if (known) comparison.disappeared.push({ id: rule.id, status: `${known.status} → ${rule.status}`, summary: known.summary });
    return rule;
  });
  const prefixes = report.services.map((s) => `${RULE_PREFIX[s]}.`);
  for (const [id, known] of Object.entries(baseline.divergences)) {
    const inRun = report.rules.some((r) => r.id === id);
    if (!inRun && prefixes.some((p) => id.startsWith(p)))
      comparison.disappeared.push({ id, status: `${known.status} → (no such rule)`, summary: known.summary });
  }
  return { report: { ...report, rules, summary: summarize(rules) }, comparison };
}

export const comparisonHolds = (c: BaselineComparison) => c.appeared.length === 0 && c.disappeared.length === 0;

export function describeComparison(c: BaselineComparison): string[] {
  return [
    ...c.appeared.map((d) => `new divergence: ${d.id} ${d.status}: ${d.summary}`),
    ...c.disappeared.map((d) => `known divergence gone: ${d.id} ${d.status} (was: ${d.summary})`),
  ];
}

export async function readBaseline(path: string): Promise<Baseline> {
  if (!existsSync(path)) throw new Error(`cannot read baseline ${path} (create it with --update-baseline)`);
  return readJsonFile(path, Baseline, 'a conformance baseline');
}

/** Writes the baseline, keeping the reviews the file already holds for divergences that are still the same. */
export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  const previous = await readBaseline(path).catch(() => undefined);
  const divergences = Object.fromEntries(
    Object.entries(baseline.divergences).map(([id, divergence]) => {
      const review = previous?.divergences[id]?.status === divergence.status ? previous.divergences[id].review : undefined;
      return [id, review ? { ...divergence, review } : divergence];
    }),
  );
  await writeJsonFile(path, { ...baseline, divergences: sortedByKey(divergences) });
}
