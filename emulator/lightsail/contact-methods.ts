// The contact method lifecycle the Lightsail documents describe, on virtual time:
// email: created PendingVerification and mailed a link --link followed in time--> Valid;
//        SendContactMethodVerification mails another link. SMS: Valid at once (no verification).
// Deleting a contact method voids the links mailed for it.
import { randomUUID } from 'node:crypto';
import { AwsError } from '../errors.ts';
import type { ServiceContext } from '../service.ts';
import { LightsailFault } from './faults.ts';
import { SMS_REGIONS, VERIFICATION_LINK_LIFETIME_MS, type ContactMethod, type ContactProtocol, type LightsailRegion } from './store.ts';

/** E.164, as the CreateContactMethod reference asks of phone numbers. */
const E164 = /^\+[1-9]\d{1,14}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

function invalidInput(message: string): AwsError {
  return new AwsError('InvalidInputException', message, 400);
}

function notFound(message: string): AwsError {
  return new AwsError('NotFoundException', message, 400);
}

export class ContactMethods {
  constructor(private readonly ctx: ServiceContext) {}

  list(state: LightsailRegion, protocols?: readonly ContactProtocol[]): ContactMethod[] {
    const live = state.contactMethods.filter((method) => !(method.protocol === 'SMS' && this.ctx.faults.on(LightsailFault.GetDropsSms)));
    const stale = state.staleListed.filter((gone) => !live.some((method) => method.protocol === gone.protocol));
    return [...live, ...stale].filter((method) => protocols === undefined || protocols.length === 0 || protocols.includes(method.protocol));
  }

  /** A second contact method of a protocol is refused: the existing one must be deleted first. */
  create(state: LightsailRegion, protocol: ContactProtocol, endpoint: string): ContactMethod {
    if (protocol === 'SMS') {
      if (!SMS_REGIONS.has(state.region) && !this.ctx.faults.on(LightsailFault.SmsAnyRegion)) {
        throw invalidInput(`SMS text messaging is not supported in the ${state.region} Region.`);
      }
      if (!E164.test(endpoint)) throw invalidInput('The phone number must be in E.164 format, for example +14155550100.');
    } else if (!EMAIL.test(endpoint)) {
      throw invalidInput(`${endpoint} is not a valid email address.`);
    }
    const existing = state.contactMethods.find((method) => method.protocol === protocol);
    const secondEmailAllowed = protocol === 'Email' && this.ctx.faults.on(LightsailFault.SecondEmailContactMethod);
    if (existing !== undefined && !secondEmailAllowed) {
      throw invalidInput(`A contact method with the ${protocol} protocol already exists in ${state.region}. Delete it before you create another one.`);
    }
    const id = randomUUID();
    const method: ContactMethod = {
      id,
      name: `${protocol}-${state.region}`,
      arn: `arn:aws:lightsail:${state.region}:${state.account}:ContactMethod/${id}`,
      protocol,
      contactEndpoint: endpoint,
      status: protocol === 'Email' && !this.ctx.faults.on(LightsailFault.CreatedValid) ? 'PendingVerification' : 'Valid',
      createdAt: this.ctx.clock.now(),
    };
    state.contactMethods.push(method);
    if (protocol === 'Email') this.mailLink(state, method);
    return method;
  }

  /** Mails a fresh link to the region's email contact method; earlier links stay valid until they expire. */
  sendVerification(state: LightsailRegion, protocol: string): ContactMethod | undefined {
    if (protocol !== 'Email') {
      if (protocol === 'SMS' && this.ctx.faults.on(LightsailFault.SmsVerificationAccepted)) return state.contactMethods.find((m) => m.protocol === 'SMS');
      throw invalidInput(
        `Only Email contact methods can be verified (got ${JSON.stringify(protocol.slice(0, 32))}). SMS contact methods don't need to be verified.`,
      );
    }
    const method = state.contactMethods.find((m) => m.protocol === 'Email');
    if (method === undefined) {
      if (this.ctx.faults.on(LightsailFault.SendWithoutContactMethod)) return undefined;
      throw notFound(`There is no Email contact method in ${state.region}. Create one with CreateContactMethod first.`);
    }
    if (this.ctx.faults.on(LightsailFault.ResendRefused) && method.status !== 'Valid' && (method.linkExpiresAt ?? 0) > this.ctx.clock.now()) {
      throw new AwsError('OperationFailureException', 'A verification request was already sent to this contact method. Try again later.', 400);
    }
    this.mailLink(state, method);
    return method;
  }

  delete(state: LightsailRegion, protocol: ContactProtocol): ContactMethod[] {
    const deleted = state.contactMethods.filter((method) => method.protocol === protocol);
    if (deleted.length === 0) throw notFound(`There is no ${protocol} contact method in ${state.region}.`);
    state.contactMethods = state.contactMethods.filter((method) => method.protocol !== protocol);
    state.staleListed = state.staleListed.filter((method) => method.protocol !== protocol);
    if (this.ctx.faults.on(LightsailFault.DeleteKeepsContact)) state.staleListed.push(...deleted);
    return deleted;
  }

  private mailLink(state: LightsailRegion, method: ContactMethod): void {
    method.linkExpiresAt = this.ctx.clock.now() + VERIFICATION_LINK_LIFETIME_MS;
    const link = this.ctx.links.issue({
      expiresAt: method.linkExpiresAt,
      follow: () => {
        // A link belongs to one contact method: after a delete (even a re-create) it is void.
        if (!state.contactMethods.includes(method)) return 'gone';
        if (!this.ctx.faults.on(LightsailFault.LinkDoesNotVerify)) method.status = 'Valid';
        return 'accepted';
      },
    });
    this.ctx.inbox.deliver({
      service: 'lightsail',
      region: state.region,
      to: method.contactEndpoint,
      subject: `Amazon Lightsail – Verify your email contact method in ${state.region}`,
      body:
        `You added this email address as a notification contact method for Amazon Lightsail in ${state.region}. ` +
        `Notifications are not sent until it is verified. To verify it, go to the following URL within 24 hours:\n\n${link}\n`,
      link,
    });
  }
}
