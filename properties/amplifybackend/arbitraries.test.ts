// The AmplifyBackend generators against the documents: every request a property sends as valid
// parses with the CreateBackendAuth / UpdateBackendAuth request syntax (models/amplifybackend/shapes.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CreateBackendAuthRequest,
  UpdateBackendAuthRequest,
  type CreateResourceConfig,
  type UpdateResourceConfig,
} from '../../models/amplifybackend/shapes.ts';
import { expectDocumented, samples } from '../shared/request-samples.ts';
import {
  changedMessage,
  createConfig,
  emailMessage,
  focus,
  messageConfig,
  MINIMUM_LENGTH,
  minimumLength,
  missingMember,
  updateConfig,
  type UpdateWithoutResources,
} from './arbitraries.ts';
import { createAuthCommand } from './commands/create-auth.ts';
import { updateAuthCommand } from './commands/update-auth.ts';
import { CREATE_EXAMPLES, UPDATE_EXAMPLES } from './examples.ts';
import { RESOURCE_NAME, verificationOf } from './steps.ts';

const names = { AppId: 'd1avcconformance', BackendEnvironmentName: 'avcenv', ResourceName: RESOURCE_NAME };
const createRequest = (ResourceConfig: CreateResourceConfig) => ({ ...names, ResourceConfig });
const updateRequest = (ResourceConfig: UpdateResourceConfig) => ({ ...names, ResourceConfig });

/** An update as the updates property sends it: the resource's AuthResources, the verification message always changed. */
const sentUpdate = (config: CreateResourceConfig, update: UpdateWithoutResources, message: Parameters<typeof changedMessage>[1]): UpdateResourceConfig => ({
  AuthResources: config.AuthResources,
  ...update,
  UserPoolConfigs: { ...update.UserPoolConfigs, VerificationMessage: changedMessage(verificationOf(config), message) },
});

describe('the AmplifyBackend generators make requests the documents call valid', () => {
  it('CreateBackendAuth: every ResourceConfig createConfig makes, and the examples', () => {
    for (const arbitrary of [createConfig(false), createConfig(true), createConfig(false, true)]) {
      expectDocumented(CreateBackendAuthRequest, samples(arbitrary).map(createRequest));
    }
    expectDocumented(CreateBackendAuthRequest, CREATE_EXAMPLES.map(createRequest));
    expectDocumented(
      CreateBackendAuthRequest,
      samples(createAuthCommand.arbitrary).map((command) => createRequest(command.config)),
    );
  });

  it('CreateBackendAuth: the complete request of every required-member case', () => {
    const cases = samples(fc.record({ missing: missingMember, config: createConfig(true) }));
    expectDocumented(
      CreateBackendAuthRequest,
      cases.map(({ missing, config }) => createRequest(focus(config, missing.path))),
    );
  });

  it('UpdateBackendAuth: every update the properties and the lifecycle commands send, and the examples', () => {
    const updates = samples(fc.record({ config: createConfig(false, true), update: updateConfig, message: messageConfig }));
    expectDocumented(
      UpdateBackendAuthRequest,
      updates.map(({ config, update, message }) => updateRequest(sentUpdate(config, update, message))),
    );
    // The message each sender falls back on when the update names none (the updates property's examples, UpdateAuth).
    const examples = UPDATE_EXAMPLES.map(({ config, update }) => sentUpdate(config, update, update.UserPoolConfigs.VerificationMessage ?? emailMessage('New')));
    expectDocumented(UpdateBackendAuthRequest, examples.map(updateRequest));
    const commands = samples(fc.tuple(createConfig(false, true), updateAuthCommand.arbitrary));
    const sent = commands.map(([config, { update }]) => sentUpdate(config, update, update.UserPoolConfigs.VerificationMessage ?? { DeliveryMethod: 'EMAIL' }));
    expectDocumented(UpdateBackendAuthRequest, sent.map(updateRequest));
  });
});

describe('MinimumLength: only values both the API model (a double) and Cognito (an integer, 6..99) allow', () => {
  it('every MinimumLength generated or sent as an example is a whole number from 6 to 99, both ends included', () => {
    const sent = [
      ...samples(minimumLength),
      ...samples(fc.oneof(createConfig(true), createConfig(false))).map((c) => c.UserPoolConfigs.PasswordPolicy?.MinimumLength),
      ...samples(updateConfig).map((u) => u.UserPoolConfigs.PasswordPolicy?.MinimumLength),
      ...CREATE_EXAMPLES.map((c) => c.UserPoolConfigs.PasswordPolicy?.MinimumLength),
      ...UPDATE_EXAMPLES.map((e) => e.update.UserPoolConfigs.PasswordPolicy?.MinimumLength),
    ].filter((n) => n !== undefined);
    expect(sent.filter((n) => !Number.isInteger(n) || n < MINIMUM_LENGTH.min || n > MINIMUM_LENGTH.max)).toEqual([]);
    const examples = CREATE_EXAMPLES.map((c) => c.UserPoolConfigs.PasswordPolicy?.MinimumLength);
    expect(examples).toEqual(expect.arrayContaining([MINIMUM_LENGTH.min, MINIMUM_LENGTH.max]));
  });
});
