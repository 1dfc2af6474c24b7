// cognito-local (github.com/jagregory/cognito-local): it prints codes to its console and keeps
// each user pool in `.cognito/db/<pool>.json` under its working directory, user records carrying
// the AttributeVerificationCode it issued. The adapter reads codes from there (the inbox); it has
// no movable clock and no DNS. Its working directory: the one the harness started it in, or
// CONFORMANCE_EMULATOR_DATA, or the current directory for an instance a person started.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { manualReplay } from '../replay-lines.ts';
import type { InboxMessage } from '../target.ts';
import type { AdapterFactory } from './adapter.ts';

/** A user record as the adapter reads it (cognito-local writes dates as ISO 8601 strings). */
const StoredUser = z.object({
  Attributes: z.array(z.object({ Name: z.string(), Value: z.string().nullish() })).nullish(),
  AttributeVerificationCode: z.string().nullish(),
  UserLastModifiedDate: z.string().nullish(),
});
type StoredUser = z.infer<typeof StoredUser>;

/** A user pool's file: its users by username. */
const StoredPool = z.object({ Users: z.record(z.string(), StoredUser).nullish() });

function storedUsers(dbDir: string): StoredUser[] {
  if (!existsSync(dbDir)) return [];
  return readdirSync(dbDir)
    .filter((file) => file.endsWith('.json') && file !== 'clients.json')
    .flatMap((file) => {
      try {
        const pool = StoredPool.parse(JSON.parse(readFileSync(join(dbDir, file), 'utf8')));
        return Object.values(pool.Users ?? {});
      } catch {
        return []; // being written right now: the next read sees it whole
      }
    });
}

export const cognitoLocalAdapter: AdapterFactory = async (_baseUrl, { workDir, version }) => {
  const dbDir = join(workDir ?? process.env.CONFORMANCE_EMULATOR_DATA ?? process.cwd(), '.cognito', 'db');
  return {
    name: 'cognito-local',
    version,
    capabilities: ['inbox', 'throttle-probe'],
    now: () => Date.now(),
    oob: {
      latestMessage: async (to): Promise<InboxMessage | undefined> => {
        const user = storedUsers(dbDir).find(
          (u) => u.AttributeVerificationCode && u.Attributes?.some((a) => (a.Name === 'email' || a.Name === 'phone_number') && a.Value === to),
        );
        const code = user?.AttributeVerificationCode;
        if (!user || !code) return undefined;
        return { to, subject: 'VerifyUserAttribute', body: `code ${code}`, code, sentAt: user.UserLastModifiedDate ?? new Date().toISOString() };
      },
      replay: {
        ...manualReplay,
        readInbox: (to) => `# read the code for ${to} from cognito-local's console (or AttributeVerificationCode in ${dbDir}/<pool>.json)`,
      },
    },
  };
};
