// Verification links: opaque tokens under /_emulator/links/ that a service issues (in a mail)
// and a person or the harness follows. Expiry is judged here; what "following" does is the
// issuing service's business.
import { randomBytes } from 'node:crypto';
import type { Clock } from './clock.ts';

/** What the issuing service says when its link is followed in time. */
type LinkFollowResult = 'accepted' | 'gone';
export type LinkOutcome = LinkFollowResult | 'expired' | 'unknown';

export const LINK_PATH_PREFIX = '/_emulator/links/';

export interface Links {
  /** Returns the absolute URL of a new link, valid while virtual time is before `expiresAt`. */
  issue(options: { expiresAt: number; follow(): LinkFollowResult }): string;
  follow(token: string): LinkOutcome;
  clear(): void;
}

export function createLinks(clock: Clock, publicUrl: () => string): Links {
  let issued = new Map<string, { expiresAt: number; follow(): LinkFollowResult }>();
  return {
    issue(options) {
      const token = randomBytes(24).toString('base64url');
      issued.set(token, options);
      return `${publicUrl().replace(/\/+$/, '')}${LINK_PATH_PREFIX}${token}`;
    },
    follow(token) {
      const link = issued.get(token);
      if (!link) return 'unknown';
      if (clock.now() >= link.expiresAt) return 'expired';
      return link.follow();
    },
    clear() {
      issued = new Map();
    },
  };
}
