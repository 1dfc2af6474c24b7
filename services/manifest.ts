// What the harness needs to know of one service, in one place. Every list the harness keeps per
// service (rule prefixes, clients, protocols, documented errors, enum pairs, the aws guard's
// destinations, the sweep) is derived from the manifests in services/index.ts. The reference
// emulator keeps its own list (emulator/index.ts), so that it stays independent of the harness.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { EnumPair } from '../models/shared/enum-drift.ts';
import type { ConformanceProperty } from '../properties/shared/property.ts';
import type { DocumentedErrors } from '../properties/shared/documented-errors.ts';
import type { Rule } from '../spec/rule.ts';
import type { Destinations } from '../harness/targets/aws-guard.ts';
import type { SentMessage } from '../harness/targets/message-budget.ts';
import type { SdkRequestHandler } from '../harness/transport/fetch-handler.ts';
import type { WireProtocol } from '../harness/transport/wire-shape.ts';

/** What every client is built with: maxAttempts 1 (a check must see every answer), the recording transport. */
export interface ClientConfig {
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  maxAttempts: number;
  requestHandler: SdkRequestHandler;
  endpoint?: string;
}

/** An SDK v3 client: the properties use each client's own type. */
export interface SdkClient {
  middlewareStack: object;
}

/** A command's input, as the middleware sees it before it is signed. */
export type CommandInput = Record<string, unknown>;

/** Something an earlier run left in the account, found by the sweep. */
export interface Found {
  /** As a person would look it up: an identity, a user pool id and name, a contact method. */
  what: string;
  remove(): Promise<unknown>;
}

/** What the sweep hands a service's finder. */
export interface SweepLook {
  /** CONFORMANCE_EMAIL_DOMAIN: only names under it are a run's. */
  domain: string;
}

export type Sweep<Client> =
  | {
      /** Where to look: the run's region, or every region the service has (a run may use several). */
      regions: 'run' | readonly string[];
      /** Given the client of one of those regions (a NextToken listing reads whole with harness/targets/paging.ts). */
      find(client: Client, look: SweepLook): Promise<Found[]>;
    }
  | { notSwept: string };

/** A per-client guard on AWS beyond the destinations: e.g. Lightsail's one contact method per protocol and region. */
export interface ClientGuard {
  before(command: string, input: CommandInput, region: string): Promise<void>;
  after(command: string, input: CommandInput, region: string): void;
}

export interface ServiceManifest<Name extends string = string, Client extends SdkClient = SdkClient, Id extends string = string> {
  /** The service's id: its folder name under spec/, models/, properties/ and emulator/, and `--services` value. */
  name: Name;
  /** The first segment of every rule id (SES.…). */
  rulePrefix: string;
  rules: readonly Rule<Name, Id>[];
  /**
   * Loaded when a run needs them, so the CLI does not load every property module to parse its flags.
   * A manifest annotates the loader's return type: inferring it would need the rule ids, derived from the manifests.
   */
  properties(): Promise<readonly ConformanceProperty[]>;
  client(config: ClientConfig): Client;
  /** The wire protocol (its API model's metadata.protocol). */
  protocol: WireProtocol;
  /** The errors each operation documents, and the rule they are judged by. */
  documentedErrors: DocumentedErrors<Id>;
  /** The documented enums beside the installed SDK's, for the drift check. */
  enumPairs: readonly EnumPair[];
  /** The aws guard: every command of this service that can send mail or texts, and where to. */
  destinations: Readonly<Record<string, (input: CommandInput) => Destinations>>;
  /**
   * Every command of this service that makes AWS send a message (mail, a code, a text), and what it
   * sends, for the quotas of spec/aws-rates.ts; `region` is the client's.
   */
  messages: Readonly<Record<string, (input: CommandInput, region: string) => SentMessage[]>>;
  /** Extra guard on every client of this service against AWS (given the mail domain and a way to send). */
  awsGuard?(domain: string, client: Client): ClientGuard;
  /** What `conformance sweep` looks for, or why it cannot. */
  sweep: Sweep<Client>;
}

/** Keeps the literal name and rule ids, so that rule ids are a type the checks can name. */
export function defineService<const Name extends string, Client extends SdkClient, const Id extends string>(
  manifest: ServiceManifest<Name, Client, Id>,
): ServiceManifest<Name, Client, Id> {
  return manifest;
}
