// The SES (2010-12-01) operations the emulator speaks, as awsQuery handlers: input shapes from
// the API model, behaviour from the SES document, faults where the catalog says they bend it.
import { createHash } from 'node:crypto';
import { AwsError, internalFailure } from '../errors.ts';
import { queryOperation, type AnyAwsQueryOperation, type QueryCall } from '../protocols/aws-query.ts';
import { optional, required, shapes } from '../protocols/input-shapes.ts';
import { missingMemberError, validationError } from '../protocols/query-input.ts';
import type { XmlStructure } from '../protocols/xml.ts';
import { readPageToken, writePageToken } from '../page-token.ts';
import type { RegionalStore } from '../regional-store.ts';
import type { ServiceContext } from '../service.ts';
import { SesFault } from './faults.ts';
import { isDomainName, isEmailAddress } from './identity-syntax.ts';
import type { SesLifecycle } from './lifecycle.ts';
import type { Identity, SesRegion } from './store.ts';

/** "... can only get verification attributes for up to 100 identities at a time." */
const GIVA_MAX_IDENTITIES = 100;
const LIST_MAX_ITEMS = 1000;

export function createSesOperations(ctx: ServiceContext, store: RegionalStore<SesRegion>, lifecycle: SesLifecycle): Record<string, AnyAwsQueryOperation> {
  const { clock, faults } = ctx;
  const stateOf = (call: QueryCall) => store.get(call.scope);

  const verifyEmail = (input: { EmailAddress: string }, call: QueryCall): XmlStructure => {
    if (!isEmailAddress(input.EmailAddress)) throw new AwsError('InvalidParameterValue', `Invalid email address: ${input.EmailAddress}.`);
    lifecycle.verifyEmail(stateOf(call), input.EmailAddress, clock.now());
    return {};
  };

  /** A validation error, or under the fault the same rejection with an undocumented code. */
  const withFaultyCode = (error: AwsError): AwsError =>
    faults.on(SesFault.ErrorsUnknownCode) ? new AwsError('InvalidRequest', error.message, error.status) : error;

  const attributesOf = (identity: Identity): XmlStructure => {
    const status = faults.on(SesFault.StatusLowercase) ? identity.status.toLowerCase() : identity.status;
    if (identity.kind === 'email') {
      const token = faults.on(SesFault.EmailTokenNotNull) ? digest(identity.name) : undefined;
      return { VerificationStatus: status, VerificationToken: token };
    }
    if (faults.on(SesFault.DomainDropToken)) return { VerificationStatus: status };
    return { VerificationStatus: status, VerificationToken: faults.on(SesFault.DomainTokenMismatch) ? digest(identity.token) : identity.token };
  };

  return {
    GetIdentityVerificationAttributes: queryOperation({
      // Identities is required; it is checked in the handler so that a fault can bend the answer.
      input: shapes.structure({ Identities: optional(shapes.list(shapes.string())) }),
      // Throttling comes first, so every call counts against the rate, valid or not.
      admit(call) {
        if (faults.on(SesFault.GivaNoThrottle) || stateOf(call).givaRate.tryTake(clock.now())) return;
        if (faults.on(SesFault.GivaThrottleAs500)) throw new AwsError('ServiceUnavailable', 'Service is unavailable. Please try again later.', 500);
        throw new AwsError('Throttling', 'Rate exceeded', 400);
      },
      handle(input, call) {
        const names = input.Identities;
        if (names === undefined) {
          if (faults.on(SesFault.GivaMissingIdentities500)) throw internalFailure();
          if (faults.on(SesFault.GivaAcceptsMissingIdentities)) return { VerificationAttributes: new Map() };
          throw withFaultyCode(missingMemberError('identities'));
        }
        if (names.length > GIVA_MAX_IDENTITIES && !faults.on(SesFault.GivaAcceptOver100)) {
          throw withFaultyCode(
            validationError([
              `Value at 'identities' failed to satisfy constraint: Member must have length less than or equal to ${GIVA_MAX_IDENTITIES} (got ${names.length} identities)`,
            ]),
          );
        }
        const state = stateOf(call);
        const now = clock.now();
        const attributes = new Map<string, XmlStructure>();
        for (const name of names) {
          const identity = state.identities.get(name);
          if (identity === undefined) continue; // unknown identities are simply absent
          lifecycle.settle(identity, now);
          attributes.set(name, attributesOf(identity));
        }
        if (faults.on(SesFault.GivaAllIdentities)) {
          for (const identity of state.identities.values()) {
            if (attributes.has(identity.name)) continue;
            lifecycle.settle(identity, now);
            attributes.set(identity.name, attributesOf(identity));
          }
        }
        return { VerificationAttributes: attributes };
      },
    }),

    VerifyEmailIdentity: queryOperation({
      input: shapes.structure({ EmailAddress: required(shapes.string()) }),
      handle: verifyEmail,
    }),

    // Deprecated alias of VerifyEmailIdentity; its output has no Result element at all.
    VerifyEmailAddress: queryOperation({
      input: shapes.structure({ EmailAddress: required(shapes.string()) }),
      resultWrapper: false,
      handle: verifyEmail,
    }),

    VerifyDomainIdentity: queryOperation({
      input: shapes.structure({ Domain: required(shapes.string()) }),
      handle(input, call) {
        if (!isDomainName(input.Domain)) throw new AwsError('InvalidParameterValue', `Invalid domain name: ${input.Domain}.`);
        const token = lifecycle.verifyDomain(stateOf(call), input.Domain, clock.now());
        return { VerificationToken: faults.on(SesFault.VerifyDomainNoToken) ? undefined : token };
      },
    }),

    // Deleting an identity that does not exist succeeds, as SES does.
    DeleteIdentity: queryOperation({
      input: shapes.structure({ Identity: required(shapes.string()) }),
      handle(input, call) {
        if (!faults.on(SesFault.DeleteKeepsIdentity)) stateOf(call).identities.delete(input.Identity);
        return {};
      },
    }),

    // Every identity whatever its status, in code-unit order of the name; NextToken names the
    // last identity returned, so pages stay consistent when identities come and go in between.
    ListIdentities: queryOperation({
      input: shapes.structure({
        IdentityType: optional(shapes.enum(['EmailAddress', 'Domain'])),
        NextToken: optional(shapes.string()),
        MaxItems: optional(shapes.integer()),
      }),
      handle(input, call) {
        const kind = input.IdentityType === undefined ? undefined : input.IdentityType === 'Domain' ? 'domain' : 'email';
        const after = input.NextToken === undefined ? undefined : readPageToken(input.NextToken, (message) => new AwsError('InvalidParameterValue', message));
        // The model sets no bounds on MaxItems; values outside 1..1000 are clamped rather than refused.
        const pageSize = Math.min(LIST_MAX_ITEMS, Math.max(1, input.MaxItems ?? LIST_MAX_ITEMS));
        const names = [...stateOf(call).identities.values()]
          .filter((identity) => kind === undefined || identity.kind === kind)
          .map((identity) => identity.name)
          .filter((name) => after === undefined || name > after)
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        if (faults.on(SesFault.ListDropsLast)) names.pop();
        const page = names.slice(0, pageSize);
        const more = names.length > page.length;
        return { Identities: page, NextToken: more ? writePageToken(page[page.length - 1]!) : undefined };
      },
    }),
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
