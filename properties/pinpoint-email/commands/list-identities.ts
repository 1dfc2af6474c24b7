import { ListEmailIdentitiesCommand } from '@aws-sdk/client-pinpoint-email';
import { IDENTITY_TYPES, ListEmailIdentitiesResponse } from '../../../models/pinpoint-email/shapes.ts';
import { call } from '../../shared/call.ts';
import { breakIf, checkThat, expectMember, expectSetup, expectShape, sparing } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { ALL_POOL_NAMES, pageSize } from '../arbitraries.ts';
import { checkType } from '../steps.ts';
import { PinpointCommand, realName, type PinpointBox } from './pinpoint-command.ts';

/** Enough pages for a sandbox account's identities at the smallest page size we use. */
const MAX_PAGES = 200;

/** ListEmailIdentities through every page: this run's identities listed once each with their type, deleted ones not at all. */
export class ListIdentities extends PinpointCommand {
  constructor(readonly pageSize: number | undefined) {
    super();
  }

  check(): boolean {
    return true;
  }

  protected async execute(box: PinpointBox, ctx: RunContext): Promise<void> {
    const listed: { IdentityName?: string; IdentityType?: string }[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    for (; pages < MAX_PAGES; pages++) {
      const result = await call(ctx, 'pinpoint-email', new ListEmailIdentitiesCommand({ PageSize: this.pageSize, NextToken: nextToken }), [
        'PINPOINT.LIST.IDENTITIES',
      ]);
      const output = expectSetup(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', result, 'identities can be listed');
      const parsed = expectShape(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', ListEmailIdentitiesResponse, output);
      listed.push(...(parsed.EmailIdentities ?? []));
      nextToken = parsed.NextToken || undefined;
      if (!nextToken) break;
    }
    // The model does not rest on the listing: a deviation already found changes nothing it goes on with.
    sparing(ctx, () => this.compare(box, ctx, listed, nextToken));
  }

  /** The listing against the model: for the listing rule, only an identity that exists, listed once with its type, is evidence. */
  private compare(box: PinpointBox, ctx: RunContext, listed: readonly { IdentityName?: string; IdentityType?: string }[], nextToken: string | undefined): void {
    // That paging ends is no evidence in itself: a listing that ends may still leave identities out.
    breakIf(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', nextToken === undefined, () => ({
      message: `still answering a NextToken after ${MAX_PAGES} pages`,
      expected: 'the last page has no NextToken',
      actual: `NextToken ${nextToken}`,
    }));
    const existing = box.state.identities.size;
    const paging = `${existing} identities, page size ${this.pageSize ?? 'default'}`;
    for (const name of ALL_POOL_NAMES) {
      const real = realName(ctx, name);
      const entries = listed.filter((entry) => entry.IdentityName === real);
      if (box.state.identities.has(name.key)) {
        checkThat(
          ctx,
          'PINPOINT.LIST.IDENTITIES',
          'ListEmailIdentities',
          entries.length === 1,
          () => ({
            message: `${real} exists but is listed ${entries.length} times`,
            expected: 'listed once',
            actual: `listed ${entries.length} times`,
          }),
          `ListEmailIdentities: ${paging} → each listed once`,
        );
        const type = entries[0]?.IdentityType;
        if (type !== undefined && expectMember(ctx, 'PINPOINT.ENUM.IDENTITY_TYPE', 'ListEmailIdentities', `IdentityType of ${real}`, IDENTITY_TYPES, type))
          checkType(ctx, 'ListEmailIdentities', real, name.kind, type);
      } else if (box.state.deleted.has(name.key)) {
        checkThat(
          ctx,
          'PINPOINT.DELETE.REMOVES_IDENTITY',
          'ListEmailIdentities',
          entries.length === 0,
          () => ({
            message: `${real} was deleted but is listed`,
            expected: 'not listed',
            actual: `listed ${entries.length} times`,
          }),
          'ListEmailIdentities: deleted identity → not listed',
        );
      } else {
        // A name never created says nothing of the listing: only a break counts.
        breakIf(ctx, 'PINPOINT.LIST.IDENTITIES', 'ListEmailIdentities', entries.length === 0, () => ({
          message: `${real} does not exist but is listed`,
          expected: 'not listed',
          actual: `listed ${entries.length} times`,
        }));
      }
    }
  }

  toString(): string {
    return `ListEmailIdentities(page ${this.pageSize ?? 'default'})`;
  }
}

export const listIdentitiesCommand = { operations: ['ListEmailIdentities'], arbitrary: pageSize.map((size) => new ListIdentities(size)) };
