// A dry run's plan: every call each property run would make, and how many of each kind, so a
// person sees what a real run would do to their account before it does it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PropertyOutcome } from './outcome.ts';

export const PLAN_FILE = 'planned-calls.txt';

function planText(outcomes: readonly PropertyOutcome[]): string {
  const sections = outcomes.flatMap((outcome) =>
    (outcome.plannedCalls ?? []).map((calls, i) => `# ${outcome.service} · ${outcome.property} · run ${i + 1}\n${calls.join('\n')}\n`),
  );
  return sections.join('\n');
}

/** `aws ses verify-email-identity ...` → `ses verify-email-identity`; `# clean-up: delete ses:x` → `clean-up ses`; a refusal. */
function kindOf(line: string): string {
  if (line.startsWith('aws ')) return line.split(' ').slice(1, 3).join(' ');
  const cleanup = /^# clean-up: delete ([a-z-]+):/.exec(line);
  if (cleanup) return `${cleanup[1]} clean-up (delete what the run created)`;
  if (line.startsWith('# not sent:')) return 'refused by the guards, not sent';
  return line.split(' ')[0];
}

export function planSummary(outcomes: readonly PropertyOutcome[]): string[] {
  const counts = new Map<string, number>();
  for (const line of outcomes.flatMap((o) => (o.plannedCalls ?? []).flat())) counts.set(kindOf(line), (counts.get(kindOf(line)) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [`dry run: ${total} calls planned, nothing sent`, ...[...counts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `  ${kind} ×${n}`)];
}

/** Writes the plan beside the report (its run directory and latest/). */
export async function writePlan(outcomes: readonly PropertyOutcome[], dirs: readonly string[]): Promise<void> {
  const text = planText(outcomes);
  await Promise.all(dirs.map((dir) => writeFile(join(dir, PLAN_FILE), text)));
}
