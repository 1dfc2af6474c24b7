// The Cognito properties: stateless ones per documented fact (attribute names at their bounds,
// each way a token is refused (tokens.ts), the code lifecycle, updates), and the model-based one
// over request / verify (right, wrong, stale code) / update / get user / sign in and out / clock,
// with the verified flags as the invariant. Every COGNITO rule in spec/ is covered by one of them;
// each property's examples reach its boundaries and states in every pass, whatever the seed.
import fc from 'fast-check';
import {
  codeExpired,
  codeIssued,
  initialCognitoModel,
  signedIn,
  valueChanged,
  verified,
  verifiedShown,
  wrongCodeTried,
  type CognitoModel,
} from '../../models/cognito-idp/model.ts';
import { ATTRIBUTE_NAME_MAX, type VerifiableAttribute } from '../../models/cognito-idp/shapes.ts';
import { HOUR } from '../../models/shared/clock.ts';
import type { Capability } from '../../spec/rule.ts';
import type { RuleId } from '../../services/index.ts';
import { expectRejected, expectSetup, expectSuccess } from '../shared/checks.ts';
import { AdvanceClock, modelProperty, type ModelCommand } from '../shared/model-run.ts';
import { advanceClock } from '../shared/out-of-band.ts';
import { defineProperty, type ConformanceProperty } from '../shared/property.ts';
import { badLengthName, carriedAttributes, clientMetadata, differentCode, nameCase, verifiableAttribute, wrongCode, type NameCase } from './arbitraries.ts';
import { advanceClockCommand } from './commands/advance-clock.ts';
import { readCode, type CognitoBox } from './commands/cognito-command.ts';
import { GetUser, getUserCommand } from './commands/get-user.ts';
import { RequestCode, requestCodeCommand } from './commands/request-code.ts';
import { describeName, RequestUnverifiable, requestUnverifiableCommand } from './commands/request-unverifiable.ts';
import { SignIn, signInCommand } from './commands/sign-in.ts';
import { SignOut, signOutCommand } from './commands/sign-out.ts';
import { UpdateAttribute, updateAttributeCommand } from './commands/update-attribute.ts';
import { VerifySentCode, verifySentCodeCommand } from './commands/verify-sent-code.ts';
import { VerifyWrongCode, verifyWrongCodeCommand } from './commands/verify-wrong-code.ts';
import {
  ANSWER_RULES,
  attributeValue,
  checkMetadataNotEchoed,
  checkNoCodeSent,
  expectNameRejected,
  getCode,
  getUser,
  METADATA_NOT_STORED,
  readInboxes,
  readUser,
  requestCode,
  setUpUser,
  signIn,
  updateAttribute,
  USER_RULES,
  verifyAttribute,
} from './steps.ts';
import { tokens } from './tokens.ts';

/** ClientMetadata an example sends: keys and values nobody else would answer. */
const METADATA = { avckeyexample: 'avcmetaexample1' };

/** The verifiable attributes examples ask codes for: phone_number only where the target allows it. */
const verifiables = (capabilities: ReadonlySet<Capability>): VerifiableAttribute[] =>
  capabilities.has('inbox') && capabilities.has('sms') ? ['email', 'phone_number'] : ['email'];

const lengthLabel = (name: string) =>
  `${name.length > ATTRIBUTE_NAME_MAX + 1 ? `${ATTRIBUTE_NAME_MAX + 2}+` : name.length} characters → InvalidParameterException`;

type NameRun = { name: NameCase; badLength: string; metadata?: Record<string, string> };

const attributeNames = defineProperty({
  name: 'GetUserAttributeVerificationCode sends a code for email and phone_number only, for names of 1 to 32 characters',
  service: 'cognito-idp',
  rules: ['COGNITO.CODE.ATTRIBUTE_NAME_LENGTH', ...ANSWER_RULES],
  runsFactor: 0.4,
  arbitrary: ({ capabilities }) => fc.record({ name: nameCase(capabilities), badLength: badLengthName, metadata: clientMetadata }),
  // Each verifiable attribute, a non-verifiable one of 1, 4 and 32 characters, and 0 and 33 characters.
  examples: ({ capabilities }): NameRun[] => [
    ...verifiables(capabilities).map((attribute, i) => ({
      name: { kind: 'verifiable' as const, attribute },
      badLength: i ? '' : 'e'.repeat(ATTRIBUTE_NAME_MAX + 1),
      metadata: METADATA,
    })),
    { name: { kind: 'unverifiable', name: 'name' }, badLength: `email${'_'.repeat(ATTRIBUTE_NAME_MAX - 4)}` },
    { name: { kind: 'unverifiable', name: 'x' }, badLength: '' },
    { name: { kind: 'unverifiable', name: `custom:${'n'.repeat(ATTRIBUTE_NAME_MAX - 7)}` }, badLength: 'e'.repeat(ATTRIBUTE_NAME_MAX + 1), metadata: METADATA },
    { name: { kind: 'unverifiable', name: 'c'.repeat(ATTRIBUTE_NAME_MAX) }, badLength: 'a'.repeat(ATTRIBUTE_NAME_MAX + 2) },
    { name: { kind: 'bad-length', name: '' }, badLength: 'e'.repeat(ATTRIBUTE_NAME_MAX + 1) },
  ],
  async run(ctx, { name, badLength, metadata }) {
    const session = await setUpUser(ctx, ['COGNITO.CODE.VERIFIABLE_ONLY']);
    // Every run also tries a name outside 1..32 characters: the boundary is checked in each one.
    const outside = await getCode(ctx, session.accessToken, badLength, ['COGNITO.CODE.ATTRIBUTE_NAME_LENGTH'], metadata);
    expectNameRejected(
      ctx,
      'COGNITO.CODE.ATTRIBUTE_NAME_LENGTH',
      outside,
      `an AttributeName of ${badLength.length} characters (outside 1..32) is rejected`,
      ['InvalidParameterException'],
      lengthLabel(badLength),
    );
    if (name.kind === 'verifiable') {
      await requestCode(ctx, session.accessToken, name.attribute, attributeValue(ctx, name.attribute, 0), metadata);
      return;
    }
    const rule: RuleId = name.kind === 'bad-length' ? 'COGNITO.CODE.ATTRIBUTE_NAME_LENGTH' : 'COGNITO.CODE.VERIFIABLE_ONLY';
    const addresses = carriedAttributes(ctx.target.capabilities).map((attribute) => attributeValue(ctx, attribute, 0));
    const inboxes = name.kind === 'unverifiable' ? await readInboxes(ctx, addresses) : undefined;
    const result = await getCode(ctx, session.accessToken, name.name, [rule], metadata);
    if (name.kind === 'bad-length') {
      expectNameRejected(
        ctx,
        rule,
        result,
        `an AttributeName of ${name.name.length} characters (outside 1..32) is rejected`,
        ['InvalidParameterException'],
        lengthLabel(name.name),
      );
    } else {
      expectNameRejected(
        ctx,
        rule,
        result,
        `${name.name} (${name.name.length} characters) is no attribute a code can be sent to`,
        undefined,
        `${describeName(name.name)} (not verifiable) → rejected`,
      );
      await checkNoCodeSent(ctx, inboxes, name.name, `${describeName(name.name)} (not verifiable) → no code sent`);
    }
  },
});

type LifecycleRun = { attribute: VerifiableAttribute; wrongFirst: boolean; wrong: string; update: boolean; metadata?: Record<string, string> };

const codeLifecycle = defineProperty({
  name: 'The code sent verifies the attribute; a wrong code does not; a changed attribute is unverified again',
  service: 'cognito-idp',
  rules: [...USER_RULES, ...ANSWER_RULES],
  needs: ['inbox'],
  runsFactor: 0.3,
  arbitrary: ({ capabilities }) =>
    fc.record({ attribute: verifiableAttribute(capabilities), wrongFirst: fc.boolean(), wrong: wrongCode, update: fc.boolean(), metadata: clientMetadata }),
  examples: ({ capabilities }): LifecycleRun[] =>
    verifiables(capabilities).flatMap((attribute) => [
      { attribute, wrongFirst: true, wrong: '000000', update: true, metadata: METADATA },
      { attribute, wrongFirst: false, wrong: '123456', update: false },
    ]),
  async run(ctx, { attribute, wrongFirst, wrong, update, metadata }) {
    const session = await setUpUser(ctx, ['COGNITO.VERIFY.CODE_ACCEPTED']);
    let model = initialCognitoModel({}, carriedAttributes(ctx.target.capabilities));
    const sent = await requestCode(ctx, session.accessToken, attribute, attributeValue(ctx, attribute, 0), metadata);
    model = codeIssued(model, attribute, sent.at);
    const box: CognitoBox = { state: model, lastSeen: ctx.now() };
    const code = await readCode(ctx, box, attribute);
    if (wrongFirst) {
      const result = await verifyAttribute(ctx, session.accessToken, attribute, differentCode(wrong, code), ['COGNITO.VERIFY.WRONG_CODE']);
      expectRejected(
        ctx,
        'COGNITO.VERIFY.WRONG_CODE',
        'VerifyUserAttribute',
        result,
        'a code other than the one sent is refused',
        ['CodeMismatchException'],
        `${attribute} wrong code → CodeMismatchException`,
      );
      model = wrongCodeTried(model, attribute);
      model = (await readUser(ctx, session.accessToken, model, 'COGNITO.VERIFY.WRONG_CODE', metadata, METADATA_NOT_STORED)).model;
    }
    const result = await verifyAttribute(ctx, session.accessToken, attribute, code, ['COGNITO.VERIFY.CODE_ACCEPTED']);
    expectSuccess(
      ctx,
      'COGNITO.VERIFY.CODE_ACCEPTED',
      'VerifyUserAttribute',
      result,
      'the code sent is accepted',
      `${attribute} code just sent${wrongFirst ? ', after a wrong one' : ''} → accepted`,
    );
    model = verified(model, attribute);
    model = (await readUser(ctx, session.accessToken, model, 'COGNITO.VERIFY.CODE_ACCEPTED', metadata, METADATA_NOT_STORED)).model;
    if (update) {
      const updated = await updateAttribute(ctx, session.accessToken, attribute, attributeValue(ctx, attribute, 1), ['COGNITO.UPDATE.UNVERIFIES'], metadata);
      expectSetup(ctx, 'COGNITO.UPDATE.UNVERIFIES', 'UpdateUserAttributes', updated, `${attribute} can be changed`);
      checkMetadataNotEchoed(ctx, 'UpdateUserAttributes', metadata);
      model = valueChanged(model, attribute, 1);
      await readUser(ctx, session.accessToken, model, 'COGNITO.UPDATE.UNVERIFIES', metadata, METADATA_NOT_STORED);
    }
  },
});

const codeExpiry = defineProperty({
  name: 'A verification code is valid for 24 hours',
  service: 'cognito-idp',
  rules: [...USER_RULES, ...ANSWER_RULES],
  needs: ['inbox', 'clock'],
  runsFactor: 0.2,
  arbitrary: ({ capabilities }) => fc.record({ attribute: verifiableAttribute(capabilities), hours: fc.constantFrom(23, 25, 25, 48) }),
  // Both sides of 24 hours, for each verifiable attribute.
  examples: ({ capabilities }): { attribute: VerifiableAttribute; hours: number }[] =>
    verifiables(capabilities).flatMap((attribute) => [
      { attribute, hours: 23 },
      { attribute, hours: 25 },
    ]),
  async run(ctx, { attribute, hours }) {
    const session = await setUpUser(ctx, ['COGNITO.VERIFY.CODE_EXPIRES_24H']);
    const sent = await requestCode(ctx, session.accessToken, attribute, attributeValue(ctx, attribute, 0));
    let model = codeIssued(initialCognitoModel({}, carriedAttributes(ctx.target.capabilities)), attribute, sent.at);
    const code = await readCode(ctx, { state: model, lastSeen: ctx.now() }, attribute);
    await advanceClock(ctx, hours * HOUR);
    await signIn(ctx, session, ['COGNITO.VERIFY.CODE_EXPIRES_24H']); // the old access token has expired too
    const expired = hours > 24;
    const rule = 'COGNITO.VERIFY.CODE_EXPIRES_24H';
    const result = await verifyAttribute(ctx, session.accessToken, attribute, code, [rule]);
    if (expired) {
      expectRejected(
        ctx,
        rule,
        'VerifyUserAttribute',
        result,
        `a code sent ${hours} hours ago is refused`,
        ['ExpiredCodeException'],
        `${attribute} code ${hours} h old → ExpiredCodeException`,
      );
      model = codeExpired(model, attribute);
    } else {
      // Within 24 hours: expired too early breaks the 24-hour rule; refused otherwise, the code rule.
      const early = !result.ok && result.error.code === 'ExpiredCodeException';
      expectSuccess(
        ctx,
        result.ok || early ? rule : 'COGNITO.VERIFY.CODE_ACCEPTED',
        'VerifyUserAttribute',
        result,
        `a code sent ${hours} hours ago is still accepted`,
        `${attribute} code ${hours} h old → accepted`,
      );
      model = verified(model, attribute);
    }
    await readUser(ctx, session.accessToken, model, rule);
  },
});

const updateUnverifies = defineProperty({
  name: 'UpdateUserAttributes makes a changed email or phone number unverified',
  service: 'cognito-idp',
  rules: ['COGNITO.UPDATE.UNVERIFIES', 'COGNITO.CLIENT_METADATA.NOT_ECHOED', 'COGNITO.ERRORS.DOCUMENTED', 'COGNITO.VERIFY.CODE_ACCEPTED'],
  runsFactor: 0.12,
  arbitrary: ({ capabilities }) => fc.record({ attribute: fc.constantFrom(...carriedAttributes(capabilities)), metadata: clientMetadata }),
  examples: ({ capabilities }): { attribute: VerifiableAttribute; metadata?: Record<string, string> }[] =>
    carriedAttributes(capabilities).map((attribute, i) => ({ attribute, metadata: i ? undefined : METADATA })),
  async run(ctx, { attribute, metadata }) {
    const rule = 'COGNITO.UPDATE.UNVERIFIES';
    const session = await setUpUser(ctx, [rule], { email: true, phone_number: true });
    const initial = initialCognitoModel({ email: true, phone_number: true }, carriedAttributes(ctx.target.capabilities));
    // A target that ignores the verified flags of AdminCreateUser gives this property nothing to check.
    const first = await getUser(ctx, session.accessToken, [rule]);
    const flags = new Map(
      (expectSetup(ctx, rule, 'GetUser', first, 'a signed-in user can read their attributes').UserAttributes ?? []).map((a) => [a.Name, a.Value]),
    );
    if (flags.get(`${attribute}_verified`) !== 'true') return;
    // Shown verified by that read: the change below is judged as unverifying it.
    const shown = verifiedShown(initial, attribute);
    const result = await updateAttribute(ctx, session.accessToken, attribute, attributeValue(ctx, attribute, 1), [rule], metadata);
    expectSetup(ctx, rule, 'UpdateUserAttributes', result, `${attribute} can be changed`);
    // ClientMetadata went to UpdateUserAttributes only: an echo breaks NOT_ECHOED, its absence is no evidence.
    checkMetadataNotEchoed(ctx, 'UpdateUserAttributes', metadata);
    await readUser(ctx, session.accessToken, valueChanged(shown, attribute, 1), rule, metadata);
  },
});

/** Command sequences reaching each state: right, wrong and stale codes, a change, a revoked and an expired token. */
function lifecycleExamples(capabilities: ReadonlySet<Capability>, unsupported: ReadonlySet<string>): ModelCommand<CognitoModel>[][] {
  const keep = (ok: boolean, ...cmds: ModelCommand<CognitoModel>[]) => (ok ? cmds : []);
  const inbox = capabilities.has('inbox');
  const update = !unsupported.has('UpdateUserAttributes');
  const sequences = verifiables(capabilities).map((attribute) => [
    new RequestCode(attribute, METADATA),
    new VerifyWrongCode(attribute, '000000'),
    new GetUser(),
    ...keep(inbox, new VerifySentCode(attribute), new GetUser()),
    ...keep(update, new UpdateAttribute(attribute, 1, METADATA), new GetUser()),
    new RequestUnverifiable('name'),
    new RequestUnverifiable('c'.repeat(ATTRIBUTE_NAME_MAX)),
  ]);
  if (!unsupported.has('GlobalSignOut')) sequences.push([new SignOut(), new GetUser(), new RequestCode('email'), new SignIn(), new GetUser()]);
  if (capabilities.has('clock')) {
    sequences.push([
      new RequestCode('email'),
      new AdvanceClock<CognitoModel>(25 * HOUR),
      new GetUser(),
      new SignIn(),
      ...keep(inbox, new VerifySentCode('email')),
      new GetUser(),
    ]);
  }
  return sequences;
}

const lifecycle = modelProperty<CognitoModel>({
  name: "A user's verified attributes follow the documented code lifecycle",
  service: 'cognito-idp',
  rules: [...USER_RULES, 'COGNITO.AUTH.EXPIRED_TOKEN', 'COGNITO.AUTH.REVOKED_TOKEN', ...ANSWER_RULES],
  initial: () => initialCognitoModel(),
  async prepare(ctx, initial) {
    const before = ctx.now();
    await setUpUser(ctx, ['COGNITO.VERIFY.CODE_ACCEPTED']);
    const carried = carriedAttributes(ctx.target.capabilities);
    return signedIn({ ...initial, attributes: new Map([...initial.attributes].filter(([attribute]) => carried.includes(attribute))) }, ctx.since(before));
  },
  examples: ({ capabilities, unsupported }) => lifecycleExamples(capabilities, unsupported),
  maxCommands: 20,
  runsFactor: 0.6,
  commands: [
    requestCodeCommand,
    requestCodeCommand,
    requestUnverifiableCommand,
    verifySentCodeCommand,
    verifySentCodeCommand,
    verifyWrongCodeCommand,
    updateAttributeCommand,
    getUserCommand,
    getUserCommand,
    signInCommand,
    signOutCommand,
    advanceClockCommand,
  ],
});

export const cognitoIdpProperties: ConformanceProperty[] = [attributeNames, tokens, codeLifecycle, codeExpiry, updateUnverifies, lifecycle];
