// The Cognito model-based commands: request a code, verify with the code sent or a wrong one,
// change an attribute, read the user, sign in and out, move the clock. Every token-authorised
// command first asks the model where the token stands: a usable token must work, an expired or
// revoked one must be refused. A GetUser whose flags broke a rule already found failing adopts
// what it showed (re-basing), so the run goes on checking the other rules.
import { readVerificationCode } from '../shared/inbox.ts';
import fc from 'fast-check';
import {
  adoptVerified, attributeOf, codeExpired, codeIssued, codeState, expectedForSentCode, signedIn, signedOut, tokenState, valueChanged, verified, wrongCodeTried,
  type CognitoModel, type TokenState,
} from '../../models/cognito-idp/model.ts';
import type { VerifiableAttribute } from '../../models/cognito-idp/shapes.ts';
import { instant } from '../../models/shared/clock.ts';
import type { RuleId } from '../../spec/index.ts';
import type { CallResult } from '../shared/call.ts';
import { expectRejected, expectSetup, expectSuccess, sparing } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';
import { advanceClockCommand as advanceClock, BaseCommand, type ModelBox } from '../shared/model-run.ts';
import { clientMetadata, clockStep, differentCode, unverifiableName, verifiableAttribute, wrongCode } from './arbitraries.ts';
import {
  attributeValue, checkDeliveryDetails, checkMetadataNotEchoed, checkUser, expectCodeSent, expectTokenRefused, getCode, getUser, globalSignOut, GUAVC, sessionOf,
  signIn, updateAttribute, verifyAttribute,
} from './steps.ts';
import type { Capability } from '../../spec/rule.ts';

export type CognitoBox = ModelBox<CognitoModel>;

/** The values each attribute takes in a run: an update always moves to another one. */
export const VALUE_POOL_SIZE = 3;

const TOKEN_RULE: Partial<Record<TokenState, RuleId>> = { expired: 'COGNITO.AUTH.EXPIRED_TOKEN', revoked: 'COGNITO.AUTH.REVOKED_TOKEN' };

abstract class CognitoCommand extends BaseCommand<CognitoModel> {
  /** Whether the model can say what the token does now: usable, or surely refused. */
  protected tokenJudgeable(box: Readonly<CognitoBox>): boolean {
    return tokenState(box.state, instant(box.lastSeen)) !== 'boundary';
  }

  /**
   * Calls `send` with the current token. Returns true when the token was usable and the caller
   * should judge the answer; false when it was expired or revoked (the refusal checked here) or
   * too close to its expiry to judge (nothing sent).
   */
  protected async withToken(box: CognitoBox, ctx: RunContext, operation: string, send: (token: string) => Promise<CallResult<unknown>>): Promise<{ usable: boolean; result?: CallResult<unknown> }> {
    const state = tokenState(box.state, instant(ctx.now()));
    if (state === 'boundary' || state === 'none') return { usable: false };
    const result = await send(sessionOf(ctx).accessToken);
    const rule = TOKEN_RULE[state];
    if (rule) {
      const why = state === 'expired' ? 'an access token issued more than an hour ago has expired' : 'GlobalSignOut revoked the access token';
      expectTokenRefused(ctx, rule, operation, result, why, `${operation} with ${state === 'expired' ? 'a token over 1 h old' : 'a revoked token'} → NotAuthorizedException`);
      return { usable: false, result };
    }
    return { usable: true, result };
  }

  protected abstract execute(box: CognitoBox, ctx: RunContext): Promise<void>;
}

/** GetUserAttributeVerificationCode for email or phone_number: a code is sent, described by the answer. */
export class RequestCode extends CognitoCommand {
  constructor(readonly attribute: VerifiableAttribute, readonly metadata?: Record<string, string>) { super(); }
  check(box: Readonly<CognitoBox>): boolean { return this.tokenJudgeable(box); }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const rules: RuleId[] = ['COGNITO.AUTH.NO_IAM', 'COGNITO.CODE.DELIVERY_DETAILS'];
    const { usable, result } = await this.withToken(box, ctx, GUAVC, (token) => getCode(ctx, token, this.attribute, rules, this.metadata));
    if (!usable) return;
    const output = expectCodeSent(ctx, result!, this.attribute);
    const value = attributeValue(ctx, this.attribute, attributeOf(box.state, this.attribute).value);
    checkDeliveryDetails(ctx, this.attribute, value, output, this.metadata);
    box.state = codeIssued(box.state, this.attribute, result!.at);
  }

  toString(): string { return `GetUserAttributeVerificationCode(${this.attribute}${this.metadata ? ', ClientMetadata' : ''})`; }
}

/** An attribute name as a label: a long one by its length (the boundary is what matters). */
export const describeName = (name: string) => (name.length > 12 ? `${name.length}-character name` : JSON.stringify(name));

/** GetUserAttributeVerificationCode for an attribute no code can be sent to: a documented rejection. */
export class RequestUnverifiable extends CognitoCommand {
  constructor(readonly name: string) { super(); }
  check(box: Readonly<CognitoBox>): boolean { return this.tokenJudgeable(box); }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const { usable, result } = await this.withToken(box, ctx, GUAVC, (token) => getCode(ctx, token, this.name, ['COGNITO.CODE.VERIFIABLE_ONLY']));
    if (!usable) return;
    expectRejected(ctx, 'COGNITO.CODE.VERIFIABLE_ONLY', GUAVC, result!, `${this.name} cannot be verified: no code is sent`, undefined, `${describeName(this.name)} (not verifiable) → rejected`);
  }

  toString(): string { return `GetUserAttributeVerificationCode(${JSON.stringify(this.name)})`; }
}

/** VerifyUserAttribute with the code in the inbox: accepted within 24 hours, ExpiredCodeException after. */
export class VerifySentCode extends CognitoCommand {
  constructor(readonly attribute: VerifiableAttribute) { super(); }
  check(box: Readonly<CognitoBox>): boolean {
    const at = instant(box.lastSeen);
    const code = codeState(box.state, this.attribute, at);
    return this.tokenJudgeable(box) && (code === 'valid' || code === 'expired');
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const before = ctx.now();
    const expected = expectedForSentCode(box.state, this.attribute, instant(before));
    if (!expected) return;
    const code = await readCode(ctx, box, this.attribute);
    const rule: RuleId = expected === 'accepted' ? 'COGNITO.VERIFY.CODE_ACCEPTED' : 'COGNITO.VERIFY.CODE_EXPIRES_24H';
    const { usable, result } = await this.withToken(box, ctx, 'VerifyUserAttribute', (token) => verifyAttribute(ctx, token, this.attribute, code, [rule]));
    if (!usable) return;
    if (expected === 'accepted') {
      expectSuccess(ctx, rule, 'VerifyUserAttribute', result!, 'the code sent less than 24 hours ago is accepted', `${this.attribute} code under 24 h old → accepted`);
      box.state = verified(box.state, this.attribute);
    } else {
      expectRejected(ctx, rule, 'VerifyUserAttribute', result!, 'a code sent more than 24 hours ago is refused', ['ExpiredCodeException'], `${this.attribute} code over 24 h old → ExpiredCodeException`);
      box.state = codeExpired(box.state, this.attribute);
    }
  }

  toString(): string { return `VerifyUserAttribute(${this.attribute}, the code sent)`; }
}

/** The newest code sent to the attribute's current value, from the inbox. */
export async function readCode(ctx: RunContext, box: CognitoBox, attribute: VerifiableAttribute): Promise<string> {
  const to = attributeValue(ctx, attribute, attributeOf(box.state, attribute).value);
  return readVerificationCode(ctx, to, 'COGNITO.VERIFY.CODE_ACCEPTED', GUAVC);
}

/** VerifyUserAttribute with a code that is not the one sent: CodeMismatchException, nothing verified. */
export class VerifyWrongCode extends CognitoCommand {
  constructor(readonly attribute: VerifiableAttribute, readonly code: string) { super(); }
  check(box: Readonly<CognitoBox>): boolean {
    const state = attributeOf(box.state, this.attribute);
    // A sent, unexpired code to mismatch, and few wrong tries, so no attempt limit is reached.
    return this.tokenJudgeable(box) && codeState(box.state, this.attribute, instant(box.lastSeen)) === 'valid' && (state.code?.wrongTries ?? 0) < 2;
  }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    if (codeState(box.state, this.attribute, instant(ctx.now())) !== 'valid') return;
    const real = ctx.target.capabilities.has('inbox') ? await readCode(ctx, box, this.attribute) : undefined;
    const code = differentCode(this.code, real);
    const { usable, result } = await this.withToken(box, ctx, 'VerifyUserAttribute', (token) => verifyAttribute(ctx, token, this.attribute, code, ['COGNITO.VERIFY.WRONG_CODE']));
    if (!usable) return;
    expectRejected(ctx, 'COGNITO.VERIFY.WRONG_CODE', 'VerifyUserAttribute', result!, 'a code other than the one sent is refused', ['CodeMismatchException'], `${this.attribute} wrong code → CodeMismatchException`);
    box.state = wrongCodeTried(box.state, this.attribute);
  }

  toString(): string { return `VerifyUserAttribute(${this.attribute}, wrong code ${this.code})`; }
}

/** UpdateUserAttributes to another value: the attribute is unverified again. */
export class UpdateAttribute extends CognitoCommand {
  constructor(readonly attribute: VerifiableAttribute, readonly step: number, readonly metadata?: Record<string, string>) { super(); }
  check(box: Readonly<CognitoBox>): boolean { return this.tokenJudgeable(box); }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const next = (attributeOf(box.state, this.attribute).value + this.step) % VALUE_POOL_SIZE;
    const value = attributeValue(ctx, this.attribute, next);
    const { usable, result } = await this.withToken(box, ctx, 'UpdateUserAttributes', (token) => updateAttribute(ctx, token, this.attribute, value, ['COGNITO.UPDATE.UNVERIFIES'], this.metadata));
    if (!usable) return;
    expectSetup(ctx, 'COGNITO.UPDATE.UNVERIFIES', 'UpdateUserAttributes', result!, `${this.attribute} can be changed`);
    sparing(ctx, () => checkMetadataNotEchoed(ctx, 'UpdateUserAttributes', this.metadata));
    box.state = valueChanged(box.state, this.attribute, next);
  }

  toString(): string { return `UpdateUserAttributes(${this.attribute} → value +${this.step})`; }
}

/** GetUser: the verified flags are what the calls so far make them. */
export class GetUser extends CognitoCommand {
  check(box: Readonly<CognitoBox>): boolean { return this.tokenJudgeable(box); }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const { usable, result } = await this.withToken(box, ctx, 'GetUser', (token) => getUser(ctx, token, ['COGNITO.VERIFY.CODE_ACCEPTED']));
    if (!usable) return;
    const output = expectSetup(ctx, 'COGNITO.VERIFY.CODE_ACCEPTED', 'GetUser', result!, 'a signed-in user can read their attributes');
    const diverged = checkUser(ctx, box.state, output);
    if (diverged.size === 0) return;
    for (const [attribute, flag] of diverged) box.state = adoptVerified(box.state, attribute, flag === 'true');
    ctx.brokeInStep = false;
  }

  toString(): string { return 'GetUser'; }
}

/** InitiateAuth again: a fresh access token. */
export class SignIn extends CognitoCommand {
  check(box: Readonly<CognitoBox>): boolean { return tokenState(box.state, instant(box.lastSeen)) !== 'valid'; }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    const result = await signIn(ctx, sessionOf(ctx), ['COGNITO.AUTH.EXPIRED_TOKEN']);
    box.state = signedIn(box.state, result.at);
  }

  toString(): string { return 'InitiateAuth(USER_PASSWORD_AUTH)'; }
}

/** GlobalSignOut: the access token is revoked. */
export class SignOut extends CognitoCommand {
  check(box: Readonly<CognitoBox>): boolean { return tokenState(box.state, instant(box.lastSeen)) === 'valid'; }

  protected async execute(box: CognitoBox, ctx: RunContext): Promise<void> {
    if (tokenState(box.state, instant(ctx.now())) !== 'valid') return;
    await globalSignOut(ctx, sessionOf(ctx));
    box.state = signedOut(box.state);
  }

  toString(): string { return 'GlobalSignOut'; }
}


type Caps = ReadonlySet<Capability>;

export const requestCodeCommand = { arbitrary: (c: Caps) => fc.tuple(verifiableAttribute(c), clientMetadata).map(([a, m]) => new RequestCode(a, m)) };
export const requestUnverifiableCommand = { arbitrary: unverifiableName.map((n) => new RequestUnverifiable(n)) };
export const verifySentCommand = { needs: ['inbox'] as const, arbitrary: (c: Caps) => verifiableAttribute(c).map((a) => new VerifySentCode(a)) };
export const verifyWrongCommand = { arbitrary: (c: Caps) => fc.tuple(verifiableAttribute(c), wrongCode).map(([a, code]) => new VerifyWrongCode(a, code)) };
export const updateCommand = {
  operations: ['UpdateUserAttributes'],
  arbitrary: (c: Caps) => fc.tuple(verifiableAttribute(c), fc.integer({ min: 1, max: VALUE_POOL_SIZE - 1 }), clientMetadata).map(([a, s, m]) => new UpdateAttribute(a, s, m)),
};
export const getUserCommand = { arbitrary: fc.constant(null).map(() => new GetUser()) };
export const signInCommand = { arbitrary: fc.constant(null).map(() => new SignIn()) };
export const signOutCommand = { operations: ['GlobalSignOut'], arbitrary: fc.constant(null).map(() => new SignOut()) };
export const advanceClockCommand = advanceClock<CognitoModel>(clockStep);
