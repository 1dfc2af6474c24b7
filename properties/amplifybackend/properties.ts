// The AmplifyBackend auth properties: stateless ones per documented fact (a documented config
// round-trips, required members at any depth, unknown app, environment or auth resource, what an
// update changes and preserves), and the model-based one over create / get / update / delete / job
// status with round-trip equality as the invariant. Create, Update and Delete answer a job: a
// read-back, an update or a delete waits for the job before it (steps.ts awaitJob). Each runs its
// fixed examples (examples.ts) first in every pass: every boundary and enum value is reached whatever the seed.
import fc from 'fast-check';
import { authCreated, authRead, changeRequested, emptyAmplifyModel, jobEnded, type AmplifyModel } from '../../models/amplifybackend/model.ts';
import { isVerificationDeliveryPath, type UpdateResourceConfig } from '../../models/amplifybackend/shapes.ts';
import type { RuleId } from '../../services/index.ts';
import type { CallResult } from '../shared/call.ts';
import { expectSetup } from '../shared/checks.ts';
import { modelProperty } from '../shared/model-run.ts';
import { defineProperty, type ConformanceProperty } from '../shared/property.ts';
import { changedMessage, createConfig, emailMessage, focus, messageConfig, missingMember, smsMessage, updateConfig, without } from './arbitraries.ts';
import { setEnvironment } from './commands/amplify-command.ts';
import { CreateAuth, createAuthCommand } from './commands/create-auth.ts';
import { DeleteAuth, deleteAuthCommand } from './commands/delete-auth.ts';
import { GetAuth, getAuthCommand } from './commands/get-auth.ts';
import { GetJob, getJobCommand } from './commands/get-job.ts';
import { UpdateAuth, updateAuthCommand } from './commands/update-auth.ts';
import { CREATE_EXAMPLES, FULL_EMAIL, FULL_SMS, MFA_OFF, MINIMAL, MISSING_EXAMPLES, UPDATE_EXAMPLES } from './examples.ts';
import {
  appId,
  awaitJob,
  checkGetAuth,
  createAccepted,
  createAuth,
  expectBadRequest,
  expectNotFound,
  getAuth,
  getJob,
  RESOURCE_NAME,
  setUpBackend,
  UNKNOWN_APP_ID,
  unavailableOn,
  updateAccepted,
  updateAuth,
  verificationOf,
} from './steps.ts';

const ROUND_TRIP_RULES = [
  'AMPLIFY.GET.ROUND_TRIP',
  'AMPLIFY.VERIFICATION.ROUND_TRIP',
  'AMPLIFY.VERIFICATION.DELIVERY_METHOD_ENUM',
  'AMPLIFY.ENUMS',
  'AMPLIFY.ERRORS.DOCUMENTED',
  'AMPLIFY.JOB.RESPONSE_FIELDS',
] as const satisfies readonly RuleId[];

/** The rules a read-back judges: a job that does not complete leaves them unjudged (a set-up failure, never a fail). */
const READ_BACK_RULES = [
  'AMPLIFY.GET.ROUND_TRIP',
  'AMPLIFY.VERIFICATION.ROUND_TRIP',
  'AMPLIFY.VERIFICATION.DELIVERY_METHOD_ENUM',
  'AMPLIFY.ENUMS',
] as const satisfies readonly RuleId[];
const UPDATE_READ_BACK_RULES = [...READ_BACK_RULES, 'AMPLIFY.UPDATE.APPLIED', 'AMPLIFY.UPDATE.IMMUTABLE_PRESERVED'] as const satisfies readonly RuleId[];

const createAndGet = defineProperty({
  name: 'CreateBackendAuth accepts the documented ResourceConfig and GetBackendAuth returns it once its job completed',
  service: 'amplifybackend',
  rules: ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', 'AMPLIFY.JOB.STATUS', ...ROUND_TRIP_RULES],
  unavailable: unavailableOn,
  runsFactor: 0.6,
  arbitrary: () => fc.oneof(createConfig(false), createConfig(true)),
  examples: () => [...CREATE_EXAMPLES],
  async run(ctx, config) {
    const { env } = await setUpBackend(ctx, ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', ...READ_BACK_RULES], true);
    const { JobId: jobId } = await createAccepted(ctx, env, config);
    // Every poll of the job is a check of AMPLIFY.JOB.STATUS; the read-back waits for its end.
    await awaitJob(ctx, env, { jobId, operation: 'CreateBackendAuth' }, { rules: READ_BACK_RULES, judge: true });
    await checkGetAuth(ctx, env, authCreated(emptyAmplifyModel(), config).auth!);
  },
});

const requiredMembers = defineProperty({
  name: 'A request missing a required member at any depth is rejected with BadRequestException',
  service: 'amplifybackend',
  rules: [
    'AMPLIFY.REQUIRED.MEMBERS',
    'AMPLIFY.VERIFICATION.DELIVERY_METHOD_REQUIRED',
    'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG',
    'AMPLIFY.UPDATE.APPLIED',
    'AMPLIFY.JOB.RESPONSE_FIELDS',
    'AMPLIFY.ERRORS.DOCUMENTED',
  ],
  unavailable: unavailableOn,
  runsFactor: 0.4,
  arbitrary: () => fc.record({ missing: missingMember, config: createConfig(true), message: messageConfig }),
  // Each required member left out once, from a request otherwise complete.
  examples: () => MISSING_EXAMPLES.map((missing) => ({ missing, config: FULL_EMAIL, message: smsMessage('Code') })),
  async run(ctx, { missing, config: whole, message }) {
    const { env } = await setUpBackend(ctx, ['AMPLIFY.REQUIRED.MEMBERS']);
    // Required members and the sub-configuration holding the one left out: nothing else to refuse.
    const config = focus(whole, missing.path);
    const rule: RuleId = isVerificationDeliveryPath(missing.path) ? 'AMPLIFY.VERIFICATION.DELIVERY_METHOD_REQUIRED' : 'AMPLIFY.REQUIRED.MEMBERS';
    const what = `${missing.operation === 'create' ? 'CreateBackendAuth' : 'UpdateBackendAuth'} without ${missing.path.join('.')}`;
    const judge = (operation: string, result: CallResult<unknown>) =>
      expectBadRequest(ctx, rule, operation, result, `${what} is rejected`, `${what} → BadRequestException`);
    if (missing.operation === 'create') {
      const request = without({ BackendEnvironmentName: env, ResourceName: RESOURCE_NAME, ResourceConfig: config }, missing.path);
      const result = await createAuth(ctx, request.BackendEnvironmentName, request.ResourceConfig, [rule], appId(), request.ResourceName ?? null);
      if (result.ok) return judge('CreateBackendAuth', result);
      // The rejection counts once the same request complete is accepted: the member left out was its cause.
      await createAccepted(ctx, env, config, 'the complete request of a required-member case → accepted');
      return judge('CreateBackendAuth', result);
    }
    // An update needs something to update: the resource is created first, and its job has ended.
    const created = await createAccepted(ctx, env, config);
    await awaitJob(ctx, env, { jobId: created.JobId, operation: 'CreateBackendAuth' }, { rules: [rule], judge: false });
    const full: UpdateResourceConfig = { AuthResources: config.AuthResources, Service: 'COGNITO', UserPoolConfigs: { VerificationMessage: message } };
    const request = without({ ResourceName: RESOURCE_NAME, ResourceConfig: full }, missing.path);
    const result = await updateAuth(ctx, env, request.ResourceConfig, [rule], appId(), request.ResourceName ?? null);
    if (result.ok) return judge('UpdateBackendAuth', result);
    expectSetup(
      ctx,
      'AMPLIFY.UPDATE.APPLIED',
      'UpdateBackendAuth',
      await updateAuth(ctx, env, full, ['AMPLIFY.UPDATE.APPLIED']),
      'the same update complete is accepted',
    );
    judge('UpdateBackendAuth', result);
  },
});

type Unknown = { unknown: 'app' | 'environment' | 'auth'; operation: 'CreateBackendAuth' | 'GetBackendAuth' | 'UpdateBackendAuth' | 'GetBackendJob' };
const UNKNOWN_CASES: Unknown[] = [
  ...(['app', 'environment'] as const).flatMap((unknown) =>
    (['CreateBackendAuth', 'GetBackendAuth', 'UpdateBackendAuth', 'GetBackendJob'] as const).map((operation) => ({ unknown, operation })),
  ),
  { unknown: 'auth', operation: 'GetBackendAuth' },
  { unknown: 'auth', operation: 'UpdateBackendAuth' },
];

const unknownResources = defineProperty({
  name: 'An unknown app, backend environment or auth resource is NotFoundException (404)',
  service: 'amplifybackend',
  rules: ['AMPLIFY.ERRORS.NOT_FOUND', 'AMPLIFY.JOB.RESPONSE_FIELDS', 'AMPLIFY.ERRORS.DOCUMENTED'],
  unavailable: unavailableOn,
  runsFactor: 0.2,
  // Valid requests of required members only: the unknown part is their one fault.
  arbitrary: () => fc.constantFrom(...UNKNOWN_CASES),
  examples: () => UNKNOWN_CASES,
  async run(ctx, { unknown, operation }) {
    // An environment that exists (with no auth resource), so that only the named part is unknown.
    const { env: known, jobId } = await setUpBackend(ctx, ['AMPLIFY.ERRORS.NOT_FOUND']);
    const app = unknown === 'app' ? UNKNOWN_APP_ID : appId();
    const env = unknown === 'environment' ? `${known.slice(0, 8)}zz` : known;
    const rules: RuleId[] = ['AMPLIFY.ERRORS.NOT_FOUND'];
    const result =
      operation === 'CreateBackendAuth'
        ? await createAuth(ctx, env, MINIMAL, rules, app)
        : operation === 'GetBackendAuth'
          ? await getAuth(ctx, env, rules, app)
          : operation === 'UpdateBackendAuth'
            ? await updateAuth(
                ctx,
                env,
                { AuthResources: MINIMAL.AuthResources, Service: 'COGNITO', UserPoolConfigs: { VerificationMessage: emailMessage('New') } },
                rules,
                app,
              )
            : await getJob(ctx, env, jobId ?? 'avcnosuchjob', rules, app);
    const what = unknown === 'app' ? `app ${app}` : unknown === 'environment' ? `environment ${env}` : `auth resource ${RESOURCE_NAME}`;
    expectNotFound(ctx, operation, result, what, `${operation} of an unknown ${unknown === 'auth' ? 'auth resource' : unknown} → NotFoundException`);
  },
});

const updates = defineProperty({
  name: 'UpdateBackendAuth changes what it names and preserves what it cannot change',
  service: 'amplifybackend',
  rules: [
    'AMPLIFY.UPDATE.APPLIED',
    'AMPLIFY.UPDATE.IMMUTABLE_PRESERVED',
    'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG',
    'AMPLIFY.JOB.STATUS',
    ...ROUND_TRIP_RULES,
  ],
  unavailable: unavailableOn,
  runsFactor: 0.6,
  arbitrary: () => fc.record({ config: createConfig(false, true), update: updateConfig, message: messageConfig }),
  examples: () => UPDATE_EXAMPLES.map(({ config, update }) => ({ config, update, message: update.UserPoolConfigs.VerificationMessage ?? emailMessage('New') })),
  async run(ctx, { config, update, message }) {
    const { env } = await setUpBackend(ctx, ['AMPLIFY.UPDATE.APPLIED', ...UPDATE_READ_BACK_RULES], true);
    const created = await createAccepted(ctx, env, config);
    await awaitJob(ctx, env, { jobId: created.JobId, operation: 'CreateBackendAuth' }, { rules: UPDATE_READ_BACK_RULES, judge: true });
    // Read before the update: what the update leaves alone must read the same after it.
    let model: AmplifyModel = authCreated(emptyAmplifyModel(), config);
    model = authRead(model, await checkGetAuth(ctx, env, model.auth!));
    // The verification message always changes, from one that was set: an update not applied shows.
    const changed = changedMessage(verificationOf(config), message);
    const full: UpdateResourceConfig = {
      AuthResources: config.AuthResources,
      ...update,
      UserPoolConfigs: { ...update.UserPoolConfigs, VerificationMessage: changed },
    };
    const job = await updateAccepted(ctx, env, full);
    // The read-back reflects the update once its job completed.
    model = changeRequested(model, 'UpdateBackendAuth', job.JobId, { kind: 'update', update: full });
    await awaitJob(ctx, env, { jobId: job.JobId, operation: 'UpdateBackendAuth' }, { rules: UPDATE_READ_BACK_RULES, judge: true });
    model = jobEnded(model, 'completed');
    await checkGetAuth(ctx, env, model.auth!);
  },
});

const lifecycle = modelProperty<AmplifyModel>({
  name: 'An auth resource reads back as created and updated, through any sequence of updates, until deleted',
  service: 'amplifybackend',
  rules: [
    'AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG',
    'AMPLIFY.UPDATE.APPLIED',
    'AMPLIFY.UPDATE.IMMUTABLE_PRESERVED',
    'AMPLIFY.JOB.STATUS',
    'AMPLIFY.ERRORS.NOT_FOUND',
    ...ROUND_TRIP_RULES,
  ],
  unavailable: unavailableOn,
  initial: emptyAmplifyModel,
  async prepare(ctx, initial) {
    const { env, jobId } = await setUpBackend(ctx, ['AMPLIFY.CREATE.ACCEPTS_DOCUMENTED_CONFIG', ...UPDATE_READ_BACK_RULES, 'AMPLIFY.ERRORS.NOT_FOUND'], true);
    setEnvironment(ctx, env);
    return jobId ? { ...initial, jobs: new Map([[jobId, 'CreateBackend']]) } : initial;
  },
  // Every update read back, every job read, delete then create again; an unknown auth resource last
  // (before creation and after deletion), where a run that already found it failing stops.
  examples: ({ unsupported }) => {
    const [u0, u1, u2] = UPDATE_EXAMPLES.map((e) => new UpdateAuth(e.update));
    const remove = unsupported.has('DeleteBackendAuth') ? [] : [new DeleteAuth(), new GetJob(-1)];
    return [
      [
        new CreateAuth(FULL_EMAIL),
        new GetJob(-1),
        new GetAuth(),
        u0!,
        new GetJob(-1),
        new GetAuth(),
        u1!,
        new GetAuth(),
        ...remove,
        new CreateAuth(FULL_SMS),
        new GetAuth(),
        ...remove,
        new GetAuth(),
      ],
      [new CreateAuth(MFA_OFF), new GetAuth(), u2!, new GetAuth(), ...remove, new GetAuth()],
      [new GetAuth(), new CreateAuth(UPDATE_EXAMPLES.at(-1)!.config), new GetAuth()],
    ];
  },
  maxCommands: 15,
  runsFactor: 0.4,
  commands: [createAuthCommand, getAuthCommand, getAuthCommand, updateAuthCommand, updateAuthCommand, deleteAuthCommand, getJobCommand],
});

export const amplifyBackendProperties: ConformanceProperty[] = [createAndGet, requiredMembers, unknownResources, updates, lifecycle];
