// A conformance property: an arbitrary of inputs, a run that calls the target and checks rules,
// and the rules it covers. Stateless and model-based properties are both this one shape.
import type fc from 'fast-check';
import type { Capability } from '../../spec/rule.ts';
import type { ServiceName } from '../../services/index.ts';
import type { RuleId } from '../../services/index.ts';
import type { Target } from '../../harness/targets/target.ts';
import type { RunContext } from './context.ts';

export interface GenerationEnv {
  capabilities: ReadonlySet<Capability>;
  /**
   * Operations the target said it does not implement: inputs that need one are not generated, so
   * that a missing operation costs only the rules that need it (they are reported not-implemented).
   */
  unsupported: ReadonlySet<string>;
  /** fc.commands' own replay path, to replay a model-based counterexample exactly. */
  replayPath?: string;
}

export interface ConformanceProperty<T = unknown> {
  name: string;
  service: ServiceName;
  /** Every rule this property checks; a check of any other rule is a harness bug (a test enforces it). */
  rules: readonly RuleId[];
  /** Without these, the whole property is skipped. Rules may need more; see Rule.needs. */
  needs?: readonly Capability[];
  /** Why the property cannot run on this target although it has the capabilities (e.g. a setting it needs is missing); skipped with that reason. */
  unavailable?(target: Target): string | undefined;
  /** Scales the configured number of runs: a property that is costly per run asks for fewer. */
  runsFactor?: number;
  arbitrary(env: GenerationEnv): fc.Arbitrary<T>;
  /**
   * Inputs run first in every pass, whatever the seed: each documented boundary on both sides
   * (0/1/100/101 identities, 50/51 tags, ...), so no seed can miss one. Values of `arbitrary`'s type.
   */
  examples?(env: GenerationEnv): T[];
  run(ctx: RunContext, value: T): Promise<void>;
}

export function defineProperty<T>(property: ConformanceProperty<T>): ConformanceProperty<T> {
  return property;
}

/** The property with a step before every run that may refuse it (throw RefusedError) when the target is not fit for it. */
export function withPrecondition<T>(
  property: ConformanceProperty<T>,
  precondition: (ctx: RunContext, rules: readonly RuleId[], value: T) => Promise<void>,
): ConformanceProperty<T> {
  return {
    ...property,
    async run(ctx, value) {
      await precondition(ctx, property.rules, value);
      await property.run(ctx, value);
    },
  };
}
