// An emulator's store of the mail it sent, read as an inbox: the newest mail to an address, with
// the first link and the first six-digit code in its body (as the owner would find them).
import type { z } from 'zod';
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

/**
 * The newest mail to `to` in an emulator's store at `url`: read as `schema` says, each entry taken
 * as `toSentMail` says. A store that does not answer 200 is named, with whose store it should be.
 */
export async function newestMailIn<S extends z.ZodType>(
  url: string,
  { schema, emulator, timeoutMs }: { schema: S; emulator: string; timeoutMs: number },
  to: string,
  toSentMail: (store: z.output<S>) => SentMail[],
): Promise<InboxMessage | undefined> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`GET ${new URL(url).pathname} answered HTTP ${response.status}: is this ${emulator}?`);
  }
  return sentMailTo(to, toSentMail(schema.parse(await response.json())));
}
