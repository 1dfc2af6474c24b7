import type { RunContext } from '../../shared/context.ts';
import { clockStep } from '../arbitraries.ts';
import { SesCommand, type SesBox } from './ses-command.ts';

/** Moves the target's clock forward, across the 24 h and 72 h windows. */
export class AdvanceClock extends SesCommand {
  constructor(readonly ms: number) { super(); }

  check(): boolean { return true; }

  protected async execute(_box: SesBox, ctx: RunContext): Promise<void> {
    ctx.note(ctx.target.oob.replay.advanceClock(this.ms));
    await ctx.target.oob.advanceClock!(this.ms);
  }

  toString(): string { return `AdvanceClock(${this.ms / 3_600_000} h)`; }
}

export const advanceClockCommand = { needs: ['clock'] as const, arbitrary: clockStep.map((ms) => new AdvanceClock(ms)) };
