// Model-based properties: fc.commands over a service's commands, run with fc.asyncModelRun.
// The abstract model is pure and lives in models/; a command's check() only reads it, its run()
// calls the target, compares the answer with the model's allowed outcomes, then advances it.
import fc from 'fast-check';
import type { Capability } from '../../spec/rule.ts';
import type { RunContext } from './context.ts';
import { advanceClock } from './out-of-band.ts';
import { RunStopped } from './failure.ts';
import { defineProperty, type ConformanceProperty, type GenerationEnv } from './property.ts';

/** fast-check's model is mutable; ours is not: the box holds the current immutable state. */
export interface ModelBox<M> {
  state: M;
  /** The target clock as last read; check() judges time-dependent preconditions with it. */
  lastSeen: number;
}

export type ModelCommand<M> = fc.AsyncCommand<ModelBox<M>, RunContext>;

export interface CommandSpec<M> {
  needs?: readonly Capability[];
  /** Operations only this command calls: it is not generated on a target that lacks one of them. */
  operations?: readonly string[];
  /** The command's arbitrary, or one built from the target's capabilities (what it may be asked to do). */
  arbitrary: fc.Arbitrary<ModelCommand<M>> | ((capabilities: ReadonlySet<Capability>) => fc.Arbitrary<ModelCommand<M>>);
}

export interface ModelPropertySpec<M> extends Omit<ConformanceProperty, 'arbitrary' | 'run' | 'examples'> {
  /**
   * Command sequences run first in every pass, whatever the seed: the ones that reach each
   * documented boundary and lifecycle state. Only commands the target supports (env.capabilities,
   * env.unsupported); a command whose check() refuses the model at that point is skipped.
   */
  examples?(env: GenerationEnv): ModelCommand<M>[][];
  initial(): M;
  /** Set-up a run needs before its first command (a user pool, a signed-in user): returns the model it starts from. */
  prepare?(ctx: RunContext, initial: M): Promise<M>;
  commands: readonly CommandSpec<M>[];
  maxCommands: number;
}

export function modelProperty<M>(spec: ModelPropertySpec<M>): ConformanceProperty<Iterable<ModelCommand<M>>> {
  const { initial, prepare, commands, maxCommands, ...property } = spec;
  return defineProperty({
    ...property,
    arbitrary: ({ capabilities, unsupported, replayPath }) =>
      fc.commands(
        commands
          .filter((c) => (c.needs ?? []).every((n) => capabilities.has(n)) && !(c.operations ?? []).some((o) => unsupported.has(o)))
          .map((c) => (typeof c.arbitrary === 'function' ? c.arbitrary(capabilities) : c.arbitrary)),
        // Long sequences: the later lifecycle states (expiry, restart) need several steps to reach.
        { maxCommands, size: 'max', replayPath },
      ),
    run: async (ctx, cmds) => {
      const start = prepare ? await prepare(ctx, initial()) : initial();
      const model: ModelBox<M> = { state: start, lastSeen: ctx.now() };
      await fc.asyncModelRun(() => ({ model, real: ctx }), cmds);
    },
  });
}

/**
 * What every command of every service shares: run() executes the step, checks the invariants that
 * hold after every step, then notes the target's clock for the next check()'s time-dependent
 * preconditions. A step in which a rule already found failing broke again ends the run, unless the
 * command re-based the model on what the target answered (ctx.brokeInStep = false): later steps
 * would be judged against a model the target no longer matches, and charge rules they do not test.
 */
export abstract class BaseCommand<M> implements ModelCommand<M> {
  abstract check(model: Readonly<ModelBox<M>>): boolean;
  protected abstract execute(model: ModelBox<M>, ctx: RunContext): Promise<void>;
  abstract toString(): string;

  /** Invariants a service checks after every step (Pinpoint Email: the tags as listed). */
  protected async afterStep(_model: ModelBox<M>, _ctx: RunContext): Promise<void> {}

  async run(model: ModelBox<M>, ctx: RunContext): Promise<void> {
    ctx.brokeInStep = false;
    await this.execute(model, ctx);
    await this.afterStep(model, ctx);
    if (ctx.brokeInStep) throw new RunStopped(`${this} departed from the model at a rule already found failing`);
    model.lastSeen = ctx.now();
  }
}

/** Moves the target's clock forward (clock capability): the same step for every service's model. */
export class AdvanceClock<M> extends BaseCommand<M> {
  constructor(readonly ms: number) {
    super();
  }

  check(): boolean {
    return true;
  }

  protected async execute(_model: ModelBox<M>, ctx: RunContext): Promise<void> {
    await advanceClock(ctx, this.ms);
  }

  toString(): string {
    return this.ms < 3_600_000 ? `AdvanceClock(${this.ms / 60_000} min)` : `AdvanceClock(${this.ms / 3_600_000} h)`;
  }
}

export const advanceClockCommand = <M>(steps: fc.Arbitrary<number>): CommandSpec<M> => ({
  needs: ['clock'],
  arbitrary: steps.map((ms) => new AdvanceClock<M>(ms)),
});
