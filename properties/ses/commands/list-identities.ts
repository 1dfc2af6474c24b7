import { ListIdentitiesCommand } from '@aws-sdk/client-ses';
import fc from 'fast-check';
import { ListIdentitiesResponse } from '../../../models/ses/shapes.ts';
import { call } from '../../shared/call.ts';
import { checkThat, expectShape, expectSuccess } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { ALL_POOL_NAMES, identityTypeFilter, listPageSize } from '../arbitraries.ts';
import { poolKey, realName, SesCommand, type SesBox } from './ses-command.ts';

/** Enough pages for any sandbox account's identities at the smallest page size we use... and no more. */
const MAX_PAGES = 200;

/** ListIdentities through every page: this run's identities listed once each, deleted ones not at all. */
export class ListIdentities extends SesCommand {
  constructor(readonly type: 'EmailAddress' | 'Domain' | undefined, readonly maxItems: number | undefined) { super(); }

  check(): boolean { return true; }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    const listed: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await call(ctx, 'ses', new ListIdentitiesCommand({ IdentityType: this.type, MaxItems: this.maxItems, NextToken: nextToken }), ['SES.LIST.IDENTITIES']);
      const output = expectSuccess(ctx, 'SES.LIST.IDENTITIES', 'ListIdentities', result, 'identities can be listed');
      const parsed = expectShape(ctx, 'SES.LIST.IDENTITIES', 'ListIdentities', ListIdentitiesResponse, output);
      listed.push(...parsed.Identities);
      nextToken = parsed.NextToken || undefined;
      if (!nextToken) break;
    }
    checkThat(ctx, 'SES.LIST.IDENTITIES', 'ListIdentities', nextToken === undefined, () => ({
      message: `still answering a NextToken after ${MAX_PAGES} pages`,
      expected: 'the last page has no NextToken',
      actual: `NextToken ${nextToken}`,
    }));

    for (const name of ALL_POOL_NAMES) {
      const key = poolKey(name);
      const real = realName(ctx, name);
      const times = listed.filter((listedName) => listedName === real).length;
      const identity = box.state.identities.get(key);
      const ofType = identity && (!this.type || (this.type === 'EmailAddress') === (identity.kind === 'email'));
      if (ofType) {
        checkThat(ctx, 'SES.LIST.IDENTITIES', 'ListIdentities', times === 1, () => ({
          message: `${real} exists but is listed ${times} times`,
          expected: `listed once${this.type ? ` under IdentityType ${this.type}` : ''}`,
          actual: `listed ${times} times`,
        }));
      } else {
        const rule = box.state.deleted.has(key) ? 'SES.DELETE.REMOVES_IDENTITY' : 'SES.LIST.IDENTITIES';
        checkThat(ctx, rule, 'ListIdentities', times === 0, () => ({
          message: identity ? `${real} is listed under IdentityType ${this.type}, which it is not` : `${real} does not exist${box.state.deleted.has(key) ? ' (it was deleted)' : ''} but is listed`,
          expected: 'not listed',
          actual: `listed ${times} times`,
        }));
      }
    }
  }

  toString(): string { return `ListIdentities(${this.type ?? 'all'}, page ${this.maxItems ?? 'default'})`; }
}

export const listIdentitiesCommand = {
  operations: ['ListIdentities'],
  arbitrary: fc.tuple(identityTypeFilter, listPageSize).map(([type, maxItems]) => new ListIdentities(type, maxItems)),
};
