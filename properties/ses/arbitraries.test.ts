// The SES generators against the documents: every request a property sends as valid parses with
// the request syntax of its operation (models/ses/shapes.ts); the over-the-limit counts do not.
import { afterAll, describe, it } from 'vitest';
import {
  DeleteIdentityRequest,
  GetIdentityVerificationAttributesRequest,
  ListIdentitiesRequest,
  VerifyDomainIdentityRequest,
  VerifyEmailIdentityRequest,
} from '../../models/ses/shapes.ts';
import { referenceTarget } from '../../harness/targets/reference.ts';
import { newEvidence, RunContext } from '../shared/context.ts';
import { expectDocumented, expectUndocumented, samples } from '../shared/request-samples.ts';
import { acceptedIdentityCount, rejectedIdentityCount } from './arbitraries.ts';
import { deleteIdentityCommand } from './commands/delete-identity.ts';
import { getAttributesCommand } from './commands/get-attributes.ts';
import { listIdentitiesCommand } from './commands/list-identities.ts';
import { realName } from './commands/ses-command.ts';
import { verifyDomainCommand } from './commands/verify-domain.ts';
import { verifyEmailCommand } from './commands/verify-email.ts';
import { requestedNames } from './properties.ts';

const target = referenceTarget({ region: 'us-east-1', timeoutMs: 5_000 });
const ctx = new RunContext(target, newEvidence(), target.newNaming());
afterAll(() => target.close());

describe('the SES generators make requests the documents call valid', () => {
  it('GetIdentityVerificationAttributes: up to 100 identities, as the properties and the lifecycle ask; never more where they must be rejected', () => {
    const request = (count: number) => ({ Identities: requestedNames(ctx.naming, count) });
    expectDocumented(GetIdentityVerificationAttributesRequest, samples(acceptedIdentityCount).map(request));
    const asked = samples(getAttributesCommand.arbitrary).map((command) => ({ Identities: command.names.map((name) => realName(ctx, name)) }));
    expectDocumented(GetIdentityVerificationAttributesRequest, asked);
    expectUndocumented(GetIdentityVerificationAttributesRequest, samples(rejectedIdentityCount).map(request));
  });

  it('VerifyEmailIdentity, VerifyDomainIdentity and DeleteIdentity: the pool names of this run', () => {
    expectDocumented(
      VerifyEmailIdentityRequest,
      samples(verifyEmailCommand.arbitrary).map((command) => ({ EmailAddress: ctx.naming.email(command.local) })),
    );
    expectDocumented(
      VerifyDomainIdentityRequest,
      samples(verifyDomainCommand.arbitrary).map((command) => ({ Domain: ctx.naming.domain(command.label) })),
    );
    expectDocumented(
      DeleteIdentityRequest,
      samples(deleteIdentityCommand.arbitrary).map((command) => ({ Identity: realName(ctx, command.name) })),
    );
  });

  it('ListIdentities: each IdentityType filter and page size', () => {
    const listings = samples(listIdentitiesCommand.arbitrary);
    expectDocumented(
      ListIdentitiesRequest,
      listings.map((command) => ({ IdentityType: command.type, MaxItems: command.maxItems })),
    );
  });
});
