// The Cognito generators against the documents: every GetUserAttributeVerificationCode and
// VerifyUserAttribute request a property sends as valid parses with its request syntax
// (models/cognito-idp/shapes.ts); the names outside 1..32 characters do not.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { GetUserAttributeVerificationCodeRequest, VerifyUserAttributeRequest } from '../../models/cognito-idp/shapes.ts';
import type { Capability } from '../../spec/rule.ts';
import { expectDocumented, expectUndocumented, samples } from '../shared/request-samples.ts';
import { badLengthName, clientMetadata, differentCode, nameCase, verifiableAttribute, wrongCode, type NameCase } from './arbitraries.ts';
import { requestCodeCommand } from './commands/request-code.ts';
import { requestUnverifiableCommand } from './commands/request-unverifiable.ts';
import { verifyWrongCodeCommand } from './commands/verify-wrong-code.ts';

/** Every capability: the arbitraries then reach every attribute (phone_number needs inbox and sms). */
const ALL: ReadonlySet<Capability> = new Set<Capability>(['clock', 'inbox', 'dns', 'throttle-probe', 'token-minting', 'sms']);
/** A token of the shape Cognito issues; the request syntax asks only for a string. */
const AccessToken = 'eyJraWQiOiJrIn0.eyJzdWIiOiJ1In0.c2ln';

const attributeName = (name: NameCase) => (name.kind === 'verifiable' ? name.attribute : name.name);
const codeRequest = (AttributeName: string, ClientMetadata?: Record<string, string>) => ({ AccessToken, AttributeName, ClientMetadata });

describe('the Cognito generators make requests the documents call valid', () => {
  it('GetUserAttributeVerificationCode: verifiable and unverifiable names of 1 to 32 characters, with or without ClientMetadata', () => {
    const cases = samples(fc.record({ name: nameCase(ALL), metadata: clientMetadata }));
    const valid = cases.filter(({ name }) => name.kind !== 'bad-length');
    expectDocumented(
      GetUserAttributeVerificationCodeRequest,
      valid.map(({ name, metadata }) => codeRequest(attributeName(name), metadata)),
    );
    const requests = samples(requestCodeCommand.arbitrary(ALL));
    expectDocumented(
      GetUserAttributeVerificationCodeRequest,
      requests.map((command) => codeRequest(command.attribute, command.metadata)),
    );
    expectDocumented(
      GetUserAttributeVerificationCodeRequest,
      samples(requestUnverifiableCommand.arbitrary).map((command) => codeRequest(command.name)),
    );
  });

  it('GetUserAttributeVerificationCode: the names meant to break the length limit do', () => {
    const cases = samples(nameCase(ALL)).filter((name) => name.kind === 'bad-length');
    expectUndocumented(
      GetUserAttributeVerificationCodeRequest,
      [...cases.map(attributeName), ...samples(badLengthName)].map((name) => codeRequest(name)),
    );
  });

  it('VerifyUserAttribute: a wrong code of six digits for a verifiable attribute', () => {
    const real = '123456';
    const stateless = samples(fc.record({ attribute: verifiableAttribute(ALL), wrong: wrongCode }));
    const verifyRequest = (AttributeName: string, wrong: string) => ({ AccessToken, AttributeName, Code: differentCode(wrong, real) });
    expectDocumented(
      VerifyUserAttributeRequest,
      stateless.map(({ attribute, wrong }) => verifyRequest(attribute, wrong)),
    );
    expectDocumented(
      VerifyUserAttributeRequest,
      samples(verifyWrongCodeCommand.arbitrary(ALL)).map((command) => verifyRequest(command.attribute, command.code)),
    );
  });
});
