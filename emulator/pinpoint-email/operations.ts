// The Pinpoint Email (2018-07-26) operations the emulator speaks, as restJson1 handlers: HTTP
// bindings and shapes from the API model, behaviour from the CreateEmailIdentity document,
// errors only those the model lists for each operation.
import { AwsError } from '../errors.ts';
import { restOperation, type AnyRestJsonOperation, type RestJsonCall } from '../protocols/rest-json.ts';
import { missingMember, shapes, validationMessage } from '../protocols/input-shapes.ts';
import { optional, required } from '../protocols/rest-json-shapes.ts';
import { readPageToken, writePageToken } from '../page-token.ts';
import type { RegionalStore } from '../regional-store.ts';
import type { ServiceContext } from '../service.ts';
import { isDomainName, isEmailAddress } from '../ses/identity-syntax.ts';
import { identityArn, identityFromArn, RESOURCE_ARN_HEADER } from './arn.ts';
import { PinpointFault } from './faults.ts';
import type { PinpointLifecycle } from './lifecycle.ts';
import type { EmailIdentity, PinpointRegion } from './store.ts';
import { checkTags, mergeTags, removeTags } from './tags.ts';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

const tagShape = shapes.structure({ Key: required(shapes.string()), Value: optional(shapes.string()) });
const identityTypeShape = shapes.enum(['EMAIL_ADDRESS', 'DOMAIN', 'MANAGED_DOMAIN']);
const dkimAttributesShape = shapes.structure({
  SigningEnabled: optional(shapes.boolean()),
  Status: optional(shapes.enum(['PENDING', 'SUCCESS', 'FAILED', 'TEMPORARY_FAILURE', 'NOT_STARTED'])),
  Tokens: optional(shapes.list(shapes.string())),
});
const identityLabel = { in: 'uri' } as const;
const arnInQuery = { in: 'query' } as const;

function badRequest(message: string): AwsError {
  return new AwsError('BadRequestException', message, 400);
}

export function createPinpointOperations(ctx: ServiceContext, store: RegionalStore<PinpointRegion>, lifecycle: PinpointLifecycle): AnyRestJsonOperation[] {
  const { faults, clock } = ctx;
  const stateOf = (call: RestJsonCall) => store.get(call.scope);

  /** Reads an identity with its time-driven moves applied; NotFoundException when there is none. */
  const identityOf = (state: PinpointRegion, name: string): EmailIdentity => {
    const identity = state.identities.get(name);
    if (identity === undefined) throw new AwsError('NotFoundException', `Email identity ${name.slice(0, 256)} does not exist.`, 404);
    lifecycle.settle(identity, clock.now());
    return identity;
  };
  const identityByArn = (arn: string, call: RestJsonCall) => {
    const state = stateOf(call);
    return identityOf(state, identityFromArn(arn, state));
  };

  const typeOf = (identity: EmailIdentity) => {
    const type = identity.type === 'DOMAIN' && faults.on(PinpointFault.DomainAsEmail) ? 'EMAIL_ADDRESS' : identity.type;
    return faults.on(PinpointFault.IdentityTypeLowercase) ? type.toLowerCase() : type;
  };
  /** Deleted identities, per region, as a stale copy GetEmailIdentity answers under the fault. */
  const staleCopies = new WeakMap<PinpointRegion, Map<string, EmailIdentity>>();
  // "If the email identity is an email address, this object is empty."
  const dkimOf = (identity: EmailIdentity) => {
    if (identity.dkim === undefined) return {};
    const status = faults.on(PinpointFault.DkimStatusLowercase) ? identity.dkim.status.toLowerCase() : identity.dkim.status;
    return { SigningEnabled: true, Status: status, Tokens: [...identity.dkim.tokens] };
  };
  const tellArn = (call: RestJsonCall, state: PinpointRegion, name: string) => {
    call.responseHeaders[RESOURCE_ARN_HEADER] = identityArn(state, name);
  };

  const createEmailIdentity = restOperation({
    name: 'CreateEmailIdentity',
    method: 'POST',
    uri: '/v1/email/identities',
    // EmailIdentity is required; it is checked in the handler so that a fault can bend the answer.
    input: shapes.structure({ EmailIdentity: optional(shapes.string()), Tags: optional(shapes.list(tagShape)) }),
    output: shapes.structure({
      IdentityType: optional(identityTypeShape),
      VerifiedForSendingStatus: optional(shapes.boolean()),
      DkimAttributes: optional(dkimAttributesShape),
    }),
    handle(input, call) {
      const name = input.EmailIdentity;
      if (name === undefined) {
        if (faults.on(PinpointFault.CreateWithoutIdentity)) return { IdentityType: 'EMAIL_ADDRESS', VerifiedForSendingStatus: false, DkimAttributes: {} };
        throw badRequest(validationMessage([missingMember('EmailIdentity')]));
      }
      const type = name.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN';
      if (type === 'EMAIL_ADDRESS' ? !isEmailAddress(name) : !isDomainName(name)) {
        throw badRequest(`Invalid email address or domain: ${name.slice(0, 256)}`);
      }
      const state = stateOf(call);
      // The model lists no AlreadyExistsException for this operation.
      if (state.identities.has(name)) throw badRequest(`Email identity ${name} already exists.`);
      const checked = mergeTags([], checkTags(input.Tags ?? [], faults), faults);
      const tags = faults.on(PinpointFault.CreateDropsTags) ? [] : checked;
      const identity = lifecycle.create(state, name, type, tags);
      tellArn(call, state, name);
      return { IdentityType: typeOf(identity), VerifiedForSendingStatus: identity.verified, DkimAttributes: dkimOf(identity) };
    },
  });

  const getEmailIdentity = restOperation({
    name: 'GetEmailIdentity',
    method: 'GET',
    uri: '/v1/email/identities/{EmailIdentity}',
    input: shapes.structure({ EmailIdentity: required(shapes.string(), identityLabel) }),
    output: shapes.structure({
      IdentityType: optional(identityTypeShape),
      FeedbackForwardingStatus: optional(shapes.boolean()),
      VerifiedForSendingStatus: optional(shapes.boolean()),
      DkimAttributes: optional(dkimAttributesShape),
      Tags: optional(shapes.list(tagShape)),
    }),
    handle(input, call) {
      const state = stateOf(call);
      if (faults.on(PinpointFault.GetUnknownAs400) && !state.identities.has(input.EmailIdentity)) {
        throw badRequest(`Email identity ${input.EmailIdentity.slice(0, 256)} is not valid.`);
      }
      const stale =
        faults.on(PinpointFault.DeleteKeepsIdentity) && !state.identities.has(input.EmailIdentity)
          ? staleCopies.get(state)?.get(input.EmailIdentity)
          : undefined;
      const identity = stale ?? identityOf(state, input.EmailIdentity);
      tellArn(call, state, identity.name);
      return {
        IdentityType: typeOf(identity),
        // Feedback forwarding is on until someone turns it off, as in SES.
        FeedbackForwardingStatus: true,
        VerifiedForSendingStatus: identity.verified,
        DkimAttributes: dkimOf(identity),
        Tags: identity.tags.map((tag) => ({ ...tag })),
      };
    },
  });

  // Every identity in code-unit order of the name; NextToken names the last identity returned,
  // so pages stay consistent when identities come and go in between.
  const listEmailIdentities = restOperation({
    name: 'ListEmailIdentities',
    method: 'GET',
    uri: '/v1/email/identities',
    input: shapes.structure({
      NextToken: optional(shapes.string(), { in: 'query' }),
      PageSize: optional(shapes.integer({ min: 1, max: MAX_PAGE_SIZE }), { in: 'query' }),
    }),
    output: shapes.structure({
      EmailIdentities: optional(
        shapes.list(
          shapes.structure({ IdentityType: optional(identityTypeShape), IdentityName: optional(shapes.string()), SendingEnabled: optional(shapes.boolean()) }),
        ),
      ),
      NextToken: optional(shapes.string()),
    }),
    handle(input, call) {
      const after = input.NextToken === undefined ? undefined : readPageToken(input.NextToken, badRequest);
      const pageSize = input.PageSize ?? DEFAULT_PAGE_SIZE;
      const state = stateOf(call);
      const names = [...state.identities.keys()].filter((name) => after === undefined || name > after).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (faults.on(PinpointFault.ListDropsLast)) names.pop();
      const page = names.slice(0, pageSize).map((name) => identityOf(state, name));
      const more = names.length > page.length;
      return {
        EmailIdentities: page.map((identity) => ({ IdentityType: typeOf(identity), IdentityName: identity.name, SendingEnabled: identity.verified })),
        NextToken: more ? writePageToken(page[page.length - 1]!.name) : undefined,
      };
    },
  });

  const deleteEmailIdentity = restOperation({
    name: 'DeleteEmailIdentity',
    method: 'DELETE',
    uri: '/v1/email/identities/{EmailIdentity}',
    input: shapes.structure({ EmailIdentity: required(shapes.string(), identityLabel) }),
    output: shapes.structure({}),
    handle(input, call) {
      const state = stateOf(call);
      const identity = identityOf(state, input.EmailIdentity);
      state.identities.delete(input.EmailIdentity);
      if (!staleCopies.has(state)) staleCopies.set(state, new Map());
      staleCopies.get(state)!.set(identity.name, identity);
      return {};
    },
  });

  const tagResource = restOperation({
    name: 'TagResource',
    method: 'POST',
    uri: '/v1/email/tags',
    input: shapes.structure({ ResourceArn: required(shapes.string()), Tags: required(shapes.list(tagShape)) }),
    output: shapes.structure({}),
    handle(input, call) {
      const identity = identityByArn(input.ResourceArn, call);
      identity.tags = mergeTags(identity.tags, checkTags(input.Tags, faults), faults);
      return {};
    },
  });

  const untagResource = restOperation({
    name: 'UntagResource',
    method: 'DELETE',
    uri: '/v1/email/tags',
    input: shapes.structure({ ResourceArn: required(shapes.string(), arnInQuery), TagKeys: required(shapes.list(shapes.string()), { in: 'query' }) }),
    output: shapes.structure({}),
    handle(input, call) {
      const identity = identityByArn(input.ResourceArn, call);
      const remaining = removeTags(identity.tags, input.TagKeys, faults);
      if (!faults.on(PinpointFault.UntagIgnored)) identity.tags = remaining;
      return {};
    },
  });

  const listTagsForResource = restOperation({
    name: 'ListTagsForResource',
    method: 'GET',
    uri: '/v1/email/tags',
    input: shapes.structure({ ResourceArn: required(shapes.string(), arnInQuery) }),
    output: shapes.structure({ Tags: optional(shapes.list(tagShape)) }),
    handle(input, call) {
      return { Tags: identityByArn(input.ResourceArn, call).tags.map((tag) => ({ ...tag })) };
    },
  });

  // One statement per operation: TypeScript budgets type instantiations per statement.
  return [createEmailIdentity, getEmailIdentity, listEmailIdentities, deleteEmailIdentity, tagResource, untagResource, listTagsForResource];
}
