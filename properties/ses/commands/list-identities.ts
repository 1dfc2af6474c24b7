import { ListIdentitiesCommand } from '@aws-sdk/client-ses';
import fc from 'fast-check';
import { ListIdentitiesResponse } from '../../../models/ses/shapes.ts';
import { call } from '../../shared/call.ts';
import { expectSetup, fail, judge, stripMetadata } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { ALL_POOL_NAMES, identityTypeFilter, listPageSize } from '../arbitraries.ts';
import { poolKey, realName, SesCommand, type SesBox } from './ses-command.ts';

/** Enough pages for any sandbox account's identities at the smallest page size we use... and no more. */
const MAX_PAGES = 200;
const LIST = 'ListIdentities';

/**
 * ListIdentities through every page: this run's identities listed once each (only those of the
 * IdentityType asked for), deleted ones not at all. Only identities that exist, or were deleted,
 * are evidence: a name never created says nothing of the listing.
 */
export class ListIdentities extends SesCommand {
  constructor(
    readonly type: 'EmailAddress' | 'Domain' | undefined,
    readonly maxItems: number | undefined,
  ) {
    super();
  }

  check(): boolean {
    return true;
  }

  protected async execute(box: SesBox, ctx: RunContext): Promise<void> {
    const listed: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    while (pages < MAX_PAGES) {
      pages += 1;
      const result = await call(ctx, 'ses', new ListIdentitiesCommand({ IdentityType: this.type, MaxItems: this.maxItems, NextToken: nextToken }), [
        'SES.LIST.IDENTITIES',
      ]);
      const output = stripMetadata(expectSetup(ctx, 'SES.LIST.IDENTITIES', LIST, result, 'identities can be listed'));
      const parsed = ListIdentitiesResponse.safeParse(output);
      if (!parsed.success)
        fail(ctx, 'SES.LIST.IDENTITIES', LIST, {
          message: 'answered a page that does not match the documented shape',
          expected: 'Identities (and a NextToken while more follow)',
          actual: JSON.stringify(output),
        });
      listed.push(...parsed.data.Identities);
      nextToken = parsed.data.NextToken || undefined;
      if (!nextToken) break;
    }
    if (nextToken !== undefined)
      fail(ctx, 'SES.LIST.IDENTITIES', LIST, {
        message: `still answering a NextToken after ${MAX_PAGES} pages`,
        expected: 'the last page has no NextToken',
        actual: `NextToken ${nextToken}`,
      });

    const under = this.type ? ` under ${this.type}` : '';
    const paging = pages > 1 ? ', across pages' : '';
    let lost = false;
    for (const name of ALL_POOL_NAMES) {
      const key = poolKey(name);
      const real = realName(ctx, name);
      const times = listed.filter((listedName) => listedName === real).length;
      const identity = box.state.identities.get(key);
      const ofType = !this.type || (this.type === 'EmailAddress') === (name.kind === 'email');
      if (identity && ofType) {
        // Left out of a listing, the identity still exists: the model stays right.
        judge(
          ctx,
          'SES.LIST.IDENTITIES',
          LIST,
          times === 1,
          () => ({
            message: `${real} exists but is listed ${times} times`,
            expected: `listed once${under}`,
            actual: `listed ${times} times`,
          }),
          `existing ${name.kind} → listed once${under}${paging}`,
        );
      } else if (identity) {
        judge(
          ctx,
          'SES.LIST.IDENTITIES',
          LIST,
          times === 0,
          () => ({
            message: `${real} is listed under IdentityType ${this.type}, which it is not`,
            expected: 'not listed',
            actual: `listed ${times} times`,
          }),
          `existing ${name.kind} → not listed${under}`,
        );
      } else {
        const deleted = box.state.deleted.has(key);
        // A deleted identity still listed exists after all: the model no longer knows its state.
        // Under another IdentityType it would not be listed anyway: no evidence of the deletion.
        lost ||= !judge(
          ctx,
          deleted ? 'SES.DELETE.REMOVES_IDENTITY' : 'SES.LIST.IDENTITIES',
          LIST,
          times === 0,
          () => ({
            message: `${real} does not exist${deleted ? ' (it was deleted)' : ''} but is listed`,
            expected: 'not listed',
            actual: `listed ${times} times`,
          }),
          deleted && ofType ? `deleted ${name.kind} → not listed${under}` : undefined,
        );
      }
    }
    ctx.brokeInStep = lost;
  }

  toString(): string {
    return `ListIdentities(${this.type ?? 'all'}, page ${this.maxItems ?? 'default'})`;
  }
}

export const listIdentitiesCommand = {
  operations: ['ListIdentities'],
  arbitrary: fc.tuple(identityTypeFilter, listPageSize).map(([type, maxItems]) => new ListIdentities(type, maxItems)),
};
