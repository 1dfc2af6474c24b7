// A dry run's budget: what the real run would cost the account — its calls per operation, the
// messages AWS would send per kind against AWS's daily quotas (spec/aws-rates.ts), and the time
// pacing at AWS's documented rates would take.
import { quotaOf, type MessageChannel } from '../../spec/aws-rates.ts';
import { isServiceName } from '../../services/index.ts';
import type { PropertyOutcome } from './outcome.ts';

type Budget = NonNullable<PropertyOutcome['budget']>;

/** Every property's budget added up. */
function totalBudget(outcomes: readonly PropertyOutcome[]): Budget {
  const total: Budget = { pacingMs: 0, calls: {}, messages: {} };
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
  };
  for (const { budget } of outcomes) {
    if (!budget) continue;
    total.pacingMs += budget.pacingMs;
    add(total.calls, budget.calls);
    add(total.messages, budget.messages);
  }
  return total;
}

const duration = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
};

/** `service channel` messages against the kind's daily quota, where AWS has one. */
function quotaLine(kind: string, n: number): string {
  const [service, channel] = kind.split(' ');
  const quota = isServiceName(service) ? quotaOf(service, channel as MessageChannel) : undefined;
  if (quota?.perDay === undefined) return `${kind} ×${n} (no documented daily quota)`;
  return `${kind} ×${n} of ${quota.perDay} a day${n > quota.perDay ? ' — OVER the quota: the guard refuses the rest' : ''}`;
}

/** The budget as lines for stdout. */
export function budgetSummary(outcomes: readonly PropertyOutcome[]): string[] {
  const budget = totalBudget(outcomes);
  const calls = Object.entries(budget.calls).sort(([a], [b]) => a.localeCompare(b));
  const messages = Object.entries(budget.messages)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => quotaLine(kind, n));
  return [
    `budget of the real run (every pass and clean-up): ${calls.reduce((sum, [, n]) => sum + n, 0)} calls, ${duration(budget.pacingMs)} of waiting at AWS's documented rates`,
    ...calls.map(([operation, n]) => `  ${operation} ×${n}`),
    messages.length ? 'messages AWS would send:' : 'messages AWS would send: none',
    ...messages.map((line) => `  ${line}`),
  ];
}
