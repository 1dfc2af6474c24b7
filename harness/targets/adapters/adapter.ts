// An adapter knows one emulator's out-of-band channel (how it exposes its clock, the codes and
// links it sent, its DNS) and so which capabilities the harness can use on it.
import type { Capability } from '../../../spec/rule.ts';
import type { OutOfBand } from '../target.ts';

export interface EndpointAdapter {
  name: string;
  capabilities: Capability[];
  oob: OutOfBand;
  /** The emulator's clock (epoch ms), as the adapter can best tell it. */
  now(): number;
  version?: string;
  reset?(): Promise<void>;
}

export interface AdapterOptions {
  timeoutMs: number;
  /** The emulator's working directory, when the harness started it (its data lives there). */
  workDir?: string;
  /** The emulator's version, when the harness knows it. */
  version?: string;
}

export type AdapterFactory = (baseUrl: string, options: AdapterOptions) => Promise<EndpointAdapter>;
