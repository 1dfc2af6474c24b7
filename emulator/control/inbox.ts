// The inbox of everything the emulated services "sent": verification mails with their links,
// and (for later services) codes. The harness reads it instead of a real mailbox.
import { randomUUID } from 'node:crypto';
import type { InboxMessage } from '../types.ts';
import type { Clock } from './clock.ts';

type OutgoingMessage = Omit<InboxMessage, 'id' | 'sentAt'>;

export interface Inbox {
  deliver(message: OutgoingMessage): InboxMessage;
  /** Oldest first; `to` matches the recipient exactly. */
  list(filter?: { to?: string }): InboxMessage[];
  clear(): void;
}

export function createInbox(clock: Clock): Inbox {
  let messages: InboxMessage[] = [];
  return {
    deliver(message) {
      const delivered: InboxMessage = { id: randomUUID(), ...message, sentAt: new Date(clock.now()).toISOString() };
      messages.push(delivered);
      return { ...delivered };
    },
    list(filter) {
      const to = filter?.to;
      const selected = to === undefined ? messages : messages.filter((m) => m.to === to);
      return selected.map((m) => ({ ...m }));
    },
    clear() {
      messages = [];
    },
  };
}
