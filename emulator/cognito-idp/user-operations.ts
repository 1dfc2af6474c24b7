// What a signed-in user does with an access token, no IAM credentials needed: GetUser,
// GetUserAttributeVerificationCode, VerifyUserAttribute, UpdateUserAttributes, GlobalSignOut.
import { jsonOperation, missingAuthenticationError, type AnyAwsJsonOperation, type JsonObject } from '../protocols/aws-json.ts';
import { optional, required, shapes, validationMessage } from '../protocols/input-shapes.ts';
import type { ServiceContext } from '../service.ts';
import type { AccessTokens } from './access-tokens.ts';
import { checkAttributes, isVerifiable, userAttributeList, verifiedFlag } from './attributes.ts';
import { CognitoFault } from './faults.ts';
import { invalidParameter, notAuthorized } from './errors.ts';
import { ACCESS_TOKEN, ATTRIBUTE_LIST, ATTRIBUTE_NAME, ATTRIBUTE_NAME_MAX, ATTRIBUTE_NAME_UNBOUNDED, CLIENT_METADATA } from './shapes.ts';
import type { User } from './store.ts';
import type { CodeDeliveryDetails, VerificationCodes } from './verification-codes.ts';

export function createUserOperations(ctx: ServiceContext, tokens: AccessTokens, codes: VerificationCodes): Record<string, AnyAwsJsonOperation> {
  const { faults } = ctx;

  /** Writes attributes; a changed email or phone_number is no longer verified and gets a new code. */
  const updateAttributes = (user: User, attributes: ReadonlyArray<{ Name: string; Value?: string }>) => {
    const changed: string[] = [];
    for (const { Name: name, Value: value } of attributes) {
      const before = user.attributes.get(name);
      if (value === undefined || value === '') user.attributes.delete(name);
      else user.attributes.set(name, value);
      if (!isVerifiable(name) || before === user.attributes.get(name)) continue;
      user.codes.delete(name);
      if (!user.attributes.has(name)) user.attributes.delete(verifiedFlag(name));
      else {
        if (!faults.on(CognitoFault.UpdateKeepsVerified) || !user.attributes.has(verifiedFlag(name))) user.attributes.set(verifiedFlag(name), 'false');
        changed.push(name);
      }
    }
    user.modifiedAt = ctx.clock.now();
    return changed;
  };

  return {
    GetUser: jsonOperation({
      auth: 'none',
      input: shapes.structure({ AccessToken: required(ACCESS_TOKEN) }),
      handle(input) {
        const { user } = tokens.authorize(input.AccessToken);
        return { Username: user.username, UserAttributes: userAttributeList(user.attributes) };
      },
    }),

    GetUserAttributeVerificationCode: jsonOperation({
      auth: 'none',
      // AttributeName's maximum length is checked by the handler, so that a fault can skip it.
      input: shapes.structure({
        AccessToken: required(ACCESS_TOKEN),
        AttributeName: required(ATTRIBUTE_NAME_UNBOUNDED),
        ClientMetadata: optional(CLIENT_METADATA),
      }),
      handle(input, call) {
        const overLong = [...input.AttributeName].length > ATTRIBUTE_NAME_MAX;
        if (overLong && !faults.on(CognitoFault.AttributeNameUnbounded)) {
          throw invalidParameter(
            validationMessage([`Value at 'attributeName' failed to satisfy constraint: Member must have length less than or equal to ${ATTRIBUTE_NAME_MAX}`]),
          );
        }
        if (!call.signed && faults.on(CognitoFault.CodeRequiresSigv4)) throw missingAuthenticationError();
        if (!call.signed && faults.on(CognitoFault.UnsignedNotAuthorized)) throw notAuthorized('The request must be signed with IAM credentials.');
        const { pool, user } = tokens.authorize(input.AccessToken);
        const details = codes.send(pool, user, input.AttributeName, { overLong });
        if (faults.on(CognitoFault.NoDeliveryDetails)) return {};
        const answer: JsonObject = { CodeDeliveryDetails: { ...details } };
        // ClientMetadata only reaches Lambda triggers (there are none here): never stored or returned.
        if (faults.on(CognitoFault.EchoesClientMetadata) && input.ClientMetadata !== undefined) answer.ClientMetadata = { ...input.ClientMetadata };
        return answer;
      },
    }),

    VerifyUserAttribute: jsonOperation({
      auth: 'none',
      input: shapes.structure({
        AccessToken: required(ACCESS_TOKEN),
        AttributeName: required(ATTRIBUTE_NAME),
        Code: required(shapes.string({ min: 1, max: 2048, pattern: /^\S+$/ })),
      }),
      handle(input) {
        const { user } = tokens.authorize(input.AccessToken);
        codes.verify(user, input.AttributeName, input.Code);
        return {};
      },
    }),

    UpdateUserAttributes: jsonOperation({
      auth: 'none',
      input: shapes.structure({ UserAttributes: required(ATTRIBUTE_LIST), AccessToken: required(ACCESS_TOKEN), ClientMetadata: optional(CLIENT_METADATA) }),
      handle(input) {
        const { pool, user } = tokens.authorize(input.AccessToken);
        checkAttributes(input.UserAttributes, { selfService: true });
        const deliveries: CodeDeliveryDetails[] = updateAttributes(user, input.UserAttributes).map((name) => codes.send(pool, user, name));
        return { CodeDeliveryDetailsList: deliveries.map((details) => ({ ...details })) };
      },
    }),

    GlobalSignOut: jsonOperation({
      auth: 'none',
      input: shapes.structure({ AccessToken: required(ACCESS_TOKEN) }),
      handle(input) {
        const { pool, user } = tokens.authorize(input.AccessToken);
        tokens.revokeAll(pool, user);
        return {};
      },
    }),
  };
}
