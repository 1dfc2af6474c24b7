// Lightsail's contact-method operations on the awsJson1_1 binding. Each mutating call answers
// with one completed Operation record in the caller's Region.
import { randomUUID } from 'node:crypto';
import { epochSeconds, jsonOperation, type AnyAwsJsonOperation, type JsonCall, type JsonObject } from '../protocols/aws-json.ts';
import { AwsError } from '../errors.ts';
import { missingMember, optional, required, shapes, validationMessage } from '../protocols/input-shapes.ts';
import type { RegionalStore } from '../regional-store.ts';
import type { ServiceContext } from '../service.ts';
import type { ContactMethods } from './contact-methods.ts';
import { LightsailFault } from './faults.ts';
import type { ContactMethod, LightsailRegion } from './store.ts';

const PROTOCOL = shapes.enum(['Email', 'SMS']);
type OperationType = 'CreateContactMethod' | 'DeleteContactMethod' | 'SendContactMethodVerification';

export function createLightsailOperations(
  ctx: ServiceContext,
  store: RegionalStore<LightsailRegion>,
  contactMethods: ContactMethods,
): Record<string, AnyAwsJsonOperation> {
  const stateOf = (call: JsonCall) => store.get(call.scope);

  /** Contact methods are regional resources: Lightsail gives them the Availability Zone "all". */
  const location = (region: string): JsonObject => ({ availabilityZone: 'all', regionName: region });

  const operationRecord = (state: LightsailRegion, resourceName: string, type: OperationType): JsonObject => {
    const now = epochSeconds(ctx.clock.now());
    const region = ctx.faults.on(LightsailFault.OperationWrongRegion) ? otherRegion(state.region) : state.region;
    const operationType = type === 'SendContactMethodVerification' && ctx.faults.on(LightsailFault.OperationWrongType) ? 'CreateContactMethod' : type;
    return {
      id: randomUUID(),
      resourceName,
      resourceType: 'ContactMethod',
      createdAt: now,
      location: location(region),
      isTerminal: true,
      operationType,
      status: ctx.faults.on(LightsailFault.StatusLowercase) ? 'succeeded' : 'Succeeded',
      statusChangedAt: now,
    };
  };

  const describe = (method: ContactMethod, state: LightsailRegion): JsonObject => ({
    contactEndpoint: method.contactEndpoint,
    status: method.status,
    protocol: method.protocol,
    name: method.name,
    arn: method.arn,
    createdAt: epochSeconds(method.createdAt),
    location: location(state.region),
    resourceType: 'ContactMethod',
    supportCode: `${state.account}/${method.id}`,
  });

  return {
    CreateContactMethod: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({ protocol: required(PROTOCOL), contactEndpoint: required(shapes.string({ min: 1, max: 256 })) }),
      handle(input, call) {
        const state = stateOf(call);
        const method = contactMethods.create(state, input.protocol, input.contactEndpoint);
        return { operations: [operationRecord(state, method.name, 'CreateContactMethod')] };
      },
    }),

    GetContactMethods: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({ protocols: optional(shapes.list(PROTOCOL)) }),
      handle(input, call) {
        const state = stateOf(call);
        return { contactMethods: contactMethods.list(state, input.protocols).map((method) => describe(method, state)) };
      },
    }),

    DeleteContactMethod: jsonOperation({
      auth: 'sigv4',
      input: shapes.structure({ protocol: required(PROTOCOL) }),
      handle(input, call) {
        const state = stateOf(call);
        return { operations: contactMethods.delete(state, input.protocol).map((method) => operationRecord(state, method.name, 'DeleteContactMethod')) };
      },
    }),

    SendContactMethodVerification: jsonOperation({
      auth: 'sigv4',
      // The model's ContactMethodVerificationProtocol allows only Email; other values are refused
      // by the handler (not the shape) so that a fault can bend the answer.
      // protocol is required; it is checked here too, so that a fault can let it be omitted.
      input: shapes.structure({ protocol: optional(shapes.string()) }),
      handle(input, call) {
        const state = stateOf(call);
        if (input.protocol === undefined && !ctx.faults.on(LightsailFault.SendProtocolOptional))
          throw new AwsError('InvalidInputException', validationMessage([missingMember('protocol')]), 400);
        const protocol = input.protocol ?? 'Email';
        const method = contactMethods.sendVerification(state, protocol);
        if (ctx.faults.on(LightsailFault.SendEmptyOperations)) return { operations: [] };
        return { operations: [operationRecord(state, method?.name ?? `${protocol}-${state.region}`, 'SendContactMethodVerification')] };
      },
    }),
  };
}

function otherRegion(region: string): string {
  return region === 'us-west-2' ? 'us-east-1' : 'us-west-2';
}
