// Lightsail arbitraries for the model-based commands. Commands act on region slots, not regions:
// the model is keyed by slot, and a slot names a region only relative to the target's.
import fc from 'fast-check';
import type { ContactProtocol } from '../../models/lightsail/shapes.ts';
import { HOUR, MINUTE } from '../../models/shared/clock.ts';
import { REGION_SLOTS } from './steps.ts';

export const slot = fc.constantFrom(...REGION_SLOTS, 'home' as const);
export const protocol = fc.constantFrom<ContactProtocol>('Email', 'SMS');

/** Which of a slot's endpoints of a protocol a create uses: a second one makes a second create of the protocol. */
export const endpointIndex = fc.constantFrom(0, 1);

/** The protocol a SendContactMethodVerification asks for: Email twice as often as SMS. */
export const sendProtocol = fc.constantFrom<ContactProtocol>('Email', 'Email', 'SMS');

/** The protocols a GetContactMethods asks for: all (half the time), or one. */
export const protocolFilter = fc.constantFrom<ContactProtocol[] | undefined>(undefined, undefined, ['Email'], ['SMS']);

/** Clock steps that land on both sides of a verification request's expiry. */
export const clockStep = fc.constantFrom(1 * MINUTE, 1 * HOUR, 25 * HOUR, 73 * HOUR);
