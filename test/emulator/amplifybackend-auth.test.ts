// AmplifyBackend through the real SDK client: backends and their jobs, auth changes that take
// effect when their job completes, the backend-auth round trip (the whole ResourceConfig, secrets
// included), updates that replace the sub-configurations they carry and preserve what cannot
// change, required members and enums at every depth, and NotFoundException for what does not exist.
import {
  CreateBackendAuthCommand,
  CreateBackendCommand,
  DeleteBackendAuthCommand,
  DeleteBackendCommand,
  GetBackendAuthCommand,
  GetBackendJobCommand,
  UpdateBackendAuthCommand,
  type AmplifyBackendClient,
  type CreateBackendAuthResourceConfig,
  type UpdateBackendAuthResourceConfig,
} from '@aws-sdk/client-amplifybackend';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { APP, completeJobs, createBackend, ENV, fullAuthConfig, RESOURCE } from './amplifybackend-support.ts';
import { amplifyClient, rawCall, signedRequest } from './rest-json-clients.ts';
import { altered, expectSdkError, jsonAt } from './support.ts';

let emulator: Emulator;
let amplify: AmplifyBackendClient;

beforeEach(async () => {
  emulator = createEmulator();
  amplify = amplifyClient(emulator);
  await createBackend(amplify);
});

/** CreateBackendAuth, its job then completed (the clock moved past it). */
const createAuth = async (config: CreateBackendAuthResourceConfig = fullAuthConfig(), appId = APP, environment = ENV) => {
  const out = await amplify.send(
    new CreateBackendAuthCommand({ AppId: appId, BackendEnvironmentName: environment, ResourceName: RESOURCE, ResourceConfig: config }),
  );
  completeJobs(emulator);
  return out;
};
const getAuth = async (appId = APP, environment = ENV, resourceName = RESOURCE) =>
  (await amplify.send(new GetBackendAuthCommand({ AppId: appId, BackendEnvironmentName: environment, ResourceName: resourceName }))).ResourceConfig;
/** UpdateBackendAuth, its job then completed. */
const update = async (ResourceConfig: UpdateBackendAuthResourceConfig) => {
  const out = await amplify.send(new UpdateBackendAuthCommand({ AppId: APP, BackendEnvironmentName: ENV, ResourceName: RESOURCE, ResourceConfig }));
  completeJobs(emulator);
  return out;
};
/** The least an update carries; the tests below take members away or put invalid ones in. */
const smallestUpdate = (): UpdateBackendAuthResourceConfig => ({ AuthResources: 'USER_POOL_ONLY', Service: 'COGNITO', UserPoolConfigs: {} });

describe('AmplifyBackend: backends and jobs', () => {
  it('CreateBackend answers a job that is IN_PROGRESS, then COMPLETED 10 s later', async () => {
    const out = await amplify.send(new CreateBackendCommand({ AppId: APP, AppName: 'My app', BackendEnvironmentName: 'prod' }));
    expect(out).toMatchObject({ AppId: APP, BackendEnvironmentName: 'prod', Operation: 'CreateBackend', Status: 'IN_PROGRESS' });
    expect(out.JobId).toMatch(/^[0-9a-f-]{36}$/);
    const job = () => amplify.send(new GetBackendJobCommand({ AppId: APP, BackendEnvironmentName: 'prod', JobId: out.JobId! }));
    const running = await job();
    expect(running).toMatchObject({ JobId: out.JobId, Operation: 'CreateBackend', Status: 'IN_PROGRESS' });
    expect(running.UpdateTime).toBe(running.CreateTime);
    emulator.control.clock.advance(10_000);
    const done = await job();
    expect(done).toMatchObject({ Status: 'COMPLETED', CreateTime: running.CreateTime });
    expect(Date.parse(done.UpdateTime!) - Date.parse(done.CreateTime!)).toBe(10_000);
  });

  it('refuses a second CreateBackend for the same environment, and unknown jobs are NotFoundException', async () => {
    await expectSdkError(createBackend(amplify), 'BadRequestException', 400);
    const error = await expectSdkError(
      amplify.send(new GetBackendJobCommand({ AppId: APP, BackendEnvironmentName: ENV, JobId: 'nope' })),
      'NotFoundException',
      404,
    );
    expect(error).toHaveProperty('ResourceType', 'job');
  });

  it('DeleteBackend removes the environment; its job can still be read', async () => {
    await createAuth();
    const deleted = await amplify.send(new DeleteBackendCommand({ AppId: APP, BackendEnvironmentName: ENV }));
    expect(deleted).toMatchObject({ Operation: 'DeleteBackend', Status: 'IN_PROGRESS' });
    await expectSdkError(getAuth(), 'NotFoundException', 404);
    expect((await amplify.send(new GetBackendJobCommand({ AppId: APP, BackendEnvironmentName: ENV, JobId: deleted.JobId! }))).Operation).toBe('DeleteBackend');
  });
});

describe('AmplifyBackend: an auth change takes effect when its job completes', () => {
  const send = {
    create: () =>
      amplify.send(new CreateBackendAuthCommand({ AppId: APP, BackendEnvironmentName: ENV, ResourceName: RESOURCE, ResourceConfig: fullAuthConfig() })),
    update: () =>
      amplify.send(
        new UpdateBackendAuthCommand({
          AppId: APP,
          BackendEnvironmentName: ENV,
          ResourceName: RESOURCE,
          ResourceConfig: { AuthResources: 'USER_POOL_ONLY', Service: 'COGNITO', UserPoolConfigs: { Mfa: { MFAMode: 'ON' } } },
        }),
      ),
    remove: () => amplify.send(new DeleteBackendAuthCommand({ AppId: APP, BackendEnvironmentName: ENV, ResourceName: RESOURCE })),
  };
  const job = (jobId: string) => amplify.send(new GetBackendJobCommand({ AppId: APP, BackendEnvironmentName: ENV, JobId: jobId }));

  it('CreateBackendAuth: unknown while its job is IN_PROGRESS, and a second create of the name refused; there once COMPLETED', async () => {
    const created = await send.create();
    expect((await job(created.JobId!)).Status).toBe('IN_PROGRESS');
    await expectSdkError(getAuth(), 'NotFoundException', 404);
    await expectSdkError(send.create(), 'BadRequestException', 400);
    emulator.control.clock.advance(5_000);
    await expectSdkError(getAuth(), 'NotFoundException', 404);
    completeJobs(emulator);
    expect((await job(created.JobId!)).Status).toBe('COMPLETED');
    expect(await getAuth()).toEqual(fullAuthConfig());
  });

  it('UpdateBackendAuth and DeleteBackendAuth: the configuration as it stood until their job completes', async () => {
    await createAuth();
    const updated = await send.update();
    expect((await getAuth())!.UserPoolConfigs!.Mfa!.MFAMode).toBe('OPTIONAL');
    completeJobs(emulator);
    expect((await job(updated.JobId!)).Status).toBe('COMPLETED');
    expect((await getAuth())!.UserPoolConfigs!.Mfa).toEqual({ MFAMode: 'ON' });
    await send.remove();
    expect((await getAuth())!.UserPoolConfigs!.Mfa).toEqual({ MFAMode: 'ON' });
    completeJobs(emulator);
    await expectSdkError(getAuth(), 'NotFoundException', 404);
  });

  it('jobs complete in the order they started: an update sent while another runs applies on top of it', async () => {
    await createAuth();
    await send.update();
    emulator.control.clock.advance(5_000);
    await amplify.send(
      new UpdateBackendAuthCommand({
        AppId: APP,
        BackendEnvironmentName: ENV,
        ResourceName: RESOURCE,
        ResourceConfig: { AuthResources: 'USER_POOL_ONLY', Service: 'COGNITO', UserPoolConfigs: { PasswordPolicy: { MinimumLength: 6 } } },
      }),
    );
    emulator.control.clock.advance(5_000);
    expect((await getAuth())!.UserPoolConfigs).toMatchObject({
      Mfa: { MFAMode: 'ON' },
      PasswordPolicy: { AdditionalConstraints: ['REQUIRE_DIGIT', 'REQUIRE_SYMBOL'], MinimumLength: 10 },
    });
    emulator.control.clock.advance(5_000);
    expect((await getAuth())!.UserPoolConfigs).toMatchObject({ Mfa: { MFAMode: 'ON' }, PasswordPolicy: { MinimumLength: 6 } });
  });
});

describe('AmplifyBackend: backend auth', () => {
  it('CreateBackendAuth answers its job, and GetBackendAuth answers the whole configuration as created', async () => {
    const out = await createAuth();
    expect(out).toMatchObject({ AppId: APP, BackendEnvironmentName: ENV, Operation: 'CreateBackendAuth', Status: 'IN_PROGRESS' });
    expect(out.JobId).toBeTruthy();
    const got = await amplify.send(new GetBackendAuthCommand({ AppId: APP, BackendEnvironmentName: ENV, ResourceName: RESOURCE }));
    expect(got).toMatchObject({ AppId: APP, BackendEnvironmentName: ENV, ResourceName: RESOURCE });
    expect(got.ResourceConfig).toEqual(fullAuthConfig());
  });

  it('sends camelCase wire names and stores secrets as given', async () => {
    await createAuth();
    const raw = await rawCall(
      emulator,
      signedRequest('POST', `/backend/${APP}/auth/${ENV}/details`, JSON.stringify({ resourceName: RESOURCE }), { service: 'amplifybackend' }),
    );
    expect(raw.status).toBe(200);
    expect(jsonAt(raw.body, 'resourceConfig', 'userPoolConfigs', 'verificationMessage')).toEqual({
      deliveryMethod: 'EMAIL',
      emailSettings: { emailMessage: 'Verify with {####}', emailSubject: 'Verify' },
      smsSettings: { smsMessage: 'Code {####}' },
    });
    expect(jsonAt(raw.body, 'resourceConfig', 'userPoolConfigs', 'oAuth', 'socialProviderSettings', 'SignInWithApple')).toMatchObject({
      client_id: 'apple-id',
      private_key: expect.stringContaining('PRIVATE KEY'),
    });
  });

  it('UpdateBackendAuth replaces the sub-configurations it carries, keeps those it omits and what cannot change', async () => {
    await createAuth();
    const out = await update({
      AuthResources: 'USER_POOL_ONLY',
      Service: 'COGNITO',
      IdentityPoolConfigs: { UnauthenticatedLogin: true },
      UserPoolConfigs: { VerificationMessage: { DeliveryMethod: 'SMS', SmsSettings: { SmsMessage: 'New {####}' } }, Mfa: { MFAMode: 'ON' } },
    });
    expect(out).toMatchObject({ Operation: 'UpdateBackendAuth', Status: 'IN_PROGRESS' });
    const expected = fullAuthConfig();
    expected.AuthResources = 'USER_POOL_ONLY';
    expected.IdentityPoolConfigs = { IdentityPoolName: 'idpool', UnauthenticatedLogin: true };
    expected.UserPoolConfigs!.VerificationMessage = { DeliveryMethod: 'SMS', SmsSettings: { SmsMessage: 'New {####}' } };
    expected.UserPoolConfigs!.Mfa = { MFAMode: 'ON' };
    expect(await getAuth()).toEqual(expected);
  });

  it('ignores UserPoolName, SignInMethod and RequiredSignUpAttributes in an update (they are not in its shape)', async () => {
    await createAuth();
    const body = {
      resourceName: RESOURCE,
      resourceConfig: {
        authResources: 'USER_POOL_ONLY',
        service: 'COGNITO',
        userPoolConfigs: { userPoolName: 'other', signInMethod: 'USERNAME', requiredSignUpAttributes: ['NAME'] },
      },
    };
    const raw = await rawCall(emulator, signedRequest('POST', `/backend/${APP}/auth/${ENV}`, JSON.stringify(body), { service: 'amplifybackend' }));
    expect(raw.status).toBe(200);
    completeJobs(emulator);
    expect((await getAuth())!.UserPoolConfigs).toMatchObject({
      UserPoolName: 'mypool',
      SignInMethod: 'EMAIL_AND_PHONE_NUMBER',
      RequiredSignUpAttributes: ['EMAIL', 'PHONE_NUMBER'],
    });
  });

  it('DeleteBackendAuth removes the resource; a second create of the same name is refused while it exists', async () => {
    await createAuth();
    await expectSdkError(createAuth(), 'BadRequestException', 400);
    const out = await amplify.send(new DeleteBackendAuthCommand({ AppId: APP, BackendEnvironmentName: ENV, ResourceName: RESOURCE }));
    expect(out.Operation).toBe('DeleteBackendAuth');
    completeJobs(emulator);
    await expectSdkError(getAuth(), 'NotFoundException', 404);
    await createAuth();
  });
});

describe('AmplifyBackend: input validation', () => {
  /** The full configuration with the member at `path` deleted, or replaced by `value`. */
  const alteredConfig = (path: [string, ...string[]], ...value: [] | [unknown]): CreateBackendAuthResourceConfig => altered(fullAuthConfig(), path, ...value);

  it('refuses a missing required member at every depth with 400 BadRequestException naming it', async () => {
    const cases: Array<[string, CreateBackendAuthResourceConfig]> = [
      ['resourceConfig.authResources', alteredConfig(['AuthResources'])],
      ['resourceConfig.service', alteredConfig(['Service'])],
      ['resourceConfig.userPoolConfigs', alteredConfig(['UserPoolConfigs'])],
      ['resourceConfig.identityPoolConfigs.identityPoolName', alteredConfig(['IdentityPoolConfigs', 'IdentityPoolName'])],
      ['resourceConfig.userPoolConfigs.userPoolName', alteredConfig(['UserPoolConfigs', 'UserPoolName'])],
      ['resourceConfig.userPoolConfigs.signInMethod', alteredConfig(['UserPoolConfigs', 'SignInMethod'])],
      ['resourceConfig.userPoolConfigs.requiredSignUpAttributes', alteredConfig(['UserPoolConfigs', 'RequiredSignUpAttributes'])],
      ['resourceConfig.userPoolConfigs.forgotPassword.deliveryMethod', alteredConfig(['UserPoolConfigs', 'ForgotPassword', 'DeliveryMethod'])],
      ['resourceConfig.userPoolConfigs.mfa.MFAMode', alteredConfig(['UserPoolConfigs', 'Mfa', 'MFAMode'])],
      ['resourceConfig.userPoolConfigs.oAuth.redirectSignInURIs', alteredConfig(['UserPoolConfigs', 'OAuth', 'RedirectSignInURIs'])],
      ['resourceConfig.userPoolConfigs.passwordPolicy.minimumLength', alteredConfig(['UserPoolConfigs', 'PasswordPolicy', 'MinimumLength'])],
      ['resourceConfig.userPoolConfigs.verificationMessage.deliveryMethod', alteredConfig(['UserPoolConfigs', 'VerificationMessage', 'DeliveryMethod'])],
    ];
    for (const [path, config] of cases) {
      const error = await expectSdkError(createAuth(config), 'BadRequestException', 400);
      expect(error.message, path).toContain(`'${path}'`);
    }
    await expectSdkError(update(altered(smallestUpdate(), ['UserPoolConfigs', 'VerificationMessage'], {})), 'BadRequestException', 400);
    await expectSdkError(update(altered(smallestUpdate(), ['UserPoolConfigs'])), 'BadRequestException', 400);
  });

  it('refuses values outside every enum', async () => {
    const cases = [
      alteredConfig(['AuthResources'], 'BOTH'),
      alteredConfig(['Service'], 'cognito'),
      alteredConfig(['UserPoolConfigs', 'SignInMethod'], 'PASSKEY'),
      alteredConfig(['UserPoolConfigs', 'RequiredSignUpAttributes'], ['EMAIL', 'SHOE_SIZE']),
      alteredConfig(['UserPoolConfigs', 'VerificationMessage', 'DeliveryMethod'], 'EMAIL '),
      alteredConfig(['UserPoolConfigs', 'ForgotPassword', 'DeliveryMethod'], 'PIGEON'),
      alteredConfig(['UserPoolConfigs', 'Mfa', 'Settings', 'MfaTypes'], ['EMAIL']),
      alteredConfig(['UserPoolConfigs', 'OAuth', 'OAuthScopes'], ['ALL']),
      alteredConfig(['UserPoolConfigs', 'OAuth', 'OAuthGrantType'], 'PASSWORD'),
      alteredConfig(['UserPoolConfigs', 'PasswordPolicy', 'AdditionalConstraints'], ['REQUIRE_EMOJI']),
    ];
    for (const config of cases) await expectSdkError(createAuth(config), 'BadRequestException', 400);
    await expectSdkError(update(altered(smallestUpdate(), ['UserPoolConfigs', 'Mfa'], { MFAMode: 'SOMETIMES' })), 'BadRequestException', 400);
  });

  it('refuses wrong JSON types in raw bodies', async () => {
    const config = {
      authResources: 'USER_POOL_ONLY',
      service: 'COGNITO',
      userPoolConfigs: { requiredSignUpAttributes: ['EMAIL'], signInMethod: 'EMAIL', userPoolName: 'p', passwordPolicy: { minimumLength: '8' } },
    };
    const raw = await rawCall(
      emulator,
      signedRequest('POST', `/backend/${APP}/auth`, JSON.stringify({ backendEnvironmentName: ENV, resourceName: 'r', resourceConfig: config }), {
        service: 'amplifybackend',
      }),
    );
    expect(raw).toMatchObject({ status: 400, code: 'BadRequestException' });
    expect(raw.body.message).toContain("'resourceConfig.userPoolConfigs.passwordPolicy.minimumLength'");
  });
});

describe('AmplifyBackend: NotFoundException', () => {
  it('answers 404 with the resourceType for an unknown app, environment or auth resource', async () => {
    await createAuth();
    const cases: Array<[Promise<unknown>, string]> = [
      [getAuth('unknown-app'), 'app'],
      [getAuth(APP, 'staging'), 'environment'],
      [getAuth(APP, ENV, 'other'), 'auth'],
      [createAuth(fullAuthConfig(), 'unknown-app'), 'app'],
      [createAuth(fullAuthConfig(), APP, 'staging'), 'environment'],
      [amplify.send(new GetBackendJobCommand({ AppId: APP, BackendEnvironmentName: 'staging', JobId: 'x' })), 'environment'],
      [amplify.send(new DeleteBackendCommand({ AppId: 'unknown-app', BackendEnvironmentName: ENV })), 'app'],
    ];
    for (const [call, resourceType] of cases) {
      const error = await expectSdkError(call, 'NotFoundException', 404);
      expect(error).toHaveProperty('ResourceType', resourceType);
    }
  });
});
