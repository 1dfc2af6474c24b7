// Lightsail keeps one contact method per protocol and region, named by nothing the run chooses:
// a CreateContactMethod may replace, and a DeleteContactMethod removes, whatever the account had.
// On AWS the harness creates or deletes a protocol in a region only while no contact method of
// that protocol is there that a run (this one, or an earlier one: `avc-<run>-...` under
// CONFORMANCE_EMAIL_DOMAIN) did not create.
import { GetContactMethodsCommand, type ContactProtocol, type LightsailClient } from '@aws-sdk/client-lightsail';
import type { ClientGuard, CommandInput } from '../../services/manifest.ts';
import { GuardError } from './aws-guard.ts';
import { isRunIdentity } from './run-names.ts';

const TOUCHING = new Set(['CreateContactMethodCommand', 'DeleteContactMethodCommand']);

const PROTOCOLS: readonly string[] = ['Email', 'SMS'] satisfies ContactProtocol[];
const isProtocol = (value: unknown): value is ContactProtocol => typeof value === 'string' && PROTOCOLS.includes(value);

export class LightsailOwnership implements ClientGuard {
  /** `region:protocol` of the contact methods this run created and has not deleted. */
  private readonly ours = new Set<string>();

  constructor(
    private readonly domain: string,
    private readonly client: LightsailClient,
  ) {}

  /** An email contact method a run made; an SMS one cannot be told from the account's own. */
  private madeByARun(method: { protocol?: string; contactEndpoint?: string }): boolean {
    const endpoint = method.contactEndpoint ?? '';
    return method.protocol === 'Email' && isRunIdentity(endpoint, this.domain);
  }

  /** Refuses a create or delete that would replace or remove a contact method this run did not create. */
  async before(commandName: string, input: CommandInput, region: string): Promise<void> {
    if (!TOUCHING.has(commandName) || !isProtocol(input.protocol)) return;
    const key = `${region}:${input.protocol}`;
    if (this.ours.has(key)) return;
    const { contactMethods = [] } = await this.client.send(new GetContactMethodsCommand({ protocols: [input.protocol] }));
    const foreign = contactMethods.filter((method) => method.protocol === input.protocol && !this.madeByARun(method));
    if (foreign.length === 0) return;
    const what = foreign.map((method) => method.contactEndpoint ?? '?').join(', ');
    throw new GuardError(
      `refused ${commandName}: ${region} already has a ${input.protocol} contact method (${what}) that this run did not create; ` +
        'the harness would replace or delete it (remove it, or run in another --region)',
    );
  }

  /** What a successful create or delete changed. */
  after(commandName: string, input: CommandInput, region: string): void {
    const key = `${region}:${String(input.protocol)}`;
    if (commandName === 'CreateContactMethodCommand') this.ours.add(key);
    if (commandName === 'DeleteContactMethodCommand') this.ours.delete(key);
  }
}
