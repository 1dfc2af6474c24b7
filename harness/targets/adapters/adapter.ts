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
  /** A fresh state between property runs, where the emulator can give one to this run alone. */
  reset?(): Promise<void>;
  /** Once per conformance run, before any property, from the CLI: a fresh (and seeded) state where the emulator's reset is global. */
  prepare?(): Promise<void>;
}

export interface AdapterOptions {
  timeoutMs: number;
  /** The emulator's working directory, when the harness started it (its data lives there). */
  workDir?: string;
  /** The emulator's version, when the harness knows it. */
  version?: string;
  /** The run's seed, for an emulator whose ids can be made repeatable. */
  seed?: number;
}

export type AdapterFactory = (baseUrl: string, options: AdapterOptions) => Promise<EndpointAdapter>;
