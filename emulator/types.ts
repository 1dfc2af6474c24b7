// The emulator's public contract: the types the harness (and anyone driving the emulator in
// process) relies on. Kept apart from index.ts so that internal modules can import them without
// importing the whole emulator.

export interface EmulatorOptions {
  /** Base URL put in verification links; default 'http://localhost:4566'. */
  publicUrl?: string;
  /** Fault ids switched on from the start. */
  faults?: string[];
}

export interface Emulator {
  /** The whole emulator: AWS APIs, control routes and verification links. Never rejects. */
  fetch(request: Request): Promise<Response>;
  control: EmulatorControl;
}

export interface EmulatorControl {
  /** Virtual time in epoch ms: real time plus an offset that only `advance` changes. */
  clock: { now(): number; advance(ms: number): void };
  inbox: { list(filter?: { to?: string }): InboxMessage[]; clear(): void };
  dns: { publish(record: DnsRecord): void; remove(record: DnsRecord): void; list(): DnsRecord[] };
  faults: { catalog(): FaultInfo[]; enable(id: string): void; disable(id: string): void; enabled(): string[] };
  /** Access tokens for tests (capability `token-minting`); throws for an unknown pool, client or user. */
  tokens: { mint(request: MintTokenRequest): string };
  /** Forgets all state (identities, inbox, DNS, links, throttles, clock offset); faults stay as they are. */
  reset(): void;
}

export interface InboxMessage {
  id: string;
  service: string;
  region: string;
  to: string;
  subject: string;
  body: string;
  link?: string;
  code?: string;
  /** ISO 8601, virtual time. */
  sentAt: string;
}

export interface DnsRecord {
  name: string;
  type: 'TXT' | 'CNAME';
  value: string;
}

export interface FaultInfo {
  id: string;
  service: string;
  description: string;
}

/** What `control.tokens.mint` (and POST /_emulator/tokens) takes. */
export interface MintTokenRequest {
  userPoolId: string;
  /** Default: the pool's first app client. */
  clientId?: string;
  username: string;
  /** Default: ['aws.cognito.signin.user.admin']. */
  scopes?: string[];
  /** Default: the client's access-token validity (1 hour); 0 or less mints an already expired token. */
  expiresInSeconds?: number;
}
