// aws-ses-v2-local (npm aws-ses-v2-local): it keeps every mail it was asked to send, readable at
// GET /store. That is its inbox; it has no movable clock and no DNS.
import { z } from 'zod';
import { manualReplay } from '../replay-lines.ts';
import type { AdapterFactory } from './adapter.ts';
import { newestMailIn, recipientsOf } from './sent-mail.ts';

/** What GET /store answers, as far as the adapter reads it: each mail's recipients, subject, body, and when (epoch seconds). */
const Store = z.object({
  emails: z.array(
    z.object({
      at: z.number(),
      subject: z.string().nullish(),
      body: z.object({ text: z.string().nullish(), html: z.string().nullish() }).nullish(),
      destination: z.object({ to: z.array(z.string()).nullish() }).nullish(),
    }),
  ),
});

export const awsSesV2LocalAdapter: AdapterFactory = async (baseUrl, { timeoutMs, version }) => ({
  name: 'aws-ses-v2-local',
  version,
  capabilities: ['inbox', 'throttle-probe'],
  now: () => Date.now(),
  oob: {
    latestMessage: async (to) => {
      return newestMailIn(`${baseUrl}/store`, { schema: Store, emulator: 'aws-ses-v2-local', timeoutMs }, to, ({ emails }) =>
        emails.map((mail) => ({
          recipients: recipientsOf({ to: mail.destination?.to }),
          subject: mail.subject ?? '',
          body: mail.body?.text ?? mail.body?.html ?? '',
          sentAt: new Date(mail.at * 1000).toISOString(),
        })),
      );
    },
    replay: { ...manualReplay, readInbox: (to) => `curl -s ${baseUrl}/store  # mails to ${to}` },
  },
});
