// How an email identity gets verified, on virtual time, as the document describes it:
// address: a mail with a link; "verified as soon as you follow the link".
// domain: a set of unique DKIM tokens; PENDING --all CNAME records detected within 72 h--> SUCCESS
//         (and verified for sending); PENDING --72 h--> FAILED.
// Time-driven moves are evaluated lazily ("settled") whenever an identity is read.
import { randomBytes } from 'node:crypto';
import { normalizeDnsName } from '../control/dns.ts';
import type { ServiceContext } from '../service.ts';
import { PinpointFault } from './faults.ts';
import { DKIM_TOKEN_COUNT, DKIM_WINDOW_MS, LINK_WINDOW_MS, type Dkim, type EmailIdentity, type PinpointRegion, type Tag } from './store.ts';

/** The CNAME record a DKIM token asks for: `<token>._domainkey.<domain>` → `<token>.dkim.amazonses.com`. */
function dkimRecord(token: string, domain: string): { name: string; value: string } {
  return { name: `${token}._domainkey.${domain}`, value: `${token}.dkim.amazonses.com` };
}

export class PinpointLifecycle {
  constructor(private readonly ctx: ServiceContext) {}

  create(state: PinpointRegion, name: string, type: EmailIdentity['type'], tags: Tag[]): EmailIdentity {
    const { faults, clock } = this.ctx;
    const withDkim = type === 'DOMAIN' || faults.on(PinpointFault.EmailGetsTokens);
    const identity: EmailIdentity = {
      name,
      type,
      verified: faults.on(PinpointFault.VerifiedOnCreate),
      dkim: withDkim ? newDkim(clock.now() + DKIM_WINDOW_MS, faults.on(PinpointFault.DuplicateTokens)) : undefined,
      tags,
      incarnation: state.nextIncarnation++,
    };
    state.identities.set(name, identity);
    if (type === 'EMAIL_ADDRESS') this.sendVerificationMail(state, identity);
    return identity;
  }

  /** Applies whatever has happened by `now`: records found, the 72 h window run out. */
  settle(identity: EmailIdentity, now: number): void {
    const dkim = identity.dkim;
    if (dkim === undefined || dkim.status !== 'PENDING') return;
    if (!this.ctx.faults.on(PinpointFault.DomainIgnoresDkim) && this.recordsFound(identity.name, dkim)) {
      dkim.status = 'SUCCESS';
      if (identity.type === 'DOMAIN') identity.verified = true;
    } else if (now >= dkim.deadline && !this.ctx.faults.on(PinpointFault.DomainNeverFails)) {
      dkim.status = 'FAILED';
    }
  }

  /** A publication is detected at once: settle every PENDING identity that may be waiting for it. */
  onRecordPublished(states: Iterable<PinpointRegion>, now: number): void {
    for (const state of states) for (const identity of state.identities.values()) this.settle(identity, now);
  }

  /** Every token's CNAME record, published before the window closed. */
  private recordsFound(domain: string, dkim: Dkim): boolean {
    return dkim.tokens.every((token) => {
      const wanted = dkimRecord(token, domain);
      return this.ctx.dns.lookup(wanted.name, 'CNAME').some((record) => normalizeDnsName(record.value) === wanted.value && record.publishedAt < dkim.deadline);
    });
  }

  private sendVerificationMail(state: PinpointRegion, identity: EmailIdentity): void {
    const { name, incarnation } = identity;
    const link = this.ctx.links.issue({
      expiresAt: this.ctx.clock.now() + LINK_WINDOW_MS,
      follow: () => {
        const current = state.identities.get(name);
        if (current === undefined || current.incarnation !== incarnation) return 'gone';
        if (!this.ctx.faults.on(PinpointFault.EmailLinkIgnored)) current.verified = true;
        return 'accepted';
      },
    });
    this.ctx.inbox.deliver({
      service: 'pinpoint-email',
      region: state.region,
      to: name,
      subject: `Amazon Pinpoint Email Address Verification Request in region ${state.region}`,
      body:
        `Dear Amazon Pinpoint customer,\n\nWe have received a request to authorize this email address for use with ` +
        `Amazon Pinpoint in region ${state.region}. To confirm that you are authorized to use this email address, ` +
        `please go to the following URL:\n\n${link}\n`,
      link,
    });
  }
}

/** 32 lowercase hex characters, the shape of SES's DKIM tokens. */
function newDkim(deadline: number, allSame: boolean): Dkim {
  const first = randomBytes(16).toString('hex');
  const tokens = Array.from({ length: DKIM_TOKEN_COUNT }, (_, i) => (allSame || i === 0 ? first : randomBytes(16).toString('hex')));
  return { tokens, status: 'PENDING', deadline };
}
