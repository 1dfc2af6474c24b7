// LocalStack's community edition (pypi localstack-core; facts from 4.13.1's source, cited by path
// under site-packages/localstack). What it offers out of band, and what it does not:
// - Its SES mailbox: GET /_aws/ses answers {"messages": [...]}, every mail its SES sent, in
//   order, each with Id, Region, Timestamp ("%Y-%m-%dT%H:%M:%S", UTC), Source, Destination, Subject
//   and Body {text_part, html_part} (services/ses/provider.py, EMAILS_ENDPOINT and SentEmail in
//   services/ses/models.py). That is the inbox: a verification mail it sent would be there.
// - No reset in the community edition (services/internal.py lists health, info, plugins, init,
//   config and diagnose only): a run starts afresh only when the harness starts it.
// - No clock to move and no DNS: its SES identities are Success at once (moto's SES underneath).
import { z } from 'zod';
import { manualReplay } from '../replay-lines.ts';
import type { AdapterFactory } from './adapter.ts';
import { newestMailIn, recipientsOf } from './sent-mail.ts';

/** What GET /_aws/ses answers, as far as the adapter reads it. */
const Mailbox = z.object({
  messages: z.array(
    z.object({
      Timestamp: z.string().nullish(),
      Subject: z.string().nullish(),
      Body: z.object({ text_part: z.string().nullish(), html_part: z.string().nullish() }).nullish(),
      RawData: z.string().nullish(),
      Destination: z
        .object({ ToAddresses: z.array(z.string()).nullish(), CcAddresses: z.array(z.string()).nullish(), BccAddresses: z.array(z.string()).nullish() })
        .nullish(),
    }),
  ),
});

export const localstackAdapter: AdapterFactory = async (baseUrl, { timeoutMs, version }) => {
  const mailbox = `${baseUrl.replace(/\/$/, '')}/_aws/ses`;
  return {
    name: 'localstack',
    version,
    capabilities: ['inbox', 'throttle-probe'],
    now: () => Date.now(),
    oob: {
      latestMessage: async (to) => {
        return newestMailIn(mailbox, { schema: Mailbox, emulator: 'LocalStack, with SES loaded', timeoutMs }, to, ({ messages }) =>
          messages.map((mail) => ({
            recipients: recipientsOf({ to: mail.Destination?.ToAddresses, cc: mail.Destination?.CcAddresses, bcc: mail.Destination?.BccAddresses }),
            subject: mail.Subject ?? '',
            body: mail.Body?.text_part ?? mail.Body?.html_part ?? mail.RawData ?? '',
            // Its timestamps are UTC without a zone (provider.py formats them so).
            sentAt: mail.Timestamp ? new Date(`${mail.Timestamp}Z`).toISOString() : undefined,
          })),
        );
      },
      replay: { ...manualReplay, readInbox: (to) => `curl -s ${mailbox}  # mails to ${to}` },
    },
  };
};
