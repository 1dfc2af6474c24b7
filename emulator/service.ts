// What a service plugs into the emulator: its protocol bindings (how it is reached on the wire)
// and a way to forget its state. The shared control plane is handed to it at construction.
import type { AwsJsonBinding } from './protocols/aws-json.ts';
import type { AwsQueryBinding } from './protocols/aws-query.ts';
import type { RestJsonBinding } from './protocols/rest-json.ts';
import type { Clock } from './control/clock.ts';
import type { Dns } from './control/dns.ts';
import type { FaultRegistry } from './control/faults.ts';
import type { Inbox } from './control/inbox.ts';
import type { Links } from './control/links.ts';

/** One member per wire protocol; awsJson1_1 and restJson1 bindings join when a service needs them. */
type ProtocolBinding = AwsQueryBinding | AwsJsonBinding | RestJsonBinding;

export interface EmulatedService {
  name: string;
  bindings: ProtocolBinding[];
  /** Forgets every account's and region's state. */
  reset(): void;
}

/** The shared parts every service may use. */
export interface ServiceContext {
  clock: Clock;
  inbox: Inbox;
  dns: Dns;
  faults: FaultRegistry;
  links: Links;
}
