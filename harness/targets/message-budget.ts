// The messages a run makes AWS send (verification mail, codes, texts), counted against the quotas
// of spec/aws-rates.ts: a message the quota would not allow is refused before it is sent. A daily
// quota refuses the rest of the run's messages of its kind; a per-destination one only the next
// message to that destination within its window (the run that asked ends, the next uses another).
import { quotaOf, type MessageChannel } from '../../spec/aws-rates.ts';
import type { ServiceName } from '../../services/index.ts';
import { GuardError } from './aws-guard.ts';

/** One message a command makes AWS send: its channel, and whom it goes to where the request says. */
export interface SentMessage {
  channel: MessageChannel;
  /** An address, number, or what stands for the recipient (a region's one email contact method); kept in memory only. */
  to?: string;
}

/** A message refused because a quota would not allow it. */
export class QuotaRefusal extends GuardError {
  constructor(
    message: string,
    /** `destination`: only this recipient is over its quota for now; `day`: nothing more of the kind today. */
    readonly scope: 'destination' | 'day',
  ) {
    super(message);
  }
}

/** What the messages of a run come to, per `service channel`. */
export type MessageTally = Map<string, number>;

export class MessageBudget {
  readonly sent: MessageTally = new Map();
  /** When each destination was sent a message, per `service channel to`, on the target clock. */
  private readonly times = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** Throws QuotaRefusal when sending `messages` now would exceed a quota. */
  admit(service: ServiceName, command: string, messages: readonly SentMessage[]): void {
    // The command's own earlier messages count too: two of a kind at one short of the quota are one too many.
    const pending = new Map<string, number>();
    const plusPending = (key: string, n: number) => {
      const total = n + (pending.get(key) ?? 0);
      pending.set(key, (pending.get(key) ?? 0) + 1);
      return total;
    };
    for (const message of messages) {
      const quota = quotaOf(service, message.channel);
      if (!quota) continue;
      const kind = `${service} ${message.channel}`;
      const sent = plusPending(kind, this.sent.get(kind) ?? 0);
      if (quota.perDay !== undefined && sent + 1 > quota.perDay)
        throw new QuotaRefusal(
          `refused ${command}: this run has had AWS send ${sent} ${kind} messages, as many as ${quota.what} allows a day (${quota.perDay}, ${quota.source.url})`,
          'day',
        );
      const limit = quota.perDestination;
      if (limit && message.to !== undefined) {
        const key = `${kind} ${message.to}`;
        if (plusPending(key, this.recent(key, limit.windowMs).length) + 1 > limit.count)
          throw new QuotaRefusal(
            `refused ${command}: ${limit.count} ${kind} messages to one recipient within ${limit.windowMs / 60_000} min is the most ${quota.what} allows (${quota.source.url})`,
            'destination',
          );
      }
    }
  }

  /** Counts messages AWS accepted to send. */
  record(service: ServiceName, messages: readonly SentMessage[]): void {
    for (const message of messages) {
      const kind = `${service} ${message.channel}`;
      this.sent.set(kind, (this.sent.get(kind) ?? 0) + 1);
      if (message.to !== undefined) {
        const key = `${kind} ${message.to}`;
        this.times.set(key, [...(this.times.get(key) ?? []), this.now()]);
      }
    }
  }

  private recent(key: string, windowMs: number): number[] {
    const since = this.now() - windowMs;
    return (this.times.get(key) ?? []).filter((at) => at > since);
  }
}

const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);

/** One email to each address among `values`. */
export const emailsTo = (...values: unknown[]): SentMessage[] => values.flatMap(strings).map((to) => ({ channel: 'email' as const, to }));

/** A verification message to each `email` or `phone_number` among a Cognito user's attributes. */
export function attributeMessages(attributes: unknown): SentMessage[] {
  if (!Array.isArray(attributes)) return [];
  return attributes.flatMap((attribute): SentMessage[] => {
    const name = (attribute as { Name?: unknown }).Name;
    const value = strings((attribute as { Value?: unknown }).Value);
    if (name === 'email') return value.map((to) => ({ channel: 'email', to }));
    if (name === 'phone_number') return value.map((to) => ({ channel: 'sms', to }));
    return [];
  });
}
