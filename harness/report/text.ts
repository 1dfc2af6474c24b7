// Small text helpers the report formats share.
import type { Exchange } from '../transport/exchange.ts';
import type { RuleStatus } from './outcome.ts';
import type { RuleResult } from './schema.ts';

export const STATUS_LABEL: Record<RuleStatus, string> = {
  pass: 'pass',
  fail: 'FAIL',
  skipped: 'skipped',
  inconclusive: 'inconclusive',
  error: 'ERROR',
  'not-implemented': 'not-implemented',
  known: 'known',
};

/**
 * What a rule rests on, as the report names it: `document`, `API model`, or `assumption` (with `reason`:
 * `assumption: <why>` and its public source). Undefined for a report written before bases were recorded.
 */
export function basisLabel(rule: Pick<RuleResult, 'basis' | 'assumption'>, { reason = true } = {}): string | undefined {
  if (rule.basis === 'document') return 'document';
  if (rule.basis === 'api-model') return 'API model';
  if (rule.basis !== 'assumption') return undefined;
  if (!reason || !rule.assumption) return 'assumption';
  const { reason: why, publicSource } = rule.assumption;
  return `assumption: ${why}${publicSource ? ` (public source: ${publicSource})` : ''}`;
}

/** `12 pass, 1 fail, ...` with only the statuses that occur, in a fixed order. */
export function summaryLine(summary: Record<RuleStatus | 'total', number>): string {
  const order: RuleStatus[] = ['pass', 'fail', 'error', 'not-implemented', 'known', 'inconclusive', 'skipped'];
  const parts = order.filter((s) => summary[s] > 0 || s === 'pass' || s === 'fail').map((s) => `${summary[s]} ${s}`);
  return `${parts.join(', ')} of ${summary.total} rules`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe in XML and HTML: markup characters escaped, and the control characters XML 1.0 forbids removed. */
export const escapeXml = (text: string) =>
  text
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters XML 1.0 does not allow, removed so the report parses
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** An exchange as a person reads it: request line, headers, body; status, headers, body. */
export function formatExchange(exchange: Exchange, maxBody = 2_000): string {
  const cut = (body: string) => (body.length > maxBody ? `${body.slice(0, maxBody)}… (${body.length - maxBody} more characters)` : body);
  const headers = (h: Record<string, string>) =>
    Object.entries(h)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
  const request = `${exchange.request.method} ${exchange.request.url}\n${headers(exchange.request.headers)}\n\n${cut(exchange.request.body)}`;
  const response = exchange.response
    ? `HTTP ${exchange.response.status}\n${headers(exchange.response.headers)}\n\n${cut(exchange.response.body)}`
    : `(no answer: ${exchange.error ?? 'unknown'})`;
  return `${request}\n\n--- answer after ${exchange.durationMs.toFixed(1)} ms ---\n${response}`;
}
