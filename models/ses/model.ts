// The abstract SES model: which identities exist and where each stands in its verification
// lifecycle. Pure: every function takes a model and returns a new one or an expectation.
import { HOUR, type Instant } from '../shared/clock.ts';
import {
  allowedPhases, confirm, settle, startVerification, surelyFailed, surelyPending,
  type Phase, type TimedVerification,
} from '../shared/lifecycle.ts';
import type { VerificationStatus } from './shapes.ts';

/** "If the email address owner clicks the link within 24 hours ..." */
export const EMAIL_WINDOW_MS = 24 * HOUR;
/** "If Amazon SES is unable to detect the record within 72 hours ..." */
export const DOMAIN_WINDOW_MS = 72 * HOUR;

interface IdentityBase {
  readonly verification: TimedVerification;
  /** This verification restarted one that had Failed. */
  readonly restarted: boolean;
}
export interface EmailIdentity extends IdentityBase { readonly kind: 'email' }
export interface DomainIdentity extends IdentityBase { readonly kind: 'domain'; readonly token: string }
export type SesIdentity = EmailIdentity | DomainIdentity;

export interface SesModel {
  readonly identities: ReadonlyMap<string, SesIdentity>;
  /** Identities deleted (and not created again): they must not be listed or reported. */
  readonly deleted: ReadonlySet<string>;
  /** Per domain, the verification tokens published as `_amazonses.<domain>` TXT records. */
  readonly publishedTokens: ReadonlyMap<string, ReadonlySet<string>>;
}

export const emptySesModel = (): SesModel => ({ identities: new Map(), deleted: new Set(), publishedTokens: new Map() });

/** The DNS name SES looks up for a domain identity's verification token. */
export const txtRecordName = (domain: string) => `_amazonses.${domain}`;

const STATUS_OF_PHASE: Record<Phase, VerificationStatus> = { pending: 'Pending', verified: 'Success', failed: 'Failed' };

function withIdentity(model: SesModel, name: string, identity: SesIdentity | undefined): SesModel {
  const identities = new Map(model.identities);
  const deleted = new Set(model.deleted);
  if (identity) {
    identities.set(name, identity);
    deleted.delete(name);
  } else if (identities.delete(name)) {
    deleted.add(name);
  }
  return { ...model, identities, deleted };
}

/** The documented transitions a Verify call may be generated for: a new identity, or a restart after Failed. */
export function mayStartVerification(model: SesModel, name: string, at: Instant): boolean {
  const identity = model.identities.get(name);
  return identity === undefined || surelyFailed(identity.verification, at);
}

export function verifyEmail(model: SesModel, address: string, at: Instant): SesModel {
  const restarted = model.identities.has(address);
  return withIdentity(model, address, { kind: 'email', restarted, verification: startVerification(at, EMAIL_WINDOW_MS, false) });
}

/** A record published earlier with the same token is found by the new verification too. */
export function verifyDomain(model: SesModel, domain: string, token: string, at: Instant): SesModel {
  const restarted = model.identities.has(domain);
  const started = startVerification(at, DOMAIN_WINDOW_MS, true);
  const verification = model.publishedTokens.get(domain)?.has(token) ? { ...started, confirmedAt: at } : started;
  return withIdentity(model, domain, { kind: 'domain', restarted, token, verification });
}

export function publishToken(model: SesModel, domain: string, token: string, at: Instant): SesModel {
  const publishedTokens = new Map(model.publishedTokens);
  publishedTokens.set(domain, new Set([...(model.publishedTokens.get(domain) ?? []), token]));
  const identity = model.identities.get(domain);
  const next = { ...model, publishedTokens };
  return identity?.kind === 'domain' && identity.token === token ? confirmIdentity(next, domain, at) : next;
}

/** A link is followed only where its effect is certain: surely within, or surely after, the 24 hours. */
export function mayConfirm(identity: SesIdentity | undefined, at: Instant): boolean {
  if (!identity || identity.verification.confirmedAt) return false;
  return surelyPending(identity.verification, at) || surelyFailed(identity.verification, at);
}

export function confirmIdentity(model: SesModel, name: string, at: Instant): SesModel {
  const identity = model.identities.get(name);
  if (!identity) return model;
  return withIdentity(model, name, { ...identity, verification: confirm(identity.verification, at) });
}

/** The target was seen to report Success after an eventual detection: it must stay Success. */
export function settleIdentity(model: SesModel, name: string): SesModel {
  const identity = model.identities.get(name);
  return identity ? withIdentity(model, name, { ...identity, verification: settle(identity.verification) }) : model;
}

export const deleteIdentity = (model: SesModel, name: string): SesModel => withIdentity(model, name, undefined);

/** The statuses GetIdentityVerificationAttributes may report for an identity at `at`. */
export function allowedStatuses(identity: SesIdentity, at: Instant): ReadonlySet<VerificationStatus> {
  return new Set([...allowedPhases(identity.verification, at)].map((phase) => STATUS_OF_PHASE[phase]));
}

export function identitiesOfType(model: SesModel, type?: 'EmailAddress' | 'Domain'): string[] {
  const kind = type === 'EmailAddress' ? 'email' : type === 'Domain' ? 'domain' : undefined;
  return [...model.identities].filter(([, identity]) => !kind || identity.kind === kind).map(([name]) => name);
}
