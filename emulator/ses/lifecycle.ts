// The verification lifecycles the SES document describes, on virtual time:
// email: Pending --link followed within 24 h--> Success; Pending --24 h--> Failed; Failed --verify--> Pending.
// domain: Pending --_amazonses TXT record found within 72 h--> Success; Pending --72 h--> Failed;
//         Failed --verify--> Pending with a new token.
// Time-driven moves are evaluated lazily ("settled") whenever an identity is read.
import { randomBytes } from 'node:crypto';
import type { ServiceContext } from '../service.ts';
import { SesFault } from './faults.ts';
import { DOMAIN_WINDOW_MS, EMAIL_WINDOW_MS, type DomainIdentity, type EmailIdentity, type Identity, type SesRegion } from './store.ts';

function domainRecordName(domain: string): string {
  return `_amazonses.${domain}`;
}

export class SesLifecycle {
  constructor(private readonly ctx: ServiceContext) {}

  /** Applies whatever has happened by `now`: DNS records found, windows run out. */
  settle(identity: Identity, now: number): void {
    if (identity.status !== 'Pending') return;
    if (identity.kind === 'domain' && this.recordFound(identity)) {
      identity.status = 'Success';
    } else if (now >= identity.deadline && !this.neverFails(identity)) {
      identity.status = 'Failed';
    }
  }

  private neverFails(identity: Identity): boolean {
    return this.ctx.faults.on(identity.kind === 'email' ? SesFault.EmailNeverFails : SesFault.DomainNeverFails);
  }

  /**
   * New address: Pending and a mail with a link. Pending: a new link and a fresh 24 h window.
   * Failed: the process restarts. Success: nothing changes and nothing is sent.
   */
  verifyEmail(state: SesRegion, address: string, now: number): void {
    const existing = state.identities.get(address);
    if (existing?.kind === 'email') {
      this.settle(existing, now);
      if (existing.status === 'Success') return;
      // Earlier links need no voiding on a restart: a Failed window has outlived all of them.
      if (existing.status === 'Failed' && this.ctx.faults.on(SesFault.EmailNoRestart)) return;
      existing.status = 'Pending';
      existing.deadline = now + EMAIL_WINDOW_MS;
      this.sendVerificationMail(state, existing);
      return;
    }
    const status = this.ctx.faults.on(SesFault.EmailVerifiedOnCreate) ? 'Success' : 'Pending';
    const identity: EmailIdentity = { kind: 'email', name: address, status, incarnation: state.nextIncarnation++, deadline: now + EMAIL_WINDOW_MS };
    state.identities.set(address, identity);
    this.sendVerificationMail(state, identity);
  }

  /** Returns the token to publish. An existing domain keeps its token unless it had Failed. */
  verifyDomain(state: SesRegion, domain: string, now: number): string {
    const existing = state.identities.get(domain);
    if (existing?.kind === 'domain') {
      this.settle(existing, now);
      if (existing.status === 'Failed' && !this.ctx.faults.on(SesFault.DomainNoRestart)) {
        existing.status = 'Pending';
        existing.token = newDomainToken();
        existing.deadline = now + DOMAIN_WINDOW_MS;
      }
      return existing.token;
    }
    const status = this.ctx.faults.on(SesFault.DomainVerifiedOnCreate) ? 'Success' : 'Pending';
    const identity: DomainIdentity = { kind: 'domain', name: domain, status, token: newDomainToken(), deadline: now + DOMAIN_WINDOW_MS };
    state.identities.set(domain, identity);
    return identity.token;
  }

  /** A publication is detected at once: settle every Pending domain that may be waiting for it. */
  onRecordPublished(states: Iterable<SesRegion>, now: number): void {
    for (const state of states) {
      for (const identity of state.identities.values()) {
        if (identity.kind === 'domain' && identity.status === 'Pending') this.settle(identity, now);
      }
    }
  }

  private recordFound(domain: DomainIdentity): boolean {
    if (this.ctx.faults.on(SesFault.DomainIgnoresDns)) return false;
    return this.ctx.dns.lookup(domainRecordName(domain.name), 'TXT').some((record) => record.value === domain.token && record.publishedAt < domain.deadline);
  }

  private sendVerificationMail(state: SesRegion, identity: EmailIdentity): void {
    const { incarnation, name } = identity;
    const link = this.ctx.links.issue({
      expiresAt: identity.deadline,
      follow: () => {
        const current = state.identities.get(name);
        if (current?.kind !== 'email' || current.incarnation !== incarnation) return 'gone';
        this.settle(current, this.ctx.clock.now());
        if (current.status === 'Failed') return 'gone';
        if (!this.ctx.faults.on(SesFault.EmailLinkIgnored)) current.status = 'Success';
        return 'accepted';
      },
    });
    this.ctx.inbox.deliver({
      service: 'ses',
      region: state.region,
      to: name,
      subject: `Amazon Web Services – Email Address Verification Request in region ${state.region}`,
      body:
        `Dear Amazon Web Services Customer,\n\nWe have received a request to authorize this email address for use with ` +
        `Amazon SES in region ${state.region}. To confirm that you are authorized to use this email address, ` +
        `please go to the following URL within 24 hours:\n\n${link}\n`,
      link,
    });
  }
}

/** 32 random bytes in base64, the shape of the document's example token. */
function newDomainToken(): string {
  return randomBytes(32).toString('base64');
}
