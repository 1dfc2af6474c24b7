// The AmplifyBackend (2020-08-11) operations the emulator speaks, as restJson1 handlers: HTTP
// bindings and shapes from the API model, behaviour from the backend-auth document. An app is
// known once CreateBackend names it; an unknown app, environment, auth resource or job is a
// 404 NotFoundException carrying its resourceType.
import { AwsError } from '../errors.ts';
import { AwsErrorWithFields, restOperation, type AnyRestJsonOperation, type RestJsonCall } from '../protocols/rest-json.ts';
import { shapes } from '../protocols/input-shapes.ts';
import { optional, required } from '../protocols/rest-json-shapes.ts';
import type { RegionalStore } from '../regional-store.ts';
import type { ServiceContext } from '../service.ts';
import { applyUpdate, checkForgotPassword, checkUserPoolName, checkVerificationMessage, renderConfig } from './auth-config.ts';
import { AmplifyFault } from './faults.ts';
import { jobRunning, jobStatus, jobTimes, settleJobs, startJob } from './jobs.ts';
import { createResourceConfigShape, jobOutputShape, updateResourceConfigShape } from './shapes.ts';
import type { AmplifyApp, AmplifyRegion, BackendEnvironment, BackendJob } from './store.ts';

const text = shapes.string();
const appIdLabel = required(text, { in: 'uri', wire: 'appId' });
const environmentLabel = required(text, { in: 'uri', wire: 'backendEnvironmentName' });
const resourceNameBody = required(text, { wire: 'resourceName' });

type MissingKind = 'app' | 'environment' | 'auth' | 'job';

function badRequest(message: string): AwsError {
  return new AwsError('BadRequestException', message, 400);
}

export function createAmplifyOperations(ctx: ServiceContext, store: RegionalStore<AmplifyRegion>): AnyRestJsonOperation[] {
  const { faults, clock } = ctx;

  const notFound = (kind: MissingKind, name: string): AwsError => {
    const message = `No ${kind} named ${name.slice(0, 256)} was found.`;
    // Before the 500 fault, so that both on at once still show each: the app one, the environment the other.
    if (kind === 'app' && faults.on(AmplifyFault.UnknownAppBadRequest)) return new AwsError('BadRequestException', message, 400);
    if ((kind === 'app' || kind === 'environment') && faults.on(AmplifyFault.UnknownApp500)) return new AwsError('InternalServerError', message, 500);
    if (kind === 'auth' && faults.on(AmplifyFault.AuthNotFound400)) return new AwsErrorWithFields('NotFoundException', message, 400, { resourceType: kind });
    return new AwsErrorWithFields('NotFoundException', message, 404, { resourceType: kind });
  };
  const appOf = (call: RestJsonCall, appId: string): AmplifyApp => {
    const app = store.get(call.scope).apps.get(appId);
    if (app === undefined) throw notFound('app', appId);
    // Every request sees the changes of the jobs completed by now.
    settleJobs(app, clock.now());
    return app;
  };
  const environmentOf = (app: AmplifyApp, name: string): BackendEnvironment => {
    const environment = app.environments.get(name);
    if (environment === undefined) throw notFound('environment', name);
    return environment;
  };
  const authOf = (environment: BackendEnvironment, resourceName: string) => {
    const config = environment.auth.get(resourceName);
    if (config === undefined) throw notFound('auth', resourceName);
    return config;
  };
  /** The answer of an operation that started a job; Status is always IN_PROGRESS at this point. */
  const jobAnswer = (app: AmplifyApp, job: BackendJob) => ({
    AppId: app.appId,
    BackendEnvironmentName: job.environment,
    JobId: faults.on(AmplifyFault.ResponseWithoutJobId) && job.operation !== 'DeleteBackend' && job.operation !== 'DeleteBackendAuth' ? undefined : job.jobId,
    Operation: job.operation,
    Status: jobStatus(job, clock.now()),
  });

  const createBackend = restOperation({
    name: 'CreateBackend',
    method: 'POST',
    uri: '/backend',
    input: shapes.structure({
      AppId: required(text, { wire: 'appId' }),
      AppName: required(text, { wire: 'appName' }),
      BackendEnvironmentName: required(text, { wire: 'backendEnvironmentName' }),
      ResourceConfig: optional(shapes.structure({}), { wire: 'resourceConfig' }),
      ResourceName: optional(text, { wire: 'resourceName' }),
    }),
    output: jobOutputShape,
    handle(input, call) {
      const apps = store.get(call.scope).apps;
      let app = apps.get(input.AppId);
      if (app === undefined) {
        app = { appId: input.AppId, appName: input.AppName, environments: new Map(), jobs: new Map() };
        apps.set(app.appId, app);
      }
      const name = input.BackendEnvironmentName;
      if (app.environments.has(name)) throw badRequest(`Backend environment ${name} already exists for app ${app.appId}.`);
      app.environments.set(name, { name, auth: new Map() });
      return jobAnswer(app, startJob(app, name, 'CreateBackend', clock.now()));
    },
  });

  const createBackendAuth = restOperation({
    name: 'CreateBackendAuth',
    method: 'POST',
    uri: '/backend/{appId}/auth',
    input: shapes.structure({
      AppId: appIdLabel,
      BackendEnvironmentName: required(text, { wire: 'backendEnvironmentName' }),
      ResourceConfig: required(createResourceConfigShape, { wire: 'resourceConfig' }),
      ResourceName: resourceNameBody,
    }),
    output: jobOutputShape,
    handle(input, call) {
      checkUserPoolName(input.ResourceConfig, faults);
      checkVerificationMessage(input.ResourceConfig, faults);
      checkForgotPassword(input.ResourceConfig, faults);
      const app = appOf(call, input.AppId);
      const environment = environmentOf(app, input.BackendEnvironmentName);
      const name = input.ResourceName;
      // One being created counts as there already: its job has not completed yet.
      if (environment.auth.has(name) || jobRunning(app, environment.name, 'CreateBackendAuth', name)) {
        throw badRequest(`Auth resource ${name} already exists in ${environment.name}.`);
      }
      // Stored as given, secrets (client_secret, private_key) included, once the job completes.
      const config = structuredClone(input.ResourceConfig);
      const change = () => {
        if (app.environments.get(environment.name) === environment) environment.auth.set(name, config);
      };
      return jobAnswer(app, startJob(app, environment.name, 'CreateBackendAuth', clock.now(), { resourceName: name, change }));
    },
  });

  const getBackendAuth = restOperation({
    name: 'GetBackendAuth',
    method: 'POST',
    uri: '/backend/{appId}/auth/{backendEnvironmentName}/details',
    input: shapes.structure({ AppId: appIdLabel, BackendEnvironmentName: environmentLabel, ResourceName: resourceNameBody }),
    output: shapes.structure({
      AppId: optional(text, { wire: 'appId' }),
      BackendEnvironmentName: optional(text, { wire: 'backendEnvironmentName' }),
      Error: optional(text, { wire: 'error' }),
      ResourceConfig: optional(createResourceConfigShape, { wire: 'resourceConfig' }),
      ResourceName: optional(text, { wire: 'resourceName' }),
    }),
    handle(input, call) {
      const app = appOf(call, input.AppId);
      const environment = environmentOf(app, input.BackendEnvironmentName);
      const config = authOf(environment, input.ResourceName);
      return { AppId: app.appId, BackendEnvironmentName: environment.name, ResourceConfig: renderConfig(config, faults), ResourceName: input.ResourceName };
    },
  });

  const updateBackendAuth = restOperation({
    name: 'UpdateBackendAuth',
    method: 'POST',
    uri: '/backend/{appId}/auth/{backendEnvironmentName}',
    input: shapes.structure({
      AppId: appIdLabel,
      BackendEnvironmentName: environmentLabel,
      ResourceConfig: required(updateResourceConfigShape, { wire: 'resourceConfig' }),
      ResourceName: resourceNameBody,
    }),
    output: jobOutputShape,
    handle(input, call) {
      checkVerificationMessage(input.ResourceConfig, faults);
      const app = appOf(call, input.AppId);
      const environment = environmentOf(app, input.BackendEnvironmentName);
      const name = input.ResourceName;
      authOf(environment, name);
      const update = structuredClone(input.ResourceConfig);
      // Applied to the configuration as it stands when the job completes (earlier jobs' changes first).
      const change = () => {
        const stored = environment.auth.get(name);
        if (stored !== undefined && app.environments.get(environment.name) === environment) environment.auth.set(name, applyUpdate(stored, update, faults));
      };
      return jobAnswer(app, startJob(app, environment.name, 'UpdateBackendAuth', clock.now(), { resourceName: name, change }));
    },
  });

  const getBackendJob = restOperation({
    name: 'GetBackendJob',
    method: 'GET',
    uri: '/backend/{appId}/job/{backendEnvironmentName}/{jobId}',
    input: shapes.structure({ AppId: appIdLabel, BackendEnvironmentName: environmentLabel, JobId: required(text, { in: 'uri', wire: 'jobId' }) }),
    output: shapes.structure({
      ...jobOutputShape.members,
      CreateTime: optional(text, { wire: 'createTime' }),
      UpdateTime: optional(text, { wire: 'updateTime' }),
    }),
    handle(input, call) {
      const app = appOf(call, input.AppId);
      const job = app.jobs.get(input.JobId);
      // A job is found under the environment it ran in, even after that environment was deleted.
      if (job === undefined || job.environment !== input.BackendEnvironmentName) {
        if (!app.environments.has(input.BackendEnvironmentName) && ![...app.jobs.values()].some((j) => j.environment === input.BackendEnvironmentName)) {
          throw notFound('environment', input.BackendEnvironmentName);
        }
        throw notFound('job', input.JobId);
      }
      const now = clock.now();
      const status = faults.on(AmplifyFault.JobStatusMissing) ? undefined : jobStatus(job, now);
      return { AppId: app.appId, BackendEnvironmentName: job.environment, JobId: job.jobId, Operation: job.operation, Status: status, ...jobTimes(job, now) };
    },
  });

  const deleteBackend = restOperation({
    name: 'DeleteBackend',
    method: 'POST',
    uri: '/backend/{appId}/environments/{backendEnvironmentName}/remove',
    input: shapes.structure({ AppId: appIdLabel, BackendEnvironmentName: environmentLabel }),
    output: jobOutputShape,
    handle(input, call) {
      const app = appOf(call, input.AppId);
      const environment = environmentOf(app, input.BackendEnvironmentName);
      app.environments.delete(environment.name);
      return jobAnswer(app, startJob(app, environment.name, 'DeleteBackend', clock.now()));
    },
  });

  const deleteBackendAuth = restOperation({
    name: 'DeleteBackendAuth',
    method: 'POST',
    uri: '/backend/{appId}/auth/{backendEnvironmentName}/remove',
    input: shapes.structure({ AppId: appIdLabel, BackendEnvironmentName: environmentLabel, ResourceName: resourceNameBody }),
    output: jobOutputShape,
    handle(input, call) {
      const app = appOf(call, input.AppId);
      const environment = environmentOf(app, input.BackendEnvironmentName);
      const name = input.ResourceName;
      authOf(environment, name);
      const change = () => environment.auth.delete(name);
      return jobAnswer(app, startJob(app, environment.name, 'DeleteBackendAuth', clock.now(), { resourceName: name, change }));
    },
  });

  // One statement per operation: TypeScript budgets type instantiations per statement.
  return [createBackend, createBackendAuth, getBackendAuth, updateBackendAuth, getBackendJob, deleteBackend, deleteBackendAuth];
}
