// Each AmplifyBackend fault of the catalog changes the behaviour its description names; where it
// is cheap, the same test first shows the documented behaviour with the fault off.
import {
  CreateBackendAuthCommand,
  GetBackendAuthCommand,
  GetBackendJobCommand,
  UpdateBackendAuthCommand,
  type AmplifyBackendClient,
  type CreateBackendAuthResourceConfig,
} from '@aws-sdk/client-amplifybackend';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { APP, completeJobs, createBackend, ENV, fullAuthConfig, RESOURCE } from './amplifybackend-support.ts';
import { amplifyClient } from './rest-json-clients.ts';
import { altered, expectFaultCatalog, expectSdkError, sdkFailure } from './support.ts';

let emulator: Emulator;
let amplify: AmplifyBackendClient;

beforeEach(async () => {
  emulator = createEmulator();
  amplify = amplifyClient(emulator);
  await createBackend(amplify);
});

/** CreateBackendAuth, its job then completed (its configuration takes effect). */
const createAuth = async (config: CreateBackendAuthResourceConfig = fullAuthConfig()) => {
  const out = await amplify.send(new CreateBackendAuthCommand({ AppId: APP, BackendEnvironmentName: ENV, ResourceName: RESOURCE, ResourceConfig: config }));
  completeJobs(emulator);
  return out;
};
const getAuth = async () =>
  (await amplify.send(new GetBackendAuthCommand({ AppId: APP, BackendEnvironmentName: ENV, ResourceName: RESOURCE }))).ResourceConfig!;
/** An update of the verification message to SMS, its job then completed. */
const smsUpdate = async () => {
  const out = await amplify.send(
    new UpdateBackendAuthCommand({
      AppId: APP,
      BackendEnvironmentName: ENV,
      ResourceName: RESOURCE,
      ResourceConfig: { AuthResources: 'USER_POOL_ONLY', Service: 'COGNITO', UserPoolConfigs: { VerificationMessage: { DeliveryMethod: 'SMS' } } },
    }),
  );
  completeJobs(emulator);
  return out;
};
const enable = (id: string) => emulator.control.faults.enable(id);

describe('AmplifyBackend faults', () => {
  /** What GetBackendAuth answers of a created auth resource, with the fault off and then on. */
  const createdThenWith = async <T>(fault: string, read: (config: Awaited<ReturnType<typeof getAuth>>) => T): Promise<[T, T]> => {
    await createAuth();
    const off = read(await getAuth());
    enable(fault);
    return [off, read(await getAuth())];
  };

  it('lists every fault under the amplifybackend service', () => {
    expectFaultCatalog('amplifybackend');
  });

  it('amplify.drops-verification-message answers without the VerificationMessage', async () => {
    const [off, on] = await createdThenWith('amplify.drops-verification-message', (auth) => auth.UserPoolConfigs!.VerificationMessage);
    expect(off).toBeDefined();
    expect(on).toBeUndefined();
  });

  it("amplify.delivery-method-trailing-space answers DeliveryMethod 'EMAIL '", async () => {
    expect(await createdThenWith('amplify.delivery-method-trailing-space', (auth) => auth.UserPoolConfigs!.VerificationMessage!.DeliveryMethod)).toEqual([
      'EMAIL',
      'EMAIL ',
    ]);
  });

  it('amplify.update-overwrites-immutable lets an update drop UserPoolName, SignInMethod and RequiredSignUpAttributes', async () => {
    await createAuth();
    enable('amplify.update-overwrites-immutable');
    await smsUpdate();
    const userPool = (await getAuth()).UserPoolConfigs!;
    expect(userPool.VerificationMessage!.DeliveryMethod).toBe('SMS');
    expect(userPool.UserPoolName).toBeUndefined();
    expect(userPool.SignInMethod).toBeUndefined();
    expect(userPool.RequiredSignUpAttributes).toBeUndefined();
  });

  it('amplify.accepts-missing-delivery-method accepts a VerificationMessage without DeliveryMethod', async () => {
    const config = altered(fullAuthConfig(), ['UserPoolConfigs', 'VerificationMessage'], { EmailSettings: { EmailSubject: 'x' } });
    await expectSdkError(createAuth(config), 'BadRequestException', 400);
    enable('amplify.accepts-missing-delivery-method');
    await createAuth(config);
    expect((await getAuth()).UserPoolConfigs!.VerificationMessage).toEqual({ EmailSettings: { EmailSubject: 'x' } });
  });

  it('amplify.unknown-app-500 answers 500 for an unknown app or environment', async () => {
    enable('amplify.unknown-app-500');
    for (const [app, env] of [
      ['unknown', ENV],
      [APP, 'staging'],
    ] as const) {
      const error = await sdkFailure(amplify.send(new GetBackendAuthCommand({ AppId: app, BackendEnvironmentName: env, ResourceName: RESOURCE })));
      expect(error?.$metadata.httpStatusCode).toBe(500);
    }
  });

  it('amplify.response-without-jobid answers Create and Update without JobId', async () => {
    enable('amplify.response-without-jobid');
    const created = await createAuth();
    expect(created.Operation).toBe('CreateBackendAuth');
    expect(created.JobId).toBeUndefined();
    expect((await smsUpdate()).JobId).toBeUndefined();
  });

  it('amplify.update-ignored answers success but keeps the old configuration', async () => {
    await createAuth();
    enable('amplify.update-ignored');
    const out = await smsUpdate();
    expect(out.Status).toBe('IN_PROGRESS');
    expect((await amplify.send(new GetBackendJobCommand({ AppId: APP, BackendEnvironmentName: ENV, JobId: out.JobId! }))).Operation).toBe('UpdateBackendAuth');
    expect((await getAuth()).UserPoolConfigs!.VerificationMessage!.DeliveryMethod).toBe('EMAIL');
  });

  it('amplify.job-status-missing reports the job without Status', async () => {
    const created = await createAuth();
    const job = () => amplify.send(new GetBackendJobCommand({ AppId: APP, BackendEnvironmentName: ENV, JobId: created.JobId! }));
    expect((await job()).Status).toBe('COMPLETED');
    enable('amplify.job-status-missing');
    expect((await job()).Status).toBeUndefined();
  });

  it('amplify.get-drops-mfa answers without the Mfa that was set', async () => {
    const [off, on] = await createdThenWith('amplify.get-drops-mfa', (auth) => auth.UserPoolConfigs!.Mfa);
    expect(off).toBeDefined();
    expect(on).toBeUndefined();
  });

  it('amplify.accepts-missing-user-pool-name accepts a Create without UserPoolName', async () => {
    const config = altered(fullAuthConfig(), ['UserPoolConfigs', 'UserPoolName']);
    await expectSdkError(createAuth(config), 'BadRequestException', 400);
    enable('amplify.accepts-missing-user-pool-name');
    await createAuth(config);
    expect((await getAuth()).UserPoolConfigs!.UserPoolName).toBeUndefined();
  });

  it('amplify.refuses-forgot-password refuses the deprecated ForgotPassword', async () => {
    enable('amplify.refuses-forgot-password');
    await expectSdkError(createAuth(), 'BadRequestException', 400);
    const config = fullAuthConfig();
    delete config.UserPoolConfigs!.ForgotPassword;
    await createAuth(config);
  });

  it("amplify.mfa-mode-lowercase answers MFAMode 'optional'", async () => {
    expect(await createdThenWith('amplify.mfa-mode-lowercase', (auth) => auth.UserPoolConfigs!.Mfa!.MFAMode)).toEqual(['OPTIONAL', 'optional']);
  });

  it('amplify.unknown-app-bad-request answers BadRequestException 400 for an unknown app, NotFoundException 404 for an unknown environment', async () => {
    const get = (app: string, env: string) => amplify.send(new GetBackendAuthCommand({ AppId: app, BackendEnvironmentName: env, ResourceName: RESOURCE }));
    await expectSdkError(get('unknown', ENV), 'NotFoundException', 404);
    enable('amplify.unknown-app-bad-request');
    await expectSdkError(get('unknown', ENV), 'BadRequestException', 400);
    await expectSdkError(get(APP, 'staging'), 'NotFoundException', 404);
    // With the 500 fault on too, each still shows: the app answers 400, the environment 500.
    enable('amplify.unknown-app-500');
    await expectSdkError(get('unknown', ENV), 'BadRequestException', 400);
    expect((await sdkFailure(get(APP, 'staging')))?.$metadata.httpStatusCode).toBe(500);
  });

  describe('two faults on the same member, both on, each still show', () => {
    it('update-ignored with update-overwrites-immutable: the update is ignored but the immutables are overwritten', async () => {
      await createAuth();
      enable('amplify.update-ignored');
      enable('amplify.update-overwrites-immutable');
      await smsUpdate();
      const userPool = (await getAuth()).UserPoolConfigs!;
      expect(userPool.VerificationMessage!.DeliveryMethod).toBe('EMAIL');
      expect(userPool.UserPoolName).toBeUndefined();
    });

    it('drops-verification-message with delivery-method-trailing-space: EMAIL answers with the space, SMS is dropped', async () => {
      await createAuth();
      enable('amplify.drops-verification-message');
      enable('amplify.delivery-method-trailing-space');
      expect((await getAuth()).UserPoolConfigs!.VerificationMessage!.DeliveryMethod).toBe('EMAIL ');
      await smsUpdate();
      expect((await getAuth()).UserPoolConfigs!.VerificationMessage).toBeUndefined();
    });

    it('get-drops-mfa with mfa-mode-lowercase: OPTIONAL answers in lower case, ON and OFF are dropped', async () => {
      enable('amplify.get-drops-mfa');
      enable('amplify.mfa-mode-lowercase');
      await createAuth();
      expect((await getAuth()).UserPoolConfigs!.Mfa!.MFAMode).toBe('optional');
      await amplify.send(
        new UpdateBackendAuthCommand({
          AppId: APP,
          BackendEnvironmentName: ENV,
          ResourceName: RESOURCE,
          ResourceConfig: { AuthResources: 'IDENTITY_POOL_AND_USER_POOL', Service: 'COGNITO', UserPoolConfigs: { Mfa: { MFAMode: 'ON' } } },
        }),
      );
      completeJobs(emulator);
      expect((await getAuth()).UserPoolConfigs!.Mfa).toBeUndefined();
    });
  });

  it('amplify.auth-not-found-400 answers NotFoundException 400 for an unknown auth resource', async () => {
    await expectSdkError(
      amplify.send(new GetBackendAuthCommand({ AppId: APP, BackendEnvironmentName: ENV, ResourceName: RESOURCE })),
      'NotFoundException',
      404,
    );
    enable('amplify.auth-not-found-400');
    await expectSdkError(
      amplify.send(new GetBackendAuthCommand({ AppId: APP, BackendEnvironmentName: ENV, ResourceName: RESOURCE })),
      'NotFoundException',
      400,
    );
  });
});
