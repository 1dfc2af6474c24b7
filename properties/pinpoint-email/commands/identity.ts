import { DeleteEmailIdentityCommand, ListEmailIdentitiesCommand } from '@aws-sdk/client-pinpoint-email';
import fc from 'fast-check';
import { createIdentity, deleteIdentity, settleIdentity } from '../../../models/pinpoint-email/model.ts';
import { IDENTITY_TYPES, ListEmailIdentitiesResponse } from '../../../models/pinpoint-email/shapes.ts';
import type { TagInput } from '../../../models/shared/tags.ts';
import { call } from '../../shared/call.ts';
import { checkThat, expectMember, expectShape } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { ALL_POOL_NAMES, fillers, pageSize, poolName, poolTags, type PoolName } from '../arbitraries.ts';
import { checkIdentityAnswer, checkVerification, createEmailIdentity, expectDocumentedSuccess, expectNotFound, getEmailIdentity } from '../steps.ts';
import { PinpointCommand, realName, type PinpointBox } from './pinpoint-command.ts';

const show = (tags: readonly TagInput[]) => (tags.length > 6 ? `${tags.length} tags` : JSON.stringify(tags));

/** CreateEmailIdentity of a pool name that does not exist (again after a delete), with valid tags. */
export class CreateIdentity extends PinpointCommand {
  constructor(readonly name: PoolName, readonly tags: TagInput[]) { super(); }

  check(box: Readonly<PinpointBox>): boolean { return !box.state.identities.has(this.name.key); }

  protected touchesTagsOf() { return this.name; }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const real = realName(ctx, this.name);
    const result = await createEmailIdentity(ctx, real, this.tags, ['PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE']);
    const output = expectDocumentedSuccess(ctx, 'PINPOINT.IDENTITY.NOT_VERIFIED_ON_CREATE', 'CreateEmailIdentity', result, `a new identity with ${this.tags.length} valid tags is accepted`);
    const answer = checkIdentityAnswer(ctx, 'CreateEmailIdentity', real, this.name.kind, output);
    box.state = createIdentity(box.state, this.name.key, this.name.kind, answer.DkimAttributes?.Tokens ?? [], this.tags, result.at);
    checkVerification(ctx, 'CreateEmailIdentity', real, box.state.identities.get(this.name.key)!, answer, result.at);
  }

  toString(): string { return `CreateEmailIdentity(${this.name.key}, ${show(this.tags)})`; }
}

export const createIdentityCommand = {
  arbitrary: fc
    .tuple(poolName, poolTags, fc.constantFrom(0, 0, 1, 46, 47))
    .map(([name, tags, fill]) => new CreateIdentity(name, [...tags, ...fillers(fill)])),
};

/** GetEmailIdentity of any pool name: an existing one against the model, any other NotFoundException. */
export class GetIdentity extends PinpointCommand {
  constructor(readonly name: PoolName) { super(); }

  check(): boolean { return true; }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const real = realName(ctx, this.name);
    const identity = box.state.identities.get(this.name.key);
    const result = await getEmailIdentity(ctx, real, ['PINPOINT.IDENTITY.TYPE']);
    if (!identity) {
      const deleted = box.state.deleted.has(this.name.key);
      expectNotFound(ctx, deleted ? 'PINPOINT.DELETE.REMOVES_IDENTITY' : 'PINPOINT.GET.NOT_FOUND', real, result, deleted ? 'was deleted' : 'was never created');
      return;
    }
    const output = expectDocumentedSuccess(ctx, 'PINPOINT.IDENTITY.TYPE', 'GetEmailIdentity', result, `${real} exists`);
    const answer = checkIdentityAnswer(ctx, 'GetEmailIdentity', real, this.name.kind, output);
    if (identity.kind === 'domain') {
      const same = JSON.stringify([...(answer.DkimAttributes?.Tokens ?? [])].sort()) === JSON.stringify([...identity.tokens].sort());
      checkThat(ctx, 'PINPOINT.DKIM.DOMAIN_TOKENS', 'GetEmailIdentity', same, () => ({
        message: `${real} answers other DKIM tokens than CreateEmailIdentity gave`,
        expected: JSON.stringify(identity.tokens),
        actual: JSON.stringify(answer.DkimAttributes?.Tokens),
      }));
    }
    const phase = checkVerification(ctx, 'GetEmailIdentity', real, identity, answer, result.at);
    if (phase === 'verified') box.state = settleIdentity(box.state, this.name.key);
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
    expectDocumentedSuccess(ctx, 'PINPOINT.DELETE.REMOVES_IDENTITY', 'DeleteEmailIdentity', result, 'an existing identity can be deleted');
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
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await call(ctx, 'pinpoint-email', new ListEmailIdentitiesCommand({ PageSize: this.pageSize, NextToken: nextToken }), ['PINPOINT.LIST.IDENTITIES']);
      const output = expectDocumentedSuccess(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', result, 'identities can be listed');
      const parsed = expectShape(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', ListEmailIdentitiesResponse, output);
      listed.push(...(parsed.EmailIdentities ?? []));
      nextToken = parsed.NextToken || undefined;
      if (!nextToken) break;
    }
    checkThat(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', nextToken === undefined, () => ({
      message: `still answering a NextToken after ${MAX_PAGES} pages`, expected: 'the last page has no NextToken', actual: `NextToken ${nextToken}`,
    }));
    for (const name of ALL_POOL_NAMES) {
      const real = realName(ctx, name);
      const entries = listed.filter((entry) => entry.IdentityName === real);
      if (box.state.identities.has(name.key)) {
        checkThat(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', entries.length === 1, () => ({
          message: `${real} exists but is listed ${entries.length} times`, expected: 'listed once', actual: `listed ${entries.length} times`,
        }));
        const type = name.kind === 'email' ? 'EMAIL_ADDRESS' : 'DOMAIN';
        if (entries[0].IdentityType !== undefined) expectMember(ctx, 'PINPOINT.ENUM.IDENTITY_TYPE', 'ListEmailIdentities', `IdentityType of ${real}`, IDENTITY_TYPES, entries[0].IdentityType);
        checkThat(ctx, 'PINPOINT.IDENTITY.TYPE', 'ListEmailIdentities', entries[0].IdentityType === type, () => ({
          message: `${real} is listed with the wrong IdentityType`, expected: type, actual: JSON.stringify(entries[0].IdentityType),
        }));
      } else {
        const rule = box.state.deleted.has(name.key) ? 'PINPOINT.DELETE.REMOVES_IDENTITY' : 'PINPOINT.LIST.IDENTITIES';
        checkThat(ctx, rule, 'ListEmailIdentities', entries.length === 0, () => ({
          message: `${real} does not exist${box.state.deleted.has(name.key) ? ' (it was deleted)' : ''} but is listed`, expected: 'not listed', actual: `listed ${entries.length} times`,
        }));
      }
    }
  }

  toString(): string { return `ListEmailIdentities(page ${this.pageSize ?? 'default'})`; }
}

export const listIdentitiesCommand = { operations: ['ListEmailIdentities'], arbitrary: pageSize.map((size) => new ListIdentities(size)) };
