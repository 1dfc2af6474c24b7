// Lightsail keeps one contact method per protocol and region, named by nothing the run chooses:
// a CreateContactMethod may replace, and a DeleteContactMethod removes, whatever the account had.
// On AWS the harness creates or deletes a protocol in a region only while no contact method of
// that protocol is there that a run (this one, or an earlier one: `avc-<run>-...` under
// CONFORMANCE_EMAIL_DOMAIN) did not create.
import { GetContactMethodsCommand } from '@aws-sdk/client-lightsail';
import { GuardError, isUnderDomain } from './aws-guard.ts';
import { RUN_NAME } from './base.ts';

const TOUCHING = new Set(['CreateContactMethodCommand', 'DeleteContactMethodCommand']);

type Send = (command: GetContactMethodsCommand) => Promise<{ contactMethods?: { protocol?: string; contactEndpoint?: string }[] }>;

export class LightsailOwnership {
  /** `region:protocol` of the contact methods this run created and has not deleted. */
  private readonly ours = new Set<string>();

  constructor(private readonly domain: string) {}

  /** An email contact method a run made; an SMS one cannot be told from the account's own. */
  private madeByARun(method: { protocol?: string; contactEndpoint?: string }): boolean {
    const endpoint = method.contactEndpoint ?? '';
    return method.protocol === 'Email' && RUN_NAME.test(endpoint) && isUnderDomain(endpoint, this.domain);
  }

  /** Refuses a create or delete that would replace or remove a contact method this run did not create. */
  async assertMayTouch(commandName: string, input: Record<string, unknown>, region: string, send: Send): Promise<void> {
    if (!TOUCHING.has(commandName) || typeof input.protocol !== 'string') return;
    const key = `${region}:${input.protocol}`;
    if (this.ours.has(key)) return;
    const { contactMethods = [] } = await send(new GetContactMethodsCommand({ protocols: [input.protocol as never] }));
    const foreign = contactMethods.filter((method) => method.protocol === input.protocol && !this.madeByARun(method));
    if (foreign.length === 0) return;
    const what = foreign.map((method) => method.contactEndpoint ?? '?').join(', ');
    throw new GuardError(
      `refused ${commandName}: ${region} already has a ${input.protocol} contact method (${what}) that this run did not create; ` +
        'the harness would replace or delete it (remove it, or run in another --region)',
    );
  }

  /** What a successful create or delete changed. */
  record(commandName: string, input: Record<string, unknown>, region: string): void {
    const key = `${region}:${String(input.protocol)}`;
    if (commandName === 'CreateContactMethodCommand') this.ours.add(key);
    if (commandName === 'DeleteContactMethodCommand') this.ours.delete(key);
  }
}
