// The abstract SES model: which identities exist and where each stands in its verification
// lifecycle. Pure: every function takes a model and returns a new one or an expectation.
import { HOUR, type Instant } from '../shared/clock.ts';
import { allowedPhases, confirm, settle, startVerification, surelyFailed, surelyPending, type Phase, type TimedVerification } from '../shared/lifecycle.ts';
import type { VerificationStatus } from './shapes.ts';

/** "If the email address owner clicks the link within 24 hours ..." */
const EMAIL_WINDOW_MS = 24 * HOUR;
/** "If Amazon SES is unable to detect the record within 72 hours ..." */
const DOMAIN_WINDOW_MS = 72 * HOUR;

interface IdentityBase {
  readonly verification: TimedVerification;
  /** This verification restarted one that had Failed. */
  readonly restarted: boolean;
  /** Its link was followed (its record published) only after the window: it must stay Failed. */
  readonly confirmedLate?: boolean;
  /** The target was seen to report Failed: only then is a Verify call a restart (a target that never failed cannot be judged on one). */
  readonly failedSeen?: boolean;
  /**
   * The status the target was seen to report where it departed from the documents (a rule already
   * found failing): from then on the model follows the target, and judges no lifecycle rule on this
   * verification, until a Verify call starts a new one.
   */
  readonly adopted?: VerificationStatus;
}
export interface EmailIdentity extends IdentityBase {
  readonly kind: 'email';
}
/** `token` is the one VerifyDomainIdentity returned; none when it returned none. */
export interface DomainIdentity extends IdentityBase {
  readonly kind: 'domain';
  readonly token?: string;
}
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

/** The documented transitions a Verify call may be generated for: a new identity, or a restart after Failed was seen. */
export function mayStartVerification(model: SesModel, name: string, at: Instant): boolean {
  const identity = model.identities.get(name);
  if (identity === undefined) return true;
  if (identity.adopted) return identity.adopted === 'Failed';
  return identity.failedSeen === true && surelyFailed(identity.verification, at);
}

/** The target reported Failed for the identity. */
export function seenFailed(model: SesModel, name: string): SesModel {
  const identity = model.identities.get(name);
  return identity && !identity.failedSeen ? withIdentity(model, name, { ...identity, failedSeen: true }) : model;
}

export function verifyEmail(model: SesModel, address: string, at: Instant): SesModel {
  const restarted = model.identities.has(address);
  return withIdentity(model, address, { kind: 'email', restarted, verification: startVerification(at, EMAIL_WINDOW_MS, false) });
}

/** A record published earlier with the same token is found by the new verification too. */
export function verifyDomain(model: SesModel, domain: string, token: string | undefined, at: Instant): SesModel {
  const restarted = model.identities.has(domain);
  const started = startVerification(at, DOMAIN_WINDOW_MS, true);
  const verification = token !== undefined && model.publishedTokens.get(domain)?.has(token) ? { ...started, confirmedAt: at } : started;
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
  if (!identity || identity.adopted || identity.confirmedLate || identity.verification.confirmedAt) return false;
  return surelyPending(identity.verification, at) || surelyFailed(identity.verification, at);
}

export function confirmIdentity(model: SesModel, name: string, at: Instant): SesModel {
  const identity = model.identities.get(name);
  if (!identity || identity.adopted) return model;
  const confirmedLate = identity.confirmedLate || surelyFailed(identity.verification, at);
  return withIdentity(model, name, { ...identity, confirmedLate, verification: confirm(identity.verification, at) });
}

/**
 * The target departed from the model (a rule already found failing broke): the identity takes the
 * status it reported, so later steps go on from what the target does. An identity the model held
 * deleted, still reported, exists again (its token unknown).
 */
export function adoptStatus(model: SesModel, name: string, kind: SesIdentity['kind'], status: VerificationStatus, at: Instant): SesModel {
  const identity = model.identities.get(name) ?? {
    kind,
    restarted: false,
    verification: startVerification(at, kind === 'email' ? EMAIL_WINDOW_MS : DOMAIN_WINDOW_MS, kind === 'domain'),
  };
  return withIdentity(model, name, { ...identity, adopted: status });
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
