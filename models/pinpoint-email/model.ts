// The abstract Pinpoint Email model: which identities exist, where each stands in its
// verification, its DKIM tokens and its tags. Pure: every function takes a model and returns a
// new one or an expectation.
import { DEADLINE_TOLERANCE_MS, HOUR, type Instant } from '../shared/clock.ts';
import { allowedPhases, confirm, settle, startVerification, surelyFailed, surelyPending, type Phase, type TimedVerification } from '../shared/lifecycle.ts';
import { applyTags, emptyTags, requestViolations, untagKeys, type TagInput, type TagState, type TagViolation } from '../shared/tags.ts';
import { PINPOINT_TAG_POLICY, type DkimStatus } from './shapes.ts';

/** "It usually takes around 72 hours to complete the domain verification process." */
const DOMAIN_WINDOW_MS = 72 * HOUR;
/** The document gives an address no deadline: "verified as soon as you follow the link". */
const EMAIL_WINDOW_MS = Number.POSITIVE_INFINITY;

export interface PinpointIdentity {
  readonly kind: 'email' | 'domain';
  readonly verification: TimedVerification;
  /** The DKIM tokens CreateEmailIdentity answered (a domain's). */
  readonly tokens: readonly string[];
  readonly tags: TagState;
  /**
   * Seen verified while only pending was allowed (a failure already found): its later
   * VerifiedForSendingStatus is that same deviation and is not judged again.
   */
  readonly verifiedEarly?: boolean;
}

export interface PinpointModel {
  readonly identities: ReadonlyMap<string, PinpointIdentity>;
  /** Deleted (and not created again): must not be found or listed. */
  readonly deleted: ReadonlySet<string>;
}

export const emptyPinpointModel = (): PinpointModel => ({ identities: new Map(), deleted: new Set() });

function withIdentity(model: PinpointModel, key: string, identity: PinpointIdentity | undefined): PinpointModel {
  const identities = new Map(model.identities);
  const deleted = new Set(model.deleted);
  if (identity) {
    identities.set(key, identity);
    deleted.delete(key);
  } else if (identities.delete(key)) {
    deleted.add(key);
  }
  return { identities, deleted };
}

export const createViolations = (tags: readonly TagInput[]): TagViolation[] => requestViolations(PINPOINT_TAG_POLICY, emptyTags(), tags);

export function createIdentity(
  model: PinpointModel,
  key: string,
  kind: 'email' | 'domain',
  tokens: readonly string[],
  tags: readonly TagInput[],
  at: Instant,
): PinpointModel {
  const verification = kind === 'email' ? startVerification(at, EMAIL_WINDOW_MS, false) : startVerification(at, DOMAIN_WINDOW_MS, true);
  return withIdentity(model, key, { kind, verification, tokens, tags: applyTags(emptyTags(), tags) });
}

export const deleteIdentity = (model: PinpointModel, key: string): PinpointModel => withIdentity(model, key, undefined);

/** What TagResource must do with `tags` on this identity: the restrictions it breaks (none: accept). */
export function tagViolationsFor(identity: PinpointIdentity, tags: readonly TagInput[]): TagViolation[] {
  return requestViolations(PINPOINT_TAG_POLICY, identity.tags, tags);
}

export function tagIdentity(model: PinpointModel, key: string, tags: readonly TagInput[]): PinpointModel {
  const identity = model.identities.get(key);
  return identity ? withIdentity(model, key, { ...identity, tags: applyTags(identity.tags, tags) }) : model;
}

export function untagIdentity(model: PinpointModel, key: string, keys: readonly string[]): PinpointModel {
  const identity = model.identities.get(key);
  return identity ? withIdentity(model, key, { ...identity, tags: untagKeys(identity.tags, keys) }) : model;
}

/** The target's tags, taken as the model's (after a tag discrepancy already found failing). */
export function adoptTags(model: PinpointModel, key: string, tags: TagState): PinpointModel {
  const identity = model.identities.get(key);
  return identity && identity.tags !== tags ? withIdentity(model, key, { ...identity, tags }) : model;
}

export function markVerifiedEarly(model: PinpointModel, key: string): PinpointModel {
  const identity = model.identities.get(key);
  return identity ? withIdentity(model, key, { ...identity, verifiedEarly: true }) : model;
}

/**
 * The document gives the verification link no lifetime, nor says it never expires. A link is surely
 * live for a short while after it was sent (the harness's tolerance); the harness follows only such
 * fresh links, and does not judge what a late one does.
 */
const linkIsFresh = (identity: PinpointIdentity, at: Instant): boolean => at.to - identity.verification.startedAt.from < DEADLINE_TOLERANCE_MS;

/** A confirmation (link followed, records published) is only modelled where its effect is certain. */
export function mayConfirm(identity: PinpointIdentity | undefined, at: Instant): boolean {
  if (!identity || identity.verification.confirmedAt) return false;
  if (identity.kind === 'email') return surelyPending(identity.verification, at) && linkIsFresh(identity, at);
  return surelyPending(identity.verification, at) || surelyFailed(identity.verification, at);
}

export function confirmIdentity(model: PinpointModel, key: string, at: Instant): PinpointModel {
  const identity = model.identities.get(key);
  return identity ? withIdentity(model, key, { ...identity, verification: confirm(identity.verification, at) }) : model;
}

/** The target was seen verified after an eventual detection: from now on it must stay verified. */
export function settleIdentity(model: PinpointModel, key: string): PinpointModel {
  const identity = model.identities.get(key);
  return identity ? withIdentity(model, key, { ...identity, verification: settle(identity.verification) }) : model;
}

export const phasesAt = (identity: PinpointIdentity, at: Instant): ReadonlySet<Phase> => allowedPhases(identity.verification, at);

/** VerifiedForSendingStatus per phase. */
export const VERIFIED_IN_PHASE: Record<Phase, boolean> = { pending: false, verified: true, failed: false };

/** A domain's DKIM status per phase: pending may also read as not started or a passing temporary failure. */
export const DKIM_STATUS_IN_PHASE: Record<Phase, readonly DkimStatus[]> = {
  pending: ['PENDING', 'NOT_STARTED', 'TEMPORARY_FAILURE'],
  verified: ['SUCCESS'],
  failed: ['FAILED'],
};
