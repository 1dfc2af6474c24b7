// What a GetIdentityVerificationAttributes answer is judged by: its shape and enum, and per
// identity the status (against the model, by the lifecycle rule the expectation stands for) and
// the token, each an independent check of the same answer. An observation counts for a rule only
// where it compared the answer with what the rule states; its label names the case.
import { allowedStatuses, type SesIdentity } from '../../models/ses/model.ts';
import { GetIdentityVerificationAttributesResponse, VERIFICATION_STATUSES, type VerificationStatus } from '../../models/ses/shapes.ts';
import type { Instant } from '../../models/shared/clock.ts';
import type { RuleId } from '../../services/index.ts';
import { checkThat, expectMember, expectShape, judge, stop, stripMetadata } from '../shared/checks.ts';
import type { RunContext } from '../shared/context.ts';

const GIVA = 'GetIdentityVerificationAttributes';

export type Attributes = Record<string, { VerificationStatus: string; VerificationToken?: string | null }>;

const isStatus = (value: unknown): value is VerificationStatus => VERIFICATION_STATUSES.some((s) => s === value);

const caseFolded = (value: unknown): VerificationStatus | undefined =>
  typeof value === 'string' ? VERIFICATION_STATUSES.find((s) => s.toLowerCase() === value.toLowerCase()) : undefined;

/**
 * The shape and enum rules, for an answer to `requested`. `unrequested`: identities that exist but
 * were not asked for; only then does "no other keys" compare anything.
 */
export function checkAttributes(ctx: RunContext, requested: readonly string[], output: unknown, unrequested: readonly string[]): Attributes {
  const parsed = GetIdentityVerificationAttributesResponse.safeParse(stripMetadata(output));
  // An empty map shows nothing of "a VerificationStatus per entry".
  const empty = parsed.success && Object.keys(parsed.data.VerificationAttributes).length === 0;
  const { VerificationAttributes } = empty
    ? parsed.data!
    : expectShape(ctx, 'SES.GIVA.RESPONSE_SHAPE', GIVA, GetIdentityVerificationAttributesResponse, output, 'map entry → VerificationStatus');
  const extra = Object.keys(VerificationAttributes).filter((key) => !requested.includes(key));
  judge(
    ctx,
    'SES.GIVA.RESPONSE_SHAPE',
    GIVA,
    extra.length === 0,
    () => ({
      message: 'answered attributes for identities that were not requested',
      expected: `keys among ${JSON.stringify(requested.slice(0, 5))}${requested.length > 5 ? '…' : ''}`,
      actual: JSON.stringify(extra),
    }),
    unrequested.length ? 'existing identity not requested → no entry' : undefined,
  );
  for (const [identity, attributes] of Object.entries(VerificationAttributes)) {
    expectMember(ctx, 'SES.GIVA.STATUS_ENUM', GIVA, `VerificationStatus of ${identity}`, VERIFICATION_STATUSES, attributes.VerificationStatus);
  }
  return VerificationAttributes;
}

/** Which documented rule an expectation about an identity's status stands for. */
function ruleForStatus(identity: SesIdentity, allowed: ReadonlySet<string>): RuleId {
  const only = allowed.size === 1 ? [...allowed][0] : undefined;
  if (identity.kind === 'email') {
    if (only === 'Success') return 'SES.EMAIL.SUCCESS_WITHIN_24H';
    if (only === 'Failed') return 'SES.EMAIL.FAILED_AFTER_24H';
    return identity.restarted && only === 'Pending' ? 'SES.EMAIL.RESTART_AFTER_FAILED' : 'SES.EMAIL.PENDING_UNTIL_CLICKED';
  }
  if (only === 'Failed') return 'SES.DOMAIN.FAILED_AFTER_72H';
  if (allowed.has('Success')) return 'SES.DOMAIN.SUCCESS_WHEN_RECORD';
  return identity.restarted && only === 'Pending' ? 'SES.DOMAIN.RESTART_AFTER_FAILED' : 'SES.DOMAIN.PENDING_UNTIL_RECORD';
}

/** The lifecycle case an observation was made in: `email Failed: link followed too late`. */
function caseLabel(identity: SesIdentity, allowed: ReadonlySet<string>, status: string): string {
  const email = identity.kind === 'email';
  const confirmation = email ? 'link followed' : 'TXT record published';
  let at: string;
  if (identity.verification.confirmedAt) at = `${confirmation} in time${allowed.size === 1 && !email ? ', window over' : ''}`;
  else if (identity.confirmedLate) at = `${confirmation} too late`;
  else if (allowed.has('Failed')) at = `${email ? 24 : 72} h over, nothing ${email ? 'followed' : 'published'}`;
  else at = identity.restarted ? 'restarted after Failed' : `within ${email ? 24 : 72} h, nothing ${email ? 'followed' : 'published'}`;
  return `${identity.kind} ${status}: ${at}`;
}

/**
 * One identity's entry against the model at `at`: the status by the lifecycle rule it stands for,
 * the token by the token rules, independently. Returns the status the model must adopt where the
 * target departed from it (a rule already found failing), so later steps go on.
 */
export function checkIdentity(
  ctx: RunContext,
  name: string,
  identity: SesIdentity,
  reported: Attributes[string] | undefined,
  at: Instant,
): VerificationStatus | undefined {
  const allowed = allowedStatuses(identity, at);
  const rule = ruleForStatus(identity, allowed);
  if (!reported) {
    if (!identity.adopted) {
      checkThat(ctx, rule, GIVA, false, () => ({
        message: `${name} exists but is missing from VerificationAttributes`,
        expected: `an entry for ${name} with status ${[...allowed].join(' or ')}`,
        actual: 'no entry',
      }));
    }
    stop(`${name} is missing from VerificationAttributes: the model cannot follow it`);
  }
  checkToken(ctx, name, identity, reported.VerificationToken);
  // Outside the enum: STATUS_ENUM's finding. A spelling that names a status in another letter case
  // still tells the state (the lifecycle rules judge that); anything else judges no lifecycle rule.
  const status = isStatus(reported.VerificationStatus) ? reported.VerificationStatus : caseFolded(reported.VerificationStatus);
  if (!status) return undefined;
  // A verification the model follows the target in: no evidence on any lifecycle rule.
  if (identity.adopted) return status === identity.adopted ? undefined : status;
  // Evidence only where the status tells: one status allowed, or the Success a published record leads to
  // (Pending at the deadline, or before a record is detected, shows nothing either way).
  const telling = allowed.size === 1 || status === 'Success';
  const holds = judge(
    ctx,
    rule,
    GIVA,
    allowed.has(status),
    () => ({
      message: `${name} reports the wrong verification status`,
      expected: [...allowed].join(' or '),
      actual: status,
    }),
    telling ? caseLabel(identity, allowed, status) : undefined,
  );
  return holds ? undefined : status;
}

function checkToken(ctx: RunContext, name: string, identity: SesIdentity, token: string | null | undefined): void {
  if (identity.kind === 'email') {
    checkThat(
      ctx,
      'SES.GIVA.EMAIL_TOKEN_NULL',
      GIVA,
      token == null,
      () => ({
        message: `email identity ${name} carries a VerificationToken`,
        expected: 'no VerificationToken (null)',
        actual: JSON.stringify(token),
      }),
      'email identity → no VerificationToken',
    );
  } else if (identity.token === undefined) {
    // VerifyDomainIdentity returned none (its own rule's finding): only that there is one can be judged.
    checkThat(
      ctx,
      'SES.GIVA.DOMAIN_TOKEN',
      GIVA,
      typeof token === 'string' && token.length > 0,
      () => ({
        message: `domain identity ${name} carries no VerificationToken`,
        expected: 'a VerificationToken',
        actual: JSON.stringify(token),
      }),
      'domain identity → a VerificationToken (none returned to compare)',
    );
  } else {
    checkThat(
      ctx,
      'SES.GIVA.DOMAIN_TOKEN',
      GIVA,
      token === identity.token,
      () => ({
        message: `domain identity ${name} does not carry the token VerifyDomainIdentity returned`,
        expected: identity.token!,
        actual: JSON.stringify(token),
      }),
      identity.restarted ? 'domain restarted → the new token VerifyDomainIdentity returned' : 'domain → the token VerifyDomainIdentity returned',
    );
  }
}
