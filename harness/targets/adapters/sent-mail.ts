// An emulator's store of the mail it sent, read as an inbox: the newest mail to an address, with
// the first link and the first six-digit code in its body (as the owner would find them).
import type { InboxMessage } from '../target.ts';

export interface SentMail {
  recipients: readonly string[];
  subject: string;
  body: string;
  /** When it was sent, where the emulator says (ISO 8601). */
  sentAt?: string;
}

type Addresses = readonly string[] | null | undefined;

/** Everyone an SES Destination names (To, Cc and Bcc), however an emulator spells its members. */
export const recipientsOf = (destination: { to?: Addresses; cc?: Addresses; bcc?: Addresses }) => [
  ...(destination.to ?? []),
  ...(destination.cc ?? []),
  ...(destination.bcc ?? []),
];

/** The newest of `mails` (oldest first) sent to `to`, as the inbox shows it. */
export function sentMailTo(to: string, mails: readonly SentMail[]): InboxMessage | undefined {
  const mail = mails.filter((m) => m.recipients.includes(to)).at(-1);
  if (!mail) return undefined;
  return {
    to,
    subject: mail.subject,
    body: mail.body,
    link: /https?:\/\/[^\s"'<>]+/.exec(mail.body)?.[0],
    code: /\b\d{6}\b/.exec(mail.body)?.[0],
    sentAt: mail.sentAt ?? new Date().toISOString(),
  };
}
