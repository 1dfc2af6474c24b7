// The AmplifyBackend auth properties: stateless ones per documented fact (a documented config
// round-trips, required members at any depth, unknown app or environment, what an update changes
// and preserves), and the model-based one over create / get / update / job status with
// round-trip equality as the invariant. Every AMPLIFY rule in spec/ is covered by one of them.
import fc from 'fast-check';
import { authCreated, authUpdated, emptyAmplifyModel, jobStarted, type AmplifyModel } from '../../models/amplifybackend/model.ts';
import { isVerificationDeliveryPath, type UpdateResourceConfig } from '../../models/amplifybackend/shapes.ts';
import type { RuleId } from '../../spec/index.ts';
import { modelProperty } from '../shared/model-run.ts';
import { defineProperty, type ConformanceProperty } from '../shared/property.ts';
import { createConfig, messageConfig, missingMember, updateConfig, without } from './arbitraries.ts';
import { createAuthCommand, getAuthCommand, getJobCommand, setEnvironment, updateAuthCommand } from './commands.ts';
import {
  appId, checkGetAuth, checkJob, checkJobResponse, createAuth, expectBadRequest, expectDocumentedSuccess, expectNotFound, getAuth, getJob, RESOURCE_NAME,
  setUpBackend, UNKNOWN_APP_ID, unavailableOn, updateAuth,
} from './steps.ts';

const ROUND_TRIP_RULES = [
  'AMPLIFY.GET.ROUND_TRIP', 'AMPLIFY.VERIFICATION.ROUND_TRIP', 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_ENUM', 'AMPLIFY.ENUMS', 'AMPLIFY.ERRORS.DOCUMENTED',
  'AMPLIFY.JOB.RESPONSE_FIELDS',
] as const satisfies readonly RuleId[];

const createAndGet = defineProperty({
  name: 'CreateBackendAuth accepts the documented ResourceConfig and GetBackendAuth returns it',
  service: 'amplifybackend',
  rules: ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', 'AMPLIFY.JOB.STATUS', ...ROUND_TRIP_RULES],
  unavailable: unavailableOn,
  runsFactor: 0.6,
  arbitrary: () => fc.record({ config: fc.oneof(createConfig(false), createConfig(true)), job: fc.boolean() }),
  async run(ctx, { config, job }) {
    const { env } = await setUpBackend(ctx, ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG']);
    const result = await createAuth(ctx, env, config, ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG']);
    const output = expectDocumentedSuccess(ctx, 'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', 'CreateBackendAuth', result, 'a documented ResourceConfig is accepted');
    const started = checkJobResponse(ctx, 'CreateBackendAuth', appId(), env, output);
    if (job) await checkJob(ctx, env, started.JobId, 'CreateBackendAuth');
    await checkGetAuth(ctx, env, authCreated(emptyAmplifyModel(), config).auth!);
  },
});

const requiredMembers = defineProperty({
  name: 'A request missing a required member at any depth is rejected with BadRequestException',
  service: 'amplifybackend',
  rules: ['AMPLIFY.REQUIRED.MEMBERS', 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_REQUIRED', 'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', 'AMPLIFY.JOB.RESPONSE_FIELDS', 'AMPLIFY.ERRORS.DOCUMENTED'],
  unavailable: unavailableOn,
  runsFactor: 0.8,
  arbitrary: () => fc.record({ missing: missingMember, config: createConfig(true), update: updateConfig, message: messageConfig }),
  async run(ctx, { missing, config, update, message }) {
    const { env } = await setUpBackend(ctx, ['AMPLIFY.REQUIRED.MEMBERS']);
    const rule: RuleId = isVerificationDeliveryPath(missing.path) ? 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_REQUIRED' : 'AMPLIFY.REQUIRED.MEMBERS';
    const what = `a request without ${missing.path.join('.')}`;
    if (missing.operation === 'create') {
      const request = without({ BackendEnvironmentName: env, ResourceName: RESOURCE_NAME, ResourceConfig: config }, missing.path);
      const result = await createAuth(ctx, request.BackendEnvironmentName as string, request.ResourceConfig, [rule], appId(), request.ResourceName ?? null);
      return expectBadRequest(ctx, rule, 'CreateBackendAuth', result, `${what} is rejected`);
    }
    // An update needs something to update: the resource is created first.
    const created = await createAuth(ctx, env, config, ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG']);
    checkJobResponse(ctx, 'CreateBackendAuth', appId(), env, expectDocumentedSuccess(ctx, 'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', 'CreateBackendAuth', created, 'a documented ResourceConfig is accepted'));
    const full: UpdateResourceConfig = { AuthResources: config.AuthResources, ...update, UserPoolConfigs: { ...update.UserPoolConfigs, VerificationMessage: message } };
    const request = without({ ResourceName: RESOURCE_NAME, ResourceConfig: full }, missing.path);
    const result = await updateAuth(ctx, env, request.ResourceConfig, [rule], appId(), request.ResourceName ?? null);
    expectBadRequest(ctx, rule, 'UpdateBackendAuth', result, `${what} is rejected`);
  },
});

const unknownAppOrEnvironment = defineProperty({
  name: 'An unknown app or backend environment is NotFoundException (404)',
  service: 'amplifybackend',
  rules: ['AMPLIFY.ERRORS.NOT_FOUND', 'AMPLIFY.JOB.RESPONSE_FIELDS'],
  unavailable: unavailableOn,
  runsFactor: 0.3,
  arbitrary: () => fc.record({
    unknown: fc.constantFrom('app' as const, 'environment' as const),
    operation: fc.constantFrom('CreateBackendAuth', 'GetBackendAuth', 'UpdateBackendAuth', 'GetBackendJob'),
    config: createConfig(false),
    update: updateConfig,
  }),
  async run(ctx, { unknown, operation, config, update }) {
    // An environment that exists, so that only the named part is unknown.
    const { env: known, jobId } = await setUpBackend(ctx, ['AMPLIFY.ERRORS.NOT_FOUND']);
    const app = unknown === 'app' ? UNKNOWN_APP_ID : appId();
    const env = unknown === 'app' ? known : `${known.slice(0, 8)}zz`;
    const rules: RuleId[] = ['AMPLIFY.ERRORS.NOT_FOUND'];
    const result =
      operation === 'CreateBackendAuth' ? await createAuth(ctx, env, config, rules, app)
      : operation === 'GetBackendAuth' ? await getAuth(ctx, env, rules, app)
      : operation === 'UpdateBackendAuth' ? await updateAuth(ctx, env, { AuthResources: config.AuthResources, ...update }, rules, app)
      : await getJob(ctx, env, jobId, rules, app);
    expectNotFound(ctx, operation, result, unknown === 'app' ? `app ${app}` : `environment ${env}`);
  },
});

const updates = defineProperty({
  name: 'UpdateBackendAuth changes what it names and preserves what it cannot change',
  service: 'amplifybackend',
  rules: ['AMPLIFY.UPDATE.APPLIED', 'AMPLIFY.UPDATE.IMMUTABLE_PRESERVED', 'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', 'AMPLIFY.JOB.STATUS', ...ROUND_TRIP_RULES],
  unavailable: unavailableOn,
  runsFactor: 0.6,
  arbitrary: () => fc.record({ config: createConfig(false), update: updateConfig, message: messageConfig }),
  async run(ctx, { config, update, message }) {
    const { env } = await setUpBackend(ctx, ['AMPLIFY.UPDATE.APPLIED']);
    const created = await createAuth(ctx, env, config, ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG']);
    checkJobResponse(ctx, 'CreateBackendAuth', appId(), env, expectDocumentedSuccess(ctx, 'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', 'CreateBackendAuth', created, 'a documented ResourceConfig is accepted'));
    let model: AmplifyModel = authCreated(emptyAmplifyModel(), config);
    // The verification message always changes: to the other delivery method when there was one.
    const before = config.UserPoolConfigs.VerificationMessage?.DeliveryMethod;
    const changed = before && message.DeliveryMethod === before
      ? { ...message, DeliveryMethod: before === 'EMAIL' ? ('SMS' as const) : ('EMAIL' as const), SmsSettings: { SmsMessage: 'Changed {####}' }, EmailSettings: { EmailMessage: 'Changed {####}', EmailSubject: 'Changed' } }
      : message;
    const full: UpdateResourceConfig = { AuthResources: config.AuthResources, ...update, UserPoolConfigs: { ...update.UserPoolConfigs, VerificationMessage: changed } };
    const result = await updateAuth(ctx, env, full, ['AMPLIFY.UPDATE.APPLIED']);
    const output = expectDocumentedSuccess(ctx, 'AMPLIFY.UPDATE.APPLIED', 'UpdateBackendAuth', result, 'a documented update of an existing auth resource is accepted');
    const job = checkJobResponse(ctx, 'UpdateBackendAuth', appId(), env, output);
    model = jobStarted(authUpdated(model, full), job.JobId, 'UpdateBackendAuth');
    await checkJob(ctx, env, job.JobId, 'UpdateBackendAuth');
    await checkGetAuth(ctx, env, model.auth!);
  },
});

const lifecycle = modelProperty<AmplifyModel>({
  name: 'An auth resource reads back as created and updated, through any sequence of updates',
  service: 'amplifybackend',
  rules: ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', 'AMPLIFY.UPDATE.APPLIED', 'AMPLIFY.UPDATE.IMMUTABLE_PRESERVED', 'AMPLIFY.JOB.STATUS', ...ROUND_TRIP_RULES],
  unavailable: unavailableOn,
  initial: emptyAmplifyModel,
  async prepare(ctx, initial) {
    const { env, jobId } = await setUpBackend(ctx, ['AMPLIFY.JOB.RESPONSE_FIELDS']);
    setEnvironment(ctx, env);
    return jobStarted(initial, jobId, 'CreateBackend');
  },
  maxCommands: 15,
  runsFactor: 0.6,
  commands: [createAuthCommand, createAuthCommand, getAuthCommand, getAuthCommand, updateAuthCommand, updateAuthCommand, updateAuthCommand, getJobCommand],
});

export const amplifyBackendProperties: ConformanceProperty<any>[] = [createAndGet, requiredMembers, unknownAppOrEnvironment, updates, lifecycle];
