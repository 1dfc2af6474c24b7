import { DeleteEmailIdentityCommand, ListEmailIdentitiesCommand } from '@aws-sdk/client-pinpoint-email';
import fc from 'fast-check';
import { createIdentity, deleteIdentity, markVerifiedEarly, settleIdentity } from '../../../models/pinpoint-email/model.ts';
import { IDENTITY_TYPES, ListEmailIdentitiesResponse } from '../../../models/pinpoint-email/shapes.ts';
import type { TagInput } from '../../../models/shared/tags.ts';
import { call } from '../../shared/call.ts';
import { checkThat, expectMember, expectSetup, expectShape } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { ALL_POOL_NAMES, fillers, pageSize, poolName, poolTags, type PoolName } from '../arbitraries.ts';
import { checkIdentityAnswer, checkType, checkVerification, createEmailIdentity, expectAccepted, expectDeleted, expectNotFound, getEmailIdentity } from '../steps.ts';
import { PinpointCommand, realName, type PinpointBox } from './pinpoint-command.ts';

const show = (tags: readonly TagInput[]) => (tags.length > 6 ? `${tags.length} tags` : JSON.stringify(tags));

/**
 * CreateEmailIdentity of a pool name that does not exist (again after a delete), with valid tags.
 * `setUp`: only the tags that follow are observed, not the answer (the tag property's create).
 */
export class CreateIdentity extends PinpointCommand {
  constructor(readonly name: PoolName, readonly tags: TagInput[], readonly setUp = false) { super(); }

  check(box: Readonly<PinpointBox>): boolean { return !box.state.identities.has(this.name.key); }

  protected touchesTagsOf() { return this.tags.length ? this.name : undefined; }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const real = realName(ctx, this.name);
    this.listedAfter = 'CreateEmailIdentity';
    const rule = 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE';
    const result = await createEmailIdentity(ctx, real, this.tags, [rule]);
    const output = this.tags.length
      ? expectAccepted(ctx, 'CreateEmailIdentity', result, this.tags, new Set(), this.setUp ? 'PINPOINT.TAGS.CHARACTERS' : rule)
      : expectSetup(ctx, this.setUp ? 'PINPOINT.TAGS.LIST_MATCHES' : rule, 'CreateEmailIdentity', result, `a new ${this.name.kind} identity is accepted`);
    if (this.setUp) {
      box.state = createIdentity(box.state, this.name.key, this.name.kind, [], this.tags, result.at);
      return;
    }
    const checked = checkIdentityAnswer(ctx, 'CreateEmailIdentity', real, this.name.kind, output);
    box.state = createIdentity(box.state, this.name.key, this.name.kind, checked.answer.DkimAttributes?.Tokens ?? [], this.tags, result.at);
    const seen = checkVerification(ctx, 'CreateEmailIdentity', real, box.state.identities.get(this.name.key)!, checked, result.at);
    if (seen.verifiedEarly) box.state = markVerifiedEarly(box.state, this.name.key);
    // Re-based: nothing the model goes on with rests on a deviating part of the answer.
    ctx.brokeInStep = false;
  }

  toString(): string { return `CreateEmailIdentity(${this.name.key}, ${show(this.tags)})`; }
}

export const createIdentityCommand = { arbitrary: poolName.map((name) => new CreateIdentity(name, [])) };

/** The tag property's create: valid tags, its answer not observed. */
export const createTaggedCommand = {
  arbitrary: fc
    .tuple(poolName, poolTags, fc.constantFrom(0, 0, 1, 46, 47))
    .map(([name, tags, fill]) => new CreateIdentity(name, [...tags, ...fillers(fill)], true)),
};

/** GetEmailIdentity of any pool name: an existing one against the model, a deleted or never-created one NotFoundException. */
export class GetIdentity extends PinpointCommand {
  constructor(readonly name: PoolName) { super(); }

  check(): boolean { return true; }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const real = realName(ctx, this.name);
    const identity = box.state.identities.get(this.name.key);
    const result = await getEmailIdentity(ctx, real, ['PINPOINT.IDENTITY.TYPE']);
    if (!identity) {
      if (!box.state.deleted.has(this.name.key)) return expectNotFound(ctx, real, result, 'never-created identity');
      // Still answered (a failure already found): the model keeps it deleted; later reads are the same deviation.
      if (!expectDeleted(ctx, real, result)) ctx.brokeInStep = false;
      return;
    }
    const output = expectSetup(ctx, 'PINPOINT.IDENTITY.TYPE', 'GetEmailIdentity', result, `${real} exists`);
    const checked = checkIdentityAnswer(ctx, 'GetEmailIdentity', real, this.name.kind, output);
    if (identity.kind === 'domain') {
      const tokens = checked.answer.DkimAttributes?.Tokens ?? [];
      const same = JSON.stringify([...tokens].sort()) === JSON.stringify([...identity.tokens].sort());
      checkThat(ctx, 'PINPOINT.DKIM.DOMAIN_TOKENS', 'GetEmailIdentity', same, () => ({
        message: `${real} answers other DKIM tokens than CreateEmailIdentity gave`,
        expected: JSON.stringify(identity.tokens),
        actual: JSON.stringify(tokens),
      }), 'GetEmailIdentity: domain → the tokens CreateEmailIdentity gave');
    }
    const seen = checkVerification(ctx, 'GetEmailIdentity', real, identity, checked, result.at);
    if (seen.phase === 'verified') box.state = settleIdentity(box.state, this.name.key);
    if (seen.verifiedEarly) box.state = markVerifiedEarly(box.state, this.name.key);
    ctx.brokeInStep = false;
  }

  toString(): string { return `GetEmailIdentity(${this.name.key})`; }
}

export const getIdentityCommand = { arbitrary: poolName.map((name) => new GetIdentity(name)) };

/** DeleteEmailIdentity of an existing identity. */
export class DeleteIdentity extends PinpointCommand {
  constructor(readonly name: PoolName) { super(); }

  check(box: Readonly<PinpointBox>): boolean { return box.state.identities.has(this.name.key); }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const real = realName(ctx, this.name);
    const result = await call(ctx, 'pinpoint-email', new DeleteEmailIdentityCommand({ EmailIdentity: real }), ['PINPOINT.DELETE.REMOVES_IDENTITY']);
    expectSetup(ctx, 'PINPOINT.DELETE.REMOVES_IDENTITY', 'DeleteEmailIdentity', result, 'an existing identity can be deleted');
    ctx.target.resources.remove(`pinpoint-email:${real}`);
    box.state = deleteIdentity(box.state, this.name.key);
  }

  toString(): string { return `DeleteEmailIdentity(${this.name.key})`; }
}

export const deleteIdentityCommand = { operations: ['DeleteEmailIdentity'], arbitrary: poolName.map((name) => new DeleteIdentity(name)) };

/** Enough pages for a sandbox account's identities at the smallest page size we use. */
const MAX_PAGES = 200;

/** ListEmailIdentities through every page: this run's identities listed once each with their type, deleted ones not at all. */
export class ListIdentities extends PinpointCommand {
  constructor(readonly pageSize: number | undefined) { super(); }

  check(): boolean { return true; }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const listed: { IdentityName?: string; IdentityType?: string }[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    for (; pages < MAX_PAGES; pages++) {
      const result = await call(ctx, 'pinpoint-email', new ListEmailIdentitiesCommand({ PageSize: this.pageSize, NextToken: nextToken }), ['PINPOINT.LIST.IDENTITIES']);
      const output = expectSetup(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', result, 'identities can be listed');
      const parsed = expectShape(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', ListEmailIdentitiesResponse, output, 'ListEmailIdentities: answer shape');
      listed.push(...(parsed.EmailIdentities ?? []));
      nextToken = parsed.NextToken || undefined;
      if (!nextToken) break;
    }
    checkThat(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', nextToken === undefined, () => ({
      message: `still answering a NextToken after ${MAX_PAGES} pages`, expected: 'the last page has no NextToken', actual: `NextToken ${nextToken}`,
    }), `ListEmailIdentities: page size ${this.pageSize ?? 'default'} → a last page`);
    const existing = box.state.identities.size;
    const paging = `${existing} identities, page size ${this.pageSize ?? 'default'}`;
    for (const name of ALL_POOL_NAMES) {
      const real = realName(ctx, name);
      const entries = listed.filter((entry) => entry.IdentityName === real);
      if (box.state.identities.has(name.key)) {
        checkThat(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', entries.length === 1, () => ({
          message: `${real} exists but is listed ${entries.length} times`, expected: 'listed once', actual: `listed ${entries.length} times`,
        }), `ListEmailIdentities: ${paging} → each listed once`);
        const type = entries[0]?.IdentityType;
        if (type !== undefined && expectMember(ctx, 'PINPOINT.ENUM.IDENTITY_TYPE', 'ListEmailIdentities', `IdentityType of ${real}`, IDENTITY_TYPES, type)) checkType(ctx, 'ListEmailIdentities', real, name.kind, type);
      } else if (box.state.deleted.has(name.key)) {
        checkThat(ctx, 'PINPOINT.DELETE.REMOVES_IDENTITY', 'ListEmailIdentities', entries.length === 0, () => ({
          message: `${real} was deleted but is listed`, expected: 'not listed', actual: `listed ${entries.length} times`,
        }), 'ListEmailIdentities: deleted identity → not listed');
      } else if (existing > 0) {
        // Only a listing that holds identities shows it leaves out the ones that do not exist.
        checkThat(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', entries.length === 0, () => ({
          message: `${real} does not exist but is listed`, expected: 'not listed', actual: `listed ${entries.length} times`,
        }), 'ListEmailIdentities: never-created identity → not listed');
      }
    }
    // The model does not rest on the listing: a deviation already found changes nothing it goes on with.
    ctx.brokeInStep = false;
  }

  toString(): string { return `ListEmailIdentities(page ${this.pageSize ?? 'default'})`; }
}

export const listIdentitiesCommand = { operations: ['ListEmailIdentities'], arbitrary: pageSize.map((size) => new ListIdentities(size)) };
