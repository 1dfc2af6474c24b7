// The abstract Lightsail contact-method model: per region, at most one contact method per
// protocol, each email one verified or not, with the time of its newest verification request.
// Pure: every function takes a model and returns a new one or an expectation.
import { DEADLINE_TOLERANCE_MS, type Instant } from '../shared/clock.ts';
import type { ContactProtocol } from './shapes.ts';

export interface ContactMethodState {
  readonly protocol: ContactProtocol;
  readonly endpoint: string;
  readonly verified: boolean;
  /** When the newest verification request was sent (email only). */
  readonly requestedAt?: Instant;
}

/** Keyed by region, then protocol. */
export interface LightsailModel {
  readonly regions: ReadonlyMap<string, ReadonlyMap<ContactProtocol, ContactMethodState>>;
}

export const emptyLightsailModel = (): LightsailModel => ({ regions: new Map() });

export const contactIn = (model: LightsailModel, region: string, protocol: ContactProtocol) => model.regions.get(region)?.get(protocol);

function withContact(model: LightsailModel, region: string, protocol: ContactProtocol, contact: ContactMethodState | undefined): LightsailModel {
  const regions = new Map(model.regions);
  const methods = new Map(regions.get(region) ?? []);
  if (contact) methods.set(protocol, contact);
  else methods.delete(protocol);
  regions.set(region, methods);
  return { regions };
}

/** A contact method created (or, where the target replaces, re-created): an email one is unverified and has just been sent a request. */
export const createContact = (model: LightsailModel, region: string, protocol: ContactProtocol, endpoint: string, at: Instant): LightsailModel =>
  withContact(model, region, protocol, { protocol, endpoint, verified: false, requestedAt: protocol === 'Email' ? at : undefined });

export const deleteContact = (model: LightsailModel, region: string, protocol: ContactProtocol): LightsailModel =>
  withContact(model, region, protocol, undefined);

export function requestVerification(model: LightsailModel, region: string, at: Instant): LightsailModel {
  const contact = contactIn(model, region, 'Email');
  return contact ? withContact(model, region, 'Email', { ...contact, requestedAt: at }) : model;
}

export function verifyContact(model: LightsailModel, region: string): LightsailModel {
  const contact = contactIn(model, region, 'Email');
  return contact ? withContact(model, region, 'Email', { ...contact, verified: true }) : model;
}

/**
 * The document gives no lifetime to a verification request, only that one can expire. A request is
 * surely live for a short while after it was sent (the harness's tolerance); after that its link
 * may have expired, so the harness follows only fresh links and allows Invalid for a stale one.
 */
export const requestIsFresh = (contact: ContactMethodState | undefined, at: Instant): boolean =>
  contact?.requestedAt !== undefined && at.to - contact.requestedAt.from < DEADLINE_TOLERANCE_MS;

/** The statuses GetContactMethods may report for a contact method at `at`. */
export function allowedStatuses(contact: ContactMethodState, at: Instant): readonly string[] {
  if (contact.protocol === 'SMS') return ['PendingVerification', 'Valid', 'Invalid'];
  if (contact.verified) return ['Valid'];
  return requestIsFresh(contact, at) ? ['PendingVerification'] : ['PendingVerification', 'Invalid'];
}
